package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/startupqa/startupqa/bot/discordtest"
	"github.com/startupqa/startupqa/engine"
)

// BenchmarkAsk200 dispatches 200 /ask interactions at once through the
// fake Discord and measures, for each, the time from dispatch to the
// bot's answer reaching the fake. With rtt-80ms every REST call of the
// fake takes 80 ms, like Discord's round trip.
//
// Every burst asks the same 200 questions. Searched on the index itself,
// each is searched every time, as distinct questions would be; the
// cached-0ms run goes through the engine, as `serve` does, whose cache
// answers them from the second burst on: what a burst of repeated
// questions (autocomplete's titles, a group drilling the same ones) costs.
//
//	go test -run '^$' -bench Ask200 -benchtime 20x ./bot
func BenchmarkAsk200(b *testing.B) {
	for _, rtt := range []time.Duration{0, 80 * time.Millisecond} {
		b.Run(fmt.Sprintf("rtt-%dms", rtt.Milliseconds()), func(b *testing.B) {
			r := startBot(b, nil, Config{}, defaultIndex(b))
			r.srv.SetLatency(rtt)
			bursts(b, r)
		})
	}
	b.Run("cached-0ms", func(b *testing.B) {
		e, err := engine.Open(context.Background(), engine.Config{}, slog.New(slog.DiscardHandler))
		if err != nil {
			b.Fatal(err)
		}
		defer e.Close()
		bursts(b, startBot(b, nil, Config{}, e))
		if s := e.Stats(); s.CacheHits == 0 {
			b.Errorf("no question was answered from the cache: %+v", s)
		}
	})
}

// bursts times bursts of 200 /ask interactions through the gateway, after
// one that warms connections as a running bot has them warm, and reports
// the latencies' p50, p99 and maximum.
func bursts(b *testing.B, r *running) {
	questions := evalQuestions(b)
	burst(b, r, 200, questions)
	var all []time.Duration
	for b.Loop() {
		all = append(all, burst(b, r, 200, questions)...)
	}
	reportLatencies(b, all)
}

// reportLatencies reports p50, p99 and the maximum of the latencies.
func reportLatencies(b *testing.B, all []time.Duration) {
	slices.Sort(all)
	b.ReportMetric(ms(all[len(all)/2]), "p50-ms")
	b.ReportMetric(ms(all[(len(all)*99+99)/100-1]), "p99-ms")
	b.ReportMetric(ms(all[len(all)-1]), "max-ms")
}

// burst dispatches n interactions at once and returns each one's time
// from dispatch to the answer's arrival; every one must be answered.
func burst(b testing.TB, r *running, n int, questions []string) []time.Duration {
	is := make([]*discordgo.Interaction, n)
	events := make([]discordtest.Event, n)
	for k := range is {
		is[k] = r.srv.CommandInteraction(discordtest.Actor{UserID: fmt.Sprint(1000 + k)}, cmdAsk, ask(questions[k%len(questions)])...)
		ev, err := r.srv.Prepare("INTERACTION_CREATE", is[k])
		if err != nil {
			b.Fatal(err)
		}
		events[k] = ev
	}
	sentAt := make([]time.Time, n)
	var wg sync.WaitGroup
	for k, ev := range events {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sentAt[k] = time.Now()
			if err := r.srv.Send(ev); err != nil {
				b.Error(err)
			}
		}()
	}
	wg.Wait()
	byEndpoint := make(map[string]int, n)
	for k, i := range is {
		byEndpoint[fmt.Sprintf("/interactions/%s/%s/callback", i.ID, i.Token)] = k
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	answers, err := r.srv.WaitRequests(ctx, n, func(q discordtest.Request) bool {
		_, ours := byEndpoint[q.Endpoint]
		return ours && q.Status/100 == 2
	})
	if err != nil {
		b.Fatalf("%d of %d interactions answered: %v", len(answers), n, err)
	}
	out := make([]time.Duration, n)
	for _, a := range answers {
		k := byEndpoint[a.Endpoint]
		out[k] = a.Received.Sub(sentAt[k])
	}
	return out
}

// evalQuestions are the labelled questions of testdata/eval.jsonl: varied,
// distinct, a fifth of them off-topic.
func evalQuestions(b testing.TB) []string {
	data, err := os.ReadFile("../testdata/eval.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	var qs []string
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var c struct{ Q string }
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			b.Fatal(err)
		}
		qs = append(qs, c.Q)
	}
	return qs
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
