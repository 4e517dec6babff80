package corpus

import (
	"regexp"
	"strings"
)

// Mind maps and outliners (XMind, 幕布, Logseq) export notes as one tree
// of bullets: topics, under them the questions, under each question its
// points ("- MySQL 面试", "    - 索引", "        - 聚簇索引和非聚簇索引的区别？",
// "            - 聚簇索引：叶子节点存整行"). outlineQuestions rewrites such a
// tree, each line where it was: a bullet that asks and has bullets under
// it becomes a heading, its points the items of its answer, and the
// topics above it chapters. A tree whose questions are at its top is a
// list of questions as it is (see questionList).

// outlineBullet matches a bullet of an outline and its text.
var outlineBullet = regexp.MustCompile(`^([ \t]*)[-*+]\s+(.+?)\s*$`)

// outlineQuestions returns lines with an outline's questions as headings,
// or lines as they are unless the notes are such a tree: no heading, no
// label and nothing but bullets, each a topic (it asks nothing and has a
// question under it), a question (it asks and has bullets under it) or a
// point of a question, the topics at the top. Anything else (a question
// answered on its own line, points under no question, follow-ups asked
// under an answer's points) leaves the notes as they were.
func outlineQuestions(lines []string) []string {
	type bullet struct {
		line, depth int
		text        string
	}
	var bs []bullet
	for i, opens := range fencesClosedAt(lines) {
		t := strings.TrimSpace(lines[i])
		if opens {
			return lines // code in a mind map is no outline of questions
		}
		if t == "" {
			continue
		}
		m := outlineBullet.FindStringSubmatch(lines[i])
		if m == nil {
			return lines // a heading, a paragraph
		}
		if _, _, _, ok := readLabel(m[2], true); ok || isAnswerLabel(m[2]) {
			return lines
		}
		bs = append(bs, bullet{i, columns(m[1]), m[2]})
	}
	if len(bs) == 0 {
		return lines
	}
	// parent[k] is whether bullet k has a deeper bullet right under it.
	parent := make([]bool, len(bs))
	for k := 0; k+1 < len(bs); k++ {
		parent[k] = bs[k+1].depth > bs[k].depth
	}
	asks := func(k int) bool { return parent[k] && strings.ContainsAny(bs[k].text, "？?") }
	topic := func(k int) bool { // asks nothing, and has a question under it
		if strings.ContainsAny(bs[k].text, "？?") {
			return false
		}
		for j := k + 1; j < len(bs) && bs[j].depth > bs[k].depth; j++ {
			if asks(j) {
				return true
			}
		}
		return false
	}
	top := bs[0].depth
	for _, b := range bs {
		top = min(top, b.depth)
	}
	r := rewrite{in: lines}
	questions := 0
	under, base := -1, 0 // the question's depth (-1 outside one) and its points'
	for k, b := range bs {
		switch {
		case under >= 0 && b.depth > under:
			// A point of the question: an item of its answer, nested
			// under the point above it as it was.
			r.set(b.line, strings.Repeat(" ", max(0, b.depth-base))+"- "+b.text)
			continue
		case b.depth == top && !topic(k):
			return lines
		case asks(k):
			r.set(b.line, "### "+trimDecoration(b.text))
			under, base = b.depth, bs[k+1].depth
			questions++
			continue
		case topic(k):
			t := trimDecoration(b.text)
			if loc := questionTags.FindStringIndex(t); loc != nil && loc[0] > 0 {
				t = t[:loc[0]] // "Java 并发面试题 #面试"
			}
			r.set(b.line, "## "+t)
		default:
			return lines
		}
		under = -1
	}
	if questions < 2 {
		return lines
	}
	return r.lines()
}

// columns is how wide an indent is, a tab taking four columns.
func columns(indent string) int {
	return len(strings.ReplaceAll(indent, "\t", "    "))
}
