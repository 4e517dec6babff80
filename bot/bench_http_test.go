package bot

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/startupqa/startupqa/bot/discordtest"
	"github.com/startupqa/startupqa/sqlstore"
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
	ep := startReplicas(b, replicas, n, nil)
	questions := evalQuestions(b)
	bodies := func() [][]byte {
		out := make([][]byte, n)
		for k := range out {
			i := ep.srv.CommandInteraction(discordtest.Actor{UserID: fmt.Sprint(1000 + k)}, cmdAsk, ask(questions[k%len(questions)])...)
			body, err := ep.srv.HTTPInteraction(i)
			if err != nil {
				b.Fatal(err)
			}
			out[k] = body
		}
		return out
	}
	burstHTTP := func() []time.Duration {
		bs := bodies()
		out := make([]time.Duration, n)
		var wg sync.WaitGroup
		for k, body := range bs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, took, err := ep.post(body); err != nil {
					b.Error(err)
				} else {
					out[k] = took
				}
			}()
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

// replicaSet is n bots in this process, each with its Interactions
// Endpoint URL, and the one URL a client posts to: the only replica's, or
// a round-robin proxy's in front of several.
type replicaSet struct {
	srv    *discordtest.Server // the fake Discord the bots share
	target string
	priv   ed25519.PrivateKey
	client *http.Client
}

// startReplicas starts replicas bots against one fake Discord, ready for
// conns requests at once. When store is not nil each bot opens its own
// store with it, over one database, as replicas in processes of their own
// would.
func startReplicas(b *testing.B, replicas, conns int, store func(testing.TB) *sqlstore.DB) *replicaSet {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		b.Fatal(err)
	}
	var srv *discordtest.Server
	var backends []*url.URL
	for range replicas {
		r := startBotWith(b, srv, Config{}, defaultIndex(b), func(bot *Bot) {
			if store != nil {
				bot.UseStore(store(b))
			}
		})
		srv = r.srv
		ep := httptest.NewServer(r.bot.InteractionsHandler(context.Background(), pub))
		b.Cleanup(ep.Close)
		u, _ := url.Parse(ep.URL)
		backends = append(backends, u)
	}
	// One replica is posted to directly; several sit behind the proxy,
	// as replicas would behind a load balancer.
	target := backends[0].String()
	if replicas > 1 {
		proxy := httptest.NewServer(roundRobin(backends, conns))
		b.Cleanup(proxy.Close)
		target = proxy.URL
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: conns, MaxConnsPerHost: conns}}
	return &replicaSet{srv: srv, target: target, priv: priv, client: client}
}

// post sends an interaction's body as Discord would, signed, and returns
// the response and the time from the POST to its end.
func (e *replicaSet) post(body []byte) ([]byte, time.Duration, error) {
	req, err := http.NewRequest(http.MethodPost, e.target, bytes.NewReader(body))
	if err != nil {
		return nil, 0, err
	}
	sign(req, body, time.Now(), e.priv)
	start := time.Now()
	resp, err := e.client.Do(req)
	if err != nil {
		return nil, 0, err
	}
	raw, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	took := time.Since(start)
	if err == nil && resp.StatusCode != http.StatusOK {
		err = fmt.Errorf("status %d: %s", resp.StatusCode, raw)
	}
	return raw, took, err
}

// interact posts an interaction and decodes the bot's response.
func (e *replicaSet) interact(i *discordgo.Interaction) (sent, time.Duration, error) {
	body, err := e.srv.HTTPInteraction(i)
	if err != nil {
		return sent{}, 0, err
	}
	raw, took, err := e.post(body)
	if err != nil {
		return sent{}, took, err
	}
	var s sent
	if err := json.Unmarshal(raw, &s); err != nil {
		return sent{}, took, fmt.Errorf("response %s: %w", raw, err)
	}
	return s, took, nil
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
