package corpus

import (
	"regexp"
	"strings"
)

// field is the labelled block of a section a line belongs to.
type field int

const (
	noField field = iota
	questionField
	answerField
	analysisField
	aliasField
)

// name is how messages refer to a field: the corpus's own label, with the
// English word for readers who do not read Chinese.
func (f field) name() string {
	switch f {
	case questionField:
		return "题目 (question)"
	case answerField:
		return "答案 (answer)"
	case analysisField:
		return "解析 (analysis)"
	case aliasField:
		return "别名 (aliases)"
	}
	return "text"
}

// labels maps every accepted spelling of a label, lower-cased, to its field.
// Authors write simplified or traditional characters, synonyms and English.
var labels = map[string]field{
	"题目": questionField, "題目": questionField,
	"问题": questionField, "問題": questionField,
	"question": questionField, "q": questionField,
	"答案": answerField, "回答": answerField,
	"answer": answerField, "a": answerField,
	"解析": analysisField, "分析": analysisField,
	"解释": analysisField, "解釋": analysisField,
	"analysis": analysisField, "explanation": analysisField,
	"别名": aliasField, "別名": aliasField, "aliases": aliasField, "alias": aliasField,
}

// examLabels are labels as exam papers and answer keys write them (问/答,
// 参考答案, 答案解析, 点评), which interview notes copy. They are accepted
// but are not what a typo is measured against: "解决思路" beside 解题思路,
// or a dialogue's "面试官" beside 面试题, is text, not a misspelt label.
// Words that also open a point inside an answer (要点, 说明, 补充, 思路)
// are not labels at all: a second answer would end the first.
var examLabels = map[string]field{
	"问": questionField, "問": questionField, "题": questionField, "題": questionField,
	"答":    answerField,
	"参考答案": answerField, "參考答案": answerField,
	"标准答案": answerField, "標準答案": answerField,
	"参考回答": answerField, "參考回答": answerField,
	"答案解析": analysisField, "详解": analysisField, "詳解": analysisField,
	"点评": analysisField, "點評": analysisField,
	"解题思路": analysisField, "解題思路": analysisField,
}

// labelLine matches a line that opens with a bold label and a colon, with the
// colon inside or after the bold markers and in either width:
// "**题目：** …", "**题目:** …", "**答案**：…".
var labelLine = regexp.MustCompile(`^\*\*\s*([^*]{1,24}?)\s*([：:])?\s*\*\*\s*([：:])?\s*(.*)$`)

// parseLabel splits a label line into the label and the text after it. ok is
// false when the line does not have the shape of a label.
func parseLabel(line string) (label, rest string, ok bool) {
	m := labelLine.FindStringSubmatch(line)
	if m == nil || (m[2] == "" && m[3] == "") {
		return "", "", false
	}
	return m[1], m[4], true
}

// plainLabelLine matches a line that opens with a label and a colon
// without the bold markers: "题目：…", "Q: …".
var plainLabelLine = regexp.MustCompile(`^([^\s*：:]{1,12}?)\s*[：:]\s*(.*)$`)

// parsePlainLabel splits a line that opens with a known label and a colon,
// not bold, into the label and the text after it. Notes typed in a hurry
// drop the bold; only known labels count, so "注意：…" stays text.
func parsePlainLabel(line string) (label, rest string, ok bool) {
	m := plainLabelLine.FindStringSubmatch(line)
	if m == nil {
		return "", "", false
	}
	if _, known := lookupLabel(m[1]); !known {
		return "", "", false
	}
	return m[1], m[2], true
}

// isExamLabel reports whether a label is one of examLabels, which count
// only where they fit (see parser.fitsInOrder).
func isExamLabel(label string) bool {
	_, ok := examLabels[strings.ToLower(label)]
	return ok
}

// lookupLabel returns the field a label names.
func lookupLabel(label string) (field, bool) {
	l := strings.ToLower(label)
	if f, ok := labels[l]; ok {
		return f, true
	}
	f, ok := examLabels[l]
	return f, ok
}

// nearLabel returns the known label that an unknown one looks like a typo of,
// such as "答按" for "答案" or "anwser" for "answer". It returns "" when the
// label is just bold text such as "注意".
func nearLabel(label string) string {
	l := []rune(strings.ToLower(label))
	best, bestDist := "", 0
	for known := range labels {
		k := []rune(known)
		if len(k) < 2 {
			continue // "q" and "a" are too short to have typos
		}
		limit := 1
		if len(k) >= 6 {
			limit = 2
		}
		d := editDistance(l, k)
		if d == 0 || d > limit {
			continue
		}
		// Prefer the closest match, then a stable choice.
		if best == "" || d < bestDist || (d == bestDist && known < best) {
			best, bestDist = known, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between two rune slices.
func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
