package bot

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/startupqa/startupqa"
	"github.com/startupqa/startupqa/challenge"
	"github.com/startupqa/startupqa/corpus"
	"github.com/startupqa/startupqa/grade"
	"github.com/startupqa/startupqa/index"
	"github.com/startupqa/startupqa/lang"
)

// ChallengeStore keeps challenges and scores; *sqlstore.DB is one.
type ChallengeStore interface {
	CreateChallenge(ctx context.Context, c *startupqa.Challenge) error
	UpdateChallenge(ctx context.Context, c *startupqa.Challenge) error
	RunningChallenges(ctx context.Context) ([]startupqa.Challenge, error)
	RecordAttempt(ctx context.Context, a *startupqa.Attempt) error
	Attempts(ctx context.Context, challengeID int64, round int) ([]startupqa.Attempt, error)
	Leaderboard(ctx context.Context, guildID string, period startupqa.Period, now time.Time, limit int) ([]startupqa.Standing, error)
	MemberStats(ctx context.Context, guildID, userID string, streakThreshold float64) (*startupqa.MemberStats, error)
}

// Grader grades answers; *grade.Grader is one.
type Grader interface {
	Grade(s *corpus.Section, answer string) grade.Result
}

// Limits of /challenge start.
const (
	defaultRounds  = 3
	maxRounds      = 10
	defaultSeconds = 120
	minSeconds     = 30
	maxSeconds     = 600
	// maxSubmissions is a first answer and one improvement.
	maxSubmissions = 2
)

// Custom ids of the challenge's buttons and modal:
// "ch:<action>:<challenge id>:<round>".
const (
	actAnswer = "answer"
	actHint   = "hint"
	actSkip   = "skip"
	actModal  = "modal"
	chPrefix  = "ch:"
	fieldText = "answer"
)

func chID(action string, id int64, round int) string {
	return fmt.Sprintf("%s%s:%d:%d", chPrefix, action, id, round)
}

func parseChID(s string) (action string, id int64, round int, ok bool) {
	parts := strings.Split(strings.TrimPrefix(s, chPrefix), ":")
	if len(parts) != 3 {
		return "", 0, 0, false
	}
	id, err1 := strconv.ParseInt(parts[1], 10, 64)
	round, err2 := strconv.Atoi(parts[2])
	return parts[0], id, round, err1 == nil && err2 == nil
}

// game is a running challenge's state that lives in memory: who joined,
// who answered, hints, and the round's timer. The challenge itself and
// every attempt are in the store.
type game struct {
	c        startupqa.Challenge
	players  map[string]bool     // members who pressed Answer in any round
	answers  map[string]int      // submissions this round
	missed   map[string][]string // key points each member missed last
	hints    map[string]int
	first    string         // first member with a complete answer this round
	totals   map[string]int // points in this challenge
	timer    *time.Timer
	sections []*corpus.Section
	lang     lang.Lang // of the questions, answers and announcements
}

// section is round n's section (from 1) in the challenge's language.
func (g *game) section(n int) *corpus.Section { return inLang(g.sections[n-1], g.lang) }

// games are the running challenges, one per channel.
type games struct {
	mu        sync.Mutex
	byChannel map[string]*game
	// starting holds the channels where a challenge is being created in
	// the store and is not in byChannel yet.
	starting map[string]bool
}

var (
	txtNoStore     = text{"挑战功能没有启用（没有配置数据库）。", "Challenges are not enabled (no database configured)."}
	txtRunning     = text{"这个频道已经有一场挑战在进行（由 <@%s> 发起）。", "A challenge is already running in this channel (started by <@%s>)."}
	txtRoundOver   = text{"这一轮已经结束了。", "This round is over."}
	txtNoMore      = text{"你已经提交过两次了：第一次回答和一次改进。", "You have answered twice already: a first answer and one improvement."}
	txtOnlyStarter = text{"只有发起人或有“管理消息”权限的成员可以跳过。", "Only the starter or members with Manage Messages can skip."}
	txtHint        = text{"提示：想想「%s」。（本轮 -%d 分）", "Hint: think of “%s”. (-%d points this round)"}
	txtNoHint      = text{"你已经覆盖了所有要点，不需要提示。", "You covered every key point already: no hint needed."}
	txtSkipped     = text{"已跳过本轮。", "Round skipped."}
	txtNoneRunning = text{"这个频道没有进行中的挑战。", "No challenge is running in this channel."}
	txtOnlyStop    = text{"只有发起人或有“管理消息”权限的成员可以结束挑战。", "Only the starter or members with Manage Messages can stop the challenge."}
	txtStopped     = text{"挑战已结束，成绩已公布。", "Challenge stopped; the scores are posted."}
	// A challenge that cannot resume may have been one of an older
	// version, which did not store its language: the notice is in both.
	txtRestarted = "机器人重启了，这场挑战无法继续，已经结束。用 /challenge start 重新开始。\nThe bot restarted and could not resume this challenge, so it ended. Start a new one with /challenge start."
)

