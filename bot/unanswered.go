package bot

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/startupqa/startupqa"
	"github.com/startupqa/startupqa/index"
)

// UnansweredStore logs the questions the engine could not answer well;
// *sqlstore.DB is one.
type UnansweredStore interface {
	RecordUnanswered(ctx context.Context, guildID, question string, confidence float64, at time.Time) error
	TopUnanswered(ctx context.Context, guildID string, since time.Time, limit int) ([]startupqa.Unanswered, error)
	PruneUnanswered(ctx context.Context, before time.Time) (int64, error)
}

// lowConfidence is the confidence under which an answer, though given, is
// logged as a question the notes serve poorly. Confidence is the chance
// that the answer is right (index.Calibration): under 0.85, about one
// answer in seven or more is wrong.
const lowConfidence = 0.85

// unansweredWindow is how far back /unanswered looks.
const unansweredWindow = 30 * 24 * time.Hour

func (b *Bot) unansweredStore() UnansweredStore {
	s, _ := b.store.(UnansweredStore)
	return s
}

// logUnanswered records an abstention or a low-confidence answer, with the
// server but no user.
func (b *Bot) logUnanswered(ctx context.Context, guildID string, res *index.Result) {
	st := b.unansweredStore()
	if st == nil || strings.TrimSpace(res.Query) == "" || (res.Answered && res.Confidence >= lowConfidence) {
		return
	}
	if err := st.RecordUnanswered(context.WithoutCancel(ctx), guildID, res.Query, res.Confidence, time.Now()); err != nil {
		b.log.Warn("log unanswered question", "err", err)
	}
}

var txtNoUnanswered = text{"最近 30 天没有答不上来的问题。", "No unanswered questions in the last 30 days."}

// unanswered lists the questions asked most that the notes do not answer
// well, so the group knows which sections to write next.
func (b *Bot) unanswered(ctx context.Context, r *request) (reply, error) {
	st := b.unansweredStore()
	if st == nil {
		return reply{}, userError{txtNoStore.In(r.lang)}
	}
	if !canManage(r.i) {
		return reply{}, userError{txtNeedManage.In(r.lang)}
	}
	top, err := st.TopUnanswered(ctx, r.i.GuildID, time.Now().Add(-unansweredWindow), 15)
	if err != nil {
		return reply{}, err
	}
	if len(top) == 0 {
		return reply{Content: txtNoUnanswered.In(r.lang), Ephemeral: true}, nil
	}
	var sb strings.Builder
	for _, u := range top {
		fmt.Fprintf(&sb, "%d× %s\n", u.Count, cutLine(u.Question, 150))
	}
	e := &discordgo.MessageEmbed{
		Title:       text{"答不上来的问题（近 30 天）", "Unanswered questions (last 30 days)"}.In(r.lang),
		Description: sb.String(),
		Color:       embedColor,
	}
	fitEmbed(e, txtCut.In(r.lang))
	return reply{Embeds: []*discordgo.MessageEmbed{e}, Ephemeral: true}, nil
}

// pruneUnanswered applies the retention setting.
func (b *Bot) pruneUnanswered(ctx context.Context) {
	st := b.unansweredStore()
	if st == nil || b.cfg.UnansweredRetention <= 0 {
		return
	}
	if n, err := st.PruneUnanswered(ctx, time.Now().Add(-b.cfg.UnansweredRetention)); err != nil {
		b.log.Warn("prune unanswered questions", "err", err)
	} else if n > 0 {
		b.log.Info("pruned unanswered questions", "count", n)
	}
}
