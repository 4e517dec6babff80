package corpus

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Notes published on GitHub fold answers away in HTML: a question in a
// <summary> and its answer in the <details> around it, or a question as
// text and "<summary>答案</summary>" over the answer. Discord shows HTML
// as it is typed, and the tags say nothing.

var (
	// detailsTag matches a line that only opens or closes a <details>, or
	// an <aside>, as Notion exports a callout.
	detailsTag = regexp.MustCompile(`(?i)^(?:<details(?:\s[^>]*)?>|</details>|<aside>|</aside>)$`)
	// summaryLine matches a <summary> line, opened <details> and all.
	summaryLine = regexp.MustCompile(`(?i)^(?:<details(?:\s[^>]*)?>\s*)?<summary>(.*)</summary>$`)
	// htmlTag matches a tag inside a summary: "<b>", "</strong>".
	htmlTag = regexp.MustCompile(`</?[A-Za-z][^>]*>`)
	// answerWords say that a summary hides an answer: "点击展开答案",
	// "查看解析", "Show answer".
	answerWords = []string{"答案", "解答", "解析", "回答", "answer", "solution"}
	// foldWords say only that something is folded: "点击展开", "点开".
	foldWords = []string{"点击", "點擊", "点开", "點開", "展开", "展開", "查看", "show", "expand", "click", "here", "to"}
)

// foldedAnswers blanks the lines of <details> tags and of summaries that
// only hide an answer ("<summary>点击查看答案</summary>"), and sets any
// other summary in bold as a line of its own, which is a question of a
// list where it asks one (see listedQuestionLine). Lines in code blocks
// are left alone.
func foldedAnswers(lines []string) []string {
	out := lines
	copied := false
	answerLabel, labelKnown := "", false
	for i, opens := range fencesClosedAt(lines) {
		if opens {
			continue
		}
		trimmed := strings.TrimSpace(lines[i])
		text := ""
		switch {
		case detailsTag.MatchString(trimmed):
		case summaryLine.MatchString(trimmed):
			text = strings.TrimSpace(htmlTag.ReplaceAllString(summaryLine.FindStringSubmatch(trimmed)[1], ""))
		default:
			continue
		}
		if !copied {
			out, copied = append([]string(nil), lines...), true
		}
		out[i] = ""
		switch {
		case text == "":
		case !reveals(text):
			out[i] = "**" + strings.Trim(text, "*") + "**"
		case namesAnswer(strings.ToLower(text)):
			if !labelKnown {
				answerLabel, labelKnown = foldsOnlyAnswers(lines), true
			}
			out[i] = answerLabel // "**题目：** …" then the answer folded away; "" elsewhere
		}
	}
	return out
}

// reveals reports whether a summary's text only says that an answer is
// folded under it: short, asking nothing, and naming an answer
// ("点击展开答案", "Show answer") or nothing at all ("点击展开"). A summary
// that names what it folds ("回溯模板（点开）", "Python") is a title.
func reveals(text string) bool {
	t := strings.ToLower(text)
	if utf8.RuneCountInString(t) > 16 || strings.ContainsAny(t, "？?") {
		return false
	}
	if namesAnswer(t) {
		return true
	}
	for _, w := range foldWords {
		t = strings.ReplaceAll(t, w, "")
	}
	return strings.TrimFunc(t, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) == ""
}

// namesAnswer reports whether a summary's text, lower-cased, names an
// answer.
func namesAnswer(t string) bool {
	for _, w := range answerWords {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// foldsOnlyAnswers returns the answer label that a summary hiding an
// answer stands for in notes that label their questions and never their
// answers ("**题目：** 什么是缓存穿透？", then the answer folded away): in the
// labels' own style, "**答案：**" or "答案：". It returns "" for other notes,
// where the folded text simply follows.
func foldsOnlyAnswers(lines []string) string {
	question, answer := false, false
	for trimmed := range outsideFences(lines) {
		label, _, sh, ok := readLabel(trimmed, true)
		if !ok {
			label, _, ok = parsePlainLabel(trimmed)
		}
		if f, known := lookupLabel(label); ok && known {
			switch {
			case f == answerField:
				answer = true
			case f == questionField && (sh == boldShape || sh == bracketShape):
				question = true
			}
		}
	}
	switch {
	case question && !answer && boldLabels(lines):
		return "**答案：**"
	case question && !answer:
		return "答案："
	}
	return ""
}
