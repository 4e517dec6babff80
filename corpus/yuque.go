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
	var out []string
	edit := func(i int, s string) {
		if out == nil {
			out = append([]string(nil), lines...)
		}
		out[i] = s
	}
	for i, opens := range fencesClosedAt(lines) {
		if opens {
			continue
		}
		line := lines[i]
		if strings.Contains(line, "</a>") {
			if s := emptyAnchor.ReplaceAllString(line, ""); s != line {
				edit(i, s)
				line = s
			}
		}
		if strings.HasPrefix(strings.TrimSpace(line), ":::") && containerFence.MatchString(strings.TrimSpace(line)) {
			edit(i, "")
		}
	}
	if out == nil {
		return lines
	}
	return out
}
