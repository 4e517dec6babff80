package bot

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/startupqa/startupqa/bot/discordtest"
)

var gallery = flag.String("gallery", "", "write the gallery's scenes (what the bot posted) as JSON into this directory")

// scene is one message as the bot posted it, for the README's gallery
// (scripts/gallery.sh renders scenes to PNG).
type scene struct {
	Name       string                       `json:"name"`
	Caption    string                       `json:"caption"`
	Asked      string                       `json:"asked,omitempty"` // what the member typed
	Ephemeral  bool                         `json:"ephemeral,omitempty"`
	Content    string                       `json:"content,omitempty"`
	Embeds     []*discordgo.MessageEmbed    `json:"embeds,omitempty"`
	Components []discordgo.MessageComponent `json:"components,omitempty"`
	Image      []byte                       `json:"image,omitempty"` // an attached PNG
	Users      map[string]string            `json:"users,omitempty"`
	_          struct{}                     `json:"-"`
}

// TestGallery plays what a study group sees, end to end against the fake
// Discord: an answer, an abstention, a challenge round, a verdict, the
// reveal, the final ranking, the leaderboard and the stats chart. Each
// reply must fit Discord's limits; with -gallery DIR they are written out.
func TestGallery(t *testing.T) {
	r := startChallengeBot(t, openStore(t), nil)
	alice := discordtest.Actor{UserID: "501", Username: "alice", Locale: discordgo.ChineseCN}
	bob := discordtest.Actor{UserID: "502", Username: "bob", Locale: discordgo.ChineseCN}
	users := map[string]string{"501": "alice", "502": "bob"}
	var scenes []scene
	add := func(name, caption, asked string, s sent, raw discordtest.Request) {
		t.Helper()
		var data struct {
			Embeds     []*discordgo.MessageEmbed `json:"embeds"`
			Components json.RawMessage           `json:"components"`
		}
		if err := raw.Decode(&struct {
			Data any `json:"data"`
		}{&data}); err != nil {
			t.Fatal(err)
		}
		var comps []discordgo.MessageComponent
		var rows []discordgo.ActionsRow
		if len(data.Components) > 0 && json.Unmarshal(data.Components, &rows) == nil {
			for _, row := range rows {
				comps = append(comps, row)
			}
		}
		sc := scene{Name: name, Caption: caption, Asked: asked, Ephemeral: s.ephemeral(), Content: s.Data.Content, Embeds: data.Embeds, Components: comps, Users: users}
		for _, f := range raw.Files {
			sc.Image = f.Data
		}
		checkLimits(t, reply{Content: sc.Content, Embeds: sc.Embeds})
		scenes = append(scenes, sc)
	}
	do := func(name, caption, asked string, i *discordgo.Interaction) sent {
		t.Helper()
		s := r.interact(t, i)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		raw, err := r.srv.WaitRequest(ctx, discordtest.Match("POST", "/interactions/"+i.ID+"/*/callback"))
		if err != nil {
			t.Fatal(err)
		}
		if name != "" {
			add(name, caption, asked, s, raw)
		}
		return s
	}

	do("ask", "/ask 大模型的训练过程是什么", "/ask 大模型的训练过程是什么", r.srv.CommandInteraction(alice, cmdAsk, ask("大模型的训练过程是什么")...))
	do("abstain", "A question the notes do not answer: it says so and offers the nearest sections", "/ask 推荐系统的协同过滤怎么实现",
		r.srv.CommandInteraction(alice, cmdAsk, ask("推荐系统的协同过滤怎么实现")...))
	first := do("challenge-round", "/challenge start: a round", "/challenge start", r.srv.CommandInteraction(alice, cmdChallenge, startOpts(1, 120, "大模型的挑战")...))
	_, cid, _, _ := parseChID(buttonsOf(first)[0])
	do("", "", "", r.srv.ComponentInteraction(alice, chID(actAnswer, cid, 1)))
	do("verdict", "The private verdict, point by point", "",
		r.srv.ModalSubmitInteraction(alice, chID(actModal, cid, 1), discordtest.ModalField{CustomID: fieldText,
			Value: "计算资源需求大，训练要大量算力；数据质量要高；模型解释性差；安全和隐私要保护。"}))
	do("", "", "", r.srv.ComponentInteraction(bob, chID(actAnswer, cid, 1)))
	do("", "", "", r.srv.ModalSubmitInteraction(bob, chID(actModal, cid, 1), discordtest.ModalField{CustomID: fieldText, Value: "数据质量很重要，算力也贵。"}))
	posts := waitPosts(t, r, 2)
	for k, p := range posts[:2] {
		name, caption := "reveal", "The answer revealed, with the round's ranking"
		if k == 1 {
			name, caption = "final", "The final ranking"
		}
		checkLimits(t, reply{Content: p.Content, Embeds: p.Embeds})
		scenes = append(scenes, scene{Name: name, Caption: caption, Content: p.Content, Embeds: p.Embeds, Users: users})
	}
	do("leaderboard", "/leaderboard show", "/leaderboard show", r.srv.CommandInteraction(alice, cmdLeaderboard, discordtest.SubCommandOption(subShow)))
	do("stats", "/stats: a member's record and mastery chart", "/stats", r.srv.CommandInteraction(alice, cmdStats))

	for _, want := range []string{"ask", "abstain", "challenge-round", "verdict", "reveal", "final", "leaderboard", "stats"} {
		found := false
		for _, sc := range scenes {
			if sc.Name == want && (sc.Content != "" || len(sc.Embeds) > 0) {
				found = true
			}
		}
		if !found {
			t.Errorf("scene %s is missing or empty", want)
		}
	}
	if sc := scenes[len(scenes)-1]; len(sc.Image) == 0 {
		t.Error("the stats scene has no chart")
	}
	if *gallery == "" {
		return
	}
	if err := os.MkdirAll(*gallery, 0o755); err != nil {
		t.Fatal(err)
	}
	for n, sc := range scenes {
		data, err := json.MarshalIndent(sc, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(*gallery, fmt.Sprintf("%d-%s.json", n+1, strings.ReplaceAll(sc.Name, " ", "-")))
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
