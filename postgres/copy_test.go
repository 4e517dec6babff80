package postgres

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/startupqa/startupqa"
	"github.com/startupqa/startupqa/internal/pgtest"
	"github.com/startupqa/startupqa/sqlite"
	"github.com/startupqa/startupqa/sqlstore"
)

// A SQLite store copied into PostgreSQL, and back into a new SQLite file,
// reads the same everywhere, and each copy goes on taking new rows.
func TestCopyBothWays(t *testing.T) {
	ctx := context.Background()
	lite, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "scores.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	t0 := time.Date(2026, 5, 6, 7, 8, 9, 0, time.UTC)
	fill(t, lite, t0)

	pg, err := Open(ctx, pgtest.Need(t))
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	copied := map[string]int64{}
	if err := sqlstore.Copy(ctx, pg, lite, func(table string, n int64) { copied[table] = n }); err != nil {
		t.Fatal(err)
	}
	if copied["attempts"] != 31 || copied["attempt_key_points"] != 62 || copied["challenges"] != 3 || copied["unanswered"] != 4 {
		t.Errorf("copied %v", copied)
	}
	same(t, "PostgreSQL", lite, pg, t0)

	back, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "back.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer back.Close()
	if err := sqlstore.Copy(ctx, back, pg, nil); err != nil {
		t.Fatal(err)
	}
	same(t, "SQLite again", lite, back, t0)

	if err := sqlstore.Copy(ctx, pg, lite, nil); !errors.Is(err, sqlstore.ErrNotEmpty) {
		t.Errorf("a second copy into the same store: %v, want ErrNotEmpty", err)
	}
	// New rows take new ids after the copied ones.
	for name, db := range map[string]*sqlstore.DB{"PostgreSQL": pg, "SQLite again": back} {
		c := &startupqa.Challenge{GuildID: "g1", ChannelID: "new", StarterID: "u", Sections: []string{"s/1"}, Seconds: 60, Round: 1}
		if err := db.CreateChallenge(ctx, c); err != nil {
			t.Fatalf("%s: a challenge after the copy: %v", name, err)
		}
		if c.ID <= 3 {
			t.Errorf("%s: new challenge id %d reuses a copied one", name, c.ID)
		}
	}
}

// fill stores a little of everything.
func fill(t *testing.T, db *sqlstore.DB, t0 time.Time) {
	t.Helper()
	ctx := context.Background()
	var ids []int64
	for i, ch := range []string{"c1", "c2", "c3"} {
		c := &startupqa.Challenge{GuildID: "g1", ChannelID: ch, StarterID: "u1", Topic: "topic", Sections: []string{"s/1", "s/2"},
			Seconds: 90, Round: 2, StartedAt: t0, RoundEndsAt: t0.Add(time.Minute)}
		if i == 2 {
			c.State = startupqa.ChallengeEnded
		}
		if err := db.CreateChallenge(ctx, c); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
	}
	for i := range 31 {
		a := &startupqa.Attempt{ChallengeID: ids[i%3], Round: 1 + i/3, GuildID: "g1", ChannelID: "c", UserID: fmt.Sprintf("u%d", i%4),
			SectionID: "s/1", Answer: "答案 " + fmt.Sprint(i), Score: float64(i%10) / 9, Points: i % 7,
			Covered: []string{"甲"}, Missed: []string{"乙"}, CreatedAt: t0.Add(time.Duration(i) * time.Hour)}
		if err := db.RecordAttempt(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range []startupqa.Schedule{
		{GuildID: "g1", ChannelID: "c1", TimeOfDay: "09:00", Timezone: "Asia/Shanghai", CreatedBy: "u1", LastRun: t0},
		{GuildID: "g2", ChannelID: "c9", TimeOfDay: "21:30", Timezone: "UTC", CreatedBy: "u2"},
	} {
		if err := db.PutSchedule(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.PutSetting(ctx, "g1", "lang", "en"); err != nil {
		t.Fatal(err)
	}
	for i, q := range []string{"什么是区块链", "什么是区块链", "how do I hire", "退款政策"} {
		if err := db.RecordUnanswered(ctx, "g1", q, 0.1*float64(i), t0.Add(time.Duration(i)*time.Minute)); err != nil {
			t.Fatal(err)
		}
	}
}

// same fails the test where got reads differently from want.
func same(t *testing.T, name string, want, got *sqlstore.DB, t0 time.Time) {
	t.Helper()
	ctx := context.Background()
	check := func(what string, read func(db *sqlstore.DB) (any, error)) {
		t.Helper()
		w, err1 := read(want)
		g, err2 := read(got)
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: %s: %v, %v", name, what, err1, err2)
		}
		if !reflect.DeepEqual(w, g) {
			t.Errorf("%s: %s:\n got %+v\nwant %+v", name, what, g, w)
		}
	}
	for _, p := range []startupqa.Period{startupqa.PeriodAll, startupqa.PeriodWeek, startupqa.PeriodMonth} {
		check("leaderboard "+string(p), func(db *sqlstore.DB) (any, error) { return db.Leaderboard(ctx, "g1", p, t0, 0) })
	}
	check("member stats", func(db *sqlstore.DB) (any, error) { return db.MemberStats(ctx, "g1", "u1", 0.5) })
	check("running challenges", func(db *sqlstore.DB) (any, error) { return db.RunningChallenges(ctx) })
	check("ended challenge", func(db *sqlstore.DB) (any, error) { return db.Challenge(ctx, 3) })
	check("attempts", func(db *sqlstore.DB) (any, error) { return db.Attempts(ctx, 1, 2) })
	check("schedules", func(db *sqlstore.DB) (any, error) { return db.Schedules(ctx) })
	check("setting", func(db *sqlstore.DB) (any, error) { v, _, err := db.Setting(ctx, "g1", "lang"); return v, err })
	check("unanswered", func(db *sqlstore.DB) (any, error) { return db.TopUnanswered(ctx, "g1", t0, 0) })
}