// startChallenge starts a challenge in the channel and posts its first
// round.
func (b *Bot) startChallenge(ctx context.Context, r *request, opts []*discordgo.ApplicationCommandInteractionDataOption) (reply, error) {
	if b.store == nil {
		return reply{}, userError{txtNoStore.In(r.lang)}
	}
	topic, _ := stringOption(opts, "topic")
	rounds := int(optionOr(opts, "rounds", defaultRounds))
	seconds := int(optionOr(opts, "seconds", defaultSeconds))
	if rounds < 1 || rounds > maxRounds || seconds < minSeconds || seconds > maxSeconds {
		return reply{}, userError{fmt.Sprintf("rounds 1–%d, seconds %d–%d", maxRounds, minSeconds, maxSeconds)}
	}
	secs, err := challenge.Pick(ctx, b.engine.Corpus(), b.engine, topic, rounds, b.rng())
	if err != nil {
		return reply{}, err
	}
	return b.begin(ctx, r.i.GuildID, r.i.ChannelID, r.userID, topic, secs, seconds, challengeLang(opts))
}

// challengeLang is the language a challenge is played in: the corpus's
// own, Chinese, unless the starter asks for English. The starter's Discord
// locale is no guide: many Chinese study groups run Discord in English.
func challengeLang(opts []*discordgo.ApplicationCommandInteractionDataOption) lang.Lang {
	if l, _ := stringOption(opts, optLanguage); l == langEnglish {
		return lang.English
	}
	return lang.Chinese
}

// begin starts a challenge of the given sections in a channel, played in
// language l, and returns its first round, or a userError naming who
// started the one running.
func (b *Bot) begin(ctx context.Context, guild, channel, starter, topic string, secs []*corpus.Section, seconds int, l lang.Lang) (reply, error) {
	b.games.mu.Lock()
	if g := b.games.byChannel[channel]; g != nil {
		who := g.c.StarterID
		b.games.mu.Unlock()
		return reply{}, userError{fmt.Sprintf(txtRunning.In(l), who)}
	}
	if b.games.starting[channel] {
		b.games.mu.Unlock()
		return reply{}, userError{fmt.Sprintf(txtRunning.In(l), "?")}
	}
	if b.games.starting == nil {
		b.games.starting = map[string]bool{}
	}
	b.games.starting[channel] = true
	b.games.mu.Unlock()
	defer func() {
		b.games.mu.Lock()
		delete(b.games.starting, channel)
		b.games.mu.Unlock()
	}()
	now := time.Now()
	ch := startupqa.Challenge{
		GuildID: guild, ChannelID: channel, StarterID: starter, Topic: topic, Lang: langCode(l),
		Seconds: seconds, Round: 1, State: startupqa.ChallengeRunning,
		RoundEndsAt: now.Add(time.Duration(seconds) * time.Second), StartedAt: now, UpdatedAt: now,
	}
	for _, s := range secs {
		ch.Sections = append(ch.Sections, s.ID)
	}
	// The store's unique index is what settles two starts racing in one
	// channel: the loser gets ErrChallengeRunning.
	err := b.store.CreateChallenge(ctx, &ch)
	if errors.Is(err, startupqa.ErrChallengeRunning) {
		if ended := b.endUnplayed(ctx, channel); len(ended) > 0 {
			b.log.Warn("ended a challenge the store still had running", "challenge", ended[0].ID, "channel", channel)
			err = b.store.CreateChallenge(ctx, &ch)
		}
	}
	if err != nil {
		if errors.Is(err, startupqa.ErrChallengeRunning) {
			return reply{}, userError{fmt.Sprintf(txtRunning.In(l), "?")}
		}
		return reply{}, err
	}
	g := &game{c: ch, sections: secs, totals: map[string]int{}, lang: l}
	g.resetRound()
	b.games.mu.Lock()
	defer b.games.mu.Unlock()
	b.games.byChannel[ch.ChannelID] = g
	b.armTimer(g)
	return roundReply(g), nil
}

