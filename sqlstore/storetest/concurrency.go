package storetest

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/startupqa/startupqa"
)

// TestConcurrentWriters has 50 goroutines, each in its own channel,
// create a challenge and record 20 attempts at once, while readers read:
// no call may fail, SQLITE_BUSY least of all, and the counts add up.
func testConcurrentWriters(t *testing.T, be Backend) {
	const (
		writers  = 50
		rounds   = 4
		users    = 5 // rounds × users = 20 attempts each
		perGroup = rounds * users
	)
	ctx := context.Background()
	db := be.New(t)
	t0 := at(t, "2025-01-15T12:00:00Z")

	start := make(chan struct{})
	var (
		wg       sync.WaitGroup
		errs     = make(chan error, writers*(perGroup+1)+1000)
		ids      = make([]int64, writers)
		done     atomic.Bool
		readOps  atomic.Int64
		began    = time.Now()
		readerWG sync.WaitGroup
	)
	// Two readers alongside, each cycling through the queries.
	for r := range 2 {
		readerWG.Go(func() {
			<-start
			for i := r; !done.Load(); i++ {
				var err error
				switch i % 4 {
				case 0:
					_, err = db.Leaderboard(ctx, "g", startupqa.PeriodAll, t0, 10)
				case 1:
					_, err = db.RunningChallenges(ctx)
				case 2:
					_, err = db.MemberStats(ctx, "g", "u0", 0.5)
				case 3:
					_, err = db.Attempts(ctx, 1, 1)
				}
				if err != nil {
					errs <- fmt.Errorf("reader %d: %w", r, err)
					return
				}
				readOps.Add(1)
				time.Sleep(5 * time.Millisecond) // not a CPU hog on 2 cores
			}
		})
	}
	for w := range writers {
		wg.Go(func() {
			<-start
			channel := fmt.Sprintf("c%02d", w)
			c := &startupqa.Challenge{GuildID: "g", ChannelID: channel, Sections: []string{"s/1", "s/2", "s/3", "s/4"}, Round: 1}
			if err := db.CreateChallenge(ctx, c); err != nil {
				errs <- fmt.Errorf("writer %d: %w", w, err)
				return
			}
			ids[w] = c.ID
			for i := range perGroup {
				a := &startupqa.Attempt{
					ChallengeID: c.ID, Round: i/users + 1, GuildID: "g", ChannelID: channel,
					UserID: fmt.Sprintf("u%d", i%users), SectionID: c.Sections[i/users],
					Answer: "answer", Score: 0.5, Points: 1 + w,
					Covered: []string{"a", "b"}, Missed: []string{"c"},
					CreatedAt: t0.Add(time.Duration(i) * time.Second),
				}
				if err := db.RecordAttempt(ctx, a); err != nil {
					errs <- fmt.Errorf("writer %d attempt %d: %w", w, i, err)
					return
				}
			}
		})
	}
	close(start)
	wg.Wait()
	elapsed := time.Since(began)
	done.Store(true)
	readerWG.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	t.Logf("%d writes in %v (%v each), %d reads meanwhile",
		writers*(perGroup+1), elapsed, elapsed/time.Duration(writers*(perGroup+1)), readOps.Load())

	if n := count(t, db, "challenges"); n != writers {
		t.Errorf("%d challenges, want %d", n, writers)
	}
	if n := count(t, db, "attempts"); n != writers*perGroup {
		t.Errorf("%d attempts, want %d", n, writers*perGroup)
	}
	if n := count(t, db, "attempt_key_points"); n != 3*writers*perGroup {
		t.Errorf("%d key points, want %d", n, 3*writers*perGroup)
	}
	running, err := db.RunningChallenges(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(running) != writers {
		t.Errorf("%d running challenges, want %d", len(running), writers)
	}
	for w, id := range ids {
		for round := 1; round <= rounds; round++ {
			got, err := db.Attempts(ctx, id, round)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != users {
				t.Errorf("writer %d round %d: %d attempts, want %d", w, round, len(got), users)
			}
		}
	}
	// Every user answered 4 rounds in each of the 50 channels; writer w's
	// attempts are worth 1+w points: 4 × (1+…+50) = 5100 each.
	board, err := db.Leaderboard(ctx, "g", startupqa.PeriodAll, t0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(board) != users {
		t.Fatalf("leaderboard %v, want %d members", board, users)
	}
	for _, s := range board {
		if s.Rounds != writers*rounds || s.Points != rounds*writers*(writers+1)/2 {
			t.Errorf("standing %+v, want %d rounds and %d points", s, writers*rounds, rounds*writers*(writers+1)/2)
		}
	}
}
