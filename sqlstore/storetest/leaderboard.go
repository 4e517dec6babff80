package storetest

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/startupqa/startupqa"
)

func testLeaderboard(t *testing.T, be Backend) {
	ctx := context.Background()
	db := be.New(t)
	c := mustChallenge(t, db, "g1", "c1")
	// Points are powers of two, so every sum tells which attempts it holds.
	for i, a := range []struct {
		guild, user, at string
		points          int
	}{
		{"g1", "u1", "2024-12-31T23:59:59.999Z", 1}, // December; week of 30 December
		{"g1", "u2", "2025-01-01T00:00:00Z", 2},     // January; week of 30 December
		{"g1", "u1", "2025-01-12T23:59:59.999Z", 4}, // Sunday, week of 6 January
		{"g1", "u3", "2025-01-13T00:00:00Z", 8},     // Monday, week of 13 January
		{"g1", "u2", "2025-01-19T23:59:59.999Z", 16},
		{"g1", "u3", "2025-01-20T00:00:00Z", 32},  // week of 20 January
		{"g1", "u1", "2025-02-01T00:00:00Z", 64},  // February
		{"g2", "u1", "2025-01-15T12:00:00Z", 128}, // another guild
		{"g2", "u4", "2025-01-15T12:00:00Z", 256},
	} {
		att := startupqa.Attempt{GuildID: a.guild, ChannelID: "c1", UserID: a.user, SectionID: "s", Score: 1, Points: a.points, CreatedAt: at(t, a.at)}
		if i%2 == 0 && a.guild == "g1" {
			att.ChallengeID, att.Round = c.ID, i+1 // some in a challenge, some solo
		}
		mustAttempt(t, db, att)
	}

	for _, tc := range []struct {
		guild  string
		period startupqa.Period
		now    string
		limit  int
		want   []startupqa.Standing
	}{
		{"g1", startupqa.PeriodWeek, "2025-01-15T12:00:00Z", 10, []startupqa.Standing{st("u2", 16, 1), st("u3", 8, 1)}},
		{"g1", startupqa.PeriodWeek, "2025-01-13T00:00:00Z", 10, []startupqa.Standing{st("u2", 16, 1), st("u3", 8, 1)}},
		{"g1", startupqa.PeriodWeek, "2025-01-19T23:59:59.999Z", 10, []startupqa.Standing{st("u2", 16, 1), st("u3", 8, 1)}},
		{"g1", startupqa.PeriodWeek, "2025-01-20T07:00:00+08:00", 10, []startupqa.Standing{st("u2", 16, 1), st("u3", 8, 1)}},
		{"g1", startupqa.PeriodWeek, "2025-01-20T00:00:00Z", 10, []startupqa.Standing{st("u3", 32, 1)}},
		{"g1", startupqa.PeriodWeek, "2025-01-12T23:59:59.999Z", 10, []startupqa.Standing{st("u1", 4, 1)}},
		{"g1", startupqa.PeriodWeek, "2025-01-01T00:00:00Z", 10, []startupqa.Standing{st("u2", 2, 1), st("u1", 1, 1)}},
		{"g1", startupqa.PeriodWeek, "2024-12-31T23:59:59.999Z", 10, []startupqa.Standing{st("u2", 2, 1), st("u1", 1, 1)}},
		{"g1", startupqa.PeriodWeek, "2025-03-05T00:00:00Z", 10, nil},
		{"g1", startupqa.PeriodMonth, "2025-01-15T12:00:00Z", 10, []startupqa.Standing{st("u3", 40, 2), st("u2", 18, 2), st("u1", 4, 1)}},
		{"g1", startupqa.PeriodMonth, "2025-01-01T00:00:00Z", 10, []startupqa.Standing{st("u3", 40, 2), st("u2", 18, 2), st("u1", 4, 1)}},
		{"g1", startupqa.PeriodMonth, "2024-12-31T23:59:59.999Z", 10, []startupqa.Standing{st("u1", 1, 1)}},
		{"g1", startupqa.PeriodMonth, "2025-02-28T23:00:00Z", 10, []startupqa.Standing{st("u1", 64, 1)}},
		{"g1", startupqa.PeriodAll, "2025-01-15T12:00:00Z", 10, []startupqa.Standing{st("u1", 69, 3), st("u3", 40, 2), st("u2", 18, 2)}},
		{"g1", startupqa.PeriodAll, "2000-01-01T00:00:00Z", 10, []startupqa.Standing{st("u1", 69, 3), st("u3", 40, 2), st("u2", 18, 2)}},
		{"g1", startupqa.PeriodAll, "2025-01-15T12:00:00Z", 2, []startupqa.Standing{st("u1", 69, 3), st("u3", 40, 2)}},
		{"g1", startupqa.PeriodAll, "2025-01-15T12:00:00Z", 0, []startupqa.Standing{st("u1", 69, 3), st("u3", 40, 2), st("u2", 18, 2)}},
		{"g2", startupqa.PeriodWeek, "2025-01-15T12:00:00Z", 10, []startupqa.Standing{st("u4", 256, 1), st("u1", 128, 1)}},
		{"g2", startupqa.PeriodAll, "2025-01-15T12:00:00Z", 1, []startupqa.Standing{st("u4", 256, 1)}},
		{"g3", startupqa.PeriodAll, "2025-01-15T12:00:00Z", 10, nil},
	} {
		got, err := db.Leaderboard(ctx, tc.guild, tc.period, at(t, tc.now), tc.limit)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Leaderboard(%s, %s, %s, %d) = %v, want %v", tc.guild, tc.period, tc.now, tc.limit, got, tc.want)
		}
	}
	if _, err := db.Leaderboard(ctx, "g1", "year", time.Now(), 10); err == nil {
		t.Error("an unknown period was accepted")
	}
}

