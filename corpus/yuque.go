package corpus

import (
	"regexp"
	"strings"
)

// Yuque's Markdown export, and VuePress-style notes, carry markup no
// reader should see: an empty anchor before every heading (<a
// name="Xk2pL"></a>) and containers around tips (":::info", then ":::").

var (
	// emptyAnchor matches an anchor that only marks a place.
	emptyAnchor = regexp.MustCompile(`<a\s+(?:name|id)\s*=\s*"[^"]*"\s*>\s*</a>`)
	// containerFence matches the line that opens or closes a container:
	// ":::info", "::: tip 提示", ":::".
	containerFence = regexp.MustCompile(`^:{3,}\s*(?:[A-Za-z-]+.*)?$`)
)

// exportMarkup takes anchors and container lines out of notes, each line
// where it was; what a container holds stays, as text.
func exportMarkup(lines []string) []string {
	r := rewrite{in: lines}
	edit := r.set
	for i, opens := range fencesClosedAt(lines) {
		if opens {
			continue
		}
		line := lines[i]
		if codeIndented(line) {
			continue // an indented code block's line
		}
		if strings.Contains(line, "</a>") {
			if s := withoutAnchors(line); s != line {
				edit(i, s)
				line = s
			}
		}
		if strings.HasPrefix(strings.TrimSpace(line), ":::") && containerFence.MatchString(strings.TrimSpace(line)) {
			edit(i, "")
		}
	}
	return r.lines()
}

// withoutAnchors drops empty anchors from a line outside its inline code:
// an answer may show one (`<a name="top"></a>`).
func withoutAnchors(line string) string {
	var b strings.Builder
	for line != "" {
		code := inlineCode.FindStringIndex(line)
		if code == nil {
			b.WriteString(emptyAnchor.ReplaceAllString(line, ""))
			break
		}
		b.WriteString(emptyAnchor.ReplaceAllString(line[:code[0]], ""))
		b.WriteString(line[code[0]:code[1]])
		line = line[code[1]:]
	}
	return b.String()
}
