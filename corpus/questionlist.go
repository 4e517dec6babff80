package corpus

import (
	"regexp"
	"strings"
	"unicode"
)

// Notes drilled for interviews often list their questions instead of
// giving each a heading: "**Q：为什么 Adam 收敛快？**" then "A：…", several
// under a chapter heading ("## 三、优化器"), or a numbered list of bold
// questions with the answers indented under them ("1. **AUC 怎么算？**").
// Read as headings and text, each chapter would be one section holding
// all its questions. questionList finds such notes and rewrites them,
// line for line so that problems keep their line numbers, into the shape
// the parser reads: each listed question a heading one level under its
// chapter, its answer label spelt as one (A → 答案).

var (
	// questionLabelLine matches a line that opens with a question label
	// in bold or plain, numbered or not: "**Q：…**", "**Q1:** …", "Q: …",
	// "问：…", "问题 3：…".
	questionLabelLine = regexp.MustCompile(`^(\*\*)?\s*((?i:q|question|问|問|问题|問題|题目|題目))\s*(\d{1,3})?\s*(\*\*)?\s*[：:]\s*(\*\*)?\s*(.*)$`)
	// answerLabelLine is questionLabelLine's answer: "A：…", "**答：** …".
	answerLabelLine = regexp.MustCompile(`^(\*\*)?\s*(?i:a|answer|答|答案|回答|参考答案|參考答案)\s*(\d{1,3})?\s*(\*\*)?\s*[：:]\s*(\*\*)?\s*(.*)$`)
	// boldQuestionItem matches a numbered item that is a bold question
	// and nothing else: "1. **⭐ AUC 是什么？**".
	boldQuestionItem = regexp.MustCompile(`^(\d{1,3}[.)、．]\s*)\*\*([^*]+)\*\*\s*$`)
)

// listedQuestion is one question of a list and the lines it spans.
type listedQuestion struct {
	line, end int    // its line and the line after its last
	question  string // the question's text
	mark      string // how it is marked: its label, lower-cased, or "item"
	indent    int    // columns its answer is indented by (a list item's)
	answer    int    // line of its answer label, -1 if none
	body      bool   // text follows it
}

// questionBlock is the text under one heading (or before the first).
type questionBlock struct {
	level     int  // the heading's level; 0 before any heading
	asks      bool // the heading is itself a question ("## 为什么？")
	text      bool // text before its first listed question
	questions []*listedQuestion
}

// questionList returns the lines of notes that list their questions
// rewritten with a heading for each question, and the level of those
// headings, which are the article's sections. ok is false, and lines are
// left as they are, unless the article reads as such a list: at least
// one heading with two or more questions listed under it, all marked
// alike (a 题目 and then an exchange of 问 and 答 quoted in its answer are
// not a list), every listed question followed by its answer, answer
// labels on all of them or none, and no text under other headings (a
// section of another shape), which would otherwise be lost.
func questionList(lines []string) (out []string, level int, ok bool) {
	blocks := listBlocks(lines)
	headingLevel, many, total, labelled, mark := -1, false, 0, 0, ""
	for _, b := range blocks {
		if len(b.questions) == 0 {
			if b.text && b.level >= 2 {
				return lines, 0, false
			}
			continue
		}
		if b.asks || (headingLevel >= 0 && b.level != headingLevel) {
			return lines, 0, false
		}
		headingLevel = b.level
		many = many || len(b.questions) > 1
		for _, q := range b.questions {
			if (!q.body && q.answer < 0) || (mark != "" && q.mark != mark) {
				return lines, 0, false
			}
			mark = q.mark
			total++
			if q.answer >= 0 {
				labelled++
			}
		}
	}
	if !many || (labelled != 0 && labelled != total) {
		return lines, 0, false
	}
	level = max(2, headingLevel+1)
	if level > 6 {
		return lines, 0, false
	}
	bold := boldLabels(lines)
	out = append([]string(nil), lines...)
	for _, b := range blocks {
		for _, q := range b.questions {
			out[q.line] = strings.Repeat("#", level) + " " + q.question
			for i := q.line + 1; i < q.end; i++ {
				out[i] = dedent(out[i], q.indent)
			}
			if q.answer >= 0 {
				m := answerLabelLine.FindStringSubmatch(strings.TrimSpace(out[q.answer]))
				answer := m[5]
				if m[1] != "" && m[3] == "" && m[4] == "" {
					answer = strings.TrimSuffix(strings.TrimSpace(answer), "**")
				}
				if bold {
					out[q.answer] = "**答案：** " + answer
				} else {
					out[q.answer] = "答案：" + answer
				}
			}
		}
	}
	return out, level, true
}

// listBlocks splits an article at its headings and finds the questions
// listed in each block.
func listBlocks(lines []string) []*questionBlock {
	b := &questionBlock{}
	blocks := []*questionBlock{b}
	var q *listedQuestion
	closeQuestion := func(i int) {
		if q != nil {
			q.end, q = i, nil
		}
	}
	fence := ""
	for i, line := range lines {
		trimmed := strings.TrimSpace(line)
		if fence != "" {
			if ClosesFence(trimmed, fence) {
				fence = ""
			}
			continue
		}
		if fence = FenceOpening(trimmed); fence != "" {
			if q != nil {
				q.body = true
			} else {
				b.text = true
			}
			continue
		}
		if l := headingLevel(trimmed); l > 0 {
			closeQuestion(i)
			t := headingText(trimmed)
			b = &questionBlock{level: l, asks: strings.HasSuffix(t, "？") || strings.HasSuffix(t, "?")}
			blocks = append(blocks, b)
			continue
		}
		if line == trimmed {
			if question, mark, indent, ok := listedQuestionLine(trimmed); ok {
				closeQuestion(i)
				q = &listedQuestion{line: i, question: question, mark: mark, indent: indent, answer: -1}
				b.questions = append(b.questions, q)
				continue
			}
		}
		if trimmed == "" || thematicBreak.MatchString(trimmed) {
			continue
		}
		switch {
		case q == nil:
			b.text = true
		case q.answer < 0 && !q.body && answerLabelLine.MatchString(trimmed):
			q.answer = i
		default:
			q.body = true
		}
	}
	closeQuestion(len(lines))
	return blocks
}

// listedQuestionLine reads a line that lists a question: a question label
// and the question, or a numbered item that is a bold question. indent
// is how far its answer's lines are indented.
func listedQuestionLine(trimmed string) (question, mark string, indent int, ok bool) {
	if m := boldQuestionItem.FindStringSubmatch(trimmed); m != nil && strings.ContainsAny(m[2], "？?") {
		return strings.TrimLeftFunc(m[2], func(r rune) bool { return unicode.IsSpace(r) || unicode.Is(unicode.So, r) }), "item", len(m[1]), true
	}
	m := questionLabelLine.FindStringSubmatch(trimmed)
	if m == nil {
		return "", "", 0, false
	}
	question = m[6]
	if m[1] != "" && m[4] == "" && m[5] == "" {
		// "**Q：为什么？**": the bold closes after the question.
		question = strings.TrimSuffix(strings.TrimSpace(question), "**")
	}
	question = strings.TrimSpace(question)
	return question, strings.ToLower(m[2]), 0, question != ""
}

// dedent takes up to n columns of indentation off a line of a list item's
// answer, which is indented under the item.
func dedent(line string, n int) string {
	if strings.HasPrefix(line, "\t") {
		return line[1:]
	}
	i := 0
	for i < n && i < len(line) && line[i] == ' ' {
		i++
	}
	return line[i:]
}
