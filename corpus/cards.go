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

// inlineAnswers puts a question and its answer typed on one line on two,
// and returns the file's line of each line when it split any (nil when
// none), for messages to point at the file's lines.
func inlineAnswers(lines []string) ([]string, []int) {
	outside := make([]bool, len(lines))
	split := false
	for i, opens := range fencesClosedAt(lines) {
		outside[i] = !opens
		split = split || (!opens && inlineQA.MatchString(strings.TrimSpace(lines[i])))
	}
	if !split {
		return lines, nil
	}
	out, origin := make([]string, 0, len(lines)+8), make([]int, 0, len(lines)+8)
	for i, line := range lines {
		if m := inlineQA.FindStringSubmatch(strings.TrimSpace(line)); outside[i] && m != nil {
			out, origin = append(out, m[1], m[2]), append(origin, i+1, i+1)
			continue
		}
		out, origin = append(out, line), append(origin, i+1)
	}
	return out, origin
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
