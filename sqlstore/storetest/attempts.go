package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/startupqa/startupqa"
	"github.com/startupqa/startupqa/sqlstore"
)

func testAttemptsRoundTrip(t *testing.T, be Backend) {
	ctx := context.Background()
	db := be.New(t)
	c := mustChallenge(t, db, "g1", "c1")
	t0 := at(t, "2025-01-15T12:00:00Z")
	mk := func(user string, round, points int, score float64, after time.Duration, covered, missed []string) startupqa.Attempt {
		return startupqa.Attempt{
			ChallengeID: c.ID, Round: round, GuildID: "g1", ChannelID: "c1", UserID: user,
			SectionID: c.Sections[round-1], Answer: "答案 of " + user, Score: score, Points: points,
			Covered: covered, Missed: missed, CreatedAt: t0.Add(after),
		}
	}
	// Round 1: u3 and u1 tie on points, u1 answered first.
	u3 := mustAttempt(t, db, mk("u3", 1, 10, 0.5, 3*time.Second, []string{"参数量巨大"}, []string{"泛化能力", "多任务"}))
	u1 := mustAttempt(t, db, mk("u1", 1, 10, 0.5, 1*time.Second, nil, []string{"a", "b", "c"}))
	u2 := mustAttempt(t, db, mk("u2", 1, 25, 1, 5*time.Second, []string{"a", "b", "c"}, nil))
	r2 := mustAttempt(t, db, mk("u1", 2, 7, 0.25, 70*time.Second, []string{"x"}, []string{"y"}))
	for _, a := range []startupqa.Attempt{u1, u2, u3, r2} {
		if a.ID == 0 {
			t.Fatalf("RecordAttempt did not set ID: %+v", a)
		}
	}

	for _, tc := range []struct {
		challenge int64
		round     int
		want      []startupqa.Attempt
	}{
		{c.ID, 1, []startupqa.Attempt{u2, u1, u3}},
		{c.ID, 2, []startupqa.Attempt{r2}},
		{c.ID, 3, nil},
		{c.ID + 1, 1, nil},
	} {
		got, err := db.Attempts(ctx, tc.challenge, tc.round)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Attempts(%d, %d):\n got %+v\nwant %+v", tc.challenge, tc.round, got, tc.want)
		}
	}

	// Solo practice: no challenge, never replaced.
	for range 2 {
		a := mustAttempt(t, db, startupqa.Attempt{GuildID: "g1", UserID: "u1", Round: 1, SectionID: "s", Score: 1, Points: 1})
		if a.CreatedAt.IsZero() {
			t.Error("a zero CreatedAt was not set")
		}
	}
	if n := count(t, db, "attempts"); n != 6 {
		t.Errorf("%d attempts, want 6", n)
	}

	// An unknown challenge.
	bad := mk("u1", 1, 1, 1, 0, []string{"a"}, nil)
	bad.ChallengeID = 999
	if err := db.RecordAttempt(ctx, &bad); !errors.Is(err, sqlstore.ErrNotFound) {
		t.Errorf("attempt in challenge 999: %v, want sqlstore.ErrNotFound", err)
	}
	if bad.ID != 0 {
		t.Error("a refused attempt got an ID")
	}
	if err := db.RecordAttempt(ctx, nil); err == nil {
		t.Error("RecordAttempt(nil) succeeded")
	}
	if n := count(t, db, "attempts"); n != 6 {
		t.Errorf("%d attempts after refusals, want 6", n)
	}
}

