package bot

import (
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/startupqa/startupqa/corpus"
	"github.com/startupqa/startupqa/index"
	"github.com/startupqa/startupqa/lang"
)

// reply is what a handler answers with, independent of how it is sent: as
// an interaction response, an edit of a deferred one, or a message.
type reply struct {
	Content    string
	Embeds     []*discordgo.MessageEmbed
	Components []discordgo.MessageComponent
	Ephemeral  bool
	// files are attached to the message, e.g. a chart.
	files []*discordgo.File
	// modal, when set, is answered with a modal form instead of a message.
	modal *discordgo.InteractionResponseData
	// logAttrs are logged with the interaction: the matched section and
	// its score, for instance.
	logAttrs []any
}

const embedColor = 0x5865F2

// text holds every user-facing string in both languages.
type text = lang.Text

var (
	txtCut        = text{"…（内容过长，已截断）", "… (too long, cut here)"}
	txtAnalysis   = text{"解析", "Analysis"}
	txtNoFit      = text{"没有找到能回答这个问题的章节。", "No section of the study notes answers this question."}
	txtNearest    = text{"下面这些章节最接近，也可以用 /topics 查看全部章节。", "These sections come closest; /topics lists them all."}
	txtAllTopics  = text{"可以用 /topics 查看全部章节。", "/topics lists every section."}
	txtEmpty      = text{"问题是空的：请在 question 里写下你的问题。", "The question is empty: please write it in the question option."}
	txtTopics     = text{"全部章节", "All sections"}
	txtMoreTopics = text{"…还有 %d 个章节，用 /section 查看。", "… and %d more; use /section to see one."}
	txtCutQuery   = text{"（问题太长，只用了前 %d 个字符）", "(question too long: only its first %d characters were used)"}
)

// answerEmbed renders a section as an embed: the title, the 答案 with its
// lists as Markdown, the 解析 as a field, and the source in the footer.
func answerEmbed(s *corpus.Section, l lang.Lang) *discordgo.MessageEmbed {
	e := &discordgo.MessageEmbed{
		Title:       s.Title,
		Description: s.Answer.Markdown(),
		Color:       embedColor,
		Footer:      &discordgo.MessageEmbedFooter{Text: fmt.Sprintf("%s · %s", s.Source(), s.ID)},
	}
	if s.Analysis != "" {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: txtAnalysis.In(l), Value: s.Analysis})
	}
	fitEmbed(e, txtCut.In(l))
	return e
}

// answerReply is the reply to a question: the best section, with buttons
// for the next matches; or, when the engine abstains, a short "no section
// fits" with the nearest sections as buttons.
func answerReply(res *index.Result, private bool) reply {
	l := lang.Of(res.Query)
	r := reply{Ephemeral: private}
	if res.Truncated {
		r.Content = fmt.Sprintf(txtCutQuery.In(l), index.MaxQueryRunes)
	}
	best, ok := res.Best()
	if !ok {
		switch {
		case strings.TrimSpace(res.Query) == "":
			r.Content = txtEmpty.In(l)
		case len(res.Matches) > 0:
			r.Content = join(r.Content, txtNoFit.In(l)+" "+txtNearest.In(l))
			r.Components = sectionButtons(res.Matches, 3)
		default:
			r.Content = join(r.Content, txtNoFit.In(l)+" "+txtAllTopics.In(l))
		}
		return r
	}
	shown := inLang(best.Section, l)
	r.Embeds = []*discordgo.MessageEmbed{answerEmbed(shown, l)}
	r.Components = sectionButtons(res.Matches[1:], 2)
	if other := otherLanguageButton(best.Section, shown); other != nil {
		r.Components = appendButton(r.Components, *other)
	}
	return r
}

// inLang is s as readers of l see it: its English translation for
// English, when it has one; otherwise s itself.
func inLang(s *corpus.Section, l lang.Lang) *corpus.Section {
	if l == lang.English {
		return s.In("en")
	}
	return s
}

// langSuffix marks a section button that shows the English translation:
// "section:llm-startup/2|en".
const langSuffix = "|en"

// otherLanguageButton offers the section in the language not shown, when
// it has a translation.
func otherLanguageButton(orig, shown *corpus.Section) *discordgo.Button {
	if len(orig.Translations) == 0 {
		return nil
	}
	if shown.Lang == "en" {
		return &discordgo.Button{Label: "中文", Style: discordgo.PrimaryButton, CustomID: sectionButtonPrefix + orig.ID}
	}
	if orig.In("en") == orig {
		return nil
	}
	return &discordgo.Button{Label: "English", Style: discordgo.PrimaryButton, CustomID: sectionButtonPrefix + orig.ID + langSuffix}
}

// appendButton adds a button to the first action row, making one if need be.
func appendButton(rows []discordgo.MessageComponent, b discordgo.Button) []discordgo.MessageComponent {
	if len(rows) == 0 {
		return []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{b}}}
	}
	row := rows[0].(discordgo.ActionsRow)
	if len(row.Components) < maxButtons {
		row.Components = append(row.Components, b)
		rows[0] = row
	}
	return rows
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "\n" + b
}

