package bot

import (
	"log/slog"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/startupqa/startupqa/bot/discordtest"
)

func TestShardOf(t *testing.T) {
	for _, tt := range []struct {
		guild string
		count int
		want  int
	}{
		{"", 4, 0}, // DMs
		{"81384788765712384", 1, 0},
		{"81384788765712384", 16, 2}, // (81384788765712384 >> 22) % 16
		{strconv.FormatUint(5<<22, 10), 2, 1},
		{strconv.FormatUint(7<<22|12345, 10), 4, 3},
		{"not a snowflake", 4, 0},
	} {
		if got := ShardOf(tt.guild, tt.count); got != tt.want {
			t.Errorf("ShardOf(%q, %d) = %d, want %d", tt.guild, tt.count, got, tt.want)
		}
	}
}

// shardGuilds are two guild ids on shards 0 and 1 of 2.
var shardGuilds = [2]string{strconv.FormatUint(4<<22, 10), strconv.FormatUint(5<<22, 10)}

// A process that runs shard 1 of 2 identifies as [1, 2], answers its
// guild, gets no event of shard 0's, and leaves the commands to shard 0's
// process.
func TestRunOneShardOfTwo(t *testing.T) {
	srv := discordtest.Start(t, discordtest.Options{Guilds: shardGuilds[:], Shards: 2, MaxConcurrency: 1})
	r := startBotWith(t, srv, Config{ShardCount: 2, ShardIDs: []int{1}}, defaultIndex(t), nil)
	ids := srv.Identifies()
	if len(ids) != 1 || ids[0].Shard == nil || *ids[0].Shard != [2]int{1, 2} {
		t.Fatalf("identifies %+v, want one as shard [1, 2]", ids)
	}
	if !r.bot.Connected() {
		t.Error("not connected")
	}
	if !strings.Contains(r.logs.String(), "commands are registered by the process that runs shard 0") {
		t.Error("shard 1's process did not leave the commands to shard 0's")
	}
	for _, q := range srv.Requests() {
		if strings.Contains(q.Endpoint, "/commands") {
			t.Errorf("shard 1's process called %s %s", q.Method, q.Endpoint)
		}
	}
	got := r.interact(t, srv.CommandInteraction(discordtest.Actor{GuildID: shardGuilds[1]}, "ask", discordtest.StringOption("question", "大模型的训练过程")))
	if len(got.Data.Embeds) == 0 {
		t.Errorf("answer in shard 1's guild: %+v", got)
	}
	// Shard 0's guild: the fake has no session for it.
	if err := srv.DispatchInteraction(srv.CommandInteraction(discordtest.Actor{GuildID: shardGuilds[0]}, "ask",
		discordtest.StringOption("question", "大模型的训练过程"))); err == nil {
		t.Error("an event of shard 0's guild reached shard 1's process")
	}
	if !r.bot.owns(shardGuilds[1]) || r.bot.owns(shardGuilds[0]) || r.bot.owns("") {
		t.Errorf("owns: shard 1's guild %v, shard 0's %v, DMs %v", r.bot.owns(shardGuilds[1]), r.bot.owns(shardGuilds[0]), r.bot.owns(""))
	}
}

// SHARD_COUNT=auto takes Discord's count and runs every shard, in rounds
// of max_concurrency IDENTIFYs.
func TestRunAutoShards(t *testing.T) {
	srv := discordtest.Start(t, discordtest.Options{Guilds: shardGuilds[:], Shards: 4, MaxConcurrency: 2})
	started := time.Now()
	r := startBotWith(t, srv, Config{ShardCount: AutoShards, IdentifyEvery: 300 * time.Millisecond}, defaultIndex(t), nil)
	ids := srv.Identifies()
	if len(ids) != 4 {
		t.Fatalf("%d identifies, want 4", len(ids))
	}
	seen := map[int]bool{}
	for _, id := range ids {
		if id.Shard == nil || id.Shard[1] != 4 {
			t.Fatalf("identify %+v, want a shard of 4", id.Shard)
		}
		seen[id.Shard[0]] = true
	}
	if len(seen) != 4 {
		t.Errorf("shards identified %v, want 0 to 3", seen)
	}
	// Two rounds of two: one wait between them.
	if took := time.Since(started); took < 300*time.Millisecond {
		t.Errorf("4 shards at max_concurrency 2 identified within %v, want the rounds 300 ms apart", took)
	}
	var rounds []time.Time
	for _, e := range srv.GatewayEvents() {
		if e.Kind == discordtest.GatewayIdentify {
			rounds = append(rounds, e.Time)
		}
	}
	if gap := rounds[2].Sub(rounds[1]); gap < 250*time.Millisecond {
		t.Errorf("third IDENTIFY %v after the second, want a round's wait", gap)
	}
	if !r.bot.Connected() || !r.bot.registersCommands() {
		t.Errorf("connected %v, registers commands %v", r.bot.Connected(), r.bot.registersCommands())
	}
	for _, g := range shardGuilds {
		got := r.interact(t, srv.CommandInteraction(discordtest.Actor{GuildID: g}, "ask", discordtest.StringOption("question", "什么是大模型")))
		if len(got.Data.Embeds) == 0 {
			t.Errorf("answer in guild %s: %+v", g, got)
		}
	}
	if err := r.srv.DispatchMessage(&discordgo.Message{ID: "dm", ChannelID: discordtest.DefaultDMChannelID, Content: "什么是大模型",
		Author: &discordgo.User{ID: discordtest.DefaultUserID}}); err != nil {
		t.Errorf("a DM reached no shard: %v", err)
	}
}

// A shard id past the count is refused before anything connects.
func TestRunBadShardID(t *testing.T) {
	srv := discordtest.Start(t, discordtest.Options{Shards: 2})
	b := New(Config{Token: srv.Token(), APIBase: srv.BaseURL(), ShardCount: 2, ShardIDs: []int{2}}, defaultIndex(t), nil, slog.New(slog.DiscardHandler))
	err := b.Run(t.Context())
	if err == nil || !strings.Contains(err.Error(), "shard 2 does not exist") {
		t.Errorf("Run = %v, want the bad shard named", err)
	}
	if n := len(srv.Identifies()); n != 0 {
		t.Errorf("%d identifies", n)
	}
}