// endUnplayed ends the challenges the store has running that no game here
// plays, in one channel or, when channel is "", in every one, and returns
// those it ended. At start-up they are what a previous run left; later,
// challenges whose last round's end failed to reach the store (issue 11,
// item 5), which would otherwise block their channel until a restart.
// begin reserves its channel first, so no other start can be creating one
// there. Challenges of guilds another process's shards serve are theirs.
func (b *Bot) endUnplayed(ctx context.Context, channel string) []startupqa.Challenge {
	running, err := b.store.RunningChallenges(ctx)
	if err != nil {
		b.log.Error("list running challenges", "err", err)
		return nil
	}
	var ended []startupqa.Challenge
	for _, c := range running {
		b.games.mu.Lock()
		live := b.games.byChannel[c.ChannelID] != nil
		b.games.mu.Unlock()
		if live || (channel != "" && c.ChannelID != channel) || !b.owns(c.GuildID) {
			continue
		}
		c.State, c.UpdatedAt = startupqa.ChallengeEnded, time.Now()
		if err := b.store.UpdateChallenge(ctx, &c); err != nil {
			b.log.Error("end stale challenge", "challenge", c.ID, "err", err)
			continue
		}
		ended = append(ended, c)
	}
	return ended
}

func (g *game) resetRound() {
	if g.players == nil {
		g.players = map[string]bool{}
	}
	g.answers, g.missed, g.hints, g.first = map[string]int{}, map[string][]string{}, map[string]int{}, ""
}

// armTimer ends the current round when its time is up. Callers hold
// games.mu.
func (b *Bot) armTimer(g *game) {
	if g.timer != nil {
		g.timer.Stop()
	}
	id, round := g.c.ID, g.c.Round
	g.timer = time.AfterFunc(time.Until(g.c.RoundEndsAt), func() { b.endRound(g.c.ChannelID, id, round, false) })
}

// roundReply shows the current round's 题目 with its buttons.
func roundReply(g *game) reply {
	l := g.lang
	s := g.section(g.c.Round)
	e := &discordgo.MessageEmbed{
		Title:       fmt.Sprintf(text{"挑战 · 第 %d/%d 题", "Challenge · round %d/%d"}.In(l), g.c.Round, len(g.sections)),
		Description: fmt.Sprintf("**%s**\n\n%s", s.Title, s.Question),
		Color:       embedColor,
		Footer:      &discordgo.MessageEmbedFooter{Text: fmt.Sprintf(text{"本轮 %d 秒 · 点「回答」提交，可以改进一次", "%d s per round · press Answer; you may improve once"}.In(l), g.c.Seconds)},
	}
	e.Description += fmt.Sprintf(text{"\n\n结束时间：<t:%d:R>", "\n\nEnds <t:%d:R>"}.In(l), g.c.RoundEndsAt.Unix())
	fitEmbed(e, txtCut.In(l))
	row := discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{Label: text{"回答", "Answer"}.In(l), Style: discordgo.PrimaryButton, CustomID: chID(actAnswer, g.c.ID, g.c.Round)},
		discordgo.Button{Label: text{"提示", "Hint"}.In(l), Style: discordgo.SecondaryButton, CustomID: chID(actHint, g.c.ID, g.c.Round)},
		discordgo.Button{Label: text{"跳过", "Skip"}.In(l), Style: discordgo.DangerButton, CustomID: chID(actSkip, g.c.ID, g.c.Round)},
	}}
	return reply{Embeds: []*discordgo.MessageEmbed{e}, Components: []discordgo.MessageComponent{row}}
}

