package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/startupqa/startupqa"
	"github.com/startupqa/startupqa/bot/discordtest"
	"github.com/startupqa/startupqa/internal/pgtest"
	"github.com/startupqa/startupqa/postgres"
)

// childEnv, set to "serve", makes the test binary run startupqa serve
// (see TestMain): a real second process, which the test can SIGKILL.
const childEnv = "STARTUPQA_E2E_CHILD"

// runChild runs serve as the whole process, as main does.
func runChild() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(exitCode(run(ctx, []string{"serve"}, os.Stdin, os.Stdout, os.Stderr, os.LookupEnv)))
}

// shardProcess is a serve process of some shards.
type shardProcess struct {
	cmd *exec.Cmd
	log *lockedBuffer
}

func startShard(t *testing.T, env []string, ids string) *shardProcess {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), append(env, childEnv+"=serve", "SHARD_IDS="+ids)...)
	p := &shardProcess{cmd: cmd, log: &lockedBuffer{}}
	cmd.Stdout, cmd.Stderr = p.log, p.log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Signal(syscall.SIGTERM)
			done := make(chan struct{})
			go func() { cmd.Wait(); close(done) }()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				cmd.Process.Kill()
				<-done
			}
		}
		if t.Failed() {
			t.Logf("shards %s:\n%s", ids, p.log)
		}
	})
	return p
}

