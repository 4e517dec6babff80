package corpus

import "strings"

// Fenced code and tables are kept line for line: notes on engineering
// topics quote commands and configuration, and compare options in tables,
// and neither survives being joined into one line of prose. Inside a fence
// nothing is a heading, a label or a list item: a shell comment
// ("## install") must not start a section.

// FenceOpening returns the fence a trimmed line opens ("```", "~~~~") or
// "": three or more backticks or tildes; "```x```" is inline code.
func FenceOpening(trimmed string) string {
	for _, c := range []string{"`", "~"} {
		if strings.HasPrefix(trimmed, c+c+c) {
			n := len(trimmed) - len(strings.TrimLeft(trimmed, c))
			if c == "`" && strings.Contains(trimmed[n:], "`") {
				return "" // "```x```" is inline code
			}
			return strings.Repeat(c, n)
		}
	}
	return ""
}

// ClosesFence reports whether a trimmed line ends the fence opened by
// fence: the same character at least as many times, and nothing after it.
func ClosesFence(trimmed, fence string) bool {
	return strings.HasPrefix(trimmed, fence) && strings.Trim(trimmed, fence[:1]) == ""
}

// isTableRow reports whether a line is a row of a Markdown table: it
// opens and closes with a pipe, unlike prose about |x|.
func isTableRow(trimmed string) bool {
	return len(trimmed) >= 2 && strings.HasPrefix(trimmed, "|") && strings.HasSuffix(trimmed, "|")
}

// verbatim builds one fenced block or table as the text of a paragraph,
// its lines kept, in O(n) for n lines.
type verbatim struct {
	dst   *string // the paragraph's text; nil when no block is open
	buf   strings.Builder
	table bool // the block is a table, which ends at the first other line
}

// start opens a block at dst, after the text already there (a list
// item's) on a line of its own.
func (v *verbatim) start(dst *string, line string, table bool) {
	v.dst, v.table, v.buf = dst, table, strings.Builder{}
	if *dst != "" {
		v.buf.WriteString(*dst)
		v.buf.WriteByte('\n')
	}
	v.buf.WriteString(strings.TrimRight(line, " \t"))
	*v.dst = v.buf.String()
}

func (v *verbatim) add(line string) {
	if v.dst == nil {
		return
	}
	v.buf.WriteByte('\n')
	v.buf.WriteString(strings.TrimRight(line, " \t"))
	*v.dst = v.buf.String()
}

func (v *verbatim) end() { v.dst, v.table = nil, false }