// challengeButton handles the Answer, Hint and Skip buttons and the
// answer modal.
func (b *Bot) challengeButton(customID string) handler {
	return func(ctx context.Context, r *request) (reply, error) {
		action, id, round, ok := parseChID(customID)
		if !ok {
			return reply{}, userError{fmt.Sprintf("unknown command %q", customID)}
		}
		b.games.mu.Lock()
		g := b.games.byChannel[r.i.ChannelID]
		if g == nil || g.c.ID != id || g.c.Round != round {
			b.games.mu.Unlock()
			return reply{}, userError{txtRoundOver.In(r.lang)}
		}
		switch action {
		case actAnswer:
			defer b.games.mu.Unlock()
			if g.answers[r.userID] >= maxSubmissions {
				return reply{}, userError{txtNoMore.In(r.lang)}
			}
			g.players[r.userID] = true
			return answerModal(g), nil
		case actHint:
			defer b.games.mu.Unlock()
			point := ""
			if missed, answered := g.missed[r.userID]; answered {
				if len(missed) > 0 {
					point = missed[0]
				}
			} else if pts := grade.KeyPoints(g.section(round)); len(pts) > 0 {
				point = pts[min(g.hints[r.userID], len(pts)-1)].Name
			}
			if point == "" {
				return reply{Content: txtNoHint.In(g.lang), Ephemeral: true}, nil
			}
			g.hints[r.userID]++
			return reply{Content: fmt.Sprintf(txtHint.In(g.lang), point, challenge.HintCost), Ephemeral: true}, nil
		case actSkip:
			starter := g.c.StarterID
			b.games.mu.Unlock()
			if r.userID != starter && !canManageMessages(r.i) {
				return reply{}, userError{txtOnlyStarter.In(r.lang)}
			}
			go b.endRound(r.i.ChannelID, id, round, false)
			return reply{Content: txtSkipped.In(r.lang), Ephemeral: true}, nil
		case actModal:
			b.games.mu.Unlock()
			return b.submitAnswer(ctx, r, id, round)
		}
		b.games.mu.Unlock()
		return reply{}, userError{fmt.Sprintf("unknown command %q", customID)}
	}
}

// stopChallenge ends the channel's challenge now: the round under way is
// revealed with what was answered, then the totals so far.
func (b *Bot) stopChallenge(r *request) (reply, error) {
	b.games.mu.Lock()
	g := b.games.byChannel[r.i.ChannelID]
	if g == nil {
		b.games.mu.Unlock()
		return reply{}, userError{txtNoneRunning.In(r.lang)}
	}
	id, round, starter := g.c.ID, g.c.Round, g.c.StarterID
	b.games.mu.Unlock()
	if r.userID != starter && !canManageMessages(r.i) {
		return reply{}, userError{txtOnlyStop.In(r.lang)}
	}
	go b.endRound(r.i.ChannelID, id, round, true)
	return reply{Content: txtStopped.In(r.lang), Ephemeral: true}, nil
}

func canManageMessages(i *discordgo.Interaction) bool {
	return i.Member != nil && i.Member.Permissions&(discordgo.PermissionManageMessages|discordgo.PermissionAdministrator) != 0
}

// answerModal asks for the answer in a paragraph input.
func answerModal(g *game) reply {
	l := g.lang
	title := cutLine(fmt.Sprintf(text{"第 %d 题：%s", "Round %d: %s"}.In(l), g.c.Round, g.section(g.c.Round).Title), 45)
	return reply{modal: &discordgo.InteractionResponseData{
		CustomID: chID(actModal, g.c.ID, g.c.Round),
		Title:    title,
		Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.TextInput{
				CustomID: fieldText, Label: text{"你的答案", "Your answer"}.In(l), Style: discordgo.TextInputParagraph,
				Required: true, MaxLength: 4000,
			},
		}}},
	}}
}

