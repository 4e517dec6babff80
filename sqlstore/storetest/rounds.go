package storetest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/startupqa/startupqa"
	"github.com/startupqa/startupqa/sqlstore"
)

// A round's players, answers and hints are kept in the store, so that any
// process serves a click; the caps and the round's end hold when several
// processes race.
func testRounds(t *testing.T, be Backend) {
	ctx := context.Background()
	first := be.New(t)
	stores := []*sqlstore.DB{first, be.Again(t, first), be.Again(t, first)}
	c := mustChallenge(t, first, "g", "c")

	if n, err := first.JoinRound(ctx, c.ID, 1, "u1"); n != 0 || err != nil {
		t.Fatalf("join = %d, %v", n, err)
	}
	// Ten answers of u1 at once through three processes, two allowed.
	var counted atomic.Int64
	var wg sync.WaitGroup
	for i := range 10 {
		wg.Go(func() {
			ok, err := stores[i%3].CountSubmission(ctx, c.ID, 1, "u1", 2)
			if err != nil {
				t.Error(err)
			}
			if ok {
				counted.Add(1)
			}
		})
	}
	wg.Wait()
	if n := counted.Load(); n != 2 {
		t.Errorf("%d answers counted, want the cap of 2", n)
	}
	if n, err := stores[1].JoinRound(ctx, c.ID, 1, "u1"); n != 2 || err != nil {
		t.Errorf("join after two answers = %d, %v", n, err)
	}
	for want := range 3 {
		if n, err := stores[want%3].TakeHint(ctx, c.ID, 1, "u2"); n != want || err != nil {
			t.Errorf("hint %d: had %d, %v", want+1, n, err)
		}
	}
	if ok, err := first.CountSubmission(ctx, c.ID, 2, "u2", 2); !ok || err != nil {
		t.Errorf("u2's answer in round 2: %v, %v", ok, err)
	}
	// The first complete answer's claim is no member.
	if ok, err := first.CountSubmission(ctx, c.ID, 1, startupqa.FirstCompleteClaim, 1); !ok || err != nil {
		t.Errorf("claim round 1's first complete answer: %v, %v", ok, err)
	}
	if _, err := first.JoinRound(ctx, c.ID, 3, "u3"); err != nil {
		t.Fatal(err)
	}
	// Round 1: u1 answered, u2 took hints only; round 2: u2 answered; u3
	// joined round 3, which no answer up to round 2 waits for.
	for _, tc := range []struct {
		round int
		user  string
		want  startupqa.RoundStanding
	}{
		{1, "u1", startupqa.RoundStanding{Joined: 1, Answered: 0}},
		{1, "u2", startupqa.RoundStanding{Hints: 3, Joined: 1, Answered: 1}},
		{2, "u1", startupqa.RoundStanding{Joined: 1, Answered: 1}},
		{2, "u2", startupqa.RoundStanding{Joined: 1, Answered: 0}},
		{3, "u3", startupqa.RoundStanding{Joined: 2, Answered: 0}},
		{3, "u9", startupqa.RoundStanding{Joined: 3, Answered: 0}},
	} {
		got, err := stores[2].RoundStanding(ctx, c.ID, tc.round, tc.user)
		if err != nil || got != tc.want {
			t.Errorf("RoundStanding(round %d, %s) = %+v, %v; want %+v", tc.round, tc.user, got, err, tc.want)
		}
	}
	if _, err := first.JoinRound(ctx, 999, 1, "u1"); !errors.Is(err, sqlstore.ErrNotFound) {
		t.Errorf("join a missing challenge: %v, want ErrNotFound", err)
	}

	// Answers to the round it runs are taken; to another round, not.
	if err := stores[1].RecordRoundAttempt(ctx, &startupqa.Attempt{ChallengeID: c.ID, Round: 1, GuildID: "g", UserID: "u1", SectionID: "s/1"}); err != nil {
		t.Errorf("an answer to the round under way: %v", err)
	}
	if err := stores[2].RecordRoundAttempt(ctx, &startupqa.Attempt{ChallengeID: c.ID, Round: 2, GuildID: "g", UserID: "u1", SectionID: "s/1"}); !errors.Is(err, startupqa.ErrRoundOver) {
		t.Errorf("an answer to a round not under way: %v, want ErrRoundOver", err)
	}

	// Six processes end round 1 at once: one moves the challenge on.
	var moved atomic.Int64
	for i := range 6 {
		wg.Go(func() {
			next := *c
			next.Round, next.RoundEndsAt, next.UpdatedAt = 2, time.Now().Add(time.Minute), time.Now()
			ok, err := stores[i%3].AdvanceRound(ctx, &next, 1)
			if err != nil {
				t.Error(err)
			}
			if ok {
				moved.Add(1)
			}
		})
	}
	wg.Wait()
	if n := moved.Load(); n != 1 {
		t.Errorf("round 1 ended %d times, want once", n)
	}
	got, err := first.Challenge(ctx, c.ID)
	if err != nil || got.Round != 2 || got.State != startupqa.ChallengeRunning {
		t.Errorf("after the end of round 1: %+v, %v", got, err)
	}
	last := *got
	last.State, last.UpdatedAt = startupqa.ChallengeEnded, time.Now()
	if ok, err := first.AdvanceRound(ctx, &last, 2); !ok || err != nil {
		t.Errorf("end the last round: %v, %v", ok, err)
	}
	if ok, err := first.AdvanceRound(ctx, &last, 2); ok || err != nil {
		t.Errorf("end an ended challenge again: %v, %v; want false", ok, err)
	}
	if err := first.RecordRoundAttempt(ctx, &startupqa.Attempt{ChallengeID: c.ID, Round: 2, GuildID: "g", UserID: "u2", SectionID: "s/1"}); !errors.Is(err, startupqa.ErrRoundOver) {
		t.Errorf("an answer after the end: %v, want ErrRoundOver", err)
	}
}

// Answers recorded through several processes while one of them ends the
// round are either in what the end reads (the reveal) or refused as too
// late: none is stored after the round has moved on.
func testAnswersRaceRoundEnd(t *testing.T, be Backend) {
	ctx := context.Background()
	first := be.New(t)
	stores := []*sqlstore.DB{first, be.Again(t, first), be.Again(t, first)}
	for trial := range 5 {
		c := mustChallenge(t, first, "g", fmt.Sprint("race-", trial))
		const members = 24
		var stored atomic.Int64
		var wg sync.WaitGroup
		for k := range members {
			wg.Go(func() {
				time.Sleep(time.Duration(k%6) * time.Millisecond)
				err := stores[k%3].RecordRoundAttempt(ctx, &startupqa.Attempt{ChallengeID: c.ID, Round: 1, GuildID: "g",
					UserID: fmt.Sprint("m", k), SectionID: "s/1", Answer: "a", Covered: []string{"p"}})
				switch {
				case err == nil:
					stored.Add(1)
				case !errors.Is(err, startupqa.ErrRoundOver):
					t.Error(err)
				}
			})
		}
		time.Sleep(2 * time.Millisecond)
		next := *c
		next.Round, next.UpdatedAt = 2, time.Now()
		if ok, err := stores[1].AdvanceRound(ctx, &next, 1); !ok || err != nil {
			t.Fatalf("end round 1: %v, %v", ok, err)
		}
		revealed, err := stores[2].Attempts(ctx, c.ID, 1)
		if err != nil {
			t.Fatal(err)
		}
		wg.Wait()
		if n := stored.Load(); int(n) != len(revealed) {
			t.Errorf("trial %d: %d answers stored, %d in the reveal read right after the round ended", trial, n, len(revealed))
		}
	}
}