func testLeaderboardTies(t *testing.T, be Backend) {
	ctx := context.Background()
	db := be.New(t)
	t0 := at(t, "2025-01-15T12:00:00Z")
	for _, a := range []struct {
		user   string
		points []int
	}{
		{"uD", []int{5}},
		{"uC", []int{4, 6}},
		{"uB", []int{10}},
		{"uA", []int{7, 3}},
		{"uE", []int{10, 0, 0}},
	} {
		for i, p := range a.points {
			mustAttempt(t, db, startupqa.Attempt{GuildID: "g", UserID: a.user, SectionID: "s", Points: p, CreatedAt: t0.Add(time.Duration(i) * time.Minute)})
		}
	}
	got, err := db.Leaderboard(ctx, "g", startupqa.PeriodWeek, t0, 0)
	if err != nil {
		t.Fatal(err)
	}
	// Points, then more rounds, then user id.
	want := []startupqa.Standing{st("uE", 10, 3), st("uA", 10, 2), st("uC", 10, 2), st("uB", 10, 1), st("uD", 5, 1)}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func testResetLeaderboard(t *testing.T, be Backend) {
	ctx := context.Background()
	db := be.New(t)
	t0 := at(t, "2025-01-15T12:00:00Z")
	c1 := mustChallenge(t, db, "g1", "c1")
	c2 := mustChallenge(t, db, "g2", "c2")
	for _, c := range []*startupqa.Challenge{c1, c2} {
		for _, u := range []string{"u1", "u2"} {
			mustAttempt(t, db, startupqa.Attempt{ChallengeID: c.ID, Round: 1, GuildID: c.GuildID, ChannelID: c.ChannelID, UserID: u,
				SectionID: "s", Points: 3, Covered: []string{"a"}, Missed: []string{"b"}, CreatedAt: t0})
		}
		mustAttempt(t, db, startupqa.Attempt{GuildID: c.GuildID, UserID: "solo", SectionID: "s", Points: 1, CreatedAt: t0})
	}
	if err := db.PutSetting(ctx, "g1", "lang", "zh"); err != nil {
		t.Fatal(err)
	}
	if err := db.PutSchedule(ctx, startupqa.Schedule{GuildID: "g1", ChannelID: "c1", TimeOfDay: "09:00", Timezone: "UTC"}); err != nil {
		t.Fatal(err)
	}

	if err := db.ResetLeaderboard(ctx, "g1"); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		guild string
		want  int
	}{{"g1", 0}, {"g2", 3}} {
		board, err := db.Leaderboard(ctx, tc.guild, startupqa.PeriodAll, t0, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(board) != tc.want {
			t.Errorf("guild %s: %d standings after resetting g1, want %d", tc.guild, len(board), tc.want)
		}
	}
	if n := count(t, db, "attempts"); n != 3 {
		t.Errorf("%d attempts, want g2's 3", n)
	}
	if n := count(t, db, "attempt_key_points"); n != 4 {
		t.Errorf("%d key points, want g2's 4", n)
	}
	if got, err := db.Attempts(ctx, c1.ID, 1); err != nil || len(got) != 0 {
		t.Errorf("g1's attempts after reset: %v, %v", got, err)
	}
	if got, err := db.RunningChallenge(ctx, "c1"); err != nil || got == nil || got.ID != c1.ID {
		t.Errorf("the challenge went with the reset: %v, %v", got, err)
	}
	if v, ok, err := db.Setting(ctx, "g1", "lang"); v != "zh" || !ok || err != nil {
		t.Errorf("the setting went with the reset: %q, %v, %v", v, ok, err)
	}
	if s, err := db.Schedules(ctx); err != nil || len(s) != 1 {
		t.Errorf("the schedule went with the reset: %v, %v", s, err)
	}
	// The game goes on after a reset.
	mustAttempt(t, db, startupqa.Attempt{ChallengeID: c1.ID, Round: 1, GuildID: "g1", ChannelID: "c1", UserID: "u1", SectionID: "s", Points: 9, CreatedAt: t0})
	board, err := db.Leaderboard(ctx, "g1", startupqa.PeriodAll, t0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if want := []startupqa.Standing{st("u1", 9, 1)}; !reflect.DeepEqual(board, want) {
		t.Errorf("after reset: %v, want %v", board, want)
	}
}
