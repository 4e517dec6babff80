package corpus

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Notes mark their labels in more ways than the corpus format's bold
// "**题目：**": in brackets ("【题目】"), as a heading of their own ("### 答案"),
// as the items of a list ("- **题目：** …") or inside a quote ("> **题目：** …").
// An article written so was refused whole ("section 1 has no 题目"), so these
// shapes are read too. They count only where the label fits (see
// parser.plainLabelFits), so a heading, a list item, a quote or a bracket
// inside an answer stays part of it (brackets too: "【问题】慢查询" writes up a fault);
// and none reads the one-letter labels Q and A,
// which in those shapes are a multiple-choice question's options ("> A:
// 布隆过滤器", "[A] …", "- **A：** …").

// shape is how a line marks its label.
type shape int

const (
	boldShape    shape = iota // **题目：** …
	bracketShape              // 【题目】…, [题目] …
	headingShape              // ### 题目
	itemShape                 // - **题目：** …
	quoteShape                // > **题目：** …
)

// bracketLabel matches "【题目】…", "【题目】：…" and "[题目] …".
var bracketLabel = regexp.MustCompile(`^(?:【\s*([^】]{1,12}?)\s*】|\[\s*([^\]]{1,12}?)\s*\])\s*([：:]?)\s*(.*)$`)

// parseBracketLabel splits a line that opens with a known label in
// brackets into the label and the text after it.
func parseBracketLabel(trimmed string) (label, rest string, ok bool) {
	m := bracketLabel.FindStringSubmatch(trimmed)
	if m == nil {
		return "", "", false
	}
	if m[2] != "" && m[3] == "" && (strings.HasPrefix(m[4], "(") || strings.HasPrefix(m[4], "[")) {
		return "", "", false // a Markdown link: [答案](answers.md), [答案][1]
	}
	label = m[1] + m[2]
	if !wordLabel(label) {
		return "", "", false
	}
	return label, m[4], true
}

// headingLabel matches a heading's text that is a label and nothing else:
// "答案", "答案：", "**答案**".
var headingLabel = regexp.MustCompile(`^\**\s*([^*：:]{1,12}?)\s*\**\s*[：:]?\s*\**$`)

// plainHeadingLabel matches a heading's text that opens with a label and a
// colon: "解析：常考。".
var plainHeadingLabel = regexp.MustCompile(`^([^*：:]{1,12}?)\s*[：:]\s*(.*)$`)

// parseHeadingLabel reads a heading that is a label ("### 答案", "####
// **题目：** 什么是缓存穿透？"). exact is false for a heading that opens with
// a plain label and goes on ("### 解析：常考。"): at the sections' own level
// that is a title ("## 问题：什么是缓存穿透？", "## Q: 缓存击穿"), so the
// parser reads it as a label only deeper down.
func parseHeadingLabel(trimmed string) (label, rest string, exact, ok bool) {
	if headingLevel(trimmed) < 2 {
		return "", "", false, false
	}
	text := headingText(trimmed)
	if m := headingLabel.FindStringSubmatch(text); m != nil && wordLabel(m[1]) {
		return m[1], "", true, true
	}
	if label, rest, ok := parseLabel(text); ok && wordLabel(label) {
		return label, rest, true, true
	}
	if m := plainHeadingLabel.FindStringSubmatch(text); m != nil && wordLabel(m[1]) {
		return m[1], m[2], false, true
	}
	return "", "", false, false
}

// bulletItem matches a bulleted list item and captures its text.
var bulletItem = regexp.MustCompile(`^[-*+]\s+(.*)$`)

// labelInside reads a label at the start of a list item's or a quote's
// text: bold or in brackets, and typed plainly too in an article whose
// labels are plain.
func labelInside(s string, plain bool) (label, rest string, ok bool) {
	if label, rest, ok = parseLabel(s); !ok {
		label, rest, ok = parseBracketLabel(s)
	}
	if !ok && plain {
		label, rest, ok = parsePlainLabel(s)
	}
	if !ok || !wordLabel(label) {
		return "", "", false
	}
	return label, rest, true
}

// readLabel reads the label a line opens with in any of the marked shapes:
// bold (the label may be unknown only there, where it is checked for
// typos), in brackets, as a heading, as a list item or in a quote. Plain
// labels ("题目：…") at the start of a line are the parser's to read; plain
// says whether the article's labels are plain, which lets a list item or a
// quote hold one too.
func readLabel(trimmed string, plain bool) (label, rest string, sh shape, ok bool) {
	if headingLevel(trimmed) > 0 {
		if label, rest, _, ok = parseHeadingLabel(trimmed); ok {
			return label, rest, headingShape, true
		}
		return "", "", 0, false
	}
	if label, rest, ok = parseLabel(trimmed); ok {
		return label, rest, boldShape, true
	}
	if label, rest, ok = parseBracketLabel(trimmed); ok {
		return label, rest, bracketShape, true
	}
	if m := bulletItem.FindStringSubmatch(trimmed); m != nil {
		if label, rest, ok = labelInside(m[1], plain); ok {
			return label, rest, itemShape, true
		}
	}
	if q, quoted := strings.CutPrefix(trimmed, ">"); quoted {
		if label, rest, ok = labelInside(strings.TrimSpace(q), plain); ok {
			return label, rest, quoteShape, true
		}
	}
	return "", "", 0, false
}

// wordLabel reports whether label is a known label other than the
// one-letter Q and A, which the shapes besides bold and plain never read;
// an exam paper's 问 and 答 they do.
func wordLabel(label string) bool {
	if utf8.RuneCountInString(label) == 1 && label[0] < utf8.RuneSelf {
		return false
	}
	return known(label)
}

func known(label string) bool {
	_, ok := lookupLabel(label)
	return ok
}

// unquote takes a quote's marker off a line of a field that a quoted label
// opened: "> 为什么？" continues the question "为什么？".
func unquote(line string) (string, bool) {
	t := strings.TrimSpace(line)
	q, ok := strings.CutPrefix(t, ">")
	if !ok {
		return line, false
	}
	return strings.TrimPrefix(q, " "), true
}
