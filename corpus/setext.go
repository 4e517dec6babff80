package corpus

import (
	"regexp"
	"strings"
)

// setextUnderline matches the line that makes the line above it a heading
// in Setext style: "====" a title, "----" a section.
var setextUnderline = regexp.MustCompile(`^(={2,}|-{2,})\s*$`)

// setextHeadings rewrites the headings of notes written in Setext style
// ("什么是 TLB？" above a line of dashes) as "## 什么是 TLB？", a line of
// equals signs making the article's title, and blanks their underlines, so
// that every line keeps its number. Only notes without a single heading
// of the usual kind are rewritten: in notes with one, a line of dashes
// under text is far more often a rule its author meant (an answer, then
// "---").
//
// Notes with labels or listed questions are not rewritten either: their
// structure is theirs, and a line of dashes between two of their questions
// is a rule ("资源分配的单位。" then "---" then "**2. 什么是线程？**").
func setextHeadings(lines []string) []string {
	var at []int
	for i, opens := range fencesClosedAt(lines) {
		t := strings.TrimSpace(lines[i])
		if opens {
			continue
		}
		if headingLevel(t) > 0 {
			return lines
		}
		if _, _, _, ok := readLabel(t, true); ok || questionLabelLine.MatchString(t) || answerLabelLine.MatchString(t) {
			return lines
		}
		if lq, ok := listedQuestionLine(t); ok && !lq.weak {
			return lines
		}
		if i == 0 || !setextUnderline.MatchString(t) || startsIndented(lines[i]) {
			continue
		}
		title := strings.TrimSpace(lines[i-1])
		if title == "" || startsIndented(lines[i-1]) || listItem.MatchString(title) || strings.HasPrefix(title, ">") || isTableRow(title) ||
			(i >= 2 && strings.TrimSpace(lines[i-2]) != "") {
			continue // a paragraph's last line, an item, a quote or a row
		}
		at = append(at, i)
	}
	if len(at) == 0 {
		return lines
	}
	out := append([]string(nil), lines...)
	for _, i := range at {
		level := "## "
		if strings.HasPrefix(strings.TrimSpace(out[i]), "=") {
			level = "# "
		}
		out[i-1] = level + strings.TrimSpace(out[i-1])
		out[i] = ""
	}
	return out
}
