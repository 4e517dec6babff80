package challenge_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/startupqa/startupqa"
	"github.com/startupqa/startupqa/challenge"
	"github.com/startupqa/startupqa/corpus"
	"github.com/startupqa/startupqa/grade"
	"github.com/startupqa/startupqa/index"
	"github.com/startupqa/startupqa/sqlite"
	"github.com/startupqa/startupqa/sqlstore"
)

// replicas returns n services over one store, as n processes would run.
func replicas(t *testing.T, n int) ([]*challenge.Service, *sqlstore.DB, *corpus.Corpus) {
	t.Helper()
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	an, err := index.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	gr, err := grade.New(c, an, nil)
	if err != nil {
		t.Fatal(err)
	}
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "game.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	var out []*challenge.Service
	for range n {
		out = append(out, challenge.NewService(db, func() *corpus.Corpus { return c }, func() (challenge.Grader, error) { return gr, nil }))
	}
	return out, db, c
}

func sections(t *testing.T, c *corpus.Corpus, ids ...string) []*corpus.Section {
	t.Helper()
	var out []*corpus.Section
	for _, id := range ids {
		s, ok := c.Section(id)
		if !ok {
			t.Fatalf("no section %s", id)
		}
		out = append(out, s)
	}
	return out
}

// complete answers every key point of §3, 大模型的挑战.
const complete = "计算资源需求大，需要大量算力和存储；数据质量要高；模型是黑箱，解释性差；可扩展性难；还有安全和隐私问题。"

// A whole game played through three replicas: each action reads the game
// from the store; caps, the first-answer bonus and the round's end hold
// once across them.
func TestServiceAcrossReplicas(t *testing.T) {
	ctx := context.Background()
	svc, db, c := replicas(t, 3)
	g, err := svc[0].Start(ctx, startupqa.Challenge{GuildID: "g", ChannelID: "c", StarterID: "u0", Seconds: 60},
		sections(t, c, "llm-startup/3", "llm-startup/1"))
	if err != nil || g.Round != 1 || g.ID == 0 {
		t.Fatalf("start: %+v, %v", g, err)
	}
	if _, err := svc[1].Start(ctx, startupqa.Challenge{ChannelID: "c", Seconds: 60}, sections(t, c, "llm-startup/2")); !errors.Is(err, startupqa.ErrChallengeRunning) {
		t.Errorf("a second start in the channel: %v", err)
	}

	// Four members answer completely at once, each through another
	// replica: one gets the first-answer bonus.
	var firsts atomic.Int64
	var wg sync.WaitGroup
	for k := range 4 {
		wg.Go(func() {
			user := string(rune('a' + k))
			if _, err := svc[k%3].Join(ctx, g.ID, 1, user); err != nil {
				t.Error(err)
				return
			}
			v, err := svc[(k+1)%3].Answer(ctx, g.ID, 1, user, complete)
			if err != nil {
				t.Error(err)
				return
			}
			if len(v.Result.Missed) != 0 {
				t.Errorf("complete answer missed %v", v.Result.Missed)
			}
			if v.First {
				firsts.Add(1)
			}
		})
	}
	wg.Wait()
	if n := firsts.Load(); n != 1 {
		t.Errorf("%d first-answer bonuses, want 1", n)
	}
	// An improvement, then no more.
	if _, err := svc[2].Answer(ctx, g.ID, 1, "a", "数据质量"); err != nil {
		t.Errorf("improvement: %v", err)
	}
	if _, err := svc[0].Answer(ctx, g.ID, 1, "a", "数据质量"); !errors.Is(err, challenge.ErrNoMoreAnswers) {
		t.Errorf("third answer: %v, want ErrNoMoreAnswers", err)
	}
	if _, err := svc[1].Join(ctx, g.ID, 1, "a"); !errors.Is(err, challenge.ErrNoMoreAnswers) {
		t.Errorf("join after two answers: %v, want ErrNoMoreAnswers", err)
	}
	if point, _, err := svc[0].Hint(ctx, g.ID, 1, "b"); point != "" || err != nil {
		t.Errorf("hint for a complete answer: %q, %v; want none needed", point, err)
	}
	if point, _, err := svc[1].Hint(ctx, g.ID, 1, "z"); point == "" || err != nil {
		t.Errorf("hint before answering: %q, %v", point, err)
	}

	// Every replica's clock ends the round at once: one RoundEnd.
	var ends atomic.Int64
	var next *challenge.Game
	var mu sync.Mutex
	for k := range 6 {
		wg.Go(func() {
			end, err := svc[k%3].End(ctx, g.ID, 1, false)
			if err != nil {
				t.Error(err)
			}
			if end != nil {
				ends.Add(1)
				mu.Lock()
				next = end.Next
				mu.Unlock()
				if len(end.Attempts) != 4 {
					t.Errorf("round 1 revealed %d attempts, want 4", len(end.Attempts))
				}
			}
		})
	}
	wg.Wait()
	if ends.Load() != 1 || next == nil || next.Round != 2 {
		t.Fatalf("round 1 ended %d times, next %+v", ends.Load(), next)
	}
	if _, err := svc[0].Answer(ctx, g.ID, 1, "c", complete); !errors.Is(err, challenge.ErrRoundOver) {
		t.Errorf("answer to an ended round: %v, want ErrRoundOver", err)
	}

	// Round 2's time runs out with no process left that started it.
	cur, _ := db.Challenge(ctx, g.ID)
	cur.RoundEndsAt = time.Now().Add(-time.Second)
	if err := db.UpdateChallenge(ctx, cur); err != nil {
		t.Fatal(err)
	}
	due, err := svc[2].Due(ctx)
	if err != nil || len(due) != 1 || due[0].ID != g.ID {
		t.Fatalf("due: %+v, %v", due, err)
	}
	end, err := svc[2].End(ctx, g.ID, 2, false)
	if err != nil || end == nil || end.Next != nil {
		t.Fatalf("last round's end: %+v, %v", end, err)
	}
	if len(end.Totals) != 4 || end.Totals["a"] == 0 {
		t.Errorf("totals %v", end.Totals)
	}
	if due, _ := svc[0].Due(ctx); len(due) != 0 {
		t.Errorf("due after the end: %+v", due)
	}
}

