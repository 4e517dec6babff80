package storetest

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/startupqa/startupqa"
)

func testMemberStatsStreaks(t *testing.T, be Backend) {
	ctx := context.Background()
	t0 := at(t, "2025-01-15T12:00:00Z")
	for _, tc := range []struct {
		name         string
		scores       []float64 // in time order
		threshold    float64
		streak, best int
	}{
		{"no attempts", nil, 0.6, 0, 0},
		{"one good", []float64{0.9}, 0.6, 1, 1},
		{"one bad", []float64{0.1}, 0.6, 0, 0},
		{"broken by the last", []float64{0.9, 0.8, 0.2, 0.7, 0.7, 0.7, 0.1}, 0.6, 0, 3},
		{"current is best", []float64{0.2, 0.6, 0.9, 1}, 0.6, 3, 3},
		{"current shorter than best", []float64{1, 1, 1, 1, 0, 1, 1}, 0.6, 2, 4},
		{"threshold is inclusive", []float64{0.5, 0.5}, 0.5, 2, 2},
		{"threshold zero counts all", []float64{0, 0, 0}, 0, 3, 3},
		{"all bad", []float64{0.1, 0.2, 0.3}, 0.6, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := be.New(t)
			// Record them latest first: the streak follows time, not ids.
			for i := len(tc.scores) - 1; i >= 0; i-- {
				mustAttempt(t, db, startupqa.Attempt{GuildID: "g", UserID: "u", SectionID: "s", Score: tc.scores[i], Points: 1,
					CreatedAt: t0.Add(time.Duration(i) * time.Minute)})
			}
			// Noise: another member, and the same member in another guild.
			mustAttempt(t, db, startupqa.Attempt{GuildID: "g", UserID: "other", SectionID: "s", Score: 0, CreatedAt: t0.Add(30 * time.Second)})
			mustAttempt(t, db, startupqa.Attempt{GuildID: "g2", UserID: "u", SectionID: "s", Score: 0, CreatedAt: t0.Add(90 * time.Second)})

			st, err := db.MemberStats(ctx, "g", "u", tc.threshold)
			if err != nil {
				t.Fatal(err)
			}
			if st.UserID != "u" || st.Rounds != len(tc.scores) || st.Points != len(tc.scores) {
				t.Errorf("stats %+v, want %d rounds and points", st, len(tc.scores))
			}
			if st.Streak != tc.streak || st.BestStreak != tc.best {
				t.Errorf("streak %d, best %d; want %d, %d", st.Streak, st.BestStreak, tc.streak, tc.best)
			}
		})
	}
}

func testMemberStatsSections(t *testing.T, be Backend) {
	ctx := context.Background()
	db := be.New(t)
	t0 := at(t, "2025-01-15T12:00:00Z")
	c := mustChallenge(t, db, "g", "c")
	i := 0
	for _, a := range []struct {
		section string
		score   float64
		points  int
	}{
		{"s1", 0.75, 7}, {"s1", 1, 10},
		{"s2", 0.25, 2},
		{"s3", 0.5, 5}, {"s3", 0.5, 5}, {"s3", 0.5, 5},
		{"s4", 0.25, 2}, {"s4", 0.25, 3},
		{"s5", 0.875, 1},
		{"s0", 0.875, 9},
	} {
		i++
		att := startupqa.Attempt{GuildID: "g", UserID: "u", SectionID: a.section, Score: a.score, Points: a.points, CreatedAt: t0.Add(time.Duration(i) * time.Minute)}
		if i%2 == 0 {
			att.ChallengeID, att.Round = c.ID, i
		}
		mustAttempt(t, db, att)
	}
	mustAttempt(t, db, startupqa.Attempt{GuildID: "g2", UserID: "u", SectionID: "s9", Score: 0, Points: 100, CreatedAt: t0})
	mustAttempt(t, db, startupqa.Attempt{GuildID: "g", UserID: "v", SectionID: "s9", Score: 0, Points: 100, CreatedAt: t0})

	got, err := db.MemberStats(ctx, "g", "u", 0.5)
	if err != nil {
		t.Fatal(err)
	}
	want := &startupqa.MemberStats{
		UserID: "u",
		Rounds: 10,
		Points: 49,
		// In time order: .75 1 | .25 | .5 .5 .5 | .25 .25 | .875 .875.
		Streak:     2,
		BestStreak: 3,
		// Lowest average first; ties go to more attempts (s4 before s2,
		// s1 before s0 and s5), then to the section id (s0 before s5).
		Sections: []startupqa.SectionScore{
			{SectionID: "s4", Attempts: 2, AvgScore: 0.25},
			{SectionID: "s2", Attempts: 1, AvgScore: 0.25},
			{SectionID: "s3", Attempts: 3, AvgScore: 0.5},
			{SectionID: "s1", Attempts: 2, AvgScore: 0.875},
			{SectionID: "s0", Attempts: 1, AvgScore: 0.875},
			{SectionID: "s5", Attempts: 1, AvgScore: 0.875},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}

	none, err := db.MemberStats(ctx, "g", "nobody", 0.5)
	if err != nil {
		t.Fatal(err)
	}
	if want := (&startupqa.MemberStats{UserID: "nobody"}); !reflect.DeepEqual(none, want) {
		t.Errorf("a member without attempts: %+v", none)
	}
}
