// Package corpus parses and validates startupqa's study material: Markdown
// articles of interview-style questions, each section holding a question
// (题目), an answer (答案) and an analysis (解析). It reads them in the
// shapes a group's own notes take too: labels in brackets, as headings,
// list items or quotes, a heading that is the question, and free-form
// notes with no labels at all, in folders by subject.
//
// The package knows nothing about search or Discord. It turns files into
// typed sections whose answers keep their structure (paragraphs, lists and
// the bold lead term of each list item), because the reply formatter renders
// that structure and the challenge grader uses list items as key points.
package corpus

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Corpus is a validated set of articles.
type Corpus struct {
	Articles []*Article
	// Sections holds every section of every article, in article order
	// (articles sorted by file name) and then in file order.
	Sections []*Section
	// Skipped holds the files that hold no questions and no labels (a
	// table of contents, a sidebar, a daily note), each with its
	// Article.Skipped reason: notes kept in a repository or a vault
	// have them beside the articles, and they are not mistakes.
	Skipped []*Article

	byID map[string]*Section
	hash string
}

// Section returns the section with the given id ("<slug>/<N>").
func (c *Corpus) Section(id string) (*Section, bool) {
	s, ok := c.byID[id]
	return s, ok
}

// SectionNumber returns section n of the first article that has one:
// with a single article, as in the built-in corpus, the number is all a
// reader knows.
func (c *Corpus) SectionNumber(n int) (*Section, bool) {
	for _, s := range c.Sections {
		if s.Number == n {
			return s, true
		}
	}
	return nil, false
}

// Hash identifies the exact content the corpus was loaded from: file names
// and bytes. An index built from a corpus with the same hash can be reused.
func (c *Corpus) Hash() string { return c.hash }

// Article is one Markdown file.
type Article struct {
	// Slug comes from the file name ("llm-startup.md" → "llm-startup"), and
	// its folders' where another folder holds a file of the same name
	// (网络/基础.md → 网络-基础); it prefixes the ids of the article's
	// sections.
	Slug string
	// File is the path the article was read from, as shown in messages.
	File     string
	Title    string
	Sections []*Section
	// FreeForm is true for notes with no labels, read as headings and
	// the text under them; NumberedInOrder for an article whose section
	// headings carry no numbers, or number each chapter's sections anew,
	// numbered in the order they come. `startupqa check` says so, since
	// ids then move when a section is inserted.
	FreeForm, NumberedInOrder bool
	// restarted is true for an article whose chapters number their
	// sections anew (1, 2, 3, then 1, 2): its sections are numbered by
	// position, and a translation of it attaches by position.
	restarted bool
	// Encoding is "GB18030" for a file saved in GBK or GB18030 rather
	// than UTF-8, "Big5" for one saved in Big5, read all the same; "" for
	// UTF-8.
	Encoding string
	// Skipped says why a file holds no notes to answer from, when it has
	// no section and nothing that looks like one (no label, no heading
	// with text under it): Load leaves it out instead of refusing the
	// corpus. "" for an article.
	Skipped string
	// QuestionList is true for notes that list their questions under
	// chapter headings ("**Q：…**" and "A：…", or numbered bold
	// questions) rather than give each a heading: each question and its
	// answer is a section.
	QuestionList bool
	// OneQuestion is true for a file kept for one question, with no
	// section headings: its title, its front matter's or its name asks
	// the question (or its first line does), its text is the answer.
	OneQuestion bool
}

// Section is one "## N. title" block of an article.
type Section struct {
	// ID is "<article slug>/<N>". It depends only on the file name and the
	// section's own number, so editing other sections never changes it,
	// unless the article's sections are numbered in order (see
	// Article.NumberedInOrder) or a file of the same name is added in
	// another folder (see Article.Slug).
	ID           string
	ArticleSlug  string
	ArticleTitle string
	Number       int
	// Title is the heading without its number: "什么是大模型？".
	Title string
	// Chapter is the heading above the sections' level that the section
	// sits under: 缓存穿透 for "### 怎么解决" under "## 缓存穿透". Notes
	// that split a topic into aspects name the topic there only; where
	// their titles repeat under two chapters, Title starts with the
	// chapter too ("缓存穿透 › 怎么解决").
	Chapter  string
	Question string
	Answer   Answer
	Analysis string
	// Aliases are other names of the section's topic, from an optional
	// "**别名：**" line: "LLM、large language model、大语言模型". The index
	// matches them with a boost.
	Aliases []string
	File    string
	Line    int // line of the "## N." heading
	// Lang is "" for an original section, or the language of a
	// translation ("en").
	Lang string
	// Translations of this section from companion files, by language.
	Translations map[string]*Section
}

// In returns the section's translation into lang, or the section itself
// when it has none.
func (s *Section) In(lang string) *Section {
	if t, ok := s.Translations[lang]; ok {
		return t
	}
	return s
}

// Source names where a section comes from, for footers and CLI output:
// "大模型创业的创新与挑战 § 1", and its chapter where its title does not
// show it: "Java 面试题 › 二、并发 § 3".
func (s *Section) Source() string {
	if s.Chapter != "" && s.Chapter != s.ArticleTitle && !s.TitledWithChapter() {
		return fmt.Sprintf("%s%s%s § %d", s.ArticleTitle, ChapterSeparator, s.Chapter, s.Number)
	}
	return fmt.Sprintf("%s § %d", s.ArticleTitle, s.Number)
}

