package bot

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/startupqa/startupqa/bot/discordtest"
)

// endpoint is a bot's Interactions Endpoint URL, served by httptest, with
// the key pair Discord would sign with.
type endpoint struct {
	url  string
	priv ed25519.PrivateKey
}

func startEndpoint(t *testing.T, r *running) *endpoint {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(r.bot.InteractionsHandler(context.Background(), pub))
	t.Cleanup(srv.Close)
	return &endpoint{url: srv.URL, priv: priv}
}

// post sends body as Discord would, signed at ts; a nil key sends it
// unsigned.
func (e *endpoint) post(t *testing.T, body []byte, ts time.Time, key ed25519.PrivateKey) *http.Response {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, e.url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if key != nil {
		sign(req, body, ts, key)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

// sign signs a request's body at ts as Discord signs what it posts.
func sign(req *http.Request, body []byte, ts time.Time, key ed25519.PrivateKey) {
	stamp := strconv.FormatInt(ts.Unix(), 10)
	req.Header.Set("X-Signature-Timestamp", stamp)
	req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(key, append([]byte(stamp), body...))))
}

// interact posts an interaction, signed, as Discord sends it, hands the
// response to the fake as Discord would take it, and decodes it.
func (e *endpoint) interact(t *testing.T, srv *discordtest.Server, i *discordgo.Interaction) (sent, []byte) {
	t.Helper()
	body, err := srv.HTTPInteraction(i)
	if err != nil {
		t.Fatal(err)
	}
	resp := e.post(t, body, time.Now(), e.priv)
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, raw)
	}
	if err := srv.Acknowledge(i.ID, resp.Header.Get("Content-Type"), raw); err != nil {
		t.Fatal(err)
	}
	var s sent
	if err := json.Unmarshal(raw, &s); err != nil {
		t.Fatalf("response %s: %v", raw, err)
	}
	return s, raw
}

func TestInteractionsEndpointRefusesUnsigned(t *testing.T) {
	r := startBot(t, nil, Config{}, defaultIndex(t))
	e := startEndpoint(t, r)
	ping := []byte(`{"id":"1","type":1,"token":"t","application_id":"2"}`)
	_, other, _ := ed25519.GenerateKey(rand.Reader)
	for _, tt := range []struct {
		name string
		body []byte
		ts   time.Time
		key  ed25519.PrivateKey
		want int
	}{
		{"signed PING", ping, time.Now(), e.priv, http.StatusOK},
		{"unsigned", ping, time.Now(), nil, http.StatusUnauthorized},
		{"signed by another key", ping, time.Now(), other, http.StatusUnauthorized},
		{"stale timestamp (a replay)", ping, time.Now().Add(-10 * time.Minute), e.priv, http.StatusUnauthorized},
		{"timestamp from the future", ping, time.Now().Add(10 * time.Minute), e.priv, http.StatusUnauthorized},
		{"signed, not JSON", []byte("hello"), time.Now(), e.priv, http.StatusBadRequest},
		{"too large", bytes.Repeat([]byte("x"), maxInteractionBody+1), time.Now(), e.priv, http.StatusRequestEntityTooLarge},
	} {
		resp := e.post(t, tt.body, tt.ts, tt.key)
		if resp.StatusCode != tt.want {
			t.Errorf("%s: status %d, want %d", tt.name, resp.StatusCode, tt.want)
		}
		if tt.want == http.StatusOK {
			body, _ := io.ReadAll(resp.Body)
			if strings.TrimSpace(string(body)) != `{"type":1}` {
				t.Errorf("PING answered %s, want PONG", body)
			}
		}
	}
	if resp, err := http.Get(e.url); err != nil || resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET: %v, %v", resp.StatusCode, err)
	}
}

