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

// ChallengeStore keeps challenges and scores; *sqlstore.DB is one. The
// game itself lives there (see challenge.Service), so that any process
// serves any click.
type ChallengeStore interface {
	challenge.Store
	// RecordAttempt records an answer outside a challenge's rounds: a
	// quick round's pick.
	RecordAttempt(ctx context.Context, a *startupqa.Attempt) error
	Leaderboard(ctx context.Context, guildID string, period startupqa.Period, now time.Time, limit int) ([]startupqa.Standing, error)
}

// Grader grades answers; *grade.Grader is one.
type Grader = challenge.Grader

// Limits of /challenge start.
const (
	defaultRounds  = 3
	maxRounds      = 10
	defaultSeconds = 120
	minSeconds     = 30
	maxSeconds     = 600
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
	l := challengeLang(opts)
	secs, err := challenge.Pick(ctx, b.engine.Corpus(), b.engine, topic, langCode(l), rounds, b.rng())
	if err != nil {
		return reply{}, err
	}
	return b.begin(ctx, r.i.GuildID, r.i.ChannelID, r.userID, topic, secs, seconds, l)
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
// language l, and returns its first round, or a userError when one runs
// there.
func (b *Bot) begin(ctx context.Context, guild, channel, starter, topic string, secs []*corpus.Section, seconds int, l lang.Lang) (reply, error) {
	g, err := b.play.Start(ctx, startupqa.Challenge{
		GuildID: guild, ChannelID: channel, StarterID: starter, Topic: topic, Lang: langCode(l), Seconds: seconds,
	}, secs)
	if errors.Is(err, startupqa.ErrChallengeRunning) {
		who := "?"
		if cur, _ := b.store.RunningChallenge(ctx, channel); cur != nil {
			who = cur.StarterID
		}
		return reply{}, userError{fmt.Sprintf(txtRunning.In(l), who)}
	}
	if err != nil {
		return reply{}, err
	}
	b.armTimer(g.Challenge)
	return roundReply(g), nil
}

// roundTimers are the timers of the rounds this process started, by
// challenge.
type roundTimers struct {
	mu   sync.Mutex
	byID map[int64]*time.Timer
}

// armTimer ends a round this process started when its time is up, at
// once rather than at the next tick of runRounds, which ends those of a
// process that went away.
func (b *Bot) armTimer(c startupqa.Challenge) {
	id, round, channel := c.ID, c.Round, c.ChannelID
	b.timers.mu.Lock()
	defer b.timers.mu.Unlock()
	if b.timers.byID == nil {
		b.timers.byID = map[int64]*time.Timer{}
	}
	if t := b.timers.byID[id]; t != nil {
		t.Stop()
	}
	b.timers.byID[id] = time.AfterFunc(time.Until(c.RoundEndsAt), func() { b.endRoundCounted(channel, id, round, false) })
}

// stopTimers stops every round timer, at shutdown: the rounds end at the
// next start, or in another process.
func (b *Bot) stopTimers() {
	b.timers.mu.Lock()
	defer b.timers.mu.Unlock()
	for id, t := range b.timers.byID {
		t.Stop()
		delete(b.timers.byID, id)
	}
}

// runRounds ends, every tick, the rounds whose time is up that no timer
// here ended: those of a process that died, or of a replica that started
// them. The store lets one process end each.
func (b *Bot) runRounds(ctx context.Context, tick time.Duration) {
	if b.play == nil {
		return
	}
	t := time.NewTicker(tick)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		due, err := b.play.Due(ctx)
		if err != nil {
			b.log.Error("rounds due", "err", err)
			continue
		}
		for _, c := range due {
			if b.owns(c.GuildID) {
				b.endRound(c.ChannelID, c.ID, c.Round, false)
			}
		}
	}
}