// Answer keeps the structure of a 答案 block.
type Answer struct {
	Blocks []Block
}

// BlockKind tells a paragraph from a list.
type BlockKind int

const (
	Paragraph BlockKind = iota
	List
)

// Block is a paragraph or a list inside an answer.
type Block struct {
	Kind    BlockKind
	Text    string // paragraph text; empty for lists
	Ordered bool   // for lists: "1." rather than "-"
	Items   []Item // for lists
	// Verbatim marks a paragraph that is a fenced code block or a table,
	// its lines kept: shown as it is, but no point a reader's answer
	// would put into words.
	Verbatim bool
}

// Item is one list item. In "- **参数量巨大：** 通常包含…" the lead is
// "参数量巨大" and the text is "通常包含…".
type Item struct {
	Lead string
	Text string
}

// ToDo returns the text of an item that is a to-do's box with no lead
// term ("[x] 已背" → 已背), and ok false for any other item.
func (it Item) ToDo() (text string, ok bool) {
	box := taskBox.FindString(it.Text)
	if it.Lead != "" || box == "" {
		return "", false
	}
	return it.Text[len(box):], true
}

// String renders the item as plain text: "参数量巨大：通常包含…".
func (it Item) String() string {
	switch {
	case it.Lead == "":
		return it.Text
	case it.Text == "":
		return it.Lead
	default:
		return it.Lead + colon(it.Lead) + it.Text
	}
}

// colon is the colon that follows a lead term: full width after Chinese,
// ASCII and a space after English, and none after a lead that ends in
// punctuation of its own ("**Get the facts early.** What…", "**为什么？**").
func colon(lead string) string {
	r, _ := utf8.DecodeLastRuneInString(lead)
	switch {
	case strings.ContainsRune(".!?;:,", r):
		return " "
	case strings.ContainsRune("。！？；：，、", r):
		return ""
	case isWide(r):
		return "："
	}
	return ": "
}

// Items returns the list items of every list in the answer, in order. The
// challenge grader treats each one as a key point.
func (a Answer) Items() []Item {
	var items []Item
	for _, b := range a.Blocks {
		items = append(items, b.Items...)
	}
	return items
}

// Paragraphs returns the text of the answer's paragraphs of prose, in
// order: code blocks and tables are left out.
func (a Answer) Paragraphs() []string {
	var ps []string
	for _, b := range a.Blocks {
		if b.Kind == Paragraph && !b.Verbatim {
			ps = append(ps, b.Text)
		}
	}
	return ps
}

// IsEmpty reports whether the answer has no text at all.
func (a Answer) IsEmpty() bool {
	for _, b := range a.Blocks {
		if strings.TrimSpace(b.Text) != "" {
			return false
		}
		for _, it := range b.Items {
			if strings.TrimSpace(it.String()) != "" {
				return false
			}
		}
	}
	return true
}

// Markdown renders the answer back to Markdown: paragraphs separated by blank
// lines, lists with "-" or "1." markers and bold lead terms.
func (a Answer) Markdown() string {
	var b strings.Builder
	for i, blk := range a.Blocks {
		if i > 0 {
			b.WriteString("\n\n")
		}
		if blk.Kind == Paragraph {
			text := blk.Text
			if !blk.Verbatim && strings.HasPrefix(text, ">") {
				// A quote goes on over its lines.
				text = strings.ReplaceAll(text, "\n", "\n> ")
			}
			b.WriteString(text)
			continue
		}
		for j, it := range blk.Items {
			if j > 0 {
				b.WriteByte('\n')
			}
			marker := "- "
			if blk.Ordered {
				marker = fmt.Sprintf("%d. ", j+1)
			}
			b.WriteString(marker)
			text := indentLater(it.Text, len(marker))
			switch {
			case it.Lead != "" && it.Text != "":
				fmt.Fprintf(&b, "**%s%s** %s", it.Lead, strings.TrimSpace(colon(it.Lead)), text)
			case it.Lead != "":
				fmt.Fprintf(&b, "**%s**", it.Lead)
			default:
				b.WriteString(text)
			}
		}
	}
	return b.String()
}

// indentLater indents an item's later lines under its text, or they would
// end the list; lines a code block or a table kept indented stay as they
// are.
func indentLater(text string, width int) string {
	if !strings.Contains(text, "\n") {
		return text
	}
	lines := strings.Split(text, "\n")
	for i := 1; i < len(lines); i++ {
		if l := lines[i]; l != "" && l[0] != ' ' && l[0] != '\t' {
			lines[i] = strings.Repeat(" ", width) + l
		}
	}
	return strings.Join(lines, "\n")
}

// PlainText renders the answer without Markdown markup, one paragraph or
// item a line.
func (a Answer) PlainText() string {
	var lines []string
	for _, blk := range a.Blocks {
		if blk.Kind == Paragraph {
			lines = append(lines, blk.Text)
			continue
		}
		for _, it := range blk.Items {
			lines = append(lines, it.String())
		}
	}
	return strings.Join(lines, "\n")
}
