package bot

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/startupqa/startupqa/bot/discordtest"
)

// BenchmarkAskHTTP posts n /ask interactions at once, signed, to the
// Interactions Endpoint URL and times each from the POST to its answer in
// the response, as BenchmarkAsk200 times the gateway path: to one replica
// directly, then to three behind a round-robin reverse proxy (all in this
// process, on its cores). It reports answers per CPU-second of the whole process
// (bots, endpoints, proxy and client).
//
//	go test -run '^$' -bench AskHTTP -benchtime 10x ./bot
func BenchmarkAskHTTP(b *testing.B) {
	for _, replicas := range []int{1, 3} {
		for _, n := range []int{200, 2000} {
			b.Run(fmt.Sprintf("replicas-%d/n-%d", replicas, n), func(b *testing.B) {
				benchAskHTTP(b, replicas, n)
			})
		}
	}
}

func benchAskHTTP(b *testing.B, replicas, n int) {
	{
		{
			pub, priv, err := ed25519.GenerateKey(rand.Reader)
			if err != nil {
				b.Fatal(err)
			}
			var r *running
			var backends []*url.URL
			for k := range replicas {
				var fake *discordtest.Server
				if r != nil {
					fake = r.srv
				}
				rk := startBot(b, fake, Config{}, defaultIndex(b))
				if k == 0 {
					r = rk
				}
				ep := httptest.NewServer(rk.bot.InteractionsHandler(context.Background(), pub))
				defer ep.Close()
				u, _ := url.Parse(ep.URL)
				backends = append(backends, u)
			}
			// One replica is posted to directly; three sit behind the
			// proxy, as replicas would behind a load balancer.
			target := backends[0].String()
			if replicas > 1 {
				proxy := httptest.NewServer(roundRobin(backends, n))
				defer proxy.Close()
				target = proxy.URL
			}
			client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: n, MaxConnsPerHost: n}}
			questions := evalQuestions(b)
			bodies := func() [][]byte {
				out := make([][]byte, n)
				for k := range out {
					i := r.srv.CommandInteraction(discordtest.Actor{UserID: fmt.Sprint(1000 + k)}, cmdAsk, ask(questions[k%len(questions)])...)
					body, err := r.srv.HTTPInteraction(i)
					if err != nil {
						b.Fatal(err)
					}
					out[k] = body
				}
				return out
			}
			post := func(body []byte) time.Duration {
				stamp := strconv.FormatInt(time.Now().Unix(), 10)
				req, _ := http.NewRequest(http.MethodPost, target, bytes.NewReader(body))
				req.Header.Set("X-Signature-Timestamp", stamp)
				req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(priv, append([]byte(stamp), body...))))
				start := time.Now()
				resp, err := client.Do(req)
				if err != nil {
					b.Error(err)
					return 0
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					b.Errorf("status %d", resp.StatusCode)
				}
				return time.Since(start)
			}
			burstHTTP := func() []time.Duration {
				bs := bodies()
				out := make([]time.Duration, n)
				var wg sync.WaitGroup
				for k, body := range bs {
					wg.Add(1)
					go func() { defer wg.Done(); out[k] = post(body) }()
				}
				wg.Wait()
				return out
			}
			burstHTTP() // warm connections and caches
			var all []time.Duration
			cpu0 := cpuTime()
			answered := 0
			for b.Loop() {
				all = append(all, burstHTTP()...)
				answered += n
			}
			cpu := cpuTime() - cpu0
			reportLatencies(b, all)
			b.ReportMetric(float64(answered)/cpu.Seconds(), "answers/cpu-s")
		}
	}
}

// roundRobin is a reverse proxy that sends each request to the next
// backend in turn, as a load balancer in front of replicas would.
func roundRobin(backends []*url.URL, conns int) http.Handler {
	var next atomic.Uint64
	return &httputil.ReverseProxy{
		Rewrite: func(r *httputil.ProxyRequest) {
			r.SetURL(backends[next.Add(1)%uint64(len(backends))])
		},
		Transport: &http.Transport{MaxIdleConnsPerHost: conns, MaxConnsPerHost: conns},
	}
}

// BenchmarkFloorGateway is the gateway path's floor: a bare discordgo
// session, in the same process and against the same fake, that answers
// every /ask with a fixed embed. What BenchmarkAsk200 spends above it is
// the bot's own.
//
//	go test -run '^$' -bench FloorGateway -benchtime 20x ./bot
func BenchmarkFloorGateway(b *testing.B) {
	srv := discordtest.Start(b, discordtest.Options{})
	s, err := discordgo.New("Bot " + srv.Token())
	if err != nil {
		b.Fatal(err)
	}
	s.Client = srv.HTTPClient()
	s.Dialer = gatewayDialer(rmemMax())
	s.StateEnabled = false
	s.Identify.Intents = Intents
	fixed := &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Embeds: []*discordgo.MessageEmbed{{Title: "fixed", Description: "a fixed answer"}}},
	}
	s.AddHandler(func(s *discordgo.Session, ic *discordgo.InteractionCreate) {
		if err := s.InteractionRespond(ic.Interaction, fixed); err != nil {
			b.Error(err)
		}
	})
	if err := s.Open(); err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Connected(ctx); err != nil {
		b.Fatal(err)
	}
	bursts(b, &running{srv: srv})
}

// cpuTime is the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
