package sqlite

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/startupqa/startupqa"
	"github.com/startupqa/startupqa/sqlstore"
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

// A DATABASE_PATH in a folder that does not exist says so, instead of
// SQLite's "unable to open database file (14)" (issue 11, item 9).
func TestOpenMissingFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "no-such-folder", "startupqa.db")
	db, err := Open(context.Background(), path)
	if err == nil {
		db.Close()
		t.Fatal("Open in a missing folder succeeded")
	}
	if !strings.Contains(err.Error(), "does not exist") || !strings.Contains(err.Error(), "no-such-folder") {
		t.Errorf("error %q does not say the folder is missing", err)
	}
}

// A file this user cannot write is refused when opened, with what to do,
// instead of opening and failing every write. Root writes read-only files,
// so the test makes the file immutable, which stops root too.
func TestOpenReadOnlyFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "ro.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() == 0 {
		if out, err := exec.Command("chattr", "+i", path).CombinedOutput(); err != nil {
			t.Skipf("running as root without chattr +i (%v: %s): a read-only file is writable", err, out)
		}
		t.Cleanup(func() { exec.Command("chattr", "-i", path).Run() })
	}
	db, err = Open(ctx, path)
	if err == nil {
		db.Close()
		t.Fatal("a read-only database opened")
	}
	if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), "DATABASE_PATH") {
		t.Errorf("Open = %v, want ErrReadOnly saying what to do", err)
	}
}

// Failures counts what failed in the database, not what its rules refused.
func TestFailuresCounted(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	mustChallenge(t, db, "g", "c")
	now := time.Now()
	c := &startupqa.Challenge{GuildID: "g", ChannelID: "c", StarterID: "u", Seconds: 60, Round: 1,
		State: startupqa.ChallengeRunning, Sections: []string{"a/1"}, StartedAt: now, UpdatedAt: now, RoundEndsAt: now}
	if err := db.CreateChallenge(ctx, c); !errors.Is(err, sqlstore.ErrChallengeRunning) || errors.Is(err, startupqa.ErrStoreUnavailable) {
		t.Fatalf("second challenge in a channel: %v", err)
	}
	if err := db.Ping(ctx); err != nil || db.Failures() != 0 {
		t.Fatalf("after a refusal: ping %v, %d failures; want none", err, db.Failures())
	}
	// The writer is the one connection: it stays read-only, as a full or
	// read-only disk would leave it.
	if _, err := db.w.ExecContext(ctx, `PRAGMA query_only = 1`); err != nil {
		t.Fatal(err)
	}
	if err := db.PutSetting(ctx, "g", "k", "v"); err == nil {
		t.Fatal("a write to a read-only connection succeeded")
	} else if !errors.Is(err, startupqa.ErrStoreUnavailable) {
		t.Errorf("failed write: %v, want it marked ErrStoreUnavailable", err)
	}
	if db.Failures() != 1 {
		t.Errorf("%d failures after a failed write, want 1", db.Failures())
	}
}
