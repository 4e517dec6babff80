package bot

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/startupqa/startupqa"
	"github.com/startupqa/startupqa/bot/discordtest"
	"github.com/startupqa/startupqa/corpus"
	"github.com/startupqa/startupqa/grade"
	"github.com/startupqa/startupqa/lang"
)

func TestQuickRound(t *testing.T) {
	db := openStore(t)
	r := startChallengeBot(t, db, nil)
	alice := discordtest.Actor{UserID: "601"}
	bob := discordtest.Actor{UserID: "602"}

	q := r.interact(t, r.srv.CommandInteraction(alice, cmdChallenge, discordtest.SubCommandOption(subQuick)))
	if len(q.Data.Embeds) != 1 || len(q.Data.Components) != 1 || len(q.Data.Components[0].Components) != quickChoice {
		t.Fatalf("quick round: %+v", q.Data)
	}
	// Find the section from the title and, among the buttons, its point.
	var own map[string]bool
	for _, s := range indexCorpus(t).Sections {
		if title := q.Data.Embeds[0].Title; strings.Contains(title, "“"+s.Title+"”") || strings.Contains(title, "「"+s.Title+"」") {
			own = map[string]bool{}
			for _, p := range grade.KeyPoints(s) {
				own[p.Name] = true
			}
		}
	}
	right, wrong := "", ""
	for _, b := range q.Data.Components[0].Components {
		if own[b.Label] {
			right = b.CustomID
		} else {
			wrong = b.CustomID
		}
	}
	if right == "" || wrong == "" {
		t.Fatalf("want one right and three wrong choices: %+v", q.Data.Components)
	}

	// The round is in Chinese, the default, and so are its verdicts.
	if s := r.interact(t, r.srv.ComponentInteraction(alice, right)); !s.ephemeral() || !strings.Contains(s.Data.Content, "答对了") {
		t.Errorf("right pick: %+v", s.Data)
	}
	if s := r.interact(t, r.srv.ComponentInteraction(bob, wrong)); !strings.Contains(s.Data.Content, "不对") {
		t.Errorf("wrong pick: %+v", s.Data)
	}
	if s := r.interact(t, r.srv.ComponentInteraction(alice, wrong)); !strings.Contains(s.Data.Content, "每人只能选一次") {
		t.Errorf("second pick: %+v", s.Data)
	}
	board := r.interact(t, r.srv.CommandInteraction(bob, cmdLeaderboard, discordtest.SubCommandOption(subShow, discordtest.StringOption(optPeriod, "all"))))
	if len(board.Data.Embeds) != 1 || !strings.HasPrefix(board.Data.Embeds[0].Description, "1. <@601> 25") {
		t.Errorf("leaderboard: %+v", board.Data.Embeds)
	}

	// /stats shows the record with a mastery chart attached as a PNG.
	i := r.srv.CommandInteraction(bob, cmdStats, discordtest.UserOption(optMember, "601"))
	st := r.interact(t, i)
	if len(st.Data.Embeds) != 1 || st.Data.Embeds[0].Image == nil || st.Data.Embeds[0].Image.URL != "attachment://mastery.png" {
		t.Fatalf("stats: %+v", st.Data.Embeds)
	}
	var png []byte
	for _, q := range r.srv.Requests() {
		if strings.Contains(q.Endpoint, "/"+i.ID+"/") {
			for _, f := range q.Files {
				if f.Name == "mastery.png" {
					png = f.Data
				}
			}
		}
	}
	if len(png) < 8 || string(png[1:4]) != "PNG" {
		t.Errorf("no PNG attached (%d bytes)", len(png))
	}
	none := r.interact(t, r.srv.CommandInteraction(bob, cmdStats, discordtest.UserOption(optMember, "999")))
	if !none.ephemeral() || !strings.Contains(none.Data.Content, "no challenge record") {
		t.Errorf("stats of a member without record: %+v", none.Data)
	}
}

