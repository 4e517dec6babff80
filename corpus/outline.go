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
// topics above it chapters. A tree whose questions are all at its top is
// a list of questions as it is (see questionList).

// outlineBullet matches a bullet of an outline and its text.
var outlineBullet = regexp.MustCompile(`^([ \t]*)[-*+]\s+(.+?)\s*$`)

// outlineQuestions returns lines with an outline's questions as headings,
// or lines as they are unless the notes are such a tree: no heading and
// no label, and two or more bullets that ask with bullets under them, one
// of them nested under a topic.
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
		if headingLevel(t) > 0 {
			return lines
		}
		if _, _, _, ok := readLabel(t, true); ok || isAnswerLabel(t) {
			return lines
		}
		if m := outlineBullet.FindStringSubmatch(lines[i]); m != nil {
			bs = append(bs, bullet{i, columns(m[1]), m[2]})
		}
	}
	// parent[k] is whether bullet k has a deeper bullet right under it.
	parent := make([]bool, len(bs))
	for k := 0; k+1 < len(bs); k++ {
		parent[k] = bs[k+1].depth > bs[k].depth
	}
	asks := func(k int) bool { return parent[k] && strings.ContainsAny(bs[k].text, "？?") }
	questions, nested := 0, false
	for k, b := range bs {
		if asks(k) {
			questions++
			nested = nested || b.depth > 0
		}
	}
	if questions < 2 || !nested {
		return lines
	}
	// topic reports whether bullet k has a question under it.
	topic := func(k int) bool {
		for j := k + 1; j < len(bs) && bs[j].depth > bs[k].depth; j++ {
			if asks(j) {
				return true
			}
		}
		return false
	}
	r := rewrite{in: lines}
	under, base := -1, 0 // the question's depth (-1 outside one) and its points'
	for k, b := range bs {
		switch {
		case under >= 0 && b.depth > under:
			// A point of the question: an item of its answer, nested
			// under the point above it as it was.
			r.set(b.line, strings.Repeat(" ", max(0, b.depth-base))+"- "+b.text)
			continue
		case asks(k):
			r.set(b.line, "## "+trimDecoration(b.text))
			under, base = b.depth, bs[k+1].depth
			continue
		case parent[k] && topic(k):
			r.set(b.line, "# "+trimDecoration(b.text))
		}
		under = -1
	}
	return r.lines()
}

// columns is how wide an indent is, a tab taking four columns.
func columns(indent string) int {
	return len(strings.ReplaceAll(indent, "\t", "    "))
}
