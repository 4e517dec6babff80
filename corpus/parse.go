package corpus

import (
	"cmp"
	"fmt"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/startupqa/startupqa/words"
)

var (
	// listItem matches "- x", "* x", "+ x", "1. x", "1) x" and "1、x":
	// Chinese text puts no space after "、" or "．".
	listItem = regexp.MustCompile(`^(\s*)([-*+]\s|\d{1,9}[.)]\s|\d{1,9}[．、])\s*(.*)$`)
	// thematicBreak matches a Markdown rule: "---", "***", "_ _ _".
	thematicBreak = regexp.MustCompile(`^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$`)
	// markdownLink matches a link: "[窗口函数](sql/window-functions.md)".
	markdownLink = regexp.MustCompile(`\[[^\]]*\]\([^)]*\)`)
	// leadTerm matches the bold term a list item opens with.
	leadTerm = regexp.MustCompile(`^\*\*\s*([^*]+?)\s*[：:]?\s*\*\*\s*[：:]?\s*(.*)$`)
)

// Parse reads one article. file is the path shown in problems and its base
// name gives the article's slug. Parse never fails: everything wrong with
// the input is returned as problems, and the article holds what could be
// read.
func Parse(file string, data []byte) (*Article, []Problem) {
	_, _, companion := companionOf(path.Base(strings.ReplaceAll(file, `\`, "/")))
	return parseArticle(file, data, companion)
}

// parseArticle parses one article; a companion is read as a translation,
// whose headings must say which sections they translate.
func parseArticle(file string, data []byte, companion bool) (*Article, []Problem) {
	lines := strings.Split(strings.TrimPrefix(string(data), "\uFEFF"), "\n")
	p := parse(file, lines, nil, companion)
	if len(p.unanswered) > 0 {
		// Sections that label their question but not their answer
		// ("**题目：** …" then "**思路：** …"): read again with the text
		// after the question as the answer.
		p = parse(file, lines, p.unanswered, companion)
	}
	if p.art.Skipped != "" && !companion {
		if one := oneQuestion(file, lines, p.art.Title); one != nil {
			p = one
		}
	}
	if t := frontMatterTitle(lines); t != "" && p.art.Title == p.art.Slug {
		p.art.Title = t // a blog post's title, where no heading gives one
	}
	return p.art, p.problems
}

// frontMatterTitle is the title a blog post's front matter gives: YAML's
// "title: …" between "---" lines, TOML's "title = …" between "+++", at
// the top level, quoted or not, folded onto the next line or not.
func frontMatterTitle(lines []string) string {
	end := frontMatterEnd(lines)
	for i := 1; i < end-1; i++ {
		m := frontMatterTitleLine.FindStringSubmatch(strings.TrimRight(lines[i], " \t\r"))
		if m == nil {
			continue
		}
		v := m[1]
		switch {
		case strings.HasPrefix(v, ">") || strings.HasPrefix(v, "|"):
			if i+1 < end-1 && startsWithSpace(lines[i+1]) {
				return strings.TrimSpace(lines[i+1]) // title: >-, then the title
			}
			return ""
		case strings.HasPrefix(v, `"`) || strings.HasPrefix(v, "'"):
			if t, _, ok := strings.Cut(v[1:], v[:1]); ok {
				return strings.TrimSpace(t)
			}
			return strings.TrimSpace(v[1:])
		}
		v, _, _ = strings.Cut(v, " #") // a comment
		return strings.TrimSpace(v)
	}
	return ""
}

var frontMatterTitleLine = regexp.MustCompile(`^title\s*[:=]\s*(.+)$`)

// parse reads the lines of one article. implicitAnswer holds the lines of
// the section headings whose answer follows their question unlabelled.
func parse(file string, lines []string, implicitAnswer map[int]bool, companion bool) *parser {
	p := &parser{
		art:            &Article{Slug: Slug(file), File: file},
		file:           file,
		seen:           map[int]int{},
		chapterSeen:    map[int]int{},
		field:          noField,
		implicitAnswer: implicitAnswer,
	}
	lines = flashCards(foldedAnswers(obsidianCards(setextHeadings(outlineQuestions(exportMarkup(admonitions(lines)))))))
	lines, split := inlineAnswers(lines)
	listLevel := 0
	if !companion {
		lines, p.origin, listLevel, p.art.QuestionList = questionList(lines)
	}
	p.origin = throughOrigin(split, p.origin)
	p.plain = !boldLabels(lines)
	p.labelless = !hasLabels(lines)
	p.wiki = usesWikiLinks(lines)
	p.level, p.unnumbered = sectionLevel(lines, p.plain, p.labelless)
	if p.art.QuestionList {
		p.level, p.unnumbered = listLevel, true
	}
	p.art.FreeForm = p.labelless && !p.art.QuestionList
	if companion {
		// A translation attaches to its original by number, and
		// numbers by position would attach a partial one to the wrong
		// sections: its headings must say which they translate.
		p.unnumbered = false
	}
	p.art.NumberedInOrder = p.unnumbered
	for i, line := range lines {
		p.line = i + 1
		if p.origin != nil {
			p.line = p.origin[i]
		}
		line = strings.TrimSuffix(line, "\r")
		if !utf8.ValidString(line) {
			p.problem(p.line, "invalid UTF-8")
			line = strings.ToValidUTF8(line, "\uFFFD")
		}
		p.feed(line)
	}
	if p.fence != "" {
		p.problem(p.fenceLine, "code fence %s opened here is never closed", p.fence)
	}
	p.endSection()
	if p.hashChapterLine > 0 {
		// Notes that mark chapters with "# " mark the first one so too:
		// it was read as the article's title, and its sections are the
		// first chapter's.
		for _, s := range p.art.Sections {
			if s.Chapter == "" && s.Line < p.hashChapterLine {
				s.Chapter = p.art.Title
			}
		}
	}
	if p.art.restarted {
		for i, s := range p.art.Sections {
			s.Number, s.ID = i+1, fmt.Sprintf("%s/%d", p.art.Slug, i+1)
		}
		p.art.NumberedInOrder = true
	}
	spacedQuestionNumbers(p.art.Sections)
	chapterTitles(p.art.Sections)
	switch {
	case len(p.art.Sections) > 0:
	case p.labelless && len(p.problems) == 0:
		// A table of contents, a sidebar or a daily note beside the
		// articles: nothing in it looks like a question.
		p.art.Skipped = "no heading has text under it, and no line has a label like \"**答案：**\""
		if !p.sawHeading {
			p.art.Skipped = "no section headings, and no line has a label like \"**答案：**\""
		}
	case !p.sawHeading:
		p.problem(1, `no sections: expected headings like "## 1. 什么是大模型？"`)
	case p.labelless:
		p.problem(1, `no sections: no heading has text under it, and no line has a label like "**答案：**"`)
	}
	if p.art.Title == "" {
		p.art.Title = p.art.Slug
	}
	return p
}

// Slug turns a file name into the article slug used in section ids:
// "articles/LLM Startup.md" → "llm-startup".
func Slug(file string) string {
	base := path.Base(strings.ReplaceAll(file, `\`, "/"))
	return slugify(strings.TrimSuffix(base, path.Ext(base)))
}

// slugify lowercases a name and turns its spaces, underscores and slashes
// into hyphens.
func slugify(name string) string {
	name = strings.ToLower(strings.TrimSpace(name))
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '_' || r == '/' {
			return '-'
		}
		return r
	}, name)
}

type parser struct {
	art      *Article
	file     string
	line     int
	problems []Problem

	level      int  // heading level of sections, see sectionLevel
	unnumbered bool // sections are numbered in order, see sectionLevel
	plain      bool // the article's labels are not bold, see boldLabels
	quoted     bool // inside a quote a label opened: "> **题目：** …"
	// labelless is true for notes with no labels at all: a heading and
	// the text under it are a question and its answer.
	labelless bool
	// unnumberedHeading is the heading of the current section when, in
	// numbered free-form notes, it has no number: reported if text
	// follows it.
	unnumberedHeading string
	dict              *words.Chinese // tells a misspelt label from a word (isWord); made when first needed
	sec               *Section
	sawHeading        bool
	// brokenHeading is true after a section heading that could not be
	// read, whose problem covers the labels under it.
	brokenHeading bool
	seen          map[int]int // section number → line of its heading
	// chapterSeen is seen for the current chapter, by the numbers as
	// written, which may start again in each chapter (see
	// Article.restarted); numberAsWritten is the current section's.
	chapterSeen     map[int]int
	numberAsWritten int
	// chapters are the headings above the sections' level that the
	// current section sits under, by level (see enterChapter).
	chapters [7]string
	// hashChapterLine is the line of the first "# " chapter after the
	// title, 0 when there is none.
	hashChapterLine int
	// plainAnswer is the first answer label of the section typed plainly
	// ("答：") in an article whose labels are bold, which reads it as
	// text; plainAnswerLine is its line.
	plainAnswer     string
	plainAnswerLine int
	// indentedCode is true inside a code block indented four spaces,
	// codeBlanks the blank lines in it not yet written (those at its end
	// are not its).
	indentedCode bool
	codeBlanks   int

	fence     string // the open code fence ("```"), "" outside one
	fenceLine int
	verbatim  verbatim

	// implicitAnswer holds the heading lines of sections whose answer
	// follows the question without a label: the question's first
	// paragraph ends it. unanswered collects such sections in a first
	// pass.
	wiki bool // the notes link with [[…]] (see usesWikiLinks)
	// origin is the line of the file each line read comes from, when
	// a list of questions was rewritten with more lines (see
	// questionList); nil when each line is its own.
	origin []int

	implicitAnswer map[int]bool
	unanswered     map[int]bool
	misspelt       bool // the section has a misspelt or unbolded label: its 答案, perhaps
	questionRunsOn bool // a bold lead or code follows the question

	field      field
	fieldLines map[field]int // line each field of the current section started
	text       map[field]*textBuilder
	answer     answerBuilder
}

func (p *parser) problem(line int, format string, args ...any) {
	p.problems = append(p.problems, Problem{File: p.file, Line: line, Message: fmt.Sprintf(format, args...)})
}

func (p *parser) feed(line string) {
	if p.quoted {
		// The lines of a quote a label opened, code and later labels
		// included, lose their marker; a blank line ends the quote.
		if l, ok := unquote(line); ok {
			line = l
		} else if strings.TrimSpace(line) == "" {
			p.quoted = false
		}
	}
	trimmed := strings.TrimSpace(line)
	if p.feedVerbatim(line, trimmed) {
		return
	}
	if thematicBreak.MatchString(trimmed) {
		// "---" between sections is a rule, not text of the analysis
		// above it.
		p.addText("", true)
		return
	}
	var label, rest string
	var sh shape
	var marked bool
	if p.labelless {
		// Free-form notes have no labels: but for an aliases line,
		// what looks like one is text.
		if p.feedFreeForm(line, trimmed) {
			return
		}
	} else {
		label, rest, sh, marked = readLabel(trimmed, p.plain)
	}
	if marked && sh == headingShape {
		if p.headingLabelFits(label, trimmed) {
			f, _ := lookupLabel(label)
			p.labelled(f, label, rest)
			return
		}
		marked = false
	}
	if strings.HasPrefix(trimmed, "# ") && p.level != 1 && !p.indentedText(line) {
		p.title(strings.TrimSpace(trimmed[2:]))
		return
	}
	l := headingLevel(trimmed)
	if l > 0 && p.indentedText(line) {
		l = 0 // "    ## 安装" in an indented code block
	}
	switch {
	case l == p.level:
		p.heading(trimmed)
		return
	case l >= 2 && l < p.level:
		// A chapter above the sections: it ends the section before it,
		// and its text, like a preface, belongs to no section.
		p.endSection()
		p.brokenHeading = false
		p.enterChapter(l, trimmed)
		return
	case l > p.level && p.sec != nil:
		p.subheading(trimmed)
		return
	}
	if label, rest, ok := parsePlainLabel(trimmed); ok && p.plain && !p.labelless && p.sec != nil && trimmed == line {
		if f, _ := lookupLabel(label); p.plainLabelFits(f, label) {
			p.labelled(f, label, rest)
			return
		}
	} else if ok && !p.plain && !p.labelless && p.sec != nil && trimmed == line {
		f, _ := lookupLabel(label)
		if f == answerField && p.field == questionField && !isExamLabel(label) {
			// "答案：…" typed plainly where the labels are bold: the
			// answer is there, unread, and not the text after it.
			p.misspelt = true
		}
		if f == answerField && p.plainAnswer == "" && wordLabel(label) {
			p.plainAnswer, p.plainAnswerLine = label, p.line
		}
	}
	if marked {
		f, known := lookupLabel(label)
		switch {
		case !known:
			if near := nearLabel(label); near != "" && !p.isWord(label) {
				p.problem(p.line, "unknown label %q: did you mean %q?", label, near)
				p.misspelt = true
			} else {
				p.answerFollows() // "**思路：**" under a question with no 答案
			}
		case sh == boldShape:
			if !isExamLabel(label) || p.fitsInOrder(f) {
				p.labelled(f, label, rest)
			} else {
				p.addText(line, true) // an exchange quoted in an answer
			}
			return
		case (sh == bracketShape || sh == itemShape || sh == quoteShape) && p.plainLabelFits(f, label):
			p.labelled(f, label, rest)
			p.quoted = p.quoted || sh == quoteShape
			return
		}
	}
	p.addText(line, true)
}

// feedFreeForm reads a line of notes with no labels: everything is text
// of the section's answer, but an aliases line, which names the topic's
// other names.
func (p *parser) feedFreeForm(line, trimmed string) bool {
	label, rest, _, ok := readLabel(trimmed, true)
	if !ok {
		label, rest, ok = parsePlainLabel(trimmed)
	}
	if f, _ := lookupLabel(label); ok && f == aliasField && p.sec != nil {
		p.text[aliasField].add(rest)
		p.text[aliasField].add("")
		return true
	}
	return false
}

// isWord reports whether a bold lead that looks like a label is a word
// of its own: 例题, 解决 and 分类 are one letter from 问题, 解析 and 分析,
// and are points of an answer, while 答按 is 答案 misspelt.
func (p *parser) isWord(lead string) bool {
	if p.dict == nil {
		p.dict = words.NewChinese()
	}
	_, ok := p.dict.Lookup(lead)
	return ok
}

// headingLabelFits reports whether a heading that is a label ("### 答案")
// starts its field here: where the label fits (see plainLabelFits), and,
// for a heading that goes on after the label ("### 解析：常考。"), only
// under the sections' level, where it cannot be a section's title ("##
// 问题：什么是缓存穿透？").
func (p *parser) headingLabelFits(label, trimmed string) bool {
	_, _, exact, _ := parseHeadingLabel(trimmed)
	f, _ := lookupLabel(label)
	return (exact || headingLevel(trimmed) > p.level) && p.plainLabelFits(f, label)
}

// subheading adds a heading inside a section as a paragraph of its own,
// in bold as a reply shows it, not as the start of the text under it.
func (p *parser) subheading(trimmed string) {
	p.addText("", true)
	t := headingText(trimmed)
	if inner, ok := strings.CutPrefix(t, "**"); ok {
		if inner, ok = strings.CutSuffix(inner, "**"); ok && !strings.Contains(inner, "**") {
			t = strings.TrimSpace(inner) // "### **要点**" is bold already
		}
	}
	if t != "" {
		p.addText("**"+t+"**", true)
	}
	p.addText("", true)
}

// feedVerbatim takes the lines of code blocks and tables, which keep
// their lines and hold no headings, labels or list items, and reports
// whether it took this one.
func (p *parser) feedVerbatim(line, trimmed string) bool {
	if p.indentedCode {
		switch {
		case trimmed == "":
			p.codeBlanks++
			return true
		case codeIndented(line):
			for ; p.codeBlanks > 0; p.codeBlanks-- {
				p.verbatim.add("")
			}
			p.verbatim.add(dedent(line, 4))
			return true
		}
		blank := p.codeBlanks > 0
		p.closeIndentedCode()
		if blank {
			p.addText("", true)
		}
	}
	if p.fence == "" && p.field == answerField && p.sec != nil && p.answer.blank && trimmed != "" && codeIndented(line) && p.answer.openItem() == nil {
		// A block indented four spaces after a blank line is code, as
		// Markdown renders it: shown as a fenced block, its lines kept.
		// Inside a fence, indented lines are the fence's code.
		p.startVerbatim("```", false)
		p.verbatim.add(dedent(line, 4))
		p.indentedCode = true
		return true
	}
	if p.fence != "" {
		p.verbatim.add(line)
		if ClosesFence(trimmed, p.fence) {
			p.fence = ""
			p.endVerbatim()
		}
		return true
	}
	if fence := FenceOpening(trimmed); fence != "" {
		p.openFence(fence, line)
		return true
	}
	if p.verbatim.table {
		if isTableRow(trimmed) {
			p.verbatim.add(line)
			return true
		}
		p.endVerbatim()
	}
	if isTableRow(trimmed) {
		p.startVerbatim(line, true)
		return true
	}
	if p.field == answerField && p.sec != nil {
		// "- ```bash": a list item that is a code block.
		if m := listItem.FindStringSubmatch(line); m != nil {
			if fence := FenceOpening(strings.TrimSpace(m[3])); fence != "" {
				p.answer.add(m[1]+m[2], true)
				p.fence, p.fenceLine = fence, p.line
				p.verbatim.start(p.answer.openItem(), strings.TrimSpace(m[3]), false)
				return true
			}
		}
	}
	return false
}

// closeIndentedCode ends an indented code block with the fence it is
// shown with.
func (p *parser) closeIndentedCode() {
	if !p.indentedCode {
		return
	}
	p.verbatim.add("```")
	p.indentedCode, p.codeBlanks = false, 0
	p.endVerbatim()
}

// codeIndented reports whether a line is indented as code: four spaces or
// a tab.
func codeIndented(line string) bool {
	return strings.HasPrefix(line, "    ") || strings.HasPrefix(line, "\t")
}

// plainLabelFits reports whether a label typed without bold starts field
// f here: in order (see fitsInOrder), and for the analysis only under a
// name that says so (解析, 答案解析, 详解), since a paragraph of an answer
// may well open with "分析：" or "解释：".
func (p *parser) plainLabelFits(f field, label string) bool {
	if f == analysisField {
		switch strings.ToLower(label) {
		case "解析", "答案解析", "详解", "詳解", "analysis":
		default:
			return false
		}
	}
	return p.fitsInOrder(f)
}

// fitsInOrder reports whether field f may start here for a label that
// counts only where it fits (typed without bold, or an exam paper's 问,
// 答, 点评 …): in a section, in the order the parts come in (题目, 别名,
// 答案, 解析), each once. Elsewhere such a label is text, so that an answer
// may quote an exchange ("**问：** 为什么不用数据库？ **答：** 太慢。").
func (p *parser) fitsInOrder(f field) bool {
	if p.sec == nil || p.fieldLines[f] != 0 {
		return false
	}
	switch f {
	case questionField, aliasField:
		return p.field == noField || (f == aliasField && p.field == questionField)
	case answerField:
		// Right under the heading too: the heading may be the
		// question ("## 3. 什么是缓存穿透？" then "答：…").
		return p.field == questionField || p.field == aliasField || (p.field == noField && p.fieldLines[questionField] == 0)
	case analysisField:
		return p.field == answerField
	}
	return false
}

// labelled starts field f with the text after its label, which may open
// a code block: "**答案：** ```bash".
func (p *parser) labelled(f field, label, rest string) {
	p.startField(f, label)
	if fence := FenceOpening(strings.TrimSpace(rest)); fence != "" {
		p.openFence(fence, strings.TrimSpace(rest))
		return
	}
	p.addText(rest, false)
}

// endVerbatim ends a code block or a table; text that continues the
// answer after it starts on a line of its own.
func (p *parser) endVerbatim() {
	p.verbatim.end()
	p.answer.resetJoin()
}

// openFence starts a fenced block whose first line is line.
func (p *parser) openFence(fence, line string) {
	p.fence, p.fenceLine = fence, p.line
	p.startVerbatim(line, false)
}

// startVerbatim opens a fenced block or a table as a new paragraph of the
// current field, or, indented under a list item of the answer, as part of
// that item; outside a field its lines are dropped like other text.
func (p *parser) startVerbatim(line string, table bool) {
	if p.sec == nil {
		return
	}
	p.answerFollows()
	switch p.field {
	case answerField:
		if item := p.answer.openItem(); item != nil && startsIndented(line) {
			p.verbatim.start(item, line, table)
			return
		}
		p.verbatim.start(p.answer.newParagraph(), line, table)
	case noField, questionField, analysisField:
		p.verbatim.start(p.text[p.field].newParagraph(), line, table)
	}
}

// titleTags matches the tags Obsidian notes put after their title ("#
// C++ 卡片 #flashcards #面试"); C# keeps its sharp, having no space before it.
var titleTags = regexp.MustCompile(`(?:\s+#[^\s#]+)+\s*$`)

// indentedText reports whether an indented line is text rather than a
// heading: four spaces or a tab make an indented code block (a shell
// comment, "    # 更新软件源"), and an indent under an open list item as
// deep as the item's text (two spaces under "- ") makes the item's text.
func (p *parser) indentedText(line string) bool {
	indent := len(line) - len(strings.TrimLeft(line, " "))
	return indent >= 4 || strings.HasPrefix(line, "\t") || (p.answer.openItem() != nil && indent >= p.answer.indent+2)
}

func (p *parser) title(t string) {
	if p.art.Title == "" && !p.sawHeading {
		p.art.Title = cmp.Or(titleTags.ReplaceAllString(t, ""), t)
		return
	}
	// Notes mark chapters with "# " as well as the title (# 第一部分
	// 网络, # 第二部分 数据库): a chapter ends the section above it.
	p.endSection()
	p.brokenHeading = false
	p.enterChapter(1, "# "+t)
	if p.hashChapterLine == 0 && p.art.Title != "" {
		p.hashChapterLine = p.line
	}
}

func (p *parser) heading(line string) {
	p.endSection()
	p.quoted = false
	p.sawHeading = true
	n, raw, title, ok := sectionNumber(line)
	if p.unnumbered {
		n, raw, title, ok = len(p.seen)+1, "", unnumberedTitle(line), true
	}
	if !ok && p.labelless {
		// A heading without a number among numbered ones may be a
		// divider ("## 参考资料"); it is a problem only if text follows.
		p.sec = &Section{File: p.file, Line: p.line}
		p.startSection()
		p.unnumberedHeading = line
		return
	}
	p.brokenHeading = !ok || n == 0
	if !ok {
		p.problem(p.line, `section heading without a number: want "%s N. title", got %q`, strings.Repeat("#", p.level), line)
		return
	}
	if n == 0 {
		p.problem(p.line, "section number %s is not a positive whole number", raw)
		return
	}
	if title == "" {
		p.problem(p.line, "section %d has no title", n)
	}
	p.numberAsWritten = n
	_, earlier := p.seen[n]
	switch first, dup := p.chapterSeen[n]; {
	case dup:
		p.problem(p.line, "duplicate section number %d (first at line %d)", n, first)
	case earlier || p.art.restarted:
		// Each chapter numbered on its own: a number for now that no
		// section has, and positions at the end.
		p.chapterSeen[n] = p.line
		p.art.restarted = true
		n = slices.Max(slices.Collect(maps.Keys(p.seen))) + 1
		p.seen[n] = p.line
	default:
		p.chapterSeen[n] = p.line
		p.seen[n] = p.line
	}
	p.sec = &Section{
		ID:          fmt.Sprintf("%s/%d", p.art.Slug, n),
		ArticleSlug: p.art.Slug,
		Number:      n,
		Title:       title,
		Chapter:     p.chapter(),
		File:        p.file,
		Line:        p.line,
	}
	p.startSection()
}

// startSection empties the fields for the section p.sec; in free-form
// notes, the text under the heading is its answer.
func (p *parser) startSection() {
	p.field = noField
	p.fieldLines = map[field]int{}
	p.text = map[field]*textBuilder{noField: {}, questionField: {}, analysisField: {}, aliasField: {}}
	p.answer = answerBuilder{}
	p.misspelt, p.questionRunsOn = false, false
	p.plainAnswer, p.plainAnswerLine = "", 0
	if p.labelless {
		p.field, p.fieldLines[answerField] = answerField, p.line
	}
}

func (p *parser) startField(f field, label string) {
	if p.sec == nil {
		if !p.brokenHeading { // else the broken heading above is the problem
			p.problem(p.line, "label %q outside any section", label)
		}
		p.field = noField
		return
	}
	if first, dup := p.fieldLines[f]; dup {
		p.problem(p.line, "section %d has a second %s (first at line %d)", p.numberAsWritten, f.name(), first)
	} else {
		p.fieldLines[f] = p.line
	}
	p.field = f
}

func (p *parser) addText(line string, raw bool) {
	if p.sec == nil {
		return // text before the first section is the article's preface
	}
	line = tidyLinks(line, p.wiki)
	switch p.field {
	case answerField:
		p.answer.add(line, raw)
	case noField, questionField, analysisField, aliasField:
		// Text under the heading before any label is kept in case it
		// is the question typed without one.
		p.text[p.field].add(line)
	}
}

// onlyLinks reports whether an answer is nothing but links or to-dos, as
// under a table of contents' headings or a page's to-do list: lists whose
// every item opens with a link ("- [窗口函数](sql/window-functions.md) ——
// 排名函数…") or is a to-do ("- [ ] 复习"), and short lines around links
// ("返回 [README](README.md)"). Such a heading is a divider, not a
// question.
func onlyLinks(a Answer) bool {
	if a.IsEmpty() {
		return false
	}
	for _, b := range a.Blocks {
		if b.Kind == List {
			// Each entry opens with its link (what follows describes
			// it), or is a to-do.
			for _, it := range b.Items {
				t := it.String()
				if loc := markdownLink.FindStringIndex(t); (loc == nil || loc[0] != 0) && !strings.HasPrefix(t, "[ ]") && !strings.HasPrefix(strings.ToLower(t), "[x]") {
					return false
				}
			}
			continue
		}
		rest := markdownLink.ReplaceAllString(strings.TrimSpace(b.Text), "")
		if !markdownLink.MatchString(b.Text) || utf8.RuneCountInString(strings.Trim(rest, " -—–·|：:")) > 24 {
			return false
		}
	}
	return true
}

// answerFollows ends a question that is its section's only label where a
// bold lead ("**思路：**") or code follows it: what follows is the
// answer. In the first pass it only notes that the question ran on.
func (p *parser) answerFollows() {
	if p.sec == nil || p.field != questionField || p.text[questionField].empty() {
		return
	}
	if p.implicitAnswer == nil {
		p.questionRunsOn = true
		return
	}
	if p.implicitAnswer[p.sec.Line] {
		p.field = answerField
		p.fieldLines[answerField] = p.line
	}
}

func (p *parser) endSection() {
	p.closeIndentedCode()
	s := p.sec
	if s == nil {
		return
	}
	p.sec = nil
	s.Question = withoutTags(htmlBreaks(p.text[questionField].String()))
	s.Analysis = htmlBreaks(p.text[analysisField].String())
	s.Aliases = splitAliases(p.text[aliasField].String())
	s.Answer = p.answer.finish()
	if p.labelless && (s.Answer.IsEmpty() || onlyLinks(s.Answer)) {
		// A heading without text in free-form notes is a divider, and
		// leaves its number to the next section.
		if p.seen[s.Number] == s.Line {
			delete(p.seen, s.Number)
			delete(p.chapterSeen, p.numberAsWritten)
		}
		p.unnumberedHeading = ""
		return
	}
	if h := p.unnumberedHeading; h != "" {
		p.unnumberedHeading = ""
		p.problem(s.Line, `section heading without a number: want "%s N. title", got %q`, strings.Repeat("#", p.level), h)
		return
	}
	if _, ok := p.fieldLines[questionField]; !ok && (s.Title != "" || p.text[noField].String() != "") {
		// Notes often ask the question in the heading
		// ("## 3. 什么是缓存穿透？") and label only the answer, or type
		// it under the heading without a label.
		s.Question = cmp.Or(p.text[noField].String(), s.Title)
		if p.art.QuestionList && p.text[noField].String() != "" {
			// A listed question's own line is its title; what follows
			// it before the answer (a snippet, a second line) adds
			// to it.
			s.Question = s.Title + "\n\n" + htmlBreaks(p.text[noField].String())
		}
	} else if !ok {
		p.problem(s.Line, "section %d has no %s", p.numberAsWritten, questionField.name())
	} else if s.Question == "" {
		p.problem(p.fieldLines[questionField], "section %d has an empty %s", p.numberAsWritten, questionField.name())
	}
	if onlyQuestionNumber(s.Title) && s.Question != "" && s.Question != s.Title {
		// "### 第1题" names no topic; its question does.
		s.Title, _, _ = strings.Cut(s.Question, "\n")
	}
	if _, ok := p.fieldLines[answerField]; !ok && p.fieldLines[questionField] != 0 && p.questionRunsOn && !p.misspelt && p.implicitAnswer == nil {
		if p.unanswered == nil {
			p.unanswered = map[int]bool{}
		}
		p.unanswered[s.Line] = true
	} else if !ok && p.plainAnswer != "" {
		colon := "："
		if p.plainAnswer[0] < utf8.RuneSelf {
			colon = ":" // Answer:
		}
		p.problem(p.plainAnswerLine, "section %d has no %s: %q is typed plainly here, and this article marks its labels in bold; write **%s%s**",
			p.numberAsWritten, answerField.name(), p.plainAnswer+colon, p.plainAnswer, colon)
	} else if !ok {
		p.problem(s.Line, "section %d has no %s", p.numberAsWritten, answerField.name())
	} else if s.Answer.IsEmpty() {
		p.problem(p.fieldLines[answerField], "section %d has an empty %s", p.numberAsWritten, answerField.name())
	}
	if !p.labelless {
		s.moveNotes()
	}
	if p.seen[s.Number] == s.Line {
		p.art.Sections = append(p.art.Sections, s)
	}
}

// textBuilder collects the lines of a question or an analysis: lines join
// into paragraphs, blank lines separate paragraphs.
type textBuilder struct {
	paras []string
	open  bool
	join  joiner
}

func (t *textBuilder) add(line string) {
	line = strings.TrimSpace(line)
	if line == "" {
		t.open = false
		return
	}
	if t.open {
		t.join.join(&t.paras[len(t.paras)-1], line)
		return
	}
	t.paras = append(t.paras, line)
	t.open = true
}

// newParagraph ends the open paragraph and returns the text of a new one.
func (t *textBuilder) newParagraph() *string {
	t.paras = append(t.paras, "")
	t.open = false
	return &t.paras[len(t.paras)-1]
}

func (t *textBuilder) String() string { return strings.Join(t.paras, "\n\n") }

// empty reports whether the text has no more than blanks, without joining it.
func (t *textBuilder) empty() bool {
	for _, p := range t.paras {
		if strings.TrimSpace(p) != "" {
			return false
		}
	}
	return true
}

// answerBuilder collects an answer's paragraphs and lists.
type answerBuilder struct {
	blocks []Block
	// open is true while the last block may still grow: a paragraph
	// without a blank line after it, or a list (whose items take indented
	// and lazy continuation lines).
	open   bool
	blank  bool // the previous line was blank
	indent int  // indent of the list's last top-level item
	join   joiner
	// breakNext puts the next continuation on a new line: the text before
	// it ends with a code block or a table.
	breakNext bool
	// nested is true once the last top-level item took a nested one.
	nested bool
}

func (a *answerBuilder) add(line string, raw bool) {
	if strings.TrimSpace(line) == "" {
		a.blank = true
		if n := len(a.blocks); n > 0 && a.blocks[n-1].Kind == Paragraph {
			a.open = false
		}
		return
	}
	defer func() { a.blank = false }()
	if m := listItem.FindStringSubmatch(line); m != nil && raw {
		indent := len(strings.ReplaceAll(m[1], "\t", "    "))
		marker, text := m[2], strings.TrimSpace(m[3])
		ordered := marker[0] >= '0' && marker[0] <= '9'
		last := a.last()
		if last != nil && last.Kind == List && a.open && indent >= a.indent+2 {
			// A nested item belongs to the item it is indented under,
			// as a point of its own: 需要：大量算力；GPU.
			dst := &last.Items[len(last.Items)-1].Text
			if !a.breakNext {
				a.join.punctuate(dst, nestedSeparator(*dst, text, !a.nested))
			}
			a.continueText(dst, text)
			a.nested = true
			return
		}
		if last == nil || last.Kind != List || !a.open || last.Ordered != ordered {
			a.blocks = append(a.blocks, Block{Kind: List, Ordered: ordered})
			last = a.last()
		}
		last.Items = append(last.Items, parseItem(text))
		a.open, a.indent, a.breakNext, a.nested = true, indent, false, false
		return
	}
	text := strings.TrimSpace(line)
	last := a.last()
	if q, ok := quoteLine(text); ok && raw && !startsIndented(line) {
		// A quote is a paragraph of its own, its lines joined without
		// their markers: "> [!warning] 踩坑" then "> 中间值会溢出".
		// A quoted list keeps its items apart ("> 1. 分配内存", "> 2. …"):
		// each is a quoted line of its own.
		// A callout's title is a line of its own ("**答案**", then what
		// it says), not the start of its first sentence.
		titled := calloutLine.MatchString(text) && q != ""
		if last != nil && a.open && last.Kind == Paragraph && strings.HasPrefix(last.Text, ">") && !listItem.MatchString(q) {
			if q != "" {
				a.continueText(&last.Text, q)
			}
			a.breakNext = a.breakNext || titled
			return
		}
		a.blocks = append(a.blocks, Block{Kind: Paragraph, Text: strings.TrimSpace("> " + q)})
		a.open, a.breakNext = true, titled
		return
	}
	if last != nil && a.open {
		switch {
		case last.Kind == Paragraph:
			if endsClause(last.Text) && hasWide(text) {
				// Chinese notes break a paragraph's lines where they
				// mean to (a term and its definition a line), not to
				// wrap it: a line that ends a sentence stays a line.
				a.breakNext = true
			}
			a.continueText(&last.Text, text)
			return
		case last.Kind == List && (!a.blank || startsIndented(line)):
			a.continueText(&last.Items[len(last.Items)-1].Text, text)
			return
		}
	}
	a.blocks = append(a.blocks, Block{Kind: Paragraph, Text: text})
	a.open, a.breakNext = true, false
}

// openItem returns the text of the last item of an open list, nil when
// the answer is not in a list.
func (a *answerBuilder) openItem() *string {
	last := a.last()
	if last == nil || last.Kind != List || !a.open || len(last.Items) == 0 {
		return nil
	}
	return &last.Items[len(last.Items)-1].Text
}

// resetJoin forgets the text the joiner grew last, which a code block or
// a table may have changed since, and puts the next line that continues
// that text on a line of its own: after a closing fence, not on it.
func (a *answerBuilder) resetJoin() { a.join, a.breakNext = joiner{}, true }

// continueText appends a continuation line to dst.
func (a *answerBuilder) continueText(dst *string, text string) {
	if a.breakNext {
		// Through the joiner, whose buffer must hold what *dst holds.
		a.join.punctuate(dst, "\n"+text)
		a.breakNext = false
		return
	}
	a.join.join(dst, text)
}

// newParagraph ends the open block and returns the text of a new
// verbatim paragraph.
func (a *answerBuilder) newParagraph() *string {
	a.blocks = append(a.blocks, Block{Kind: Paragraph, Verbatim: true})
	a.open = false
	return &a.blocks[len(a.blocks)-1].Text
}

func (a *answerBuilder) last() *Block {
	if len(a.blocks) == 0 {
		return nil
	}
	return &a.blocks[len(a.blocks)-1]
}

// finish returns the answer, its HTML line breaks ("a<br>b", which notes
// pasted from tables and web pages carry) made line breaks.
func (a *answerBuilder) finish() Answer {
	for i := range a.blocks {
		b := &a.blocks[i]
		if !b.Verbatim {
			b.Text = htmlBreaks(b.Text)
		}
		for j := range b.Items {
			b.Items[j].Text = htmlBreaks(b.Items[j].Text)
		}
	}
	return Answer{Blocks: a.blocks}
}

// htmlBreaks turns "<br>" and "<br/>" into line breaks, without the spaces
// around them; in code (`<br>` 和 `<p>` 的区别) they are what they say.
func htmlBreaks(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	parts := strings.Split(s, "`")
	for i := 0; i < len(parts); i += 2 { // outside code spans
		parts[i] = spacedLineBreak.ReplaceAllString(parts[i], "\n")
	}
	return strings.TrimSpace(strings.Join(parts, "`"))
}

// spacedLineBreak is lineBreak with the spaces around it.
var spacedLineBreak = regexp.MustCompile(`[ \t]*(?i:<br\s*/?>)[ \t]*`)

func startsIndented(line string) bool {
	return strings.HasPrefix(line, "  ") || strings.HasPrefix(line, "\t")
}

func parseItem(text string) Item {
	if m := leadTerm.FindStringSubmatch(text); m != nil {
		return Item{Lead: m[1], Text: m[2]}
	}
	// An answer written as a checklist: "[x] **原子性：** 要么全做".
	if box := taskBox.FindString(text); box != "" {
		if m := leadTerm.FindStringSubmatch(text[len(box):]); m != nil {
			return Item{Lead: m[1], Text: m[2]}
		}
	}
	return Item{Text: text}
}

// taskBox matches a to-do's box at the start of a list item: "[ ] ", "[x] ".
var taskBox = regexp.MustCompile(`^\[[ xX]\]\s+`)

// joiner joins lines of one paragraph the way Markdown renders them: with a
// space between words, with nothing between Chinese characters. It keeps
// the text it last grew in a strings.Builder, so that a paragraph of n
// lines costs O(n) rather than the O(n²) of *dst += line on every line.
type joiner struct {
	dst *string
	buf strings.Builder
}

// join appends line to *dst.
func (j *joiner) join(dst *string, line string) {
	if j.dst != dst {
		j.dst, j.buf = dst, strings.Builder{}
		j.buf.WriteString(*dst)
	}
	if j.buf.Len() > 0 {
		last, _ := utf8.DecodeLastRuneInString(j.buf.String())
		first, _ := utf8.DecodeRuneInString(line)
		if !isWide(last) && !isWide(first) {
			j.buf.WriteByte(' ')
		}
	}
	j.buf.WriteString(line)
	*dst = j.buf.String()
}

// punctuate appends p to *dst as it is, with no space before it.
func (j *joiner) punctuate(dst *string, p string) {
	if p == "" {
		return
	}
	if j.dst != dst {
		j.dst, j.buf = dst, strings.Builder{}
		j.buf.WriteString(*dst)
	}
	j.buf.WriteString(p)
	*dst = j.buf.String()
}

// nestedSeparator is what joins a nested list item to the text of the
// item it is indented under: a colon before the first (需要：大量算力),
// a semicolon before the next (大量算力；GPU), and nothing after text
// that ends in punctuation of its own (a sentence, a colon) or is empty.
// Run together, two points would read as one sentence.
func nestedSeparator(text, item string, first bool) string {
	last, _ := utf8.DecodeLastRuneInString(text)
	if text == "" || strings.ContainsRune("。！？；：，、.!?;:,", last) {
		return ""
	}
	next, _ := utf8.DecodeRuneInString(item)
	wide := isWide(last) || isWide(next)
	switch {
	case first && wide:
		return "："
	case first:
		return ":"
	case wide:
		return "；"
	default:
		return ";"
	}
}

// endsClause reports whether text ends with Chinese punctuation that ends
// a sentence or opens what follows: 。！？；：.
func endsClause(text string) bool {
	r, _ := utf8.DecodeLastRuneInString(text)
	return strings.ContainsRune("。！？；：", r)
}

// hasWide reports whether text holds Chinese (or other wide) characters:
// a line of Chinese notes, though it may open with a term (TCP：…) or
// markup (**过拟合**：…).
func hasWide(text string) bool {
	for _, r := range text {
		if isWide(r) {
			return true
		}
	}
	return false
}

// isWide reports whether r is written without spaces around it: Han
// characters, kana, hangul and full-width punctuation.
func isWide(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}

// splitAliases splits an aliases line at the separators authors use:
// "LLM、large language model，大语言模型".
func splitAliases(line string) []string {
	var out []string
	for _, a := range strings.FieldsFunc(line, func(r rune) bool {
		return strings.ContainsRune("、,，;；/|\n", r)
	}) {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}
