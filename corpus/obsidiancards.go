package corpus

import (
	"regexp"
	"strings"
)

// Obsidian users drill with two shapes of card that name no label:
//
//   - the Spaced Repetition plugin's, in notes tagged #flashcards: a
//     question and its answer on one line ("什么是进程？::资源分配的单位"),
//     or over several, a line holding only "?" between them;
//   - a callout of the question type whose title is the question and
//     whose body is the answer ("> [!question]- 什么是三次握手？", then
//     "> 客户端发 SYN…").
//
// obsidianCards writes both as 题目 and 答案 lines (a card's front need not
// ask, as a 问 must), which the question-list reader reads, each line
// where it was; inlineAnswers splits one-line cards (see inlineCardParts).

var (
	// flashcardsTag matches the tag that turns the plugin's cards on.
	flashcardsTag = regexp.MustCompile(`(?:^|\s)#flashcards(?:/\S*)?(?:\s|$)`)
	// inlineCard matches a one-line card, "front::back" or "front:::back"
	// (which the plugin also asks the other way round).
	inlineCard = regexp.MustCompile(`^(.*?\S)\s*:{2,3}\s*(\S.*)$`)
	// questionCallout matches a callout of the question type and its
	// title: "> [!question]- 什么是三次握手？", "> [!faq] …".
	questionCallout = regexp.MustCompile(`^>\s*\[!(?i:question|faq|help)\][+-]?\s*(\S.*[？?])\s*$`)
)

// obsidianCards writes the cards and callouts of the comment above as 题目
// and 答案 (问 and 答) lines.
func obsidianCards(lines []string) []string {
	r := rewrite{in: lines}
	edit, out := r.set, r.get
	tagged := hasFlashcards(lines)
	var callouts []int
	for i, opens := range fencesClosedAt(lines) {
		t := strings.TrimSpace(lines[i])
		if opens || startsIndented(lines[i]) {
			continue
		}
		if strings.HasPrefix(t, ">") && questionCallout.MatchString(t) {
			callouts = append(callouts, i)
			continue
		}
		if !tagged {
			continue
		}
		if t == "?" || t == "??" {
			// The front is the text above, back to a blank line.
			start := i
			for start > 0 && strings.TrimSpace(lines[start-1]) != "" && headingLevel(strings.TrimSpace(lines[start-1])) == 0 {
				start--
			}
			if start == i {
				continue
			}
			edit(start, "题目："+strings.TrimSpace(out(start)))
			edit(i, "答案：")
		}
	}
	// Two question callouts at least, in notes with no headings of
	// sections to give the questions: elsewhere they are notes in answers
	// ("> [!question] 思考", then a question to think over).
	if len(callouts) >= 2 && !hasSectionHeadings(lines) {
		for _, i := range callouts {
			m := questionCallout.FindStringSubmatch(strings.TrimSpace(lines[i]))
			edit(i, "问："+m[1])
			first := true
			for j := i + 1; j < len(lines); j++ {
				t := strings.TrimSpace(lines[j])
				if !strings.HasPrefix(t, ">") || calloutLine.MatchString(t) {
					break
				}
				text := strings.TrimSpace(strings.TrimPrefix(t, ">"))
				if first && text != "" {
					text, first = "答："+text, false
				}
				edit(j, text)
			}
		}
	}
	return r.lines()
}

// hasFlashcards reports whether notes carry the #flashcards tag.
func hasFlashcards(lines []string) bool {
	for i, opens := range fencesClosedAt(lines) {
		if !opens && strings.Contains(lines[i], "#flashcards") && flashcardsTag.MatchString(lines[i]) {
			return true
		}
	}
	return false
}

// inlineCardParts splits a one-line card of notes tagged #flashcards into
// a question and its answer, nil for any other line. The separator is the
// first "::" or ":::" that is not C++'s (std::vector), and in notes with
// sections of their own the front must ask: there a line of an answer
// ("C++ 中用 类名::成员 访问") is no card.
func inlineCardParts(line string, sections bool) []string {
	t := strings.TrimSpace(line)
	if headingLevel(t) > 0 {
		return nil
	}
	t = strings.TrimSpace(bulletMarker.ReplaceAllString(t, ""))
	for i := 0; i+1 < len(t); i++ {
		if t[i] != ':' || t[i+1] != ':' {
			continue
		}
		j := i + 2
		if j < len(t) && t[j] == ':' {
			j++
		}
		front, back := strings.TrimSpace(t[:i]), strings.TrimSpace(t[j:])
		if front == "" || back == "" || strings.HasSuffix(t[:i], ":") || strings.Contains(front, "://") {
			return nil
		}
		if i > 0 && j < len(t) && nameByte(t[i-1]) && nameByte(t[j]) {
			i = j - 1 // a scope: "std::vector"
			continue
		}
		if sections && !strings.ContainsAny(front, "？?") {
			return nil
		}
		return []string{"题目：" + front, "答案：" + back}
	}
	return nil
}

// bulletMarker matches a list item's marker: cards are often listed.
var bulletMarker = regexp.MustCompile(`^[-*+]\s+`)

// nameByte reports whether b may be part of a name in code.
func nameByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_'
}

// hasSectionHeadings reports whether notes have a heading below the
// title's level.
func hasSectionHeadings(lines []string) bool {
	for i, opens := range fencesClosedAt(lines) {
		if !opens && headingLevel(strings.TrimSpace(lines[i])) >= 2 {
			return true
		}
	}
	return false
}
