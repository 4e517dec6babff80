package bot

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/startupqa/startupqa"
	"github.com/startupqa/startupqa/corpus"
	"github.com/startupqa/startupqa/grade"
	"github.com/startupqa/startupqa/lang"
)

// A quick round asks which of four key points belongs to a section's
// answer; one does, three come from other sections. Each member picks
// once, privately told right or wrong.

const (
	quickPrefix = "cq:"
	quickTTL    = 10 * time.Minute
	quickPoints = 25
	quickChoice = 4
)

type quickRound struct {
	section *corpus.Section
	correct int
	options []string
	picked  map[string]bool
	expires time.Time
	guild   string
	channel string
	lang    lang.Lang // of the choices, and so of the verdicts
}

type quickRounds struct {
	mu     sync.Mutex
	next   int64
	rounds map[int64]*quickRound
}

var (
	txtQuickAsk   = text{"快速挑战：下面哪一项是「%s」的答案要点？", "Quick round: which of these is a key point of “%s”?"}
	txtQuickRight = text{"✓ 答对了！+%d 分", "✓ Right! +%d points"}
	txtQuickWrong = text{"✗ 不对，正确答案是「%s」。", "✗ Not this one: the answer is “%s”."}
	txtQuickOnce  = text{"每人只能选一次。", "One pick per member."}
	txtQuickGone  = text{"这个快速挑战已经结束了。", "This quick round is over."}
	txtQuickNone  = text{"笔记里的要点不够出一道选择题。", "The notes have too few key points for a multiple-choice round."}
)

// quick posts a multiple-choice round, in the language opts ask for.
func (b *Bot) quick(_ context.Context, r *request, opts []*discordgo.ApplicationCommandInteractionDataOption) (reply, error) {
	l := challengeLang(opts)
	var sections []*corpus.Section
	for _, s := range b.engine.Corpus().Sections {
		// In English, only translated sections: every choice must be
		// English.
		if shown := inLang(s, l); l != lang.English || shown != s {
			sections = append(sections, shown)
		}
	}
	rng := b.rng()
	// Sections whose answers have list items, and the other sections'
	// points that do not appear in them, make the choices.
	var candidates []*corpus.Section
	for _, s := range sections {
		if len(grade.KeyPoints(s)) > 0 {
			candidates = append(candidates, s)
		}
	}
	for _, k := range rng.Perm(len(candidates)) {
		s := candidates[k]
		own := map[string]bool{}
		for _, p := range grade.KeyPoints(s) {
			own[p.Name] = true
		}
		var others []string
		seen := map[string]bool{}
		for _, o := range sections {
			for _, p := range grade.KeyPoints(o) {
				if !own[p.Name] && !seen[p.Name] {
					seen[p.Name] = true
					others = append(others, p.Name)
				}
			}
		}
		if len(others) < quickChoice-1 {
			continue
		}
		pts := grade.KeyPoints(s)
		right := pts[rng.IntN(len(pts))].Name
		rng.Shuffle(len(others), func(i, j int) { others[i], others[j] = others[j], others[i] })
		options := append([]string{right}, others[:quickChoice-1]...)
		rng.Shuffle(len(options), func(i, j int) { options[i], options[j] = options[j], options[i] })
		q := &quickRound{section: s, options: options, picked: map[string]bool{},
			expires: time.Now().Add(quickTTL), guild: r.i.GuildID, channel: r.i.ChannelID, lang: l}
		for n, o := range options {
			if o == right {
				q.correct = n
			}
		}
		id := b.quicks.add(q)
		var row discordgo.ActionsRow
		for n, o := range options {
			row.Components = append(row.Components, discordgo.Button{
				Label: cutLine(o, maxButtonLabel), Style: discordgo.SecondaryButton,
				CustomID: fmt.Sprintf("%s%d:%d", quickPrefix, id, n),
			})
		}
		e := &discordgo.MessageEmbed{
			Title:       fmt.Sprintf(txtQuickAsk.In(l), s.Title),
			Description: s.Question,
			Color:       embedColor,
		}
		fitEmbed(e, txtCut.In(l))
		return reply{Embeds: []*discordgo.MessageEmbed{e}, Components: []discordgo.MessageComponent{row}}, nil
	}
	return reply{}, userError{txtQuickNone.In(l)}
}

func (qs *quickRounds) add(q *quickRound) int64 {
	qs.mu.Lock()
	defer qs.mu.Unlock()
	now := time.Now()
	for id, old := range qs.rounds {
		if now.After(old.expires) {
			delete(qs.rounds, id)
		}
	}
	qs.next++
	qs.rounds[qs.next] = q
	return qs.next
}

// quickPick answers a click on one of a quick round's choices.
func (b *Bot) quickPick(customID string) handler {
	return func(ctx context.Context, r *request) (reply, error) {
		rest := strings.TrimPrefix(customID, quickPrefix)
		idStr, pickStr, _ := strings.Cut(rest, ":")
		id, err1 := strconv.ParseInt(idStr, 10, 64)
		pick, err2 := strconv.Atoi(pickStr)
		if err1 != nil || err2 != nil {
			return reply{}, userError{fmt.Sprintf("unknown command %q", customID)}
		}
		b.quicks.mu.Lock()
		q := b.quicks.rounds[id]
		if q == nil || time.Now().After(q.expires) || pick < 0 || pick >= len(q.options) {
			b.quicks.mu.Unlock()
			return reply{}, userError{txtQuickGone.In(r.lang)}
		}
		if q.picked[r.userID] {
			b.quicks.mu.Unlock()
			return reply{}, userError{txtQuickOnce.In(q.lang)}
		}
		q.picked[r.userID] = true
		right := pick == q.correct
		answer := q.options[q.correct]
		b.quicks.mu.Unlock()

		score, points := 0.0, 0
		if right {
			score, points = 1, quickPoints
		}
		if b.store != nil {
			a := &startupqa.Attempt{GuildID: q.guild, ChannelID: q.channel, UserID: r.userID, SectionID: q.section.ID,
				Answer: q.options[pick], Score: score, Points: points}
			if err := b.store.RecordAttempt(ctx, a); err != nil {
				return reply{}, err
			}
		}
		if right {
			return reply{Content: fmt.Sprintf(txtQuickRight.In(q.lang), quickPoints), Ephemeral: true}, nil
		}
		return reply{Content: fmt.Sprintf(txtQuickWrong.In(q.lang), answer), Ephemeral: true}, nil
	}
}
