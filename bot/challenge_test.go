package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/startupqa/startupqa"
	"github.com/startupqa/startupqa/bot/discordtest"
	"github.com/startupqa/startupqa/lang"
	"github.com/startupqa/startupqa/sqlstore"
)

// openStore opens a store over a new SQLite file.
func openStore(t testing.TB) *sqlstore.DB { return sqliteStores(t)(t) }

// startChallengeBot runs a bot with a store; the returned function starts
// a challenge and returns the first round's reply.
func startChallengeBot(t *testing.T, db *sqlstore.DB, srv *discordtest.Server) *running {
	t.Helper()
	if srv == nil {
		srv = discordtest.Start(t, discordtest.Options{})
	}
	// UseStore must come before Run: startBot builds the bot, so wrap.
	r := startBotWith(t, srv, Config{RoundTick: 20 * time.Millisecond}, defaultIndex(t), func(b *Bot) { b.UseStore(db) })
	return r
}

// channelPosts are the messages the bot posted in a channel, decoded.
func (r *running) channelPosts(t *testing.T) []discordgo.MessageSend {
	t.Helper()
	var out []discordgo.MessageSend
	for _, q := range r.channelMessages() {
		var m struct {
			Content string                    `json:"content"`
			Embeds  []*discordgo.MessageEmbed `json:"embeds"`
		}
		if err := q.Decode(&m); err != nil {
			t.Fatal(err)
		}
		out = append(out, discordgo.MessageSend{Content: m.Content, Embeds: m.Embeds})
	}
	return out
}

