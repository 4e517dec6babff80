package sqlite

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/startupqa/startupqa"
)

// openTest opens a fresh database file in a temporary directory and
// closes it at the end of the test.
func openTest(t testing.TB) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := db.Close(); err != nil {
			t.Error(err)
		}
	})
	return db
}

// at parses an RFC 3339 time.
func at(t testing.TB, s string) time.Time {
	t.Helper()
	tm, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

// mustChallenge creates a running challenge in the channel.
func mustChallenge(t testing.TB, db *DB, guild, channel string) *startupqa.Challenge {
	t.Helper()
	c := &startupqa.Challenge{
		GuildID:   guild,
		ChannelID: channel,
		StarterID: "starter",
		Sections:  []string{"llm-startup/1", "llm-startup/2", "llm-startup/3"},
		Seconds:   60,
		Round:     1,
		State:     startupqa.ChallengeRunning,
	}
	if err := db.CreateChallenge(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	return c
}

// mustAttempt records an attempt.
func mustAttempt(t testing.TB, db *DB, a startupqa.Attempt) startupqa.Attempt {
	t.Helper()
	if err := db.RecordAttempt(context.Background(), &a); err != nil {
		t.Fatal(err)
	}
	return a
}

// count returns the number of rows of a table.
func count(t testing.TB, db *DB, table string) int {
	t.Helper()
	var n int
	if err := db.r.QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// st is a leaderboard line.
func st(user string, points, rounds int) startupqa.Standing {
	return startupqa.Standing{UserID: user, Points: points, Rounds: rounds}
}