func indexCorpus(t *testing.T) *corpus.Corpus {
	t.Helper()
	return defaultIndex(t).Corpus()
}

// language: English asks about the English translation, with English key
// points as the choices.
func TestQuickRoundInEnglish(t *testing.T) {
	r := startChallengeBot(t, openStore(t), nil)
	q := r.interact(t, r.srv.CommandInteraction(discordtest.Actor{UserID: "701"}, cmdChallenge,
		discordtest.SubCommandOption(subQuick, discordtest.StringOption(optLanguage, langEnglish))))
	if len(q.Data.Embeds) != 1 || len(q.Data.Components) != 1 {
		t.Fatalf("quick round: %+v", q.Data)
	}
	e := q.Data.Embeds[0]
	if !strings.HasPrefix(e.Title, "Quick round:") || hasHan(e.Title+e.Description) {
		t.Errorf("round not in English: %q / %q", e.Title, e.Description)
	}
	for _, b := range q.Data.Components[0].Components {
		if hasHan(b.Label) {
			t.Errorf("choice %q is not an English key point", b.Label)
		}
	}
}

func hasHan(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) })
}

// Quick rounds and cooldowns an hour past their time leave the store.
func TestPruneEphemeral(t *testing.T) {
	ctx := context.Background()
	db := openStore(t)
	b := New(Config{}, defaultIndex(t), nil, slog.New(slog.DiscardHandler))
	b.UseStore(db)
	b.UseSharedCooldowns(db)
	old := &startupqa.QuickRound{ChannelID: "c", SectionID: "s/1", Lang: "zh", Options: []string{"a", "b"}, ExpiresAt: time.Now().Add(-2 * time.Hour)}
	fresh := &startupqa.QuickRound{ChannelID: "c", SectionID: "s/1", Lang: "zh", Options: []string{"a", "b"}, ExpiresAt: time.Now().Add(-time.Minute)}
	for _, q := range []*startupqa.QuickRound{old, fresh} {
		if err := db.CreateQuick(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.TakeCooldown(ctx, "u", time.Now().Add(-3*time.Hour), time.Second); err != nil {
		t.Fatal(err)
	}
	b.pruneEphemeral(ctx)
	if _, err := db.QuickRound(ctx, old.ID); !errors.Is(err, startupqa.ErrNotFound) {
		t.Errorf("a quick round two hours old: %v, want pruned", err)
	}
	if _, err := db.QuickRound(ctx, fresh.ID); err != nil {
		t.Errorf("a quick round a minute old: %v, want kept", err)
	}
	if n, _ := db.Rows(ctx, "cooldowns"); n != 0 {
		t.Errorf("%d old cooldowns left", n)
	}
}

// A quick round's button pressed in another channel (an id SQLite gave
// again to a later round) finds the round over and takes no pick.
func TestQuickRoundOtherChannel(t *testing.T) {
	db := openStore(t)
	r := startChallengeBot(t, db, nil)
	here := discordtest.Actor{UserID: "611", ChannelID: "5001"}
	q := r.interact(t, r.srv.CommandInteraction(here, cmdChallenge, discordtest.SubCommandOption(subQuick)))
	choice := q.Data.Components[0].Components[0].CustomID
	elsewhere := discordtest.Actor{UserID: "611", ChannelID: "5002"}
	if v := r.interact(t, r.srv.ComponentInteraction(elsewhere, choice)); v.Data.Content != txtQuickGone.In(lang.English) && v.Data.Content != txtQuickGone.In(lang.Chinese) {
		t.Errorf("pick from another channel: %+v", v.Data)
	}
	if v := r.interact(t, r.srv.ComponentInteraction(here, choice)); !strings.HasPrefix(v.Data.Content, "✓") && !strings.HasPrefix(v.Data.Content, "✗") {
		t.Errorf("the member's pick in the round's channel: %+v", v.Data)
	}
}