// roundReply shows the current round's 题目 with its buttons.
func roundReply(g *challenge.Game) reply {
	l := codeLang(g.Lang)
	s := g.Section(g.Round)
	e := &discordgo.MessageEmbed{
		Title:       fmt.Sprintf(text{"挑战 · 第 %d/%d 题", "Challenge · round %d/%d"}.In(l), g.Round, len(g.Sections)),
		Description: fmt.Sprintf("**%s**\n\n%s", s.Title, s.Question),
		Color:       embedColor,
		Footer:      &discordgo.MessageEmbedFooter{Text: fmt.Sprintf(text{"本轮 %d 秒 · 点「回答」提交，可以改进一次", "%d s per round · press Answer; you may improve once"}.In(l), g.Seconds)},
	}
	e.Description += fmt.Sprintf(text{"\n\n结束时间：<t:%d:R>", "\n\nEnds <t:%d:R>"}.In(l), g.RoundEndsAt.Unix())
	fitEmbed(e, txtCut.In(l))
	row := discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{Label: text{"回答", "Answer"}.In(l), Style: discordgo.PrimaryButton, CustomID: chID(actAnswer, g.ID, g.Round)},
		discordgo.Button{Label: text{"提示", "Hint"}.In(l), Style: discordgo.SecondaryButton, CustomID: chID(actHint, g.ID, g.Round)},
		discordgo.Button{Label: text{"跳过", "Skip"}.In(l), Style: discordgo.DangerButton, CustomID: chID(actSkip, g.ID, g.Round)},
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
		if b.play == nil {
			return reply{}, userError{txtNoStore.In(r.lang)}
		}
		switch action {
		case actAnswer:
			g, err := b.play.Join(ctx, id, round, r.userID)
			if err != nil {
				return reply{}, gameError(err, r.lang)
			}
			return answerModal(g), nil
		case actHint:
			point, g, err := b.play.Hint(ctx, id, round, r.userID)
			if err != nil {
				return reply{}, gameError(err, r.lang)
			}
			l := codeLang(g.Lang)
			if point == "" {
				return reply{Content: txtNoHint.In(l), Ephemeral: true}, nil
			}
			return reply{Content: fmt.Sprintf(txtHint.In(l), point, challenge.HintCost), Ephemeral: true}, nil
		case actSkip:
			g, err := b.play.Round(ctx, id, round)
			if err != nil {
				return reply{}, gameError(err, r.lang)
			}
			if r.userID != g.StarterID && !canManageMessages(r.i) {
				return reply{}, userError{txtOnlyStarter.In(r.lang)}
			}
			go b.endRoundCounted(g.ChannelID, id, round, false)
			return reply{Content: txtSkipped.In(r.lang), Ephemeral: true}, nil
		case actModal:
			return b.submitAnswer(ctx, r, id, round)
		}
		return reply{}, userError{fmt.Sprintf("unknown command %q", customID)}
	}
}

// gameError turns the game's refusals into what a member reads.
func gameError(err error, l lang.Lang) error {
	switch {
	case errors.Is(err, challenge.ErrRoundOver):
		return userError{txtRoundOver.In(l)}
	case errors.Is(err, challenge.ErrNoMoreAnswers):
		return userError{txtNoMore.In(l)}
	}
	return err
}

// stopChallenge ends the channel's challenge now: the round under way is
// revealed with what was answered, then the totals so far.
func (b *Bot) stopChallenge(ctx context.Context, r *request) (reply, error) {
	c, err := b.store.RunningChallenge(ctx, r.i.ChannelID)
	if err != nil {
		return reply{}, err
	}
	if c == nil {
		return reply{}, userError{txtNoneRunning.In(r.lang)}
	}
	if r.userID != c.StarterID && !canManageMessages(r.i) {
		return reply{}, userError{txtOnlyStop.In(r.lang)}
	}
	go b.endRoundCounted(r.i.ChannelID, c.ID, c.Round, true)
	return reply{Content: txtStopped.In(r.lang), Ephemeral: true}, nil
}

func canManageMessages(i *discordgo.Interaction) bool {
	return i.Member != nil && i.Member.Permissions&(discordgo.PermissionManageMessages|discordgo.PermissionAdministrator) != 0
}

// answerModal asks for the answer in a paragraph input.
func answerModal(g *challenge.Game) reply {
	l := codeLang(g.Lang)
	title := cutLine(fmt.Sprintf(text{"第 %d 题：%s", "Round %d: %s"}.In(l), g.Round, g.Section(g.Round).Title), 45)
	return reply{modal: &discordgo.InteractionResponseData{
		CustomID: chID(actModal, g.ID, g.Round),
		Title:    title,
		Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.TextInput{
				CustomID: fieldText, Label: text{"你的答案", "Your answer"}.In(l), Style: discordgo.TextInputParagraph,
				Required: true, MaxLength: 4000,
			},
		}}},
	}}
}