// submitAnswer grades an answer, records it and shows the member a
// private verdict; the round ends early once everyone who joined answered.
func (b *Bot) submitAnswer(ctx context.Context, r *request, id int64, round int) (reply, error) {
	answer := modalValue(r.i, fieldText)
	grader, err := b.grader()
	if err != nil {
		return reply{}, err
	}
	current := func() (*game, error) {
		g := b.games.byChannel[r.i.ChannelID]
		if g == nil || g.c.ID != id || g.c.Round != round {
			return nil, userError{txtRoundOver.In(r.lang)}
		}
		if g.answers[r.userID] >= maxSubmissions {
			return nil, userError{txtNoMore.In(r.lang)}
		}
		return g, nil
	}
	b.games.mu.Lock()
	g, err := current()
	if err != nil {
		b.games.mu.Unlock()
		return reply{}, err
	}
	s := g.section(round)
	b.games.mu.Unlock()
	// Grade outside the lock that every channel's challenge shares, then
	// check that the round is still the same.
	res := grader.Grade(s, answer)
	b.games.mu.Lock()
	if g, err = current(); err != nil {
		b.games.mu.Unlock()
		return reply{}, err
	}
	complete := len(res.Missed) == 0 && len(res.Covered) > 0
	first := complete && g.first == ""
	if first {
		g.first = r.userID
	}
	hints := g.hints[r.userID]
	g.answers[r.userID]++
	g.players[r.userID] = true
	g.missed[r.userID] = res.Missed
	guild, channel, l := g.c.GuildID, g.c.ChannelID, g.lang
	b.games.mu.Unlock()

	streak := 0
	if st, err := b.store.MemberStats(ctx, guild, r.userID, challenge.StreakThreshold); err == nil {
		streak = st.Streak
	}
	if res.Score >= challenge.StreakThreshold {
		streak++
	} else {
		streak = 0
	}
	points := challenge.Points(res.Score, first, streak, hints)
	a := &startupqa.Attempt{
		ChallengeID: id, Round: round, GuildID: guild, ChannelID: channel, UserID: r.userID,
		SectionID: s.ID, Answer: answer, Score: res.Score, Points: points,
		Covered: res.Covered, Missed: res.Missed,
	}
	if err := b.store.RecordAttempt(ctx, a); err != nil {
		return reply{}, err
	}
	b.games.mu.Lock()
	everyone := g.c.Round == round && g.allAnswered()
	b.games.mu.Unlock()
	if everyone {
		go b.endRound(channel, id, round, false)
	}
	// The verdict names the round's key points, so it is in the round's
	// language, as the hints are.
	return reply{Content: verdict(res, points, first, streak, l), Ephemeral: true}, nil
}

// allAnswered reports whether the round can end early: every player has
// answered. In the first round, when players are still joining, that takes
// at least two of them, so that the fastest member does not end the round
// for those still reading the question.
func (g *game) allAnswered() bool {
	if g.c.Round == 1 && len(g.players) < 2 {
		return false
	}
	for u := range g.players {
		if g.answers[u] == 0 {
			return false
		}
	}
	return len(g.players) > 0
}

func verdict(res grade.Result, points int, first bool, streak int, l lang.Lang) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, text{"覆盖 %d/%d 个要点，得分 %d", "%d of %d key points, %d points"}.In(l), len(res.Covered), len(res.Points), points)
	if first {
		sb.WriteString(text{"（首个完整答案 +20）", " (first complete answer +20)"}.In(l))
	}
	if streak > 1 {
		fmt.Fprintf(&sb, text{"（连续 %d 题达标）", " (streak of %d)"}.In(l), streak)
	}
	sb.WriteString("\n")
	for _, p := range res.Points {
		fmt.Fprintln(&sb, p)
	}
	return cutRunes(sb.String(), maxContent)
}

func modalValue(i *discordgo.Interaction, id string) string {
	for _, row := range i.ModalSubmitData().Components {
		ar, ok := row.(*discordgo.ActionsRow)
		if !ok {
			continue
		}
		for _, c := range ar.Components {
			if ti, ok := c.(*discordgo.TextInput); ok && ti.CustomID == id {
				return ti.Value
			}
		}
	}
	return ""
}

// endRound reveals the answer and the round's ranking, then asks the next
// round or, after the last or when stop is set, ends the challenge with
// the totals. It does nothing for a round already over.
func (b *Bot) endRound(channelID string, id int64, round int, stop bool) {
	ctx := context.Background()
	b.games.mu.Lock()
	g := b.games.byChannel[channelID]
	if g == nil || g.c.ID != id || g.c.Round != round {
		b.games.mu.Unlock()
		return
	}
	if g.timer != nil {
		g.timer.Stop()
	}
	s := g.section(round)
	rounds := len(g.sections)
	var next reply
	last := round == rounds || stop
	if last {
		g.c.State = startupqa.ChallengeEnded
		delete(b.games.byChannel, channelID)
	} else {
		g.c.Round++
		g.c.RoundEndsAt = time.Now().Add(time.Duration(g.c.Seconds) * time.Second)
		g.resetRound()
		b.armTimer(g)
		next = roundReply(g)
	}
	g.c.UpdatedAt = time.Now()
	c := g.c
	b.games.mu.Unlock()

	// The store is read without the lock, which every channel shares.
	attempts, err := b.store.Attempts(ctx, id, round)
	if err != nil {
		b.log.Error("round attempts", "challenge", id, "err", err)
	}
	b.games.mu.Lock()
	for _, a := range attempts {
		g.totals[a.UserID] += a.Points
	}
	final := finalEmbed(g.totals, g.lang)
	l := g.lang
	b.games.mu.Unlock()
	reveal := revealEmbed(s, attempts, round, rounds, l)

	if err := b.store.UpdateChallenge(ctx, &c); err != nil {
		b.log.Error("update challenge", "challenge", id, "err", err)
	}
	b.post(channelID, reply{Embeds: []*discordgo.MessageEmbed{reveal}})
	if last {
		b.post(channelID, reply{Embeds: []*discordgo.MessageEmbed{final}})
		return
	}
	b.post(channelID, next)
}

