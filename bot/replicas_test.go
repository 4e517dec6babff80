package bot

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/startupqa/startupqa/bot/discordtest"
	"github.com/startupqa/startupqa/lang"
)

// counting counts the requests a replica's handler takes.
type counting struct {
	http.Handler
	n atomic.Int64
}

func (c *counting) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c.n.Add(1)
	c.Handler.ServeHTTP(w, r)
}

// Three replicas over one store, behind a round-robin reverse proxy, play
// a whole challenge whose clicks land on different replicas: the game is
// in the store, so each takes whatever comes; each round ends once, posted
// by one of them.
func TestChallengeAcrossReplicas(t *testing.T) {
	db := openStore(t)
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	var first *running
	var backends []*url.URL
	var handlers []*counting
	for k := range 3 {
		var fake *discordtest.Server
		if first != nil {
			fake = first.srv
		}
		r := startBotWith(t, fake, Config{RoundTick: 20 * time.Millisecond}, defaultIndex(t), func(b *Bot) { b.UseStore(db) })
		if k == 0 {
			first = r
		}
		h := &counting{Handler: r.bot.InteractionsHandler(context.Background(), pub)}
		handlers = append(handlers, h)
		ep := httptest.NewServer(h)
		t.Cleanup(ep.Close)
		u, _ := url.Parse(ep.URL)
		backends = append(backends, u)
	}
	proxy := httptest.NewServer(roundRobin(backends, 8))
	t.Cleanup(proxy.Close)
	e := &endpoint{url: proxy.URL, priv: priv}
	srv := first.srv
	alice := discordtest.Actor{UserID: "921", Username: "alice"}
	bob := discordtest.Actor{UserID: "922", Username: "bob"}

	start, _ := e.interact(t, srv, srv.CommandInteraction(alice, cmdChallenge, startOpts(2, 60, "大模型")...))
	ids := buttonsOf(start)
	if len(ids) == 0 {
		t.Fatalf("start: %+v", start.Data)
	}
	_, cid, _, _ := parseChID(ids[0])
	answers := map[string]string{alice.UserID: "参数量巨大，需要大量计算资源和数据，泛化能力强。", bob.UserID: "数据质量很重要。"}
	for round := 1; round <= 2; round++ {
		if round == 2 {
			if h, _ := e.interact(t, srv, srv.ComponentInteraction(alice, chID(actHint, cid, 2))); !h.ephemeral() {
				t.Errorf("hint in round 2: %+v", h.Data)
			}
		}
		for _, who := range []discordtest.Actor{alice, bob} {
			if m, _ := e.interact(t, srv, srv.ComponentInteraction(who, chID(actAnswer, cid, round))); m.Type != int(discordgo.InteractionResponseModal) {
				t.Fatalf("round %d: %s's Answer got type %d, want the form", round, who.Username, m.Type)
			}
			v, _ := e.interact(t, srv, srv.ModalSubmitInteraction(who, chID(actModal, cid, round),
				discordtest.ModalField{CustomID: fieldText, Value: answers[who.UserID]}))
			if !v.ephemeral() || !strings.Contains(v.Data.Content, "覆盖") {
				t.Fatalf("round %d: %s's verdict: %q", round, who.Username, v.Data.Content)
			}
		}
		// Both answered: the round ends; round 1's end posts round 2.
		waitPosts(t, first, 2*round)
	}
	// A third answer to round 1, through any replica: the round is over.
	late, _ := e.interact(t, srv, srv.ComponentInteraction(bob, chID(actAnswer, cid, 1)))
	if late.Data.Content != txtRoundOver.In(lang.English) && late.Data.Content != txtRoundOver.In(lang.Chinese) {
		t.Errorf("Answer in an ended round: %+v", late.Data)
	}
	time.Sleep(200 * time.Millisecond) // ten ticks of every replica's round check
	posts := first.channelPosts(t)
	if len(posts) != 4 {
		t.Fatalf("%d posts, want reveal, round 2, reveal, final once each: %+v", len(posts), posts)
	}
	final := posts[3].Embeds[0]
	if !strings.Contains(final.Title, "挑战结束") || !strings.Contains(final.Description, "<@921>") || !strings.Contains(final.Description, "<@922>") {
		t.Errorf("final ranking: %+v", final)
	}
	if running, _ := db.RunningChallenges(context.Background()); len(running) != 0 {
		t.Errorf("still running: %+v", running)
	}
	// A quick round: posted through one replica, picked through the
	// others, once per member.
	quick, _ := e.interact(t, srv, srv.CommandInteraction(alice, cmdChallenge, discordtest.SubCommandOption(subQuick)))
	if len(quick.Data.Components) != 1 {
		t.Fatalf("quick round: %+v", quick.Data)
	}
	choice := quick.Data.Components[0].Components[0].CustomID
	if v, _ := e.interact(t, srv, srv.ComponentInteraction(bob, choice)); !v.ephemeral() ||
		!(strings.HasPrefix(v.Data.Content, "✓") || strings.HasPrefix(v.Data.Content, "✗")) {
		t.Errorf("a pick on another replica: %+v", v.Data)
	}
	if v, _ := e.interact(t, srv, srv.ComponentInteraction(bob, choice)); v.Data.Content != txtQuickOnce.In(lang.English) && v.Data.Content != txtQuickOnce.In(lang.Chinese) {
		t.Errorf("a second pick on a third replica: %+v", v.Data)
	}
	for k, h := range handlers {
		if h.n.Load() == 0 {
			t.Errorf("replica %d took no click", k)
		}
	}
}