// waitFor polls cond until it holds or the time is up.
func waitFor(t *testing.T, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("after %v: %s", d, what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestShardsEndToEnd runs the bot as two processes, shards 0 and 1 of 2,
// against the fake Discord and one PostgreSQL, as a bot in many servers
// would run: each answers its own guilds, a daily challenge fires once,
// both shards' scores land in the one store, and a process killed with
// SIGKILL and started again resumes its guilds' challenge.
func TestShardsEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes and waits for a scheduled minute")
	}
	ctx := context.Background()
	url := pgtest.Need(t)
	// Guilds of shards 0 and 1: (id >> 22) % 2.
	guilds := [2]string{strconv.FormatUint(1000<<22, 10), strconv.FormatUint(1001<<22, 10)}
	srv := discordtest.Start(t, discordtest.Options{Guilds: guilds[:], Shards: 2, MaxConcurrency: 1})
	store, err := postgres.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	// A daily challenge in shard 1's guild, due at the next minute.
	due := time.Now().UTC().Add(time.Minute).Truncate(time.Minute)
	if err := store.PutSchedule(ctx, startupqa.Schedule{GuildID: guilds[1], ChannelID: "sched", TimeOfDay: due.Format("15:04"),
		Timezone: "UTC", CreatedBy: "admin"}); err != nil {
		t.Fatal(err)
	}

	env := []string{"DISCORD_TOKEN=" + srv.Token(), "DISCORD_API_BASE=" + srv.URL(), "DATABASE_URL=" + url,
		"SHARD_COUNT=2", "SCHEDULE_CHECK_SECONDS=1", "ASK_COOLDOWN_SECONDS=0", "LOG_LEVEL=info"}
	startShard(t, env, "0")
	one := startShard(t, env, "1")
	waitFor(t, 20*time.Second, "both shards identified", func() bool { return len(srv.Identifies()) == 2 })
	waitFor(t, 20*time.Second, "both shards ready", func() bool { return srv.Connected(ctx) == nil })
	for _, id := range srv.Identifies() {
		if id.Shard == nil || id.Shard[1] != 2 {
			t.Fatalf("identify %+v, want shards of 2", id.Shard)
		}
	}
	// max_concurrency 1: the two processes' shards took turns, 5 s apart.
	var identified []time.Time
	for _, e := range srv.GatewayEvents() {
		if e.Kind == discordtest.GatewayIdentify {
			identified = append(identified, e.Time)
		}
	}
	if gap := identified[1].Sub(identified[0]); gap < 4900*time.Millisecond {
		t.Errorf("the shards identified %v apart; Discord wants 5 s per bucket", gap)
	}

	// Each shard's guild is answered (the fake sends its events to that
	// shard only).
	for _, g := range guilds {
		a := discordtest.Actor{GuildID: g, ChannelID: "ask-" + g, UserID: "7" + g[len(g)-4:]}
		got := callback(t, srv, srv.CommandInteraction(a, "ask", discordtest.StringOption("question", "大模型的训练过程")))
		if !strings.Contains(got, "训练") {
			t.Errorf("answer in guild %s: %s", g, got)
		}
	}

	// A challenge in each shard's guild; shard 1's is left running.
	ids := [2]int64{}
	for k, g := range guilds {
		a := discordtest.Actor{GuildID: g, ChannelID: fmt.Sprintf("play%d", k), UserID: fmt.Sprintf("90%d", k)}
		got := callback(t, srv, srv.CommandInteraction(a, "challenge", discordtest.SubCommandOption("start",
			discordtest.IntOption("rounds", 2), discordtest.IntOption("seconds", 600))))
		ids[k] = challengeID(t, got)
		verdict := callback(t, srv, srv.ModalSubmitInteraction(a, fmt.Sprintf("ch:modal:%d:1", ids[k]),
			discordtest.ModalField{CustomID: "answer", Value: "大模型参数量巨大，需要大量计算资源，泛化能力强，可以多任务学习，应用在自然语言处理和图像识别"}))
		if !strings.Contains(verdict, "key points") && !strings.Contains(verdict, "要点") {
			t.Fatalf("answer in guild %s: %s", g, verdict)
		}
	}
	// Shard 0's ends now; its round's points were recorded as answered.
	a0 := discordtest.Actor{GuildID: guilds[0], ChannelID: "play0", UserID: "900"}
	callback(t, srv, srv.CommandInteraction(a0, "challenge", discordtest.SubCommandOption("stop")))

	// Both shards' answers are in the one store.
	for k, g := range guilds {
		board, err := store.Leaderboard(ctx, g, startupqa.PeriodAll, time.Now(), 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(board) != 1 || board[0].UserID != fmt.Sprintf("90%d", k) || board[0].Rounds != 1 {
			t.Errorf("leaderboard of shard %d's guild: %+v", k, board)
		}
	}

	// SIGKILL shard 1's process and start it again: its challenge goes on
	// from round 1 with the answer already given.
	if err := one.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	one.cmd.Wait()
	before := len(channelPosts(srv, "play1"))
	startShard(t, env, "1")
	waitFor(t, 30*time.Second, "shard 1 resumed its challenge", func() bool {
		for _, m := range channelPosts(srv, "play1")[before:] {
			if strings.Contains(m, "挑战继续") || strings.Contains(m, "goes on") {
				return true
			}
		}
		return false
	})
	b1 := discordtest.Actor{GuildID: guilds[1], ChannelID: "play1", UserID: "777"}
	verdict := callback(t, srv, srv.ModalSubmitInteraction(b1, fmt.Sprintf("ch:modal:%d:1", ids[1]),
		discordtest.ModalField{CustomID: "answer", Value: "参数多"}))
	if strings.Contains(verdict, "结束") || strings.Contains(verdict, "over") {
		t.Errorf("an answer to the resumed round: %s", verdict)
	}

	// The daily challenge fired once, by shard 1's process, whichever
	// ran when.
	waitFor(t, 90*time.Second, "the daily challenge started", func() bool { return len(channelPosts(srv, "sched")) > 0 })
	time.Sleep(3 * time.Second) // three more checks
	running, err := store.RunningChallenges(ctx)
	if err != nil {
		t.Fatal(err)
	}
	fired := 0
	for _, c := range running {
		if c.ChannelID == "sched" {
			fired++
		}
	}
	if fired != 1 {
		t.Errorf("the daily challenge started %d times, want once", fired)
	}
}

// callback dispatches an interaction and returns its callback's body.
func callback(t *testing.T, srv *discordtest.Server, i *discordgo.Interaction) string {
	t.Helper()
	if err := srv.DispatchInteraction(i); err != nil {
		t.Fatalf("dispatch: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	endpoint := fmt.Sprintf("/interactions/%s/%s/callback", i.ID, i.Token)
	req, err := srv.WaitRequest(ctx, func(q discordtest.Request) bool { return q.Method == "POST" && q.Endpoint == endpoint })
	if err != nil {
		t.Fatalf("no callback for %s: %v", i.ID, err)
	}
	return string(req.Body)
}

// challengeID reads the challenge id from a round's buttons.
func challengeID(t *testing.T, body string) int64 {
	t.Helper()
	i := strings.Index(body, "ch:answer:")
	if i < 0 {
		t.Fatalf("no challenge in %s", body)
	}
	var id int64
	var round int
	if _, err := fmt.Sscanf(strings.ReplaceAll(body[i+len("ch:answer:"):], ":", " "), "%d %d", &id, &round); err != nil {
		t.Fatalf("challenge id in %s: %v", body, err)
	}
	return id
}

// channelPosts are the bodies of the messages posted in a channel.
func channelPosts(srv *discordtest.Server, channel string) []string {
	var out []string
	for _, q := range srv.Requests() {
		if q.Method == "POST" && q.Endpoint == "/channels/"+channel+"/messages" {
			var m struct {
				Content string          `json:"content"`
				Embeds  json.RawMessage `json:"embeds"`
			}
			_ = json.Unmarshal(q.Body, &m)
			out = append(out, m.Content+string(m.Embeds))
		}
	}
	return out
}