// A challenge whose round ended long ago with nobody to end it (its
// process died at that moment) does not block its channel.
func TestServiceStartEndsStale(t *testing.T) {
	ctx := context.Background()
	svc, db, c := replicas(t, 1)
	old, err := svc[0].Start(ctx, startupqa.Challenge{ChannelID: "c", Seconds: 30}, sections(t, c, "llm-startup/1"))
	if err != nil {
		t.Fatal(err)
	}
	stale := old.Challenge
	stale.RoundEndsAt = time.Now().Add(-10 * time.Minute)
	if err := db.UpdateChallenge(ctx, &stale); err != nil {
		t.Fatal(err)
	}
	g, err := svc[0].Start(ctx, startupqa.Challenge{ChannelID: "c", Seconds: 30}, sections(t, c, "llm-startup/2"))
	if err != nil || g.ID == old.ID {
		t.Fatalf("start over a stale challenge: %+v, %v", g, err)
	}
	if o, _ := db.Challenge(ctx, old.ID); o.State != startupqa.ChallengeEnded {
		t.Errorf("the stale challenge is %s", o.State)
	}
}

// A game of one player earns no first-answer bonus: nobody raced for it.
func TestServiceSolo(t *testing.T) {
	ctx := context.Background()
	svc, _, c := replicas(t, 1)
	for _, tt := range []struct {
		s     *challenge.Service
		first bool
	}{{svc[0].Solo(), false}, {svc[0], true}} {
		user := fmt.Sprint("player-", tt.first) // no streak from the other game
		g, err := tt.s.Start(ctx, startupqa.Challenge{ChannelID: "c" + time.Now().String(), Seconds: 60}, sections(t, c, "llm-startup/3"))
		if err != nil {
			t.Fatal(err)
		}
		v, err := tt.s.Answer(ctx, g.ID, 1, user, complete)
		if err != nil {
			t.Fatal(err)
		}
		if v.First != tt.first || (v.Points == challenge.MaxPoints+challenge.FirstCompleteBonus) != tt.first {
			t.Errorf("first %v, %d points; want first %v", v.First, v.Points, tt.first)
		}
	}
}

// attemptsDown is a store whose attempts cannot be read.
type attemptsDown struct{ *sqlstore.DB }

func (attemptsDown) Attempts(context.Context, int64, int) ([]startupqa.Attempt, error) {
	return nil, errors.New("database is locked")
}

// A round that ended though its answers could not be read still says the
// game goes on, so that no caller announces a false end.
func TestServiceEndUnreadable(t *testing.T) {
	ctx := context.Background()
	svc, db, c := replicas(t, 1)
	g, err := svc[0].Start(ctx, startupqa.Challenge{ChannelID: "c", Seconds: 60}, sections(t, c, "llm-startup/1", "llm-startup/2"))
	if err != nil {
		t.Fatal(err)
	}
	down := challenge.NewService(attemptsDown{db}, func() *corpus.Corpus { return c }, nil)
	end, err := down.End(ctx, g.ID, 1, false)
	if err == nil || end == nil || end.Next == nil || end.Next.Round != 2 {
		t.Fatalf("End with the answers unreadable = %+v, %v; want round 2 next and the error", end, err)
	}
	if cur, _ := db.Challenge(ctx, g.ID); cur.Round != 2 || cur.State != startupqa.ChallengeRunning {
		t.Errorf("stored: %+v", cur)
	}
}

// Answers racing a round's end are either in its reveal or refused: none
// is stored after the end read the round's answers.
func TestServiceAnswerRacesEnd(t *testing.T) {
	ctx := context.Background()
	svc, db, c := replicas(t, 2)
	for run := range 10 {
		g, err := svc[0].Start(ctx, startupqa.Challenge{ChannelID: fmt.Sprint("race", run), Seconds: 60}, sections(t, c, "llm-startup/2"))
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		var end *challenge.RoundEnd
		for u := range 4 {
			wg.Go(func() {
				_, err := svc[u%2].Answer(ctx, g.ID, 1, fmt.Sprint("u", u), "收集数据，预训练，然后微调，评估模型")
				if err != nil && !errors.Is(err, challenge.ErrRoundOver) {
					t.Error(err)
				}
			})
		}
		wg.Go(func() {
			var err error
			if end, err = svc[1].End(ctx, g.ID, 1, false); err != nil {
				t.Error(err)
			}
		})
		wg.Wait()
		stored, err := db.Attempts(ctx, g.ID, 1)
		if err != nil {
			t.Fatal(err)
		}
		if end == nil || len(end.Attempts) != len(stored) {
			t.Fatalf("run %d: %d answers stored, the reveal had %v", run, len(stored), end)
		}
	}
}
