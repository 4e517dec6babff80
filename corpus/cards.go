package corpus

import (
	"regexp"
	"strings"
)

// cardSide matches a line of a flash card exported from Anki or a like
// app: "正面：HTTP 和 HTTPS 的区别？", "背面：…", "Front: …", "Back: …".
var cardSide = regexp.MustCompile(`^(正面|背面|[Ff]ront|[Bb]ack)\s*[：:]`)

// flashCards reads the sides of flash cards as a question and its answer:
// in notes whose cards each give a front and then a back (two cards at
// least), "正面：" becomes "题目：" and "背面：" "答案：". Alone, or out of
// that order, 正面 and 背面 are words like any other (a coin's two faces,
// "Back: to the top"), and the lines stay as they are.
func flashCards(lines []string) []string {
	var at []int
	for i, opens := range fencesClosedAt(lines) {
		if !opens && cardSide.MatchString(strings.TrimSpace(lines[i])) {
			at = append(at, i)
		}
	}
	if len(at) < 4 || len(at)%2 != 0 {
		return lines
	}
	for k, i := range at {
		front := k%2 == 0
		side := cardSide.FindStringSubmatch(strings.TrimSpace(lines[i]))[1]
		if isFront := side == "正面" || strings.EqualFold(side, "front"); isFront != front {
			return lines
		}
		// A card's front is the first text under its heading, its back
		// the next: not a coin's two faces in an answer.
		if prev := previousText(lines, i); front && headingLevel(prev) == 0 || !front && prev != strings.TrimSpace(lines[at[k-1]]) {
			return lines
		}
	}
	out := make([]string, len(lines))
	copy(out, lines)
	for k, i := range at {
		label := "答案"
		if k%2 == 0 {
			label = "题目"
		}
		t := strings.TrimSpace(out[i])
		out[i] = label + "：" + strings.TrimSpace(t[len(cardSide.FindString(t)):])
	}
	return out
}

// inlineQA matches a question and its answer typed on one line:
// "Q：列表和元组有什么区别？ A：列表可变…", "**问：** 为什么？ **答：** 因为…".
var inlineQA = regexp.MustCompile(`^((?:\*\*)?(?:Q|问|问题|题目)\s*[：:]\s*(?:\*\*)?\s*.+?[？?])\s*((?:\*\*)?(?:A|答|答案)\s*[：:].*)$`)

// previousText is the line before line i that is not blank, trimmed; ""
// at the start.
func previousText(lines []string, i int) string {
	for j := i - 1; j >= 0; j-- {
		if t := strings.TrimSpace(lines[j]); t != "" {
			return t
		}
	}
	return ""
}

// choices matches the second option of a multiple-choice question: "B：",
// "B." after "A：…".
var choices = regexp.MustCompile(`\bB\s*[：:.．、]`)

// inlineAnswers puts a question and its answer typed on one line, as the
// first text under a heading, on two, and the fields of a line of bold
// labels (see boldLabelsInLine) on a line each, and returns the file's
// line of each line when it split any (nil when none), for messages to
// point at the file's lines.
func inlineAnswers(lines []string) ([]string, []int) {
	at := map[int][]string{}
	cards := hasFlashcards(lines)
	sections := cards && hasSectionHeadings(lines)
	for i, opens := range fencesClosedAt(lines) {
		if opens {
			continue
		}
		if cards && !startsIndented(lines[i]) {
			if parts := inlineCardParts(lines[i], sections); parts != nil {
				at[i] = parts
				continue
			}
		}
		if parts := boldLabelsInLine(lines[i]); parts != nil {
			at[i] = parts
			continue
		}
		if !strings.ContainsAny(lines[i], "：:") || headingLevel(previousText(lines, i)) == 0 {
			continue // an exchange quoted in prose stays as it is
		}
		m := inlineQA.FindStringSubmatch(strings.TrimSpace(lines[i]))
		if m == nil || (strings.HasPrefix(strings.TrimLeft(m[2], "*"), "A") && choices.MatchString(m[2])) {
			continue // "A：管道 B：线程" is a choice, not the answer
		}
		at[i] = []string{m[1], m[2]}
	}
	if len(at) == 0 {
		return lines, nil
	}
	out, origin := make([]string, 0, len(lines)+len(at)), make([]int, 0, len(lines)+len(at))
	for i, line := range lines {
		if parts, ok := at[i]; ok {
			for _, p := range parts {
				out, origin = append(out, p), append(origin, i+1)
			}
			continue
		}
		out, origin = append(out, line), append(origin, i+1)
	}
	return out, origin
}

// midLineLabel matches a bold label and its colon after text, with the
// break before it: a space, or the <br /> that Yuque's export puts where
// its author pressed Enter ("…<br />**答案：** …").
var midLineLabel = regexp.MustCompile(`(?:\s|<br\s*/?>)*(\*\*\s*([^*]{2,12}?)\s*[：:]\s*\*\*)`)

// boldLabelsInLine splits a line that opens with a bold label and holds
// more of them ("**题目：** 解释 MVP。 **答案：** 最小可行产品。") at each
// further label of a later field, nil when there is none. Only labels
// with their colon inside the bold count (as the export writes them: a
// bold term "**分析**：" in an answer is a word), each field once and in
// order (an answer's "**解释：**" after its "**分析：**" stays in it), and
// a one-letter label (A, Q) mid-line is a choice, not a field.
func boldLabelsInLine(line string) []string {
	t := strings.TrimSpace(line)
	if !strings.HasPrefix(t, "**") || strings.Count(t, "**") < 4 {
		return nil // two bold labels at least
	}
	label, _, ok := parseLabel(t)
	if !ok {
		return nil
	}
	last, known := lookupLabel(label)
	if !known {
		return nil
	}
	var parts []string
	start := 0
	for _, m := range midLineLabel.FindAllStringSubmatchIndex(t, -1) {
		if m[2] == 0 {
			continue // the label the line opens with
		}
		f, known := lookupLabel(strings.TrimSpace(t[m[4]:m[5]]))
		if !known || f <= last || f == aliasField {
			continue
		}
		parts = append(parts, strings.TrimSpace(t[start:m[0]]))
		start, last = m[2], f
	}
	if parts == nil {
		return nil
	}
	return append(parts, strings.TrimSpace(t[start:]))
}

// throughOrigin maps the lines of a second rewrite (questionList's origin,
// 1-based lines of its input) through a first (split), to the file's.
func throughOrigin(split, second []int) []int {
	switch {
	case split == nil:
		return second
	case second == nil:
		return split
	}
	out := make([]int, len(second))
	for k, l := range second {
		out[k] = split[l-1]
	}
	return out
}
