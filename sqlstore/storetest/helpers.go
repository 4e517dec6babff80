package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/startupqa/startupqa"
	"github.com/startupqa/startupqa/sqlstore"
)

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
func mustChallenge(t testing.TB, db *sqlstore.DB, guild, channel string) *startupqa.Challenge {
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
func mustAttempt(t testing.TB, db *sqlstore.DB, a startupqa.Attempt) startupqa.Attempt {
	t.Helper()
	if err := db.RecordAttempt(context.Background(), &a); err != nil {
		t.Fatal(err)
	}
	return a
}

// count returns the number of rows of a table.
func count(t testing.TB, db *sqlstore.DB, table string) int {
	t.Helper()
	n, err := db.Rows(context.Background(), table)
	if err != nil {
		t.Fatal(err)
	}
	return int(n)
}

// st is a leaderboard line.
func st(user string, points, rounds int) startupqa.Standing {
	return startupqa.Standing{UserID: user, Points: points, Rounds: rounds}
}