func testAttemptReplacedOnImprove(t *testing.T, be Backend) {
	ctx := context.Background()
	db := be.New(t)
	c := mustChallenge(t, db, "g1", "c1")
	t0 := at(t, "2025-01-15T12:00:00Z")
	first := mustAttempt(t, db, startupqa.Attempt{
		ChallengeID: c.ID, Round: 1, GuildID: "g1", ChannelID: "c1", UserID: "u1", SectionID: "s/1",
		Answer: "first", Score: 0.25, Points: 3, Covered: []string{"a"}, Missed: []string{"b", "c", "d"},
		CreatedAt: t0,
	})
	other := mustAttempt(t, db, startupqa.Attempt{
		ChallengeID: c.ID, Round: 1, GuildID: "g1", ChannelID: "c1", UserID: "u2", SectionID: "s/1",
		Answer: "other", Score: 0.5, Points: 5, Covered: []string{"a", "b"}, Missed: []string{"c", "d"},
		CreatedAt: t0.Add(time.Second),
	})
	improved := mustAttempt(t, db, startupqa.Attempt{
		ChallengeID: c.ID, Round: 1, GuildID: "g1", ChannelID: "c1", UserID: "u1", SectionID: "s/1",
		Answer: "improved", Score: 0.75, Points: 8, Covered: []string{"a", "b", "d"}, Missed: []string{"c"},
		CreatedAt: t0.Add(20 * time.Second),
	})
	if improved.ID != first.ID {
		t.Errorf("the replacement got ID %d, want the replaced one's %d", improved.ID, first.ID)
	}
	// The same user in the next round is a new attempt.
	next := mustAttempt(t, db, startupqa.Attempt{
		ChallengeID: c.ID, Round: 2, GuildID: "g1", ChannelID: "c1", UserID: "u1", SectionID: "s/2",
		Answer: "round 2", Score: 0, Points: 0, Missed: []string{"z"}, CreatedAt: t0.Add(time.Minute),
	})
	if next.ID == first.ID {
		t.Error("round 2 replaced round 1")
	}

	got, err := db.Attempts(ctx, c.ID, 1)
	if err != nil {
		t.Fatal(err)
	}
	if want := []startupqa.Attempt{improved, other}; !reflect.DeepEqual(got, want) {
		t.Errorf("round 1:\n got %+v\nwant %+v", got, want)
	}
	if n := count(t, db, "attempts"); n != 3 {
		t.Errorf("%d attempts, want 3", n)
	}
	// The replaced attempt's key points are gone: 3+1 (u1) + 2+2 (u2) + 1 (round 2).
	if n := count(t, db, "attempt_key_points"); n != 9 {
		t.Errorf("%d key points, want 9", n)
	}
	// Only the improved answer counts.
	board, err := db.Leaderboard(ctx, "g1", startupqa.PeriodAll, t0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if want := []startupqa.Standing{st("u1", 8, 2), st("u2", 5, 1)}; !reflect.DeepEqual(board, want) {
		t.Errorf("leaderboard %+v, want %+v", board, want)
	}
}

// A section with thousands of key points is stored whole: one INSERT of
// 8,192 points would pass SQLite's 32,766 parameters (issue 11, item 9).
func testAttemptManyKeyPoints(t *testing.T, be Backend) {
	ctx := context.Background()
	db := be.New(t)
	c := mustChallenge(t, db, "g1", "c1")
	var covered, missed []string
	for i := range 6000 {
		covered = append(covered, fmt.Sprintf("要点%d", i))
		missed = append(missed, fmt.Sprintf("遗漏%d", i))
	}
	a := mustAttempt(t, db, startupqa.Attempt{ChallengeID: c.ID, Round: 1, GuildID: "g1", ChannelID: "c1", UserID: "u1",
		SectionID: c.Sections[0], Score: 0.5, Points: 50, Covered: covered, Missed: missed})
	got, err := db.Attempts(ctx, c.ID, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].ID != a.ID || !reflect.DeepEqual(got[0].Covered, covered) || !reflect.DeepEqual(got[0].Missed, missed) {
		t.Errorf("read back %d attempts; key points covered %d, missed %d; want 6000 and 6000 in order", len(got), len(got[0].Covered), len(got[0].Missed))
	}
}

// Statements built from their data (an INSERT of as many rows as an
// answer has key points) are not kept prepared: a statement for every
// count would fill the store's cache of statements.
func testBuiltStatementsNotKept(t *testing.T, be Backend) {
	ctx := context.Background()
	db := be.New(t)
	record := func(points int) {
		a := &startupqa.Attempt{GuildID: "g", UserID: "u", SectionID: "s/1", Answer: "a"}
		for i := range points {
			a.Covered = append(a.Covered, fmt.Sprint("p", i))
		}
		if err := db.RecordAttempt(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	record(1)
	record(2)
	before := db.Prepared()
	if before == 0 {
		t.Skip("this store keeps no statements prepared (Dialect.Prepare)")
	}
	for n := 3; n <= 40; n++ {
		record(n)
	}
	if after := db.Prepared(); after != before {
		t.Errorf("%d statements kept prepared after answers with 3 to 40 key points, %d before", after, before)
	}
}