// sectionReply shows one section, as asked for by number or by a button.
func sectionReply(s *corpus.Section, l lang.Lang, private bool) reply {
	return reply{Embeds: []*discordgo.MessageEmbed{answerEmbed(s, l)}, Ephemeral: private}
}

// sectionButtons offers up to n sections as buttons that show them.
func sectionButtons(ms []index.Match, n int) []discordgo.MessageComponent {
	var row discordgo.ActionsRow
	for _, m := range ms {
		if len(row.Components) == min(n, maxButtons) {
			break
		}
		id := sectionButtonPrefix + m.Section.ID
		if length(id) > maxCustomID {
			continue // an id this long cannot round-trip through a button
		}
		row.Components = append(row.Components, discordgo.Button{
			Label:    cutLine(fmt.Sprintf("§%d %s", m.Section.Number, m.Section.Title), maxButtonLabel),
			Style:    discordgo.SecondaryButton,
			CustomID: id,
		})
	}
	if len(row.Components) == 0 {
		return nil
	}
	return []discordgo.MessageComponent{row}
}

// sectionButtonPrefix starts the custom id of a button that shows a
// section: "section:llm-startup/2".
const sectionButtonPrefix = "section:"

// topicsEmbed lists the sections with their numbers and questions, as many
// as fit.
func topicsEmbed(c *corpus.Corpus, l lang.Lang) *discordgo.MessageEmbed {
	var b strings.Builder
	shown := 0
	for _, s := range c.Sections {
		line := cutLine(fmt.Sprintf("**%d. %s** — %s", s.Number, s.Title, s.Question), 200) + "\n"
		if length(b.String())+length(line) > maxEmbedDesc-100 {
			break
		}
		b.WriteString(line)
		shown++
	}
	if rest := len(c.Sections) - shown; rest > 0 {
		fmt.Fprintf(&b, txtMoreTopics.In(l), rest)
	}
	e := &discordgo.MessageEmbed{Title: txtTopics.In(l), Description: strings.TrimRight(b.String(), "\n"), Color: embedColor}
	if len(c.Articles) == 1 {
		e.Title = c.Articles[0].Title + " · " + e.Title
	}
	fitEmbed(e, txtCut.In(l))
	return e
}

// helpEmbed says what the bot does and lists every command, with its
// subcommands, as the asker's Discord shows them. The list is made from
// the registered definitions, so that it cannot leave one out.
func helpEmbed(l lang.Lang) *discordgo.MessageEmbed {
	intro := text{
		"我根据学习笔记回答创业与 AI 面试题，也能组织答题挑战。也可以 @我 提问，或者私信我。找不到合适的章节时我会直说，不会乱猜。",
		"I answer startup and AI interview questions from the study notes and run quizzes on them. You can also @mention me or send me a DM. When no section fits I say so instead of guessing.",
	}
	var b strings.Builder
	b.WriteString(intro.In(l))
	b.WriteString("\n")
	for _, c := range commands() {
		name := localized(c.Name, c.NameLocalizations, l)
		subs := 0
		for _, o := range c.Options {
			if o.Type != discordgo.ApplicationCommandOptionSubCommand {
				continue
			}
			subs++
			fmt.Fprintf(&b, "\n**/%s %s** %s", name, localized(o.Name, &o.NameLocalizations, l), localized(o.Description, &o.DescriptionLocalizations, l))
		}
		if subs == 0 {
			fmt.Fprintf(&b, "\n**/%s** %s", name, localized(c.Description, c.DescriptionLocalizations, l))
		}
	}
	e := &discordgo.MessageEmbed{Title: "startupqa", Description: b.String(), Color: embedColor}
	fitEmbed(e, txtCut.In(l))
	return e
}

// localized is a command's text in l: its zh-CN localization for Chinese.
func localized(en string, locs *map[discordgo.Locale]string, l lang.Lang) string {
	if l == lang.Chinese && locs != nil {
		if s := (*locs)[discordgo.ChineseCN]; s != "" {
			return s
		}
	}
	return en
}

// inScript converts a reply to traditional characters when the question
// was written in them: a member from Taiwan or Hong Kong reads the answer
// in their own script, and one from Taiwan (a zh-TW client, or Taiwan's
// words in the question) in Taiwan's words too.
func (b *Bot) inScript(q string, locale discordgo.Locale, r reply) reply {
	if b.scripts == nil || !b.scripts.IsTraditional(q) {
		return r
	}
	conv := b.scripts.Traditional
	if locale == discordgo.ChineseTW || b.scripts.UsesTaiwanWords(q) {
		conv = b.scripts.TraditionalTaiwan
	}
	r.Content = conv(r.Content)
	for i, e := range r.Embeds {
		c := *e
		c.Title, c.Description = conv(c.Title), conv(c.Description)
		c.Fields = nil
		for _, f := range e.Fields {
			c.Fields = append(c.Fields, &discordgo.MessageEmbedField{Name: conv(f.Name), Value: conv(f.Value), Inline: f.Inline})
		}
		if e.Footer != nil {
			c.Footer = &discordgo.MessageEmbedFooter{Text: conv(e.Footer.Text)}
		}
		fitEmbed(&c, txtCut.In(lang.Chinese))
		r.Embeds[i] = &c
	}
	return r
}