// The HTTP path answers every kind of interaction exactly as the gateway
// path does: one place decides the reply, the transport only carries it.
func TestInteractionsEndpointSameAsGateway(t *testing.T) {
	r := startBot(t, nil, Config{}, defaultIndex(t))
	e := startEndpoint(t, r)
	en := discordtest.Actor{UserID: "901", Locale: discordgo.EnglishUS}
	cases := []struct {
		name string
		make func() *discordgo.Interaction
	}{
		{"ask", func() *discordgo.Interaction {
			return r.srv.CommandInteraction(member, cmdAsk, ask("大模型的训练过程是什么")...)
		}},
		{"ask private, English", func() *discordgo.Interaction {
			return r.srv.CommandInteraction(en, cmdAsk, ask("what are the challenges of large models", discordtest.BoolOption(optPrivate, true))...)
		}},
		{"ask off-topic", func() *discordgo.Interaction {
			return r.srv.CommandInteraction(member, cmdAsk, ask("推荐系统的协同过滤怎么实现")...)
		}},
		{"topics", func() *discordgo.Interaction { return r.srv.CommandInteraction(member, cmdTopics) }},
		{"section", func() *discordgo.Interaction {
			return r.srv.CommandInteraction(member, cmdSection, discordtest.IntOption(optNumber, 2))
		}},
		{"help", func() *discordgo.Interaction { return r.srv.CommandInteraction(en, cmdHelp) }},
		{"section button", func() *discordgo.Interaction {
			return r.srv.ComponentInteraction(member, sectionButtonPrefix+"llm-startup/3")
		}},
		{"autocomplete", func() *discordgo.Interaction {
			return r.srv.AutocompleteInteraction(member, cmdAsk, &discordgo.ApplicationCommandInteractionDataOption{
				Name: optQuestion, Type: discordgo.ApplicationCommandOptionString, Value: "训练", Focused: true})
		}},
		{"unknown command", func() *discordgo.Interaction { return r.srv.CommandInteraction(member, "nope") }},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			gw := r.interact(t, tt.make())
			viaHTTP, raw := e.interact(t, r.srv, tt.make())
			if !reflect.DeepEqual(gw, viaHTTP) {
				g, _ := json.Marshal(gw)
				t.Errorf("the HTTP path answered\n%s\nthe gateway path\n%s", raw, g)
			}
		})
	}
}

// A slow answer is deferred in the HTTP response and edited in over REST.
func TestInteractionsEndpointDefers(t *testing.T) {
	r := startBot(t, nil, Config{AckBudget: 100 * time.Millisecond}, fakeEngine{Engine: defaultIndex(t), delay: 400 * time.Millisecond})
	e := startEndpoint(t, r)
	i := r.srv.CommandInteraction(member, cmdAsk, ask("大模型的训练过程")...)
	s, _ := e.interact(t, r.srv, i)
	if s.Type != int(discordgo.InteractionResponseDeferredChannelMessageWithSource) {
		t.Fatalf("first response type %d, want a deferral", s.Type)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := r.srv.WaitRequest(ctx, discordtest.Match("PATCH", "/webhooks/*/*/messages/@original")); err != nil {
		t.Fatal(err)
	}
	if msg, ok := r.srv.InteractionResponse(i.ID); !ok || len(msg.Embeds) != 1 || msg.Embeds[0].Title != "大模型的训练过程" {
		t.Errorf("edited response = %+v", msg)
	}
}

// A challenge started over HTTP takes its answer over HTTP; rounds are
// posted over REST.
func TestInteractionsEndpointChallenge(t *testing.T) {
	r := startChallengeBot(t, openStore(t), nil)
	e := startEndpoint(t, r)
	alice := discordtest.Actor{UserID: "911", Username: "alice"}
	first, _ := e.interact(t, r.srv, r.srv.CommandInteraction(alice, cmdChallenge, startOpts(1, 60, "大模型的挑战")...))
	ids := buttonsOf(first)
	if len(ids) == 0 {
		t.Fatalf("start: %+v", first.Data)
	}
	_, cid, _, _ := parseChID(ids[0])
	if m, _ := e.interact(t, r.srv, r.srv.ComponentInteraction(alice, chID(actAnswer, cid, 1))); m.Type != int(discordgo.InteractionResponseModal) {
		t.Fatalf("Answer: type %d, want a modal", m.Type)
	}
	v, _ := e.interact(t, r.srv, r.srv.ModalSubmitInteraction(alice, chID(actModal, cid, 1), discordtest.ModalField{CustomID: fieldText, Value: "数据质量要高，计算资源需求大。"}))
	if !v.ephemeral() || !strings.Contains(v.Data.Content, "覆盖 2/5") {
		t.Errorf("verdict over HTTP: %q", v.Data.Content)
	}
	if sk, _ := e.interact(t, r.srv, r.srv.ComponentInteraction(alice, chID(actSkip, cid, 1))); !strings.Contains(sk.Data.Content, "skipped") {
		t.Errorf("skip over HTTP: %+v", sk.Data)
	}
	posts := waitPosts(t, r, 2)
	if !strings.Contains(posts[1].Embeds[0].Title, "挑战结束") {
		t.Errorf("end: %s", fmt.Sprint(posts[1].Embeds[0].Title))
	}
}
