package bot

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/bwmarrin/discordgo"

	"github.com/startupqa/startupqa"
	"github.com/startupqa/startupqa/corpus"
	"github.com/startupqa/startupqa/engine"
	"github.com/startupqa/startupqa/index"
	"github.com/startupqa/startupqa/lang"
)

var (
	txtNoQuestion = text{"请在 question 里写下你的问题。", "Please write your question in the question option."}
	txtNoSection  = text{"没有编号为 %d 的章节，用 /topics 查看全部章节。", "There is no section %d; /topics lists them all."}
	txtGone       = text{"这个章节已经不在学习笔记里了。", "That section is no longer in the study notes."}
	txtSlowDown   = text{"慢一点：%d 秒后可以再问。", "Slow down: you can ask again in %d s."}
)

// ask answers /ask: search, then render the best section or say that none
// fits.
func (b *Bot) ask(ctx context.Context, r *request) (reply, error) {
	data := r.i.ApplicationCommandData()
	q, ok := stringOption(data.Options, optQuestion)
	if !ok || !hasText(q) {
		return reply{}, userError{txtNoQuestion.In(r.lang)}
	}
	private, _ := boolOption(data.Options, optPrivate)
	// A choice picked from autocomplete names a section exactly.
	if id, ok := strings.CutPrefix(q, choicePrefix); ok {
		if s, found := b.engine.Corpus().Section(id); found {
			return sectionReply(s, r.lang, private), nil
		}
	}
	res, err := b.engine.Search(ctx, q)
	if err != nil {
		return reply{}, fmt.Errorf("search: %w", err)
	}
	b.metrics.Search(res.Answered, res.Confidence)
	b.logUnanswered(ctx, r.i.GuildID, res)
	rep := b.inScript(q, r.i.Locale, answerReply(res, private))
	rep.logAttrs = searchAttrs(res)
	return rep, nil
}

func (b *Bot) topics(_ context.Context, r *request) (reply, error) {
	return reply{Embeds: []*discordgo.MessageEmbed{topicsEmbed(b.engine.Corpus(), r.lang)}}, nil
}

func (b *Bot) section(_ context.Context, r *request) (reply, error) {
	data := r.i.ApplicationCommandData()
	n, ok := intOption(data.Options, optNumber)
	if !ok {
		return reply{}, userError{fmt.Sprintf(txtNoSection.In(r.lang), 0)}
	}
	private, _ := boolOption(data.Options, optPrivate)
	s, ok := b.engine.Corpus().SectionNumber(int(n))
	if !ok {
		return reply{}, userError{fmt.Sprintf(txtNoSection.In(r.lang), n)}
	}
	return sectionReply(s, r.lang, private), nil
}

func (b *Bot) help(_ context.Context, r *request) (reply, error) {
	return reply{Embeds: []*discordgo.MessageEmbed{helpEmbed(r.lang)}, Ephemeral: true}, nil
}

// sectionButton shows the section a "next match" button names, to the
// member who clicked it.
func (b *Bot) sectionButton(id string) handler {
	return func(_ context.Context, r *request) (reply, error) {
		id, english := strings.CutSuffix(id, langSuffix)
		s, ok := b.engine.Corpus().Section(id)
		if !ok {
			return reply{}, userError{txtGone.In(r.lang)}
		}
		if english {
			return sectionReply(s.In("en"), lang.English, true), nil
		}
		return sectionReply(s, r.lang, true), nil
	}
}

// limited applies the per-user cooldown to a handler.
func (b *Bot) limited(h handler) handler {
	return func(ctx context.Context, r *request) (reply, error) {
		if wait := b.coolDown(ctx, r.userID); wait > 0 {
			return reply{}, userError{fmt.Sprintf(txtSlowDown.In(r.lang), int(wait.Seconds()+0.999))}
		}
		return h(ctx, r)
	}
}

// choicePrefix marks an autocomplete choice that names a section, so that
// choosing it answers that section exactly.
const choicePrefix = "§"

