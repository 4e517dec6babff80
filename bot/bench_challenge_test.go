package bot

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/startupqa/startupqa/bot/discordtest"
	"github.com/startupqa/startupqa/internal/pgtest"
	"github.com/startupqa/startupqa/postgres"
	"github.com/startupqa/startupqa/sqlite"
	"github.com/startupqa/startupqa/sqlstore"
)

// BenchmarkChallengeHTTP plays one-round challenges over the Interactions
// Endpoint URL: in a new channel each time, a member starts a challenge,
// then every member at once clicks Answer, then every member at once
// submits the form. It times
// the clicks and the submitted answers (graded, recorded in the store and
// answered with the verdict) from POST to response, on one replica, then
// on three behind a round-robin proxy, all in this process. The replicas share one store: SQLite, then PostgreSQL (a
// throwaway server, as the store's tests start; skipped without one).
//
//	go test -run '^$' -bench ChallengeHTTP -benchtime 10x ./bot
func BenchmarkChallengeHTTP(b *testing.B) {
	for _, store := range []string{"sqlite", "postgres"} {
		for _, replicas := range []int{1, 3} {
			for _, members := range []int{20, 200} {
				b.Run(fmt.Sprintf("%s/replicas-%d/members-%d", store, replicas, members), func(b *testing.B) {
					open := sqliteStores(b)
					if store == "postgres" {
						open = postgresStores(b)
					}
					benchChallengeHTTP(b, open, replicas, members)
				})
			}
		}
	}
}

// sqliteStores returns a function that opens a store over one SQLite
// file, each call a store of its own.
func sqliteStores(t testing.TB) func(testing.TB) *sqlstore.DB {
	path := filepath.Join(t.TempDir(), "scores.db")
	return func(t testing.TB) *sqlstore.DB {
		db, err := sqlite.Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
}

// postgresStores is sqliteStores for a fresh schema of the test
// PostgreSQL server.
func postgresStores(t testing.TB) func(testing.TB) *sqlstore.DB {
	url := pgtest.Need(t)
	return func(t testing.TB) *sqlstore.DB {
		db, err := postgres.Open(context.Background(), url)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
}

func benchChallengeHTTP(b *testing.B, open func(testing.TB) *sqlstore.DB, replicas, members int) {
	ep := startReplicas(b, replicas, members, open)
	db := open(b) // to watch the games end
	const answer = "参数量巨大，需要大量计算资源和数据训练，泛化能力强。"
	game := 0
	play := func() (clicks, answers []time.Duration) {
		game++
		channel := fmt.Sprint(880000 + game)
		host := discordtest.Actor{UserID: "700", ChannelID: channel}
		start, _, err := ep.interact(ep.srv.CommandInteraction(host, cmdChallenge, startOpts(1, 600, "大模型")...))
		if err != nil {
			b.Fatal(err)
		}
		ids := start.buttons()
		if len(ids) == 0 {
			b.Fatalf("start: %+v", start.Data)
		}
		_, cid, _, _ := parseChID(ids[0])
		clicks, answers = make([]time.Duration, members), make([]time.Duration, members)
		who := func(k int) discordtest.Actor {
			return discordtest.Actor{UserID: fmt.Sprint(10000 + k), ChannelID: channel}
		}
		// Everyone opens the form, then everyone submits: a round ends
		// when all who joined have answered, so members answering before
		// the others have joined would end it for them (a person takes
		// longer to type than the others to click).
		all := func(f func(k int)) {
			var wg sync.WaitGroup
			for k := range members {
				wg.Go(func() { f(k) })
			}
			wg.Wait()
		}
		all(func(k int) {
			form, took, err := ep.interact(ep.srv.ComponentInteraction(who(k), chID(actAnswer, cid, 1)))
			if err != nil || form.Type != int(discordgo.InteractionResponseModal) {
				b.Errorf("member %d's Answer: %v %+v", k, err, form.Data)
				return
			}
			clicks[k] = took
		})
		all(func(k int) {
			verdict, took, err := ep.interact(ep.srv.ModalSubmitInteraction(who(k), chID(actModal, cid, 1),
				discordtest.ModalField{CustomID: fieldText, Value: answer}))
			if err != nil || !verdict.ephemeral() {
				b.Errorf("member %d's answer: %v %+v", k, err, verdict.Data)
				return
			}
			answers[k] = took
		})
		// Everyone who joined answered: the round and the game end.
		// Wait for it, so that one game's ending does not run into the
		// next one's clock.
		for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(5 * time.Millisecond) {
			running, err := db.RunningChallenges(context.Background())
			if err != nil {
				b.Fatal(err)
			}
			if len(running) == 0 {
				break
			}
			if time.Now().After(deadline) {
				b.Fatalf("game %d still running: %+v", game, running)
			}
		}
		return clicks, answers
	}
	play() // warm connections, the store and the grader
	var allClicks, allAnswers []time.Duration
	cpu0 := cpuTime()
	for b.Loop() {
		c, a := play()
		allClicks, allAnswers = append(allClicks, c...), append(allAnswers, a...)
	}
	cpu := cpuTime() - cpu0
	reportLatencies(b, allAnswers)
	slices.Sort(allClicks)
	b.ReportMetric(ms(allClicks[(len(allClicks)*99+99)/100-1]), "click-p99-ms")
	b.ReportMetric(float64(len(allAnswers))/cpu.Seconds(), "answers/cpu-s")
}