var (
	txtRevealTitle = text{"第 %d/%d 题答案 · %s", "Round %d/%d answer · %s"}
	txtRankLine    = text{"%d. <@%s> %d 分（覆盖 %d/%d）\n", "%d. <@%s> %d points (%d of %d covered)\n"}
	txtNoAnswers   = text{"这一轮没有人回答。", "Nobody answered this round."}
	txtRoundRank   = text{"本轮排名", "This round"}
	txtTotalLine   = text{"%d. <@%s> %d 分\n", "%d. <@%s> %d points\n"}
	txtNoScores    = text{"没有人得分。", "Nobody scored."}
	txtFinalTitle  = text{"挑战结束 · 总排名", "Challenge over · final ranking"}
)

func revealEmbed(s *corpus.Section, attempts []startupqa.Attempt, round, rounds int, l lang.Lang) *discordgo.MessageEmbed {
	e := answerEmbed(s, l)
	e.Title = fmt.Sprintf(txtRevealTitle.In(l), round, rounds, s.Title)
	var rank strings.Builder
	for n, a := range attempts {
		fmt.Fprintf(&rank, txtRankLine.In(l), n+1, a.UserID, a.Points, len(a.Covered), len(a.Covered)+len(a.Missed))
	}
	if rank.Len() == 0 {
		rank.WriteString(txtNoAnswers.In(l))
	}
	e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: txtRoundRank.In(l), Value: rank.String()})
	fitEmbed(e, txtCut.In(l))
	return e
}

func finalEmbed(totals map[string]int, l lang.Lang) *discordgo.MessageEmbed {
	type row struct {
		user   string
		points int
	}
	var rows []row
	for u, p := range totals {
		rows = append(rows, row{u, p})
	}
	slices.SortFunc(rows, func(a, b row) int {
		return cmp.Or(cmp.Compare(b.points, a.points), strings.Compare(a.user, b.user))
	})
	var sb strings.Builder
	for n, r := range rows {
		fmt.Fprintf(&sb, txtTotalLine.In(l), n+1, r.user, r.points)
	}
	if sb.Len() == 0 {
		sb.WriteString(txtNoScores.In(l))
	}
	e := &discordgo.MessageEmbed{Title: txtFinalTitle.In(l), Description: sb.String(), Color: embedColor}
	fitEmbed(e, txtCut.In(l))
	return e
}

// post sends a message to a channel outside any interaction.
func (b *Bot) post(channelID string, r reply) {
	s := b.session()
	if s == nil {
		return
	}
	_, err := s.ChannelMessageSendComplex(channelID, &discordgo.MessageSend{
		Content: cutRunes(r.Content, maxContent), Embeds: r.Embeds, Components: r.Components,
		AllowedMentions: noMentions(),
	})
	if err != nil {
		b.log.Error("post to channel", "channel", channelID, "err", err)
	}
}

// endStaleChallenges ends, with a message in their channels, the
// challenges a previous run left running: their timers and answers in
// memory are gone.
func (b *Bot) endStaleChallenges(ctx context.Context) {
	if b.store == nil {
		return
	}
	running, err := b.store.RunningChallenges(ctx)
	if err != nil {
		b.log.Error("list running challenges", "err", err)
		return
	}
	for _, c := range running {
		if !b.owns(c.GuildID) {
			continue
		}
		if err := b.resume(ctx, c); err != nil {
			b.log.Warn("challenge not resumed", "challenge", c.ID, "err", err)
			c.State, c.UpdatedAt = startupqa.ChallengeEnded, time.Now()
			if err := b.store.UpdateChallenge(ctx, &c); err != nil {
				b.log.Error("end stale challenge", "challenge", c.ID, "err", err)
				continue
			}
			b.post(c.ChannelID, reply{Content: txtRestarted})
		}
	}
}