// submitAnswer has the game grade and record an answer and shows the
// member a private verdict; the round ends early once everyone who joined
// answered.
func (b *Bot) submitAnswer(ctx context.Context, r *request, id int64, round int) (reply, error) {
	v, err := b.play.Answer(ctx, id, round, r.userID, modalValue(r.i, fieldText))
	if err != nil {
		return reply{}, gameError(err, r.lang)
	}
	if v.Everyone {
		go b.endRoundCounted(v.Game.ChannelID, id, round, false)
	}
	// The verdict names the round's key points, so it is in the round's
	// language, as the hints are.
	return reply{Content: verdict(v.Result, v.Points, v.First, v.Streak, codeLang(v.Game.Lang)), Ephemeral: true}, nil
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

// endRoundCounted is endRound as work in flight, which a shutdown waits
// for; once the bot drains it does nothing: the round ends in another
// process, or in this one's next start.
func (b *Bot) endRoundCounted(channelID string, id int64, round int, stop bool) {
	if !b.handlers.begin() {
		return
	}
	defer b.handlers.end()
	b.endRound(channelID, id, round, stop)
}

// endRound reveals the answer and the round's ranking, then asks the next
// round or, after the last or when stop is set, ends the challenge with
// the totals. Whichever process's timer, skip or last answer ends a round
// first posts it; the others do nothing. A round whose end fails to reach
// the store is ended again at the next tick of runRounds.
func (b *Bot) endRound(channelID string, id int64, round int, stop bool) {
	end, err := b.play.End(context.Background(), id, round, stop)
	if err != nil {
		b.log.Error("end round", "challenge", id, "round", round, "err", err)
	}
	if end == nil {
		return // not ended, or ended by another process or path
	}
	l := codeLang(end.Game.Lang)
	if err != nil {
		// The round ended, but its answers could not be read: no
		// reveal, which would say nobody answered, and no false final
		// ranking. A game that goes on asks its next round.
		if end.Next != nil {
			b.armTimer(end.Next.Challenge)
			b.post(channelID, roundReply(end.Next))
			return
		}
		b.post(channelID, reply{Content: txtStoreDown.In(l)})
		return
	}
	reveal := revealEmbed(end.Game.Section(round), end.Attempts, round, len(end.Game.Sections), l)
	b.post(channelID, reply{Embeds: []*discordgo.MessageEmbed{reveal}})
	if end.Next == nil {
		b.timers.mu.Lock()
		delete(b.timers.byID, id)
		b.timers.mu.Unlock()
		b.post(channelID, reply{Embeds: []*discordgo.MessageEmbed{finalEmbed(end.Totals, l)}})
		return
	}
	b.armTimer(end.Next.Challenge)
	b.post(channelID, roundReply(end.Next))
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

// announceRunning tells the channels of this process's running
// challenges, at start-up, that their game goes on: it lives in the store
// and needs nothing rebuilt, and runRounds ends the rounds whose time ran
// out meanwhile. One whose questions left the corpus ends.
func (b *Bot) announceRunning(ctx context.Context) {
	if b.play == nil {
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
		g, err := b.play.Running(ctx, c.ChannelID)
		if err != nil || g == nil {
			b.log.Warn("challenge cannot go on", "challenge", c.ID, "err", err)
			ended := c
			ended.State, ended.UpdatedAt = startupqa.ChallengeEnded, time.Now()
			if ok, err := b.store.AdvanceRound(ctx, &ended, c.Round); err != nil || !ok {
				continue
			}
			b.post(c.ChannelID, reply{Content: txtRestarted})
			continue
		}
		b.log.Info("challenge goes on", "challenge", c.ID, "channel", c.ChannelID, "round", c.Round)
		if time.Until(c.RoundEndsAt) > 0 {
			b.armTimer(g.Challenge)
			rep := roundReply(g)
			rep.Content = txtResumed.In(codeLang(g.Lang))
			b.post(c.ChannelID, rep)
		}
	}
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
func (b *Bot) UseStore(s ChallengeStore) {
	b.store = s
	b.play = challenge.NewService(s, b.engine.Corpus, b.grader)
}

func (b *Bot) session() *discordgo.Session {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.sess
}
