package storetest

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/startupqa/startupqa"
	"github.com/startupqa/startupqa/sqlstore"
)

// Bench runs the store's benchmarks against be: the hot paths of a
// challenge (an answer recorded, a leaderboard read, a member's figures,
// the unanswered log) on a store of 10,000 attempts. Set scale to also
// run the load benchmarks at 100,000 and 1,000,000 attempts.
func Bench(b *testing.B, be Backend, scale bool) {
	b.Run("RecordAttempt", func(b *testing.B) { benchRecordAttempt(b, be) })
	b.Run("RecordAttemptParallel", func(b *testing.B) { benchRecordAttemptParallel(b, be) })
	b.Run("Leaderboard", func(b *testing.B) { benchLeaderboard(b, be) })
	b.Run("MemberStats", func(b *testing.B) { benchMemberStats(b, be) })
	b.Run("UnansweredAtCap", func(b *testing.B) { benchUnansweredAtCap(b, be) })
	if scale {
		for _, n := range []int{100_000, 1_000_000} {
			b.Run(fmt.Sprintf("Load%dk", n/1000), func(b *testing.B) { benchLoad(b, be, n) })
		}
	}
}

// benchRecordAttempt records one attempt with five key points per
// operation, each its own transaction.
func benchRecordAttempt(b *testing.B, be Backend) {
	ctx := context.Background()
	db := be.New(b)
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

// benchRecordAttemptParallel records attempts from GOMAXPROCS×4
// goroutines at once.
func benchRecordAttemptParallel(b *testing.B, be Backend) {
	ctx := context.Background()
	db := be.New(b)
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

// benchLeaderboard ranks the top 10 of a guild holding 10,000 attempts of
// 200 members over 120 days (and 2,000 of another guild).
func benchLeaderboard(b *testing.B, be Backend) {
	ctx := context.Background()
	db := be.New(b)
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

// benchMemberStats computes one member's figures among 10,000 attempts.
func benchMemberStats(b *testing.B, be Backend) {
	ctx := context.Background()
	db := be.New(b)
	now := time.Date(2025, 4, 30, 12, 0, 0, 0, time.UTC)
	seedAttempts(b, db, "g", 10000, 200, now)
	for b.Loop() {
		if _, err := db.MemberStats(ctx, "g", "u7", 0.6); err != nil {
			b.Fatal(err)
		}
	}
}

// benchUnansweredAtCap logs into, and lists, a server whose log is full:
// the most /unanswered reads and the trimming every log entry pays.
func benchUnansweredAtCap(b *testing.B, be Backend) {
	ctx := context.Background()
	db := be.New(b)
	start := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	for i := range sqlstore.MaxUnansweredPerGuild {
		if err := db.RecordUnanswered(ctx, "g", fmt.Sprintf("question %d", i%2000), 0.2, start.Add(time.Duration(i)*time.Second)); err != nil {
			b.Fatal(err)
		}
	}
	at := start.Add(time.Duration(sqlstore.MaxUnansweredPerGuild) * time.Second)
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

// benchLoad seeds n attempts (one busy guild of 2,000 members holding
// half, 99 others the rest, over a year) and measures what a bot many
// servers use asks of its store: answers recorded per second by 16
// writers at once, and the weekly leaderboard's latency, p50 and p99.
func benchLoad(b *testing.B, be Backend, n int) {
	ctx := context.Background()
	db := be.New(b)
	now := time.Date(2026, 6, 30, 12, 0, 0, 0, time.UTC)
	seeded := time.Now()
	const batch = 5000
	for start := 0; start < n; start += batch {
		as := make([]startupqa.Attempt, 0, batch)
		for i := start; i < min(n, start+batch); i++ {
			guild := "busy"
			if i%2 == 1 {
				guild = fmt.Sprintf("g%02d", i%99)
			}
			as = append(as, startupqa.Attempt{
				GuildID: guild, ChannelID: "c", UserID: fmt.Sprintf("u%d", (i*7919)%2000),
				SectionID: fmt.Sprintf("s/%d", 1+i%40), Answer: "答案", Score: float64(i%11) / 10, Points: i % 13,
				Covered: []string{"a", "b"}, Missed: []string{"c"},
				CreatedAt: now.Add(-time.Duration(n-i) * (365 * 24 * time.Hour / time.Duration(n))),
			})
		}
		if err := db.RecordAttempts(ctx, as); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("seeded %d attempts in %v", n, time.Since(seeded).Round(time.Millisecond))

	b.Run("record", func(b *testing.B) {
		const writers = 16
		var next atomic.Int64
		b.ResetTimer()
		var wg sync.WaitGroup
		began := time.Now()
		for w := range writers {
			wg.Go(func() {
				for {
					i := next.Add(1)
					if i > int64(b.N) {
						return
					}
					a := &startupqa.Attempt{GuildID: "busy", ChannelID: "c", UserID: fmt.Sprintf("w%d", w), SectionID: "s/1",
						Answer: "答案", Score: 0.7, Points: 7, Covered: []string{"a", "b"}, Missed: []string{"c"}, CreatedAt: now}
					if err := db.RecordAttempt(ctx, a); err != nil {
						b.Error(err)
						return
					}
				}
			})
		}
		wg.Wait()
		b.ReportMetric(float64(b.N)/time.Since(began).Seconds(), "answers/s")
	})
	b.Run("weekly", func(b *testing.B) {
		var lat []time.Duration
		for b.Loop() {
			t := time.Now()
			board, err := db.Leaderboard(ctx, "busy", startupqa.PeriodWeek, now, 10)
			if err != nil {
				b.Fatal(err)
			}
			if len(board) != 10 {
				b.Fatalf("%d standings", len(board))
			}
			lat = append(lat, time.Since(t))
		}
		slices.Sort(lat)
		b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
		b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
	})
}

// seedAttempts stores n solo attempts of the given number of users, spread
// over the 120 days before now, in one transaction.
func seedAttempts(b testing.TB, db *sqlstore.DB, guild string, n, users int, now time.Time) {
	b.Helper()
	step := 120 * 24 * time.Hour / time.Duration(n)
	as := make([]startupqa.Attempt, n)
	for i := range as {
		as[i] = startupqa.Attempt{
			GuildID: guild, ChannelID: "c", UserID: fmt.Sprintf("u%d", (i*7919)%users),
			SectionID: fmt.Sprintf("llm-startup/%d", 1+i%6), Answer: "答案", Score: float64(i%11) / 10, Points: i % 13,
			Covered: []string{"a", "b"}, Missed: []string{"c"},
			CreatedAt: now.Add(-time.Duration(n-i) * step),
		}
	}
	if err := db.RecordAttempts(context.Background(), as); err != nil {
		b.Fatal(err)
	}
}
