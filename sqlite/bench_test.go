package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"testing"
	"time"

	"github.com/startupqa/startupqa"
)

// BenchmarkRecordAttempt records one attempt with five key points per
// operation, each its own transaction.
func BenchmarkRecordAttempt(b *testing.B) {
	ctx := context.Background()
	db := openTest(b)
	c := mustChallenge(b, db, "g", "c")
	t0 := time.Date(2025, 1, 15, 12, 0, 0, 0, time.UTC)
	i := 0
	for b.Loop() {
		i++
		a := &startupqa.Attempt{
			ChallengeID: c.ID, Round: i, GuildID: "g", ChannelID: "c", UserID: fmt.Sprintf("u%d", i%50),
			SectionID: "llm-startup/1", Answer: "大模型指的是具有海量参数的机器学习模型。", Score: 0.6, Points: 6,
			Covered: []string{"参数量巨大", "计算资源需求高", "泛化能力强"}, Missed: []string{"多任务学习", "应用场景"},
			CreatedAt: t0.Add(time.Duration(i) * time.Second),
		}
		if err := db.RecordAttempt(ctx, a); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRecordAttemptParallel records attempts from GOMAXPROCS×4
// goroutines at once.
func BenchmarkRecordAttemptParallel(b *testing.B) {
	ctx := context.Background()
	db := openTest(b)
	b.SetParallelism(4)
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			a := &startupqa.Attempt{GuildID: "g", UserID: "u", SectionID: "s", Score: 0.6, Points: 6,
				Covered: []string{"a", "b", "c"}, Missed: []string{"d", "e"}}
			if err := db.RecordAttempt(ctx, a); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// BenchmarkLeaderboard ranks the top 10 of a guild holding 10,000
// attempts of 200 members over 120 days (and 2,000 of another guild).
func BenchmarkLeaderboard(b *testing.B) {
	ctx := context.Background()
	db := openTest(b)
	now := time.Date(2025, 4, 30, 12, 0, 0, 0, time.UTC)
	seedAttempts(b, db, "g", 10000, 200, now)
	seedAttempts(b, db, "other", 2000, 50, now)
	for _, period := range []startupqa.Period{startupqa.PeriodWeek, startupqa.PeriodMonth, startupqa.PeriodAll} {
		b.Run(string(period), func(b *testing.B) {
			for b.Loop() {
				board, err := db.Leaderboard(ctx, "g", period, now, 10)
				if err != nil {
					b.Fatal(err)
				}
				if len(board) != 10 {
					b.Fatalf("%d standings", len(board))
				}
			}
		})
	}
}

// BenchmarkMemberStats computes one member's figures among 10,000 attempts.
func BenchmarkMemberStats(b *testing.B) {
	ctx := context.Background()
	db := openTest(b)
	now := time.Date(2025, 4, 30, 12, 0, 0, 0, time.UTC)
	seedAttempts(b, db, "g", 10000, 200, now)
	for b.Loop() {
		if _, err := db.MemberStats(ctx, "g", "u7", 0.6); err != nil {
			b.Fatal(err)
		}
	}
}

// seedAttempts stores n solo attempts of the given number of users, spread
// over the 120 days before now, in one transaction.
func seedAttempts(b testing.TB, db *DB, guild string, n, users int, now time.Time) {
	b.Helper()
	ctx := context.Background()
	step := 120 * 24 * time.Hour / time.Duration(n)
	err := db.write(ctx, func(tx *sql.Tx) error {
		for i := range n {
			a := &startupqa.Attempt{
				GuildID: guild, ChannelID: "c", UserID: fmt.Sprintf("u%d", (i*7919)%users),
				SectionID: fmt.Sprintf("llm-startup/%d", 1+i%6), Answer: "答案", Score: float64(i%11) / 10, Points: i % 13,
				Covered: []string{"a", "b"}, Missed: []string{"c"},
				CreatedAt: now.Add(-time.Duration(n-i) * step),
			}
			if _, err := insertAttempt(ctx, tx, a); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkUnansweredAtCap logs into, and lists, a server whose log is
// full: the most /unanswered reads and the trimming every log entry pays.
func BenchmarkUnansweredAtCap(b *testing.B) {
	ctx := context.Background()
	db := openTest(b)
	start := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	for i := range MaxUnansweredPerGuild {
		if err := db.RecordUnanswered(ctx, "g", fmt.Sprintf("question %d", i%2000), 0.2, start.Add(time.Duration(i)*time.Second)); err != nil {
			b.Fatal(err)
		}
	}
	at := start.Add(time.Duration(MaxUnansweredPerGuild) * time.Second)
	b.Run("record", func(b *testing.B) {
		for b.Loop() {
			at = at.Add(time.Second)
			if err := db.RecordUnanswered(ctx, "g", "question x", 0.2, at); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("top", func(b *testing.B) {
		for b.Loop() {
			if _, err := db.TopUnanswered(ctx, "g", start, 25); err != nil {
				b.Fatal(err)
			}
		}
	})
}
