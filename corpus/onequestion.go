package corpus

import (
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Notes kept one question to a file (an Obsidian vault of atomic notes,
// a Notion database exported page by page) have no section headings: the
// file's title, or its name, is the question and its text the answer.
// oneQuestion reads such a file as an article of one section when its
// title asks something. A file whose title asks nothing (a reading note,
// a contributing guide), a dated one (a daily note), or one of links (a
// table of contents) is still skipped.
func oneQuestion(file string, lines []string, title string) *parser {
	body := slices.Clone(lines)
	start := frontMatterEnd(body)
	for i := range start {
		body[i] = "" // a blog's or a vault's front matter is no answer
	}
	h := -1 // the line of the title
	for i, opens := range fencesClosedAt(body) {
		if !opens && headingLevel(strings.TrimSpace(body[i])) == 1 {
			h = i
			break
		}
	}
	if h < 0 {
		if title = frontMatterTitle(lines); title == "" {
			title = fileTitle(file)
		}
	}
	if datedTitle.MatchString(title) || linksOnly(body, h) {
		return nil
	}
	if !asksSomething(title) {
		// A note titled by its topic may ask its question first: "# TCP
		// 三次握手", then "三次握手的过程是怎样的？", then the answer.
		q := firstParagraph(body, h)
		if q < 0 || !sharesWord(title, body[q]) || otherAsking(body, h, q) {
			return nil // an essay's, a diary's or a reading note's first line
		}
		// Labelled in the blank line after it, each line where it was.
		body[q], body[q+1] = "**题目：** "+strings.TrimSpace(body[q]), "**答案：**"
	}
	// Numbered, so that a title that opens with a number keeps it.
	heading := "## 1. " + title
	if h >= 0 {
		body[h] = heading
	} else {
		body = append([]string{heading}, body...)
	}
	if notionPageID.MatchString(strings.TrimSuffix(path.Base(file), path.Ext(file))) {
		withoutProperties(body)
	}
	p := parse(file, body, nil, false)
	if len(p.art.Sections) != 1 || len(p.problems) > 0 {
		return nil
	}
	if h < 0 {
		p.art.Sections[0].Line = 1 // the line added for it
	}
	p.art.Title = title
	p.art.OneQuestion, p.art.FreeForm, p.art.NumberedInOrder = true, false, false
	return p
}

// datedTitle matches a daily note's title: "2024-03-02 今天学了什么？".
var datedTitle = regexp.MustCompile(`^\d{4}\s*[-/.年]\s*\d{1,2}`)

// linksOnly reports whether the text under a title is mostly links: a
// table of contents ("- [[Redis]]", "- [MySQL](mysql.md)").
func linksOnly(lines []string, title int) bool {
	text, links := 0, 0
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if i == title || t == "" {
			continue
		}
		text++
		if linkLine.MatchString(t) {
			links++
		}
	}
	return text > 0 && 2*links >= text
}

var linkLine = regexp.MustCompile(`^(?:[-*+]\s+|\d+[.)]\s+)?(?:\[\[[^\]]+\]\]|\[[^\]]*\]\([^)]*\))\s*$`)

// frontMatterEnd returns the number of lines a file's front matter takes
// at its top ("---" … "---", or "+++" … "+++"), 0 if it has none.
func frontMatterEnd(lines []string) int {
	if len(lines) == 0 {
		return 0
	}
	fence := strings.TrimSpace(lines[0])
	if fence != "---" && fence != "+++" {
		return 0
	}
	for i := 1; i < len(lines) && i < 50; i++ {
		if strings.TrimSpace(lines[i]) == fence {
			return i + 1
		}
	}
	return 0
}

// withoutProperties blanks the properties a Notion database exports
// under a page's title ("分类: MySQL", "难度: 困难", one a line): two or
// more lines of a short name, a colon and a value, before the first
// blank line after the heading.
func withoutProperties(lines []string) {
	i := slices.IndexFunc(lines, func(l string) bool { return headingLevel(strings.TrimSpace(l)) > 0 }) + 1
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	end := i
	for end < len(lines) && notionProperty.MatchString(lines[end]) {
		end++
	}
	if end-i >= 2 && (end == len(lines) || strings.TrimSpace(lines[end]) == "") {
		for ; i < end; i++ {
			lines[i] = ""
		}
	}
}

// notionProperty matches a property line of a Notion database page.
var notionProperty = regexp.MustCompile(`^[^\s:：*#>|-][^:：]{0,11}[:：] \S`)

// fileTitle is a file's name as a title: without its extension and
// without the id Notion puts after a page's title.
func fileTitle(file string) string {
	base := path.Base(strings.ReplaceAll(file, `\`, "/"))
	name := strings.TrimSuffix(base, path.Ext(base))
	return strings.TrimSpace(notionPageID.ReplaceAllString(name, ""))
}

// notionPageID matches the id after an exported Notion page's title.
var notionPageID = regexp.MustCompile(`\s+[0-9a-f]{32}$`)

// asksSomething reports whether a title asks a question: "什么是回表",
// "MVCC 怎么实现？", "How does TCP close a connection", or names an aspect
// of a topic, which is what a question about it asks for: "MVCC 原理".
func asksSomething(t string) bool {
	if strings.ContainsAny(t, "？?") {
		return true
	}
	for _, w := range questionWords {
		if strings.Contains(t, w) {
			return true
		}
	}
	for _, w := range aspectWords {
		if strings.HasSuffix(t, w) {
			return true
		}
	}
	fields := strings.Fields(strings.ToLower(t))
	if len(fields) < 2 {
		return false
	}
	switch fields[0] {
	case "what", "what's", "why", "explain", "describe":
		return true
	case "how", "when", "which", "where":
		switch fields[1] { // "How does TCP …", not "How to contribute"
		case "do", "does", "did", "is", "are", "was", "can", "could", "would", "should", "many", "much":
			return true
		}
	}
	return false
}

// aspectWords are what a title may end in when it names what to say of a
// topic rather than the topic.
var aspectWords = []string{"原理", "区别", "區別", "作用", "优缺点", "優缺點", "机制", "機制", "对比", "對比", "概念", "定义", "定義", "特点", "特點"}

// firstParagraph returns the line of the text under a title when its
// first paragraph is one short line that asks and more text follows, -1
// otherwise.
func firstParagraph(lines []string, title int) int {
	first := -1
	for i := title + 1; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i])
		switch {
		case t == "":
			continue
		case first < 0:
			if !strings.HasSuffix(t, "？") && !strings.HasSuffix(t, "?") || utf8.RuneCountInString(t) > 60 || i+1 < len(lines) && strings.TrimSpace(lines[i+1]) != "" {
				return -1
			}
			first = i
		default:
			return first // text follows it
		}
	}
	return -1
}

// sharesWord reports whether two lines have a word in common: a Latin
// word of two letters or more, or two Han characters in a row. A topic's
// question names the topic ("# TCP 三次握手" over "为什么需要三次握手？");
// a reading note's "为什么要读这本书？" does not name its book.
func sharesWord(a, b string) bool {
	words := func(s string) map[string]bool {
		set := map[string]bool{}
		rs := []rune(strings.ToLower(s))
		for i := 0; i < len(rs); i++ {
			switch {
			case isHan(rs[i]) && i+1 < len(rs) && isHan(rs[i+1]):
				set[string(rs[i:i+2])] = true
			case unicode.IsLetter(rs[i]) && rs[i] < utf8.RuneSelf:
				j := i
				for j < len(rs) && rs[j] < utf8.RuneSelf && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j])) {
					j++
				}
				if j-i >= 2 {
					set[string(rs[i:j])] = true
				}
				i = j - 1
			}
		}
		return set
	}
	wa := words(a)
	for w := range words(b) {
		if wa[w] {
			return true
		}
	}
	return false
}

// otherAsking reports whether a line of the text other than the title
// and the question at q asks too: notes that ask more than one question
// ("明天要不要早起？", "三、怎么复盘？") are no one question's answer; a
// follow-up ("追问：两次不行吗？") is part of one.
func otherAsking(lines []string, title, q int) bool {
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if i != title && i != q && (strings.HasSuffix(t, "？") || strings.HasSuffix(t, "?")) && utf8.RuneCountInString(t) <= 60 && !strings.Contains(t, "追问") {
			return true
		}
	}
	return false
}
