package bot

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/startupqa/startupqa/bot/discordtest"
	"github.com/startupqa/startupqa/index"
	"github.com/startupqa/startupqa/zh"
)

// fakeEngine wraps the real engine to misbehave on demand.
type fakeEngine struct {
	Engine
	delay   time.Duration // before every search
	panicOn string        // a question that makes Search panic
}

func (f fakeEngine) Search(ctx context.Context, q string) (*index.Result, error) {
	if f.panicOn != "" && strings.Contains(q, f.panicOn) {
		panic("fake engine panics on " + q)
	}
	if f.delay > 0 {
		select {
		case <-time.After(f.delay):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	return f.Engine.Search(ctx, q)
}

// syncBuffer is a log sink safe for the bot's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.b.Reset()
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// running is a bot connected to a fake Discord.
type running struct {
	srv    *discordtest.Server
	bot    *Bot
	logs   *syncBuffer
	cancel context.CancelFunc
	done   chan error // Run's result
}

// startBot runs a bot against srv (a new fake when nil) and waits until it
// is connected and has dealt with its commands.
func startBot(t testing.TB, srv *discordtest.Server, cfg Config, engine Engine) *running {
	t.Helper()
	return startBotWith(t, srv, cfg, engine, nil)
}

// startBotWith is startBot with a chance to configure the bot before it
// runs.
func startBotWith(t testing.TB, srv *discordtest.Server, cfg Config, engine Engine, setup func(*Bot)) *running {
	t.Helper()
	if srv == nil {
		srv = discordtest.Start(t, discordtest.Options{})
	}
	if cfg.Token == "" {
		cfg.Token = srv.Token()
	}
	cfg.APIBase = srv.BaseURL()
	logs := &syncBuffer{}
	b := New(cfg, engine, scripts(t), slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})))
	if setup != nil {
		setup(b)
	}
	ctx, cancel := context.WithCancel(context.Background())
	r := &running{srv: srv, bot: b, logs: logs, cancel: cancel, done: make(chan error, 1)}
	go func() { r.done <- b.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-r.done:
		case <-time.After(15 * time.Second):
			t.Error("bot did not stop within 15 s")
		}
	})
	wctx, wcancel := context.WithTimeout(ctx, 10*time.Second)
	defer wcancel()
	if err := srv.Connected(wctx); err != nil {
		t.Fatalf("bot did not connect: %v\nlogs:\n%s", err, logs)
	}
	// Run logs "bot ready" once the commands are registered or found
	// up to date.
	for !strings.Contains(logs.String(), `"msg":"bot ready"`) {
		select {
		case err := <-r.done:
			t.Fatalf("bot stopped: %v\nlogs:\n%s", err, logs)
		case <-wctx.Done():
			t.Fatalf("bot not ready\nlogs:\n%s", logs)
		case <-time.After(5 * time.Millisecond):
		}
	}
	return r
}

// sent is an interaction response as the fake received it.
type sent struct {
	Type int `json:"type"`
	Data struct {
		Content    string                                      `json:"content"`
		Flags      int                                         `json:"flags"`
		Embeds     []*discordgo.MessageEmbed                   `json:"embeds"`
		Components []row                                       `json:"components"`
		Choices    []*discordgo.ApplicationCommandOptionChoice `json:"choices"`
		Mentions   *allowedMentions                            `json:"allowed_mentions"`
	} `json:"data"`
}

type row struct {
	Components []struct {
		CustomID string `json:"custom_id"`
		Label    string `json:"label"`
	} `json:"components"`
}

type allowedMentions struct {
	Parse       []string `json:"parse"`
	RepliedUser bool     `json:"replied_user"`
}

func (s sent) ephemeral() bool { return s.Data.Flags&int(discordgo.MessageFlagsEphemeral) != 0 }

// buttons lists the custom ids of the response's buttons.
func (s sent) buttons() []string {
	var ids []string
	for _, r := range s.Data.Components {
		for _, c := range r.Components {
			ids = append(ids, c.CustomID)
		}
	}
	return ids
}

// interact dispatches an interaction and returns the callback the bot
// answered it with.
func (r *running) interact(t testing.TB, i *discordgo.Interaction) sent {
	t.Helper()
	if err := r.srv.DispatchInteraction(i); err != nil {
		t.Fatalf("dispatch: %v", err)
	}
	return r.callback(t, i)
}

func (r *running) callback(t testing.TB, i *discordgo.Interaction) sent {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	endpoint := fmt.Sprintf("/interactions/%s/%s/callback", i.ID, i.Token)
	req, err := r.srv.WaitRequest(ctx, func(q discordtest.Request) bool {
		return q.Method == "POST" && q.Endpoint == endpoint && q.Status/100 == 2
	})
	if err != nil {
		t.Fatalf("no callback for interaction %s: %v\nlogs:\n%s", i.ID, err, r.logs)
	}
	var s sent
	if err := req.Decode(&s); err != nil { // JSON, or payload_json of a multipart body
		t.Fatalf("callback body %s: %v", req.Body, err)
	}
	return s
}

// noPings fails unless allowed mentions are set and allow nothing.
func noPings(t *testing.T, m *allowedMentions) {
	t.Helper()
	if m == nil || m.Parse == nil || len(m.Parse) != 0 || m.RepliedUser {
		t.Errorf("allowed_mentions = %+v, want parse [] and no replied_user", m)
	}
}

func ask(q string, extra ...*discordgo.ApplicationCommandInteractionDataOption) []*discordgo.ApplicationCommandInteractionDataOption {
	return append([]*discordgo.ApplicationCommandInteractionDataOption{discordtest.StringOption(optQuestion, q)}, extra...)
}

func scripts(t testing.TB) Scripts {
	t.Helper()
	c, err := zh.New()
	if err != nil {
		t.Fatal(err)
	}
	return c
}
