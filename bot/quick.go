package bot

import (
	"context"
	"errors"
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

// QuickStore keeps quick rounds where every process sees them, so that a
// pick landing on any replica counts once; *sqlstore.DB is one. Without
// one (no database), they live in this process's memory.
type QuickStore interface {
	CreateQuick(ctx context.Context, q *startupqa.QuickRound) error
	QuickRound(ctx context.Context, id int64) (*startupqa.QuickRound, error)
	PickQuick(ctx context.Context, id int64, userID string) (bool, error)
}

// quickRounds are the quick rounds of a bot without a store.
type quickRounds struct {
	mu     sync.Mutex
	next   int64
	rounds map[int64]*memQuick
}

type memQuick struct {
	startupqa.QuickRound
	picked map[string]bool
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
func (b *Bot) quick(ctx context.Context, r *request, opts []*discordgo.ApplicationCommandInteractionDataOption) (reply, error) {
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
		q := &startupqa.QuickRound{GuildID: r.i.GuildID, ChannelID: r.i.ChannelID, SectionID: s.ID, Lang: langCode(l),
			Options: options, ExpiresAt: time.Now().Add(quickTTL)}
		for n, o := range options {
			if o == right {
				q.Correct = n
			}
		}
		if qs, ok := b.store.(QuickStore); ok {
			if err := qs.CreateQuick(ctx, q); err != nil {
				return reply{}, err
			}
		} else {
			q.ID = b.quicks.add(q)
		}
		id := q.ID
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

func (qs *quickRounds) add(q *startupqa.QuickRound) int64 {
	qs.mu.Lock()
	defer qs.mu.Unlock()
	now := time.Now()
	for id, old := range qs.rounds {
		if now.After(old.ExpiresAt) {
			delete(qs.rounds, id)
		}
	}
	qs.next++
	q.ID = qs.next
	qs.rounds[qs.next] = &memQuick{QuickRound: *q, picked: map[string]bool{}}
	return qs.next
}

// pick returns a quick round of memory and whether the member's pick is
// their first; nil when there is no such round.
func (qs *quickRounds) pick(id int64, user string) (*startupqa.QuickRound, bool) {
	qs.mu.Lock()
	defer qs.mu.Unlock()
	q := qs.rounds[id]
	if q == nil {
		return nil, false
	}
	first := !q.picked[user]
	q.picked[user] = true
	round := q.QuickRound
	return &round, first
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
		var q *startupqa.QuickRound
		first := false
		if qs, ok := b.store.(QuickStore); ok {
			var err error
			q, err = qs.QuickRound(ctx, id)
			if errors.Is(err, startupqa.ErrNotFound) {
				return reply{}, userError{txtQuickGone.In(r.lang)}
			}
			if err != nil {
				return reply{}, err
			}
			if q.ChannelID == r.i.ChannelID && time.Now().Before(q.ExpiresAt) && pick >= 0 && pick < len(q.Options) {
				if first, err = qs.PickQuick(ctx, id, r.userID); err != nil {
					return reply{}, err
				}
			}
		} else {
			q, first = b.quicks.pick(id, r.userID)
		}
		// A button outlives its round: SQLite may give a later round the
		// id again, in another channel.
		if q == nil || q.ChannelID != r.i.ChannelID || time.Now().After(q.ExpiresAt) || pick < 0 || pick >= len(q.Options) {
			return reply{}, userError{txtQuickGone.In(r.lang)}
		}
		l := codeLang(q.Lang)
		if !first {
			return reply{}, userError{txtQuickOnce.In(l)}
		}
		right := pick == q.Correct
		answer := q.Options[q.Correct]

		score, points := 0.0, 0
		if right {
			score, points = 1, quickPoints
		}
		if b.store != nil {
			a := &startupqa.Attempt{GuildID: q.GuildID, ChannelID: q.ChannelID, UserID: r.userID, SectionID: q.SectionID,
				Answer: q.Options[pick], Score: score, Points: points}
			if err := b.store.RecordAttempt(ctx, a); err != nil {
				return reply{}, err
			}
		}
		if right {
			return reply{Content: fmt.Sprintf(txtQuickRight.In(l), quickPoints), Ephemeral: true}, nil
		}
		return reply{Content: fmt.Sprintf(txtQuickWrong.In(l), answer), Ephemeral: true}, nil
	}
}
