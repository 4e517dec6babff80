package corpus

import (
	"regexp"
	"strings"
)

// Notes mark their labels in more ways than the corpus format's bold
// "**题目：**": in brackets ("【题目】"), as a heading of their own ("### 答案"),
// as the items of a list ("- **题目：** …") or inside a quote ("> **题目：** …").
// An article written so was refused whole ("section 1 has no 题目"), so these
// shapes are read too. All but the brackets, which mean nothing else, count
// only where the label fits (see parser.fitsInOrder): a heading, a list item
// or a quote inside an answer stays part of it.

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
	if m[2] != "" && m[3] == "" && strings.HasPrefix(m[4], "(") {
		return "", "", false // a Markdown link: [答案](answers.md)
	}
	label = m[1] + m[2]
	if !known(label) {
		return "", "", false
	}
	return label, m[4], true
}

// headingLabel matches a heading's text that is a label: "答案", "答案：…",
// "**答案**".
var headingLabel = regexp.MustCompile(`^\**\s*([^*：:]{1,12}?)\s*\**\s*(?:[：:]\s*(.*))?$`)

// parseHeadingLabel reads a heading whose text is a known label ("### 答案",
// "#### 解析：…").
func parseHeadingLabel(trimmed string) (label, rest string, ok bool) {
	if headingLevel(trimmed) < 2 {
		return "", "", false
	}
	m := headingLabel.FindStringSubmatch(headingText(trimmed))
	if m == nil {
		return "", "", false
	}
	if _, known := lookupLabel(m[1]); !known {
		return "", "", false
	}
	return m[1], m[2], true
}

// bulletItem matches a bulleted list item and captures its text.
var bulletItem = regexp.MustCompile(`^[-*+]\s+(.*)$`)

// markedLabel reads a label marked in bold or in brackets.
func markedLabel(s string) (label, rest string, sh shape, ok bool) {
	if label, rest, ok = parseLabel(s); ok {
		return label, rest, boldShape, true
	}
	if label, rest, ok = parseBracketLabel(s); ok {
		return label, rest, bracketShape, true
	}
	return "", "", 0, false
}

// readLabel reads the label a line opens with in any of the marked shapes;
// plain labels ("题目：…") are the parser's to read, since they count only
// in articles with no marked ones. The label may be unknown only in the
// bold shape, where it is checked for typos.
func readLabel(trimmed string) (label, rest string, sh shape, ok bool) {
	if label, rest, ok = parseHeadingLabel(trimmed); ok {
		return label, rest, headingShape, true
	}
	if label, rest, sh, ok = markedLabel(trimmed); ok {
		return label, rest, sh, true
	}
	if m := bulletItem.FindStringSubmatch(trimmed); m != nil {
		if label, rest, _, ok = markedLabel(m[1]); ok && known(label) {
			return label, rest, itemShape, true
		}
	}
	if q, quoted := strings.CutPrefix(trimmed, ">"); quoted {
		q = strings.TrimSpace(q)
		if label, rest, _, ok = markedLabel(q); !ok {
			label, rest, ok = parsePlainLabel(q)
		}
		if ok && known(label) {
			return label, rest, quoteShape, true
		}
	}
	return "", "", 0, false
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
