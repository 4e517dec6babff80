package corpus

import (
	"regexp"
	"strings"
)

// MkDocs (Material) notes fold each question in an admonition, its answer
// indented four spaces under it:
//
//	??? question "ZSet 为什么用跳表？"
//
//	    跳表实现简单，范围查询方便。
//
// Read as they are, the answers are indented code. admonitions rewrites
// them, each line where it was: a title that asks becomes a bold question
// (see questionList), another title a line of text ("面试技巧："), and what
// the admonition holds loses the indent it took from it.

// admonition matches an admonition's opening line: its indent, and its
// title if it has one ("??? question", "???+ faq \"…\"", "!!! tip \"…\"").
var admonition = regexp.MustCompile(`^(\s*)(?:\?\?\?\+?|!!!)\s+[A-Za-z-]+(?:\s+"([^"]*)")?\s*$`)

func admonitions(lines []string) []string {
	r := rewrite{in: lines}
	for i, opens := range fencesClosedAt(lines) {
		if opens {
			continue
		}
		line := r.get(i)
		if !strings.Contains(line, "??") && !strings.Contains(line, "!!!") {
			continue
		}
		m := admonition.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		indent, title := m[1], strings.TrimSpace(m[2])
		switch {
		case title == "":
			r.set(i, "")
		case strings.ContainsAny(title, "？?"):
			r.set(i, indent+"**"+title+"**")
		default:
			r.set(i, indent+title+"：")
		}
		// What it holds: blank lines and lines indented four columns
		// more than it.
		body := indent + "    "
		for j := i + 1; j < len(lines); j++ {
			l := r.get(j)
			if strings.TrimSpace(l) == "" {
				continue
			}
			if !strings.HasPrefix(strings.ReplaceAll(l, "\t", "    "), body) {
				break
			}
			l = strings.ReplaceAll(l, "\t", "    ")
			r.set(j, indent+l[len(body):])
		}
	}
	return r.lines()
}