func waitPosts(t *testing.T, r *running, n int) []discordgo.MessageSend {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		if ps := r.channelPosts(t); len(ps) >= n {
			return ps
		}
		if time.Now().After(deadline) {
			t.Fatalf("fewer than %d posts: %+v\nlogs:\n%s", n, r.channelPosts(t), r.logs)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func startOpts(rounds, seconds int64, topic string) []*discordgo.ApplicationCommandInteractionDataOption {
	opts := []*discordgo.ApplicationCommandInteractionDataOption{
		discordtest.IntOption("rounds", rounds), discordtest.IntOption("seconds", seconds),
	}
	if topic != "" {
		opts = append(opts, discordtest.StringOption("topic", topic))
	}
	return []*discordgo.ApplicationCommandInteractionDataOption{discordtest.SubCommandOption(subStart, opts...)}
}

// buttonsOf returns the custom ids of the first row of a reply.
func buttonsOf(s sent) []string { return s.buttons() }

// Two members play a two-round challenge through buttons and modals.
func TestChallengeTwoMembers(t *testing.T) {
	db := openStore(t)
	r := startChallengeBot(t, db, nil)
	alice := discordtest.Actor{UserID: "501", Username: "alice"}
	bob := discordtest.Actor{UserID: "502", Username: "bob"}

	first := r.interact(t, r.srv.CommandInteraction(alice, cmdChallenge, startOpts(2, 60, "大模型的挑战")...))
	if len(first.Data.Embeds) != 1 || !strings.Contains(first.Data.Embeds[0].Description, "大模型在创业过程中面临哪些挑战") {
		t.Fatalf("first round: %+v", first.Data)
	}
	ids := buttonsOf(first)
	if len(ids) != 3 {
		t.Fatalf("buttons %v", ids)
	}
	answerID := ids[0]

	// A second challenge in the same channel is refused.
	again := r.interact(t, r.srv.CommandInteraction(bob, cmdChallenge, startOpts(1, 60, "")...))
	if !again.ephemeral() || !strings.Contains(again.Data.Content, "<@501>") {
		t.Errorf("second start: %+v", again.Data)
	}

	// Answer opens a modal; submitting it gives a private verdict.
	m := r.interact(t, r.srv.ComponentInteraction(alice, answerID))
	if m.Type != int(discordgo.InteractionResponseModal) {
		t.Fatalf("Answer button: response type %d, want a modal", m.Type)
	}
	modalID := chPrefix + actModal + strings.TrimPrefix(answerID, chPrefix+actAnswer)
	v := r.interact(t, r.srv.ModalSubmitInteraction(alice, modalID, discordtest.ModalField{CustomID: fieldText,
		Value: "计算资源需求大，训练要大量算力和存储；数据质量要高；模型解释性差是黑箱；模型可扩展性；安全和隐私要保护。"}))
	if !v.ephemeral() || !strings.Contains(v.Data.Content, "覆盖 5/5") || !strings.Contains(v.Data.Content, "+20") {
		t.Errorf("alice's verdict: %q", v.Data.Content)
	}
	r.interact(t, r.srv.ComponentInteraction(bob, answerID))
	v = r.interact(t, r.srv.ModalSubmitInteraction(bob, modalID, discordtest.ModalField{CustomID: fieldText, Value: "数据质量很重要。"}))
	if !strings.Contains(v.Data.Content, "覆盖 1/5") {
		t.Errorf("bob's verdict: %q", v.Data.Content)
	}

	// Everyone who joined answered: the round ends, the answer is
	// revealed with the round's ranking, and round 2 is asked.
	posts := waitPosts(t, r, 2)
	reveal := posts[0].Embeds[0]
	if !strings.Contains(reveal.Title, "第 1/2 题答案") || !strings.Contains(reveal.Description, "**计算资源需求：**") {
		t.Errorf("reveal: %+v", reveal)
	}
	rank := reveal.Fields[len(reveal.Fields)-1].Value
	if !strings.HasPrefix(rank, "1. <@501> 120 分") || !strings.Contains(rank, "2. <@502>") {
		t.Errorf("ranking: %q", rank)
	}
	if !strings.Contains(posts[1].Embeds[0].Title, "2/2") {
		t.Errorf("round 2: %+v", posts[1].Embeds[0])
	}

	// A stale button of round 1 is refused politely.
	stale := r.interact(t, r.srv.ComponentInteraction(bob, answerID))
	if !stale.ephemeral() || !strings.Contains(stale.Data.Content, "round is over") {
		t.Errorf("stale button: %+v", stale.Data)
	}

	// Round 2: both players are known now, so the round ends as soon as
	// both answered; bob improves his answer once, a third try is refused.
	_, cid, _, _ := parseChID(ids[0])
	answer2, modal2 := chID(actAnswer, cid, 2), chID(actModal, cid, 2)
	if s := r.interact(t, r.srv.ComponentInteraction(bob, chID(actSkip, cid, 2))); !strings.Contains(s.Data.Content, "Only the starter") {
		t.Errorf("skip by a member who did not start: %+v", s.Data)
	}
	if s := r.interact(t, r.srv.ComponentInteraction(bob, chID(actHint, cid, 2))); !strings.Contains(s.Data.Content, "提示：") {
		t.Errorf("hint: %+v", s.Data)
	}
	r.interact(t, r.srv.ComponentInteraction(bob, answer2))
	r.interact(t, r.srv.ModalSubmitInteraction(bob, modal2, discordtest.ModalField{CustomID: fieldText, Value: "不知道"}))
	v = r.interact(t, r.srv.ModalSubmitInteraction(bob, modal2, discordtest.ModalField{CustomID: fieldText, Value: "不知道，再想想"}))
	if !strings.Contains(v.Data.Content, "覆盖") {
		t.Errorf("bob's improvement: %q", v.Data.Content)
	}
	if third := r.interact(t, r.srv.ComponentInteraction(bob, answer2)); !strings.Contains(third.Data.Content, "twice") {
		t.Errorf("a third answer: %+v", third.Data)
	}
	r.interact(t, r.srv.ComponentInteraction(alice, answer2))
	r.interact(t, r.srv.ModalSubmitInteraction(alice, modal2, discordtest.ModalField{CustomID: fieldText, Value: "不知道"}))
	posts = waitPosts(t, r, 4)
	if !strings.Contains(posts[2].Embeds[0].Title, "第 2/2 题答案") || !strings.Contains(posts[3].Embeds[0].Title, "挑战结束") || !strings.HasPrefix(posts[3].Embeds[0].Description, "1. <@501> 120 分") {
		t.Errorf("end of round 2: %+v / %+v", posts[2].Embeds[0], posts[3].Embeds[0])
	}
	board := r.interact(t, r.srv.CommandInteraction(bob, cmdLeaderboard))
	if len(board.Data.Embeds) != 1 || !strings.HasPrefix(board.Data.Embeds[0].Description, "1. <@501> 120") {
		t.Errorf("leaderboard: %+v", board.Data)
	}
	noPings(t, board.Data.Mentions)
}

// A round nobody answers ends when its time is up.
func TestChallengeRoundTimesOut(t *testing.T) {
	db := openStore(t)
	r := startChallengeBot(t, db, nil)
	// Shorten the round below what the command accepts, in the store: the
	// round ends at the next check of due rounds, as one whose process died.
	r.interact(t, r.srv.CommandInteraction(member, cmdChallenge, startOpts(1, 30, "")...))
	shortenRounds(t, db)
	posts := waitPosts(t, r, 2)
	if !strings.Contains(posts[0].Embeds[0].Fields[len(posts[0].Embeds[0].Fields)-1].Value, "没有人回答") || !strings.Contains(posts[1].Embeds[0].Title, "挑战结束") {
		t.Errorf("timed-out round: %+v", posts)
	}
	running, err := db.RunningChallenges(context.Background())
	if err != nil || len(running) != 0 {
		t.Errorf("running after the end: %v %v", running, err)
	}
}

// A challenge left running by a previous process resumes when the bot
// starts again: its round, the points of the rounds before and the answers
// of this one carry over, and it ends as it would have.
func TestChallengeResumedAfterRestart(t *testing.T) {
	ctx := context.Background()
	db := openStore(t)
	now := time.Now()
	c := &startupqa.Challenge{GuildID: discordtest.DefaultGuildID, ChannelID: "777", StarterID: "1", Lang: "en",
		Sections: []string{"llm-startup/1", "llm-startup/2"}, Seconds: 60, Round: 2, State: startupqa.ChallengeRunning,
		RoundEndsAt: now.Add(time.Minute), StartedAt: now, UpdatedAt: now}
	if err := db.CreateChallenge(ctx, c); err != nil {
		t.Fatal(err)
	}
	for _, a := range []startupqa.Attempt{
		{ChallengeID: c.ID, Round: 1, GuildID: c.GuildID, ChannelID: "777", UserID: "41", SectionID: "llm-startup/1", Score: 1, Points: 120},
		{ChallengeID: c.ID, Round: 2, GuildID: c.GuildID, ChannelID: "777", UserID: "42", SectionID: "llm-startup/2", Score: 0.5, Points: 50,
			Covered: []string{"a"}, Missed: []string{"b"}},
	} {
		if err := db.RecordAttempt(ctx, &a); err != nil {
			t.Fatal(err)
		}
	}
	r := startChallengeBot(t, db, nil)
	posts := waitPosts(t, r, 1)
	if !strings.Contains(posts[0].Content, "The bot restarted; the challenge goes on") || len(posts[0].Embeds) != 1 ||
		!strings.Contains(posts[0].Embeds[0].Title, "round 2/2") {
		t.Fatalf("resume post: %+v", posts[0])
	}
	// u42's answer and what it missed are in the store: a hint names it.
	hint := r.interact(t, r.srv.ComponentInteraction(discordtest.Actor{UserID: "42"}, chID(actHint, c.ID, 2)))
	if !strings.Contains(hint.Data.Content, "“b”") {
		t.Errorf("hint after the restart: %q", hint.Data.Content)
	}
	shortenRounds(t, db)
	posts = waitPosts(t, r, 3)
	final := posts[2].Embeds[0]
	if !strings.Contains(final.Title, "Challenge over") || !strings.Contains(final.Description, "<@41> 120 points") ||
		!strings.Contains(final.Description, "<@42> 50 points") {
		t.Errorf("final ranking after the resume: %+v", final)
	}
	if running, _ := db.RunningChallenges(ctx); len(running) != 0 {
		t.Errorf("still running: %+v", running)
	}
}

// A challenge that cannot resume (its questions left the corpus) is ended
// with a message when the bot starts.
func TestChallengeEndedAfterRestart(t *testing.T) {
	db := openStore(t)
	c := &startupqa.Challenge{GuildID: discordtest.DefaultGuildID, ChannelID: "777", StarterID: "1",
		Sections: []string{"gone/1"}, Seconds: 60, Round: 1, State: startupqa.ChallengeRunning,
		RoundEndsAt: time.Now().Add(time.Minute), StartedAt: time.Now(), UpdatedAt: time.Now()}
	if err := db.CreateChallenge(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	r := startChallengeBot(t, db, nil)
	posts := waitPosts(t, r, 1)
	if !strings.Contains(posts[0].Content, "重启") {
		t.Errorf("restart message: %+v", posts)
	}
	if running, _ := db.RunningChallenges(context.Background()); len(running) != 0 {
		t.Errorf("still running: %+v", running)
	}
}

// shortenRounds makes every running round's time up now, in the store.
func shortenRounds(t *testing.T, db *sqlstore.DB) {
	t.Helper()
	ctx := context.Background()
	running, err := db.RunningChallenges(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range running {
		c.RoundEndsAt, c.UpdatedAt = time.Now(), time.Now()
		if err := db.UpdateChallenge(ctx, &c); err != nil {
			t.Fatal(err)
		}
	}
}

// Challenges in many channels at once do not mix up.
func TestChallengeManyChannels(t *testing.T) {
	db := openStore(t)
	r := startChallengeBot(t, db, nil)
	const n = 50
	is := make([]*discordgo.Interaction, n)
	for k := range is {
		a := discordtest.Actor{UserID: fmt.Sprint(900 + k), ChannelID: fmt.Sprint(5000 + k)}
		is[k] = r.srv.CommandInteraction(a, cmdChallenge, startOpts(1, 60, "")...)
	}
	for _, i := range is {
		if err := r.srv.DispatchInteraction(i); err != nil {
			t.Fatal(err)
		}
	}
	for k, i := range is {
		s := r.callback(t, i)
		if len(s.Data.Embeds) != 1 {
			t.Fatalf("channel %d: %+v", k, s.Data)
		}
		a := discordtest.Actor{UserID: fmt.Sprint(900 + k), ChannelID: fmt.Sprint(5000 + k)}
		answer := buttonsOf(s)[0]
		modal := chPrefix + actModal + strings.TrimPrefix(answer, chPrefix+actAnswer)
		r.interact(t, r.srv.ComponentInteraction(a, answer))
		v := r.interact(t, r.srv.ModalSubmitInteraction(a, modal, discordtest.ModalField{CustomID: fieldText, Value: "不知道"}))
		if !v.ephemeral() || !strings.Contains(v.Data.Content, "覆盖") {
			t.Fatalf("channel %d verdict: %+v", k, v.Data)
		}
		// One player in the first round waits for others to join; the
		// starter ends it.
		skip := chPrefix + actSkip + strings.TrimPrefix(answer, chPrefix+actAnswer)
		r.interact(t, r.srv.ComponentInteraction(a, skip))
	}
	posts := waitPosts(t, r, 2*n) // a reveal and a final per channel
	if len(posts) != 2*n {
		t.Errorf("%d posts, want %d", len(posts), 2*n)
	}
	if running, _ := db.RunningChallenges(context.Background()); len(running) != 0 {
		t.Errorf("%d challenges still running", len(running))
	}
}

// A challenge started with language English asks the English question,
// grades against the English key points and posts in English, whatever
// the members' Discord locale.
func TestChallengeInEnglish(t *testing.T) {
	db := openStore(t)
	r := startChallengeBot(t, db, nil)
	alice := discordtest.Actor{UserID: "601", Username: "alice", Locale: discordgo.ChineseCN}
	opts := startOpts(1, 60, "大模型的挑战")
	opts[0].Options = append(opts[0].Options, discordtest.StringOption(optLanguage, langEnglish))

	first := r.interact(t, r.srv.CommandInteraction(alice, cmdChallenge, opts...))
	if len(first.Data.Embeds) != 1 {
		t.Fatalf("first round: %+v", first.Data)
	}
	round := first.Data.Embeds[0]
	if !strings.Contains(round.Title, "Challenge · round 1/1") || !strings.Contains(round.Description, "What challenges do large models face") {
		t.Errorf("round in English: %q / %q", round.Title, round.Description)
	}
	answerID := buttonsOf(first)[0]
	r.interact(t, r.srv.ComponentInteraction(alice, answerID))
	modalID := chPrefix + actModal + strings.TrimPrefix(answerID, chPrefix+actAnswer)
	v := r.interact(t, r.srv.ModalSubmitInteraction(alice, modalID, discordtest.ModalField{CustomID: fieldText,
		Value: "Huge computing resources and storage; data quality; poor interpretability, a black box; scalability; security and privacy of user data."}))
	// The verdict names the round's key points, so it is in English too,
	// whatever alice's locale.
	if !strings.Contains(v.Data.Content, "5 of 5") || !strings.Contains(v.Data.Content, "✓ Data quality") {
		t.Errorf("verdict against the English key points: %q", v.Data.Content)
	}
	// A lone player does not end the first round; the starter skips it.
	_, cid, _, _ := parseChID(answerID)
	r.interact(t, r.srv.ComponentInteraction(alice, chID(actSkip, cid, 1)))

	posts := waitPosts(t, r, 2)
	reveal, final := posts[0].Embeds[0], posts[1].Embeds[0]
	if !strings.Contains(reveal.Title, "Round 1/1 answer") || !strings.Contains(reveal.Description, "**Data quality:**") ||
		!strings.Contains(reveal.Fields[len(reveal.Fields)-1].Value, "<@601>") {
		t.Errorf("reveal in English: %+v", reveal)
	}
	if !strings.Contains(final.Title, "Challenge over") || !strings.Contains(final.Description, "points") {
		t.Errorf("final ranking in English: %+v", final)
	}
}

// failingEnds is a store whose writes of an ended challenge fail a number
// of times, as a full disk or a locked database would fail them.
type failingEnds struct {
	*sqlstore.DB
	mu    sync.Mutex
	fails int
}

func (f *failingEnds) AdvanceRound(ctx context.Context, c *startupqa.Challenge, from int) (bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if c.State == startupqa.ChallengeEnded && f.fails > 0 {
		f.fails--
		return false, errors.New("disk I/O error")
	}
	return f.DB.AdvanceRound(ctx, c, from)
}

// A challenge whose end failed to reach the store does not block its
// channel: its round, over, is ended again at the next check of due
// rounds, and the channel plays again (issue 11, item 5).
func TestChallengeEndNotStored(t *testing.T) {
	store := &failingEnds{DB: openStore(t), fails: 1}
	srv := discordtest.Start(t, discordtest.Options{})
	r := startBotWith(t, srv, Config{}, defaultIndex(t), func(b *Bot) { b.UseStore(store) })
	alice := discordtest.Actor{UserID: "601", Username: "alice"}

	first := r.interact(t, r.srv.CommandInteraction(alice, cmdChallenge, startOpts(1, 60, "")...))
	_, cid, _, ok := parseChID(buttonsOf(first)[0])
	if !ok {
		t.Fatalf("first round: %+v", first.Data)
	}
	r.interact(t, r.srv.ComponentInteraction(alice, chID(actSkip, cid, 1)))
	waitLog(t, r, "disk I/O error")
	if posts := r.channelPosts(t); len(posts) != 0 {
		t.Fatalf("a round whose end was not stored was revealed: %+v", posts)
	}
	if running, _ := store.RunningChallenges(context.Background()); len(running) != 1 {
		t.Fatalf("store has %d running challenges, want the one whose end failed", len(running))
	}
	// Its time runs out: the next check of due rounds ends it.
	shortenRounds(t, store.DB)
	waitPosts(t, r, 2) // the reveal and the final ranking: the game is over

	again := r.interact(t, r.srv.CommandInteraction(alice, cmdChallenge, startOpts(1, 60, "")...))
	if len(again.Data.Embeds) != 1 || strings.Contains(again.Data.Content, "already") || strings.Contains(again.Data.Content, "已经") {
		t.Fatalf("second start in the channel: %+v", again.Data)
	}
	running, err := store.RunningChallenges(context.Background())
	if err != nil || len(running) != 1 || running[0].ID == cid {
		t.Errorf("running after the second start = %+v, %v; want only the new challenge", running, err)
	}
}

// waitLog waits for the bot to log a line holding s.
func waitLog(t *testing.T, r *running, s string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(r.logs.String(), s) {
		if time.Now().After(deadline) {
			t.Fatalf("no log line with %q:\n%s", s, r.logs)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// downStore fails every challenge write while down, as a full disk or a
// lost database would.
type downStore struct {
	*sqlstore.DB
	down atomic.Bool
}

var errDiskFull = errors.New("database or disk is full")

func (s *downStore) CreateChallenge(ctx context.Context, c *startupqa.Challenge) error {
	if s.down.Load() {
		return errDiskFull
	}
	return s.DB.CreateChallenge(ctx, c)
}

func (s *downStore) UpdateChallenge(ctx context.Context, c *startupqa.Challenge) error {
	if s.down.Load() {
		return errDiskFull
	}
	return s.DB.UpdateChallenge(ctx, c)
}

func (s *downStore) AdvanceRound(ctx context.Context, c *startupqa.Challenge, from int) (bool, error) {
	if s.down.Load() {
		return false, errDiskFull
	}
	return s.DB.AdvanceRound(ctx, c, from)
}

func (s *downStore) RecordRoundAttempt(ctx context.Context, a *startupqa.Attempt) error {
	if s.down.Load() {
		return errDiskFull
	}
	return s.DB.RecordRoundAttempt(ctx, a)
}

func (s *downStore) RecordAttempt(ctx context.Context, a *startupqa.Attempt) error {
	if s.down.Load() {
		return errDiskFull
	}
	return s.DB.RecordAttempt(ctx, a)
}

// With the store failing at each step of a challenge (start, answer, end
// of round), members get polite replies, the bot stays up, the error
// details stay in the log, and the channel can play again once the store
// is back.
func TestChallengeStoreFailsAtEveryStep(t *testing.T) {
	store := &downStore{DB: openStore(t)}
	srv := discordtest.Start(t, discordtest.Options{})
	r := startBotWith(t, srv, Config{}, defaultIndex(t), func(b *Bot) { b.UseStore(store) })
	alice := discordtest.Actor{UserID: "701", Username: "alice"}
	polite := func(step string, s sent) {
		t.Helper()
		if !s.ephemeral() || !strings.Contains(s.Data.Content, txtSorry.In(lang.English)) || strings.Contains(s.Data.Content, "disk") {
			t.Errorf("%s with the store down: %+v", step, s.Data)
		}
	}

	store.down.Store(true)
	polite("start", r.interact(t, r.srv.CommandInteraction(alice, cmdChallenge, startOpts(1, 60, "")...)))

	store.down.Store(false)
	first := r.interact(t, r.srv.CommandInteraction(alice, cmdChallenge, startOpts(1, 60, "")...))
	ids := buttonsOf(first)
	if len(ids) == 0 {
		t.Fatalf("start with the store back: %+v", first.Data)
	}
	_, cid, _, _ := parseChID(ids[0])
	store.down.Store(true)
	r.interact(t, r.srv.ComponentInteraction(alice, chID(actAnswer, cid, 1)))
	polite("answer", r.interact(t, r.srv.ModalSubmitInteraction(alice, chID(actModal, cid, 1), discordtest.ModalField{CustomID: fieldText, Value: "数据质量很重要。"})))
	r.interact(t, r.srv.ComponentInteraction(alice, chID(actSkip, cid, 1)))
	waitLog(t, r, "end round")
	if posts := r.channelPosts(t); len(posts) != 0 {
		t.Errorf("a round ended while its end could not be stored: %+v", posts)
	}

	// Back: the round ends when skipped again, and the channel plays on.
	store.down.Store(false)
	r.interact(t, r.srv.ComponentInteraction(alice, chID(actSkip, cid, 1)))
	waitPosts(t, r, 2)
	again := r.interact(t, r.srv.CommandInteraction(alice, cmdChallenge, startOpts(1, 60, "")...))
	if len(again.Data.Embeds) != 1 {
		t.Errorf("start after the store came back: %+v", again.Data)
	}
	if !strings.Contains(r.logs.String(), errDiskFull.Error()) {
		t.Error("the store's errors were not logged")
	}
}

// /challenge stop ends a game mid-way with the scores so far: only its
// starter or a moderator may, and the channel is free afterwards.
func TestChallengeStop(t *testing.T) {
	r := startChallengeBot(t, openStore(t), nil)
	alice := discordtest.Actor{UserID: "801", Username: "alice"}
	bob := discordtest.Actor{UserID: "802", Username: "bob"}
	stop := func(who discordtest.Actor) sent {
		return r.interact(t, r.srv.CommandInteraction(who, cmdChallenge, discordtest.SubCommandOption(subStop)))
	}
	if s := stop(alice); !s.ephemeral() || !strings.Contains(s.Data.Content, "No challenge is running") {
		t.Errorf("stop with nothing running: %+v", s.Data)
	}
	first := r.interact(t, r.srv.CommandInteraction(alice, cmdChallenge, startOpts(3, 60, "大模型的挑战")...))
	_, cid, _, ok := parseChID(buttonsOf(first)[0])
	if !ok {
		t.Fatalf("start: %+v", first.Data)
	}
	r.interact(t, r.srv.ComponentInteraction(alice, chID(actAnswer, cid, 1)))
	r.interact(t, r.srv.ModalSubmitInteraction(alice, chID(actModal, cid, 1), discordtest.ModalField{CustomID: fieldText, Value: "数据质量和计算资源。"}))

	if s := stop(bob); !s.ephemeral() || !strings.Contains(s.Data.Content, "Only the starter") {
		t.Errorf("stop by a member who did not start: %+v", s.Data)
	}
	if s := stop(alice); !s.ephemeral() || !strings.Contains(s.Data.Content, "stopped") {
		t.Errorf("stop by the starter: %+v", s.Data)
	}
	posts := waitPosts(t, r, 2)
	if !strings.Contains(posts[0].Embeds[0].Title, "1/3") || !strings.Contains(posts[1].Embeds[0].Title, "挑战结束") ||
		!strings.HasPrefix(posts[1].Embeds[0].Description, "1. <@801>") {
		t.Errorf("after stop: %+v / %+v", posts[0].Embeds[0], posts[1].Embeds[0])
	}
	again := r.interact(t, r.srv.CommandInteraction(bob, cmdChallenge, startOpts(1, 60, "")...))
	if len(again.Data.Embeds) != 1 {
		t.Errorf("start after stop: %+v", again.Data)
	}
}