// resume plays on a challenge the store has running, as a stopped or
// killed process left it: its round and that round's time, who answered
// it and what they missed (for hints), and the points of the rounds
// before. What only memory knew is lost: the hints taken, and whether an
// answer was already improved (a member may improve it once more). A
// round whose time ran out while no process played it ends at once.
func (b *Bot) resume(ctx context.Context, c startupqa.Challenge) error {
	corp := b.engine.Corpus()
	var secs []*corpus.Section
	for _, id := range c.Sections {
		s, ok := corp.Section(id)
		if !ok {
			return fmt.Errorf("section %s is no longer in the corpus", id)
		}
		secs = append(secs, s)
	}
	if c.Round < 1 || c.Round > len(secs) {
		return fmt.Errorf("round %d of %d", c.Round, len(secs))
	}
	g := &game{c: c, sections: secs, totals: map[string]int{}, lang: codeLang(c.Lang)}
	g.resetRound()
	var firstAt time.Time
	for round := 1; round <= c.Round; round++ {
		attempts, err := b.store.Attempts(ctx, c.ID, round)
		if err != nil {
			return err
		}
		for _, a := range attempts {
			g.players[a.UserID] = true
			if round < c.Round {
				g.totals[a.UserID] += a.Points
				continue
			}
			g.answers[a.UserID] = 1
			g.missed[a.UserID] = a.Missed
			if len(a.Missed) == 0 && len(a.Covered) > 0 && (g.first == "" || a.CreatedAt.Before(firstAt)) {
				g.first, firstAt = a.UserID, a.CreatedAt
			}
		}
	}
	b.games.mu.Lock()
	if b.games.byChannel[c.ChannelID] != nil {
		b.games.mu.Unlock()
		return fmt.Errorf("channel %s has a game already", c.ChannelID)
	}
	b.games.byChannel[c.ChannelID] = g
	b.armTimer(g)
	rep := roundReply(g)
	b.games.mu.Unlock()
	b.log.Info("challenge resumed", "challenge", c.ID, "channel", c.ChannelID, "round", c.Round)
	if time.Until(c.RoundEndsAt) > 0 {
		rep.Content = txtResumed.In(g.lang)
		b.post(c.ChannelID, rep)
	}
	return nil
}

var txtResumed = text{"机器人重启了，挑战继续：", "The bot restarted; the challenge goes on:"}

// langCode and codeLang store a challenge's language.
func langCode(l lang.Lang) string {
	if l == lang.English {
		return "en"
	}
	return "zh"
}

func codeLang(code string) lang.Lang {
	if code == "en" {
		return lang.English
	}
	return lang.Chinese
}

// optionOr reads an integer option, or def when it is missing.
func optionOr(opts []*discordgo.ApplicationCommandInteractionDataOption, name string, def int64) int64 {
	if v, ok := intOption(opts, name); ok {
		return v
	}
	return def
}

func (b *Bot) rng() *rand.Rand {
	return rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), uint64(time.Now().Unix())))
}

// grader returns a grader for the current corpus, built again after a
// reload.
func (b *Bot) grader() (Grader, error) {
	c := b.engine.Corpus()
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.graded != c || b.gr == nil {
		an, err := index.NewAnalyzer()
		if err != nil {
			return nil, fmt.Errorf("grader: %w", err)
		}
		var simplify func(string) string // nil: grade.New leaves text as it is
		if conv, ok := b.scripts.(interface{ Simplified(string) string }); ok {
			simplify = conv.Simplified
		}
		gr, err := grade.New(c, an, simplify)
		if err != nil {
			return nil, fmt.Errorf("grader: %w", err)
		}
		b.gr, b.graded = gr, c
	}
	return b.gr, nil
}

// UseStore enables challenges and leaderboards, kept in s.
func (b *Bot) UseStore(s ChallengeStore) { b.store = s }

func (b *Bot) session() *discordgo.Session {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.sess
}