// autocomplete offers up to 25 sections as the user types: all of them for
// empty input, else the ones the engine ranks, best first.
func (b *Bot) autocomplete(ctx context.Context, r *request, log *slog.Logger, send sendFunc) {
	defer func() {
		if p := recover(); p != nil {
			log.Error("autocomplete panicked", "panic", p)
		}
	}()
	var typed string
	for _, o := range r.i.ApplicationCommandData().Options {
		if o.Focused && o.Type == discordgo.ApplicationCommandOptionString {
			typed = o.StringValue()
		}
	}
	choices := b.choices(ctx, typed)
	err := send(&discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: choices},
	})
	if err != nil {
		log.Error("autocomplete reply failed", "err", err)
	}
}

func (b *Bot) choices(ctx context.Context, typed string) []*discordgo.ApplicationCommandOptionChoice {
	var sections []*corpus.Section
	if strings.TrimSpace(typed) == "" {
		sections = b.engine.Corpus().Sections
	} else if res, err := b.engine.Search(engine.Transient(ctx), typed); err == nil {
		for _, m := range res.Matches {
			sections = append(sections, m.Section)
		}
	}
	var out []*discordgo.ApplicationCommandOptionChoice
	for _, s := range sections {
		if len(out) == maxChoices {
			break
		}
		value := choicePrefix + s.ID
		if length(value) > maxChoiceValue {
			continue
		}
		out = append(out, &discordgo.ApplicationCommandOptionChoice{
			Name:  cutLine(fmt.Sprintf("%d. %s — %s", s.Number, s.Title, s.Question), maxChoiceName),
			Value: value,
		})
	}
	if out == nil {
		out = []*discordgo.ApplicationCommandOptionChoice{} // Discord wants a list, even empty
	}
	return out
}

// Option accessors tolerate missing options and wrong types: a malformed
// interaction gets a polite reply, never a panic.
func findOption(opts []*discordgo.ApplicationCommandInteractionDataOption, name string) *discordgo.ApplicationCommandInteractionDataOption {
	for _, o := range opts {
		if o != nil && o.Name == name {
			return o
		}
	}
	return nil
}

func stringOption(opts []*discordgo.ApplicationCommandInteractionDataOption, name string) (string, bool) {
	o := findOption(opts, name)
	if o == nil {
		return "", false
	}
	s, ok := o.Value.(string)
	return s, ok
}

func boolOption(opts []*discordgo.ApplicationCommandInteractionDataOption, name string) (bool, bool) {
	o := findOption(opts, name)
	if o == nil {
		return false, false
	}
	v, ok := o.Value.(bool)
	return v, ok
}

func intOption(opts []*discordgo.ApplicationCommandInteractionDataOption, name string) (int64, bool) {
	o := findOption(opts, name)
	if o == nil {
		return 0, false
	}
	switch v := o.Value.(type) {
	case float64: // JSON numbers
		if v != float64(int64(v)) {
			return 0, false
		}
		return int64(v), true
	case string:
		n, err := strconv.ParseInt(v, 10, 64)
		return n, err == nil
	}
	return 0, false
}

// searchAttrs describe a search for the logs.
func searchAttrs(res *index.Result) []any {
	attrs := []any{"answered", res.Answered, "confidence", res.Confidence}
	if len(res.Matches) > 0 {
		attrs = append(attrs, "section", res.Matches[0].Section.ID, "score", res.Matches[0].Score)
	}
	return attrs
}

