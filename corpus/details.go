package corpus

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Notes published on GitHub fold answers away in HTML: a question in a
// <summary> and its answer in the <details> around it, or a question as
// text and "<summary>答案</summary>" over the answer. Discord shows HTML
// as it is typed, and the tags say nothing.

var (
	// detailsTag matches a line that only opens or closes a <details>.
	detailsTag = regexp.MustCompile(`(?i)^(?:<details(?:\s[^>]*)?>|</details>)$`)
	// summaryLine matches a <summary> line, opened <details> and all.
	summaryLine = regexp.MustCompile(`(?i)^(?:<details(?:\s[^>]*)?>\s*)?<summary>(.*)</summary>$`)
	// htmlTag matches a tag inside a summary: "<b>", "</strong>".
	htmlTag = regexp.MustCompile(`</?[A-Za-z][^>]*>`)
	// revealWords are what a summary that hides an answer says:
	// "点击展开答案", "查看解析", "Show answer".
	revealWords = []string{"答案", "解析", "展开", "展開", "查看", "点击", "點擊", "点开", "點開", "answer", "solution", "show", "expand", "click"}
)

// foldedAnswers blanks the lines of <details> tags and of summaries that
// only hide an answer ("<summary>点击查看答案</summary>"), and sets any
// other summary in bold as a line of its own: summaries holds those lines,
// the questions of notes that fold each answer under its question.
// Lines in code blocks are left alone.
func foldedAnswers(lines []string) (out []string, summaries map[int]bool) {
	out = lines
	fence, copied := "", false
	for i, line := range lines {
		trimmed := strings.TrimSpace(line)
		if fence != "" {
			if ClosesFence(trimmed, fence) {
				fence = ""
			}
			continue
		}
		if fence = FenceOpening(trimmed); fence != "" {
			continue
		}
		text, isSummary := "", false
		switch {
		case detailsTag.MatchString(trimmed):
		case summaryLine.MatchString(trimmed):
			text = strings.TrimSpace(htmlTag.ReplaceAllString(summaryLine.FindStringSubmatch(trimmed)[1], ""))
			isSummary = text != "" && !reveals(text)
		default:
			continue
		}
		if !copied {
			out, copied = append([]string(nil), lines...), true
		}
		out[i] = ""
		if isSummary {
			out[i] = "**" + strings.Trim(text, "*") + "**"
			if summaries == nil {
				summaries = map[int]bool{}
			}
			summaries[i] = true
		}
	}
	return out, summaries
}

// reveals reports whether a summary's text only says that an answer is
// folded under it: short, no question, and words that say so.
func reveals(text string) bool {
	t := strings.ToLower(text)
	if utf8.RuneCountInString(t) > 16 || strings.ContainsAny(t, "？?") {
		return false
	}
	for _, w := range revealWords {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}
