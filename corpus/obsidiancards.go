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
// obsidianCards writes both as 问 and 答 lines, which the question-list
// reader reads, each line where it was; inlineAnswers splits one-line
// cards (see inlineCardParts).

var (
	// flashcardsTag matches the tag that turns the plugin's cards on.
	flashcardsTag = regexp.MustCompile(`(?:^|\s)#flashcards(?:/\S*)?(?:\s|$)`)
	// inlineCard matches a one-line card, "front::back" or "front:::back"
	// (which the plugin also asks the other way round).
	inlineCard = regexp.MustCompile(`^(.*?\S)\s*:{2,3}\s*(\S.*)$`)
	// questionCallout matches a callout of the question type and its
	// title: "> [!question]- 什么是三次握手？", "> [!faq] …".
	questionCallout = regexp.MustCompile(`^>\s*\[!(?i:question|faq|help)\][+-]?\s*(\S.*)$`)
)

func obsidianCards(lines []string) []string {
	out := lines
	edit := func(i int, s string) {
		if &out[0] == &lines[0] {
			out = append([]string(nil), lines...)
		}
		out[i] = s
	}
	tagged := hasFlashcards(lines)
	var callouts []int
	for i, opens := range fencesClosedAt(lines) {
		t := strings.TrimSpace(lines[i])
		if opens || startsIndented(lines[i]) {
			continue
		}
		if questionCallout.MatchString(t) {
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
			edit(start, "问："+strings.TrimSpace(out[start]))
			edit(i, "答：")
		}
	}
	// Two question callouts at least: one alone is a note in an answer.
	if len(callouts) >= 2 {
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
	return out
}

// hasFlashcards reports whether notes carry the #flashcards tag.
func hasFlashcards(lines []string) bool {
	for i, opens := range fencesClosedAt(lines) {
		if !opens && flashcardsTag.MatchString(lines[i]) {
			return true
		}
	}
	return false
}

// inlineCardParts splits a one-line card of notes tagged #flashcards into
// a question and its answer, nil for any other line: a link's "://" and
// C++'s std::move are not cards, nor is a heading.
func inlineCardParts(line string) []string {
	t := strings.TrimSpace(line)
	m := inlineCard.FindStringSubmatch(t)
	if m == nil || headingLevel(t) > 0 || strings.Contains(m[1], "://") || strings.HasSuffix(m[1], ":") || !strings.ContainsAny(m[1], "？?") && wordChar(m[1]) {
		return nil
	}
	return []string{"问：" + m[1], "答：" + m[2]}
}

// wordChar reports whether s ends in a letter or digit of ASCII, as a
// name before C++'s "::" does (std::vector); a card's front that does
// not ask ends in Chinese or punctuation.
func wordChar(s string) bool {
	c := s[len(s)-1]
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}