// hasText reports whether q has any letter or digit: a question of only
// spaces, punctuation or emoji is bad input, not an unanswered question.
func hasText(q string) bool {
	for _, r := range q {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// langOf is the language to answer a question in: the question's own.
func langOf(q string) lang.Lang { return lang.Of(q) }

// Reloader re-reads the corpus; the engine of a bot serving a corpus
// directory is one.
type Reloader interface {
	Reload(ctx context.Context) (sections int, err error)
}

var (
	txtNeedManage = text{"只有拥有“管理服务器”权限的成员可以这样做。", "Only members with the Manage Server permission can do this."}
	txtNoReload   = text{"这个机器人使用内置笔记，没有可以重新加载的目录。", "This bot serves the built-in notes; there is no directory to reload."}
	txtReloaded   = text{"已重新加载：%d 个章节。", "Reloaded: %d sections."}
	txtReloadBad  = text{"笔记有问题，仍在使用之前的版本：", "The notes have problems; still serving the previous version:"}
)

// reload re-reads the corpus for members who may manage the server; an
// invalid corpus keeps the old one and its problems are shown as
// file:line.
func (b *Bot) reload(ctx context.Context, r *request) (reply, error) {
	if !canManage(r.i) {
		return reply{}, userError{txtNeedManage.In(r.lang)}
	}
	rl, ok := b.engine.(Reloader)
	if !ok {
		return reply{}, userError{txtNoReload.In(r.lang)}
	}
	n, err := rl.Reload(ctx)
	if ps, bad := corpus.AsProblems(err); bad {
		var lines []string
		for _, p := range ps {
			lines = append(lines, p.String())
		}
		body := truncate(strings.Join(lines, "\n"), maxContent-200, "…")
		return reply{Content: txtReloadBad.In(r.lang) + "\n```\n" + body + "\n```", Ephemeral: true}, nil
	}
	if err != nil {
		return reply{}, fmt.Errorf("reload: %w", err)
	}
	return reply{Content: fmt.Sprintf(txtReloaded.In(r.lang), n), Ephemeral: true}, nil
}

// canManage reports whether the member may manage the server. Discord
// hides the command from others, but a server can override that, so the
// bot checks too.
func canManage(i *discordgo.Interaction) bool {
	return i.Member != nil && i.Member.Permissions&(discordgo.PermissionManageGuild|discordgo.PermissionAdministrator) != 0
}

// challenge routes /challenge's subcommands.
func (b *Bot) challenge(ctx context.Context, r *request) (reply, error) {
	opts := r.i.ApplicationCommandData().Options
	if len(opts) == 1 && opts[0] != nil {
		switch opts[0].Name {
		case subStart:
			return b.startChallenge(ctx, r, opts[0].Options)
		case subStop:
			return b.stopChallenge(ctx, r)
		case subQuick:
			return b.quick(ctx, r, opts[0].Options)
		case subReview:
			if b.store == nil {
				return reply{}, userError{txtNoStore.In(r.lang)}
			}
			return b.review(ctx, r, opts[0].Options)
		case subSchedule:
			return b.schedule(ctx, r, opts[0].Options)
		case subUnschedule:
			return b.unschedule(ctx, r, opts[0].Options)
		}
	}
	return reply{}, userError{"unknown command \"challenge\""}
}

var txtBoard = text{"排行榜 · %s", "Leaderboard · %s"}

// leaderboard shows the server's challenge points for a period.
func (b *Bot) leaderboard(ctx context.Context, r *request) (reply, error) {
	if b.store == nil {
		return reply{}, userError{txtNoStore.In(r.lang)}
	}
	opts := r.i.ApplicationCommandData().Options
	if len(opts) == 1 && opts[0] != nil && opts[0].Type == discordgo.ApplicationCommandOptionSubCommand {
		if opts[0].Name == subReset {
			return b.resetAsk(ctx, r)
		}
		opts = opts[0].Options // show
	}
	p, _ := stringOption(opts, optPeriod)
	period := startupqa.Period(p)
	switch period {
	case startupqa.PeriodWeek, startupqa.PeriodMonth, startupqa.PeriodAll:
	case "":
		period = startupqa.PeriodWeek
	default:
		return reply{}, userError{"period: week, month or all"}
	}
	rows, err := b.store.Leaderboard(ctx, r.i.GuildID, period, time.Now(), 20)
	if err != nil {
		return reply{}, err
	}
	var sb strings.Builder
	for n, s := range rows {
		fmt.Fprintf(&sb, "%d. <@%s> %d · %d\n", n+1, s.UserID, s.Points, s.Rounds)
	}
	if sb.Len() == 0 {
		sb.WriteString(text{"还没有人得分：用 /challenge start 开始一场挑战。", "No points yet: start a challenge with /challenge start."}.In(r.lang))
	}
	e := &discordgo.MessageEmbed{Title: fmt.Sprintf(txtBoard.In(r.lang), period), Description: sb.String(), Color: embedColor}
	fitEmbed(e, txtCut.In(r.lang))
	return reply{Embeds: []*discordgo.MessageEmbed{e}}, nil
}
