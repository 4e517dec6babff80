package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/startupqa/startupqa"
)

// openTest opens a fresh database file in a temporary directory and
// closes it at the end of the test.
func openTest(t testing.TB) *conn {
	t.Helper()
	db, _, err := open(context.Background(), filepath.Join(t.TempDir(), "test.db"), migrations)
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

// mustChallenge creates a running challenge in the channel.
func mustChallenge(t testing.TB, db *conn, guild, channel string) *startupqa.Challenge {
	t.Helper()
	c := &startupqa.Challenge{GuildID: guild, ChannelID: channel, StarterID: "starter",
		Sections: []string{"llm-startup/1"}, Seconds: 60, Round: 1, State: startupqa.ChallengeRunning}
	if err := db.CreateChallenge(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	return c
}

// count returns the number of rows of a table.
func count(t testing.TB, db *conn, table string) int {
	t.Helper()
	var n int
	if err := db.r.QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
