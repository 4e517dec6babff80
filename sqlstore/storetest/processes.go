package storetest

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/startupqa/startupqa"
	"github.com/startupqa/startupqa/sqlstore"
)

// testConcurrentProcesses has eight stores over one database, as eight
// processes would (shards, replicas), each writing from four goroutines
// at once onto one leaderboard. Pairs of processes record the same
// answers (a retried interaction, two replicas handed one click): each
// must count once. The totals must come out exact.
func testConcurrentProcesses(t *testing.T, be Backend) {
	const (
		processes = 8
		workers   = 4
		channels  = processes / 2 // processes p and p+channels write the same keys
		rounds    = 10
		users     = 5
		solo      = 20 // solo attempts of each process's own member
	)
	ctx := context.Background()
	first := be.New(t)
	stores := []*sqlstore.DB{first}
	for range processes - 1 {
		stores = append(stores, be.Again(t, first))
	}
	t0 := at(t, "2026-03-04T10:00:00Z")
	challenges := make([]int64, channels)
	for k := range channels {
		challenges[k] = mustChallenge(t, first, "g", fmt.Sprintf("c%d", k)).ID
	}

	var wg sync.WaitGroup
	errs := make(chan error, processes*workers)
	start := make(chan struct{})
	for p, db := range stores {
		for w := range workers {
			wg.Go(func() {
				<-start
				// Worker w of process p takes every workers-th job.
				job := 0
				for r := 1; r <= rounds; r++ {
					for u := range users {
						job++
						if job%workers != w {
							continue
						}
						a := &startupqa.Attempt{ChallengeID: challenges[p%channels], Round: r, GuildID: "g",
							ChannelID: fmt.Sprintf("c%d", p%channels), UserID: fmt.Sprintf("u%d", u), SectionID: "s/1",
							Answer: "a", Score: 0.5, Points: r + u, Covered: []string{"x"}, CreatedAt: t0}
						if err := db.RecordAttempt(ctx, a); err != nil {
							errs <- fmt.Errorf("process %d: %w", p, err)
							return
						}
					}
				}
				for i := w; i < solo; i += workers {
					a := &startupqa.Attempt{GuildID: "g", ChannelID: "c", UserID: fmt.Sprintf("p%d", p), SectionID: "s/2",
						Score: 1, Points: 1, CreatedAt: t0.Add(time.Duration(i) * time.Second)}
					if err := db.RecordAttempt(ctx, a); err != nil {
						errs <- fmt.Errorf("process %d solo: %w", p, err)
						return
					}
				}
			})
		}
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}

	want := map[string]startupqa.Standing{}
	for u := range users {
		points := 0
		for r := 1; r <= rounds; r++ {
			points += channels * (r + u)
		}
		id := fmt.Sprintf("u%d", u)
		want[id] = startupqa.Standing{UserID: id, Points: points, Rounds: channels * rounds}
	}
	for p := range processes {
		id := fmt.Sprintf("p%d", p)
		want[id] = startupqa.Standing{UserID: id, Points: solo, Rounds: solo}
	}
	// Any process reads the same board.
	for p, db := range stores {
		board, err := db.Leaderboard(ctx, "g", startupqa.PeriodAll, t0, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(board) != len(want) {
			t.Errorf("process %d: %d standings, want %d: %+v", p, len(board), len(want), board)
		}
		for _, s := range board {
			if s != want[s.UserID] {
				t.Errorf("process %d: %+v, want %+v", p, s, want[s.UserID])
			}
		}
	}
	if n, want := count(t, first, "attempts"), channels*rounds*users+processes*solo; n != want {
		t.Errorf("%d attempts stored, want %d", n, want)
	}
}
