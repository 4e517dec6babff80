package bot

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/startupqa/startupqa"
	"github.com/startupqa/startupqa/challenge"
	"github.com/startupqa/startupqa/chart"
	"github.com/startupqa/startupqa/corpus"
	"github.com/startupqa/startupqa/lang"
)

var txtNoRecord = text{"<@%s> 还没有挑战记录。", "<@%s> has no challenge record yet."}

// stats shows a member's record with a per-section mastery chart.
func (b *Bot) stats(ctx context.Context, r *request) (reply, error) {
	if b.store == nil {
		return reply{}, userError{txtNoStore.In(r.lang)}
	}
	user := r.userID
	if o := findOption(r.i.ApplicationCommandData().Options, optMember); o != nil {
		if id, ok := o.Value.(string); ok && id != "" {
			user = id
		}
	}
	st, err := b.store.MemberStats(ctx, r.i.GuildID, user, challenge.StreakThreshold)
	if err != nil {
		return reply{}, err
	}
	if st.Rounds == 0 {
		return reply{Content: fmt.Sprintf(txtNoRecord.In(r.lang), user), Ephemeral: true}, nil
	}
	c := b.engine.Corpus()
	name := func(id string) string {
		if s, ok := c.Section(id); ok {
			return fmt.Sprintf("§%d %s", s.Number, s.Title)
		}
		return id
	}
	var missed strings.Builder
	for n, s := range st.Sections {
		if n == 3 {
			break
		}
		fmt.Fprintf(&missed, "%s · %.0f%% (%d)\n", name(s.SectionID), 100*s.AvgScore, s.Attempts)
	}
	l := r.lang
	e := &discordgo.MessageEmbed{
		Title:       text{"挑战记录", "Challenge record"}.In(l),
		Description: fmt.Sprintf("<@%s>", user),
		Color:       embedColor,
		Fields: []*discordgo.MessageEmbedField{
			{Name: text{"回合", "Rounds"}.In(l), Value: fmt.Sprint(st.Rounds), Inline: true},
			{Name: text{"积分", "Points"}.In(l), Value: fmt.Sprint(st.Points), Inline: true},
			{Name: text{"连续达标（最佳）", "Streak (best)"}.In(l), Value: fmt.Sprintf("%d (%d)", st.Streak, st.BestStreak), Inline: true},
			{Name: text{"最常失分", "Missed most"}.In(l), Value: missed.String()},
		},
	}
	rep := reply{Embeds: []*discordgo.MessageEmbed{e}}
	png, err := b.masteryChart(masteryBars(c, st.Sections, l), l)
	if err != nil {
		b.log.Warn("mastery chart", "err", err) // the record is still worth showing
	} else {
		e.Image = &discordgo.MessageEmbedImage{URL: "attachment://mastery.png"}
		rep.files = []*discordgo.File{{Name: "mastery.png", ContentType: "image/png", Reader: bytes.NewReader(png)}}
	}
	fitEmbed(e, txtCut.In(l))
	return rep, nil
}

// masteryChart draws the chart in l. The chart's font is parsed on the
// first /stats, not at start-up: most bots are asked few.
func (b *Bot) masteryChart(bars []chart.Bar, l lang.Lang) ([]byte, error) {
	charts, err := b.charts()
	if err != nil {
		return nil, err
	}
	return charts.Mastery(text{"各章节掌握程度", "Mastery by section"}.In(l), text{"平均得分（%）", "average score (%)"}.In(l), bars)
}

// maxTitledBars is how many bars the chart labels with their sections'
// titles; more would overlap, and are labelled §N.
const maxTitledBars = 8

// masteryBars orders the sections by their place in the corpus and labels
// them with their titles, cut short, or, when there are many, "§N".
func masteryBars(c *corpus.Corpus, scores []startupqa.SectionScore, l lang.Lang) []chart.Bar {
	pos := map[string]int{}
	for i, s := range c.Sections {
		pos[s.ID] = i
	}
	sorted := slices.Clone(scores)
	slices.SortFunc(sorted, func(a, b startupqa.SectionScore) int { return pos[a.SectionID] - pos[b.SectionID] })
	bars := make([]chart.Bar, 0, len(sorted))
	for _, s := range sorted {
		label := s.SectionID
		if sec, ok := c.Section(s.SectionID); ok {
			label = fmt.Sprintf("§%d", sec.Number)
			if len(sorted) <= maxTitledBars {
				label = shortTitle(barTitle(inLang(sec, l)), l)
			}
		}
		bars = append(bars, chart.Bar{Label: label, Score: s.AvgScore})
	}
	return bars
}

// barTitle is what a bar says of its section: its title, or, for an
// aspect of a topic ("缓存穿透 › 是什么"), its number and the aspect, which
// a cut title would leave out ("缓存穿透 …" under every bar of the topic).
func barTitle(s *corpus.Section) string {
	if s.TitledWithChapter() {
		return fmt.Sprintf("§%d%s", s.Number, strings.TrimPrefix(s.Title, s.Chapter+corpus.ChapterSeparator))
	}
	return s.Title
}

// shortTitle cuts a title to what fits under a bar: six Chinese
// characters, or twelve letters.
func shortTitle(title string, l lang.Lang) string {
	limit := 6
	if l == lang.English {
		limit = 12
	}
	title = strings.TrimRight(title, "？?")
	if r := []rune(title); len(r) > limit {
		return string(r[:limit-1]) + "…"
	}
	return title
}
