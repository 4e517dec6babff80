package sqlite

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/startupqa/startupqa"
)

// A cancelled context fails the call and stores nothing, and the one
// writer connection is not lost to it.
func TestCanceledContext(t *testing.T) {
	db := openTest(t)
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	for name, call := range map[string]func(context.Context) error{
		"RecordAttempt": func(ctx context.Context) error {
			return db.RecordAttempt(ctx, &startupqa.Attempt{GuildID: "g", UserID: "u", SectionID: "s", Points: 1})
		},
		"CreateChallenge": func(ctx context.Context) error {
			return db.CreateChallenge(ctx, &startupqa.Challenge{ChannelID: "c"})
		},
		"PutSetting": func(ctx context.Context) error { return db.PutSetting(ctx, "g", "k", "v") },
		"Leaderboard": func(ctx context.Context) error {
			_, err := db.Leaderboard(ctx, "g", startupqa.PeriodAll, time.Now(), 10)
			return err
		},
		"MemberStats": func(ctx context.Context) error {
			_, err := db.MemberStats(ctx, "g", "u", 0.5)
			return err
		},
	} {
		for range 3 {
			if err := call(canceled); !errors.Is(err, context.Canceled) {
				t.Errorf("%s with a cancelled context: %v", name, err)
			}
		}
	}
	for _, table := range []string{"attempts", "challenges", "settings"} {
		if n := count(t, db, table); n != 0 {
			t.Errorf("%s: %d rows written with a cancelled context", table, n)
		}
	}
	ctx, stop := context.WithTimeout(context.Background(), 5*time.Second)
	defer stop()
	if err := db.RecordAttempt(ctx, &startupqa.Attempt{GuildID: "g", UserID: "u", SectionID: "s", Points: 1}); err != nil {
		t.Fatalf("a write after cancelled ones: %v", err)
	}
}
