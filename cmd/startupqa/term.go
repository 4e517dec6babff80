package main

import (
	"io"
	"os"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/sys/unix"
)

// terminal says how text reaches a person: whether bold can be shown and
// how wide the window is. Output that is not a terminal gets the Markdown
// as it is, which reads well in a pipe, a file or a chat.
type terminal struct {
	bold  bool // ANSI bold for **text**; false keeps the markers off plainly
	width int  // columns to wrap at
}

// terminalOf returns how to render for w, and false when w is not a
// terminal. noColor is NO_COLOR: no ANSI sequences.
func terminalOf(w io.Writer, noColor bool) (terminal, bool) {
	f, ok := w.(*os.File)
	if !ok {
		return terminal{}, false
	}
	ws, err := unix.IoctlGetWinsize(int(f.Fd()), unix.TIOCGWINSZ)
	if err != nil || ws.Col == 0 {
		return terminal{}, false
	}
	return terminal{bold: !noColor, width: int(ws.Col)}, true
}

var boldSpan = regexp.MustCompile(`\*\*([^*\n]+)\*\*`)

// render shows Markdown bold as bold (or plainly) and wraps every line to
// the terminal's width by display columns, list items hanging under their
// marker.
func (t terminal) render(text string) string {
	var b strings.Builder
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		repl := "$1"
		if t.bold {
			repl = "\x1b[1m$1\x1b[0m"
		}
		line = boldSpan.ReplaceAllString(line, repl)
		b.WriteString(wrap(line, t.width))
	}
	return b.String()
}

// listMarker matches the start of a list item, whose wrapped lines hang
// under its text.
var listMarker = regexp.MustCompile(`^\s*(?:[-*+]|\d+\.)\s+`)

// wrap breaks a line into lines of at most width columns: at spaces in
// Latin text, anywhere between Han characters, never inside an escape
// sequence.
func wrap(line string, width int) string {
	if width < 20 || displayWidth(line) <= width {
		return line
	}
	indent := strings.Repeat(" ", displayWidth(listMarker.FindString(line)))
	var out strings.Builder
	var cur strings.Builder
	// lastBreak is the byte offset in cur after which the line may
	// break; prevBreak the one before it, so that closing punctuation,
	// which may not start a line, takes the character before it along.
	curW, lastBreak, prevBreak := 0, -1, -1
	flush := func(upto int) {
		s := cur.String()
		out.WriteString(strings.TrimRight(s[:upto], " "))
		out.WriteString("\n" + indent)
		rest := strings.TrimLeft(s[upto:], " ")
		cur.Reset()
		cur.WriteString(rest)
		curW, lastBreak, prevBreak = len(indent)+displayWidth(rest), -1, -1
	}
	for i := 0; i < len(line); {
		if line[i] == '\x1b' {
			j := strings.IndexByte(line[i:], 'm')
			if j < 0 {
				j = len(line) - i - 1
			}
			cur.WriteString(line[i : i+j+1])
			i += j + 1
			continue
		}
		r, size := utf8.DecodeRuneInString(line[i:])
		w := runeWidth(r)
		if curW+w > width {
			switch {
			case strings.ContainsRune(closingPunct, r) && prevBreak > 0:
				flush(prevBreak)
			case lastBreak > 0 && (!isWide(r) || lastBreak == cur.Len()):
				flush(lastBreak)
			default:
				flush(cur.Len())
			}
		}
		cur.WriteString(line[i : i+size])
		curW += w
		if r == ' ' || isWide(r) {
			// A line may break after a space or any wide character.
			prevBreak, lastBreak = lastBreak, cur.Len()
		}
		i += size
	}
	out.WriteString(cur.String())
	return out.String()
}

// closingPunct may not start a line.
const closingPunct = "。，、；：？！）」』》〉】”’.,;:?!)"
