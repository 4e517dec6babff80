package corpus

import (
	"html"
	"regexp"
	"strings"
)

// Notes written in Typora, Obsidian, Feishu or a web page, or converted
// from Word by pandoc, carry markup their editors render and no reader of
// a reply should see: inline HTML (<font color=red>, <img … style="zoom:50%">,
// <span style=…>, <mark>), comments (<!-- TODO -->, Obsidian's %%…%%),
// highlights (==重点==), entities (&nbsp;), attributes ({#id}, {.underline})
// and backslash escapes (TIME\_WAIT, which no question matches). inlineMarkup
// takes them out of a line as the editor would show it; code is left alone.

var (
	// formattingTag matches an HTML tag that only styles or groups what
	// it holds: the text stays, the tag goes. <strong> and <b> become
	// bold, so that "<strong>题目：</strong>" is a label.
	formattingTag = regexp.MustCompile(`(?i)</?(?:font|span|u|ins|mark|kbd|sup|sub|small|big|center|em|i|s|del|strike|tt|cite|abbr|label|p|div|section|article|a|ul|ol|/li)(?:\s[^<>]*)?/?>`)
	boldTag       = regexp.MustCompile(`(?i)</?(?:strong|b)(?:\s[^<>]*)?>`)
	// htmlHeading and htmlItem match a heading and a list item that
	// fill a line, as web pages and CMS exports write them; an item
	// within a line ("<ol><li>…</li><li>…</li></ol>") is broken onto
	// a line of its own in the answer.
	htmlHeading = regexp.MustCompile(`(?i)^<h([1-6])(?:\s[^<>]*)?>(.*?)</h[1-6]>$`)
	htmlItem    = regexp.MustCompile(`(?i)^<li(?:\s[^<>]*)?>`)
	inlineItem  = regexp.MustCompile(`(?i)<li(?:\s[^<>]*)?>`)
	// imageTag matches an image in HTML, which Typora writes for every
	// image scaled: its alt is a file name ("image-20230915101213456").
	imageTag = regexp.MustCompile(`(?i)<img\s[^<>]*>`)
	// comment matches an HTML comment or an Obsidian one on one line.
	comment = regexp.MustCompile(`<!--.*?-->|%%.*?%%`)
	// highlight matches ==text==, as Obsidian and Typora mark it: no
	// space inside the marks, so "a == b" is no highlight.
	highlight = regexp.MustCompile(`==([^=\s](?:[^=]*[^=\s])?)==`)
	// highlightedCode matches code highlighted: "==`ss -lntp`==".
	highlightedCode = regexp.MustCompile("==(`[^`]+`)==")
	// entity matches a character reference: "&nbsp;", "&#39;", "&#x4e2d;".
	entity = regexp.MustCompile(`&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});`)
	// attributes matches pandoc's and Typora's attributes after a heading
	// or a span: "{#lifecycle}", "{.underline}", "{#_Toc123 .anchor}",
	// "{width="3in"}".
	attributes = `\{(?:[#.][^\s{}"]+|[\w-]+="?[^"}\s]*"?)(?:\s+(?:[#.][^\s{}"]+|[\w-]+="?[^"}\s]*"?))*\}`
	// headingAttributes matches attributes at the end of a heading.
	headingAttributes = regexp.MustCompile(`\s*` + attributes + `\s*$`)
	// attributedSpan matches pandoc's "[text]{.underline}", and the empty
	// anchor Word's table of contents leaves: "[]{#_Toc123 .anchor}".
	attributedSpan = regexp.MustCompile(`\[([^\[\]]*)\]` + attributes)
	// escaped matches a backslash escape that pandoc writes inside a line
	// and whose character means nothing there: "TIME\_WAIT", "\[1\]",
	// "3\~4". "\*" and "\`" stay escaped, or they would open emphasis or
	// code; "\#" and "\-" stay, or a line could become a heading or an
	// item.
	escaped = regexp.MustCompile(`\\([_\[\]~<>()"'!=@&])`)
	// logseqProperty matches a line of Logseq's own block properties,
	// which its editor hides: "id:: 64f1…", "collapsed:: true",
	// "card-next-schedule:: …".
	logseqProperty = regexp.MustCompile(`^\s*(?:id|collapsed|heading|background-color|icon|template|template-including-parent|filters|public|card-[a-z-]+):: `)
	// boldNumber matches the number Word's numbered list leaves in bold
	// through pandoc: "**1.** 什么是三次握手？", read as "**1. 什么是三次握手？**".
	boldNumber = regexp.MustCompile(`^\*\*(\d{1,3}[.、．])\*\*\s*([^*\s].*?)\s*$`)
	// containerFence matches the line that opens or closes a container,
	// as Yuque and VuePress write them around tips: ":::info",
	// "::: tip 提示", ":::".
	containerFence = regexp.MustCompile(`^:{3,}\s*(?:[A-Za-z-]+.*)?$`)
)

// exportMarkup takes the markup of editors and exports out of notes, each
// line where it was (see inlineMarkup); a container's or a comment's lines
// are left blank, what a container holds stays, as text. A heading typed
// with Chinese input on ("##　2. …", an ideographic space) is a heading.
func exportMarkup(lines []string) []string {
	r := rewrite{in: lines}
	closing := "" // what ends the comment the line is in
	for i, opens := range fencesClosedAt(lines) {
		if opens {
			continue
		}
		line := lines[i]
		if codeIndented(line) && closing == "" {
			continue // an indented code block's line
		}
		trimmed := strings.TrimSpace(line)
		if closing != "" {
			end := strings.Index(line, closing)
			if end < 0 {
				r.set(i, "")
				continue
			}
			line, closing = line[end+len(closing):], ""
			r.set(i, line)
			trimmed = strings.TrimSpace(line)
		}
		if c, ok := blockComment(trimmed); ok {
			closing = c
			r.set(i, "")
			continue
		}
		if strings.Contains(trimmed, ":: ") && logseqProperty.MatchString(line) {
			r.set(i, "")
			continue
		}
		if strings.HasPrefix(trimmed, ":::") && containerFence.MatchString(trimmed) {
			r.set(i, "")
			continue
		}
		if n := strings.IndexFunc(line, func(c rune) bool { return c != '#' }); n > 0 && n <= 6 && strings.HasPrefix(line[n:], "\u3000") {
			line = line[:n] + " " + line[n+len("\u3000"):]
		}
		if strings.HasPrefix(trimmed, "<") {
			line = htmlBlock(line, trimmed)
		}
		if m := boldNumber.FindStringSubmatch(trimmed); m != nil && !strings.Contains(m[2], "**") {
			line = "**" + m[1] + " " + m[2] + "**"
		}
		if strings.HasSuffix(line, `\`) && !strings.HasSuffix(line, `\\`) {
			// pandoc's hard line break
			line = line[:len(line)-1] + "<br>"
		}
		if s := inlineMarkup(line); s != r.get(i) {
			r.set(i, s)
		}
	}
	return r.lines()
}

// inlineMarkup returns line as its editor shows it, outside inline code.
func inlineMarkup(line string) string {
	if !strings.ContainsAny(line, "<>&%={\\") {
		return line
	}
	heading := headingLevel(strings.TrimSpace(line)) > 0
	if strings.Contains(line, "==`") {
		line = highlightedCode.ReplaceAllString(line, "$1")
	}
	var b strings.Builder
	for line != "" {
		code := inlineCode.FindStringIndex(line)
		if code == nil {
			b.WriteString(textMarkup(line))
			break
		}
		b.WriteString(textMarkup(line[:code[0]]))
		b.WriteString(line[code[0]:code[1]])
		line = line[code[1]:]
	}
	out := b.String()
	if heading {
		out = headingAttributes.ReplaceAllString(out, "")
	}
	return out
}

// textMarkup is inlineMarkup for text outside code.
func textMarkup(s string) string {
	if strings.Contains(s, "<") {
		s = comment.ReplaceAllString(s, "")
		s = imageTag.ReplaceAllString(s, "")
		s = inlineItem.ReplaceAllString(s, "<br>- ")
		s = formattingTag.ReplaceAllString(s, "")
		s = boldTag.ReplaceAllString(s, "**")
	} else if strings.Contains(s, "%%") {
		s = comment.ReplaceAllString(s, "")
	}
	if strings.Contains(s, "==") {
		s = highlight.ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "]{") {
		s = attributedSpan.ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "&") {
		s = entity.ReplaceAllStringFunc(s, func(e string) string {
			return strings.Map(func(r rune) rune {
				switch r {
				case '\u00a0', '\u2002', '\u2003', '\u2009':
					return ' ' // &nbsp; and the like: a space
				}
				return r
			}, html.UnescapeString(e))
		})
	}
	if strings.Contains(s, `\`) {
		s = escaped.ReplaceAllString(s, "$1")
	}
	return s
}

// htmlBlock turns a heading or a list item written in HTML on a line of
// its own into Markdown.
func htmlBlock(line, trimmed string) string {
	if m := htmlHeading.FindStringSubmatch(trimmed); m != nil {
		return strings.Repeat("#", int(m[1][0]-'0')) + " " + m[2]
	}
	if loc := htmlItem.FindStringIndex(trimmed); loc != nil {
		indent := line[:strings.Index(line, trimmed)]
		return indent + "- " + trimmed[loc[1]:]
	}
	return line
}

// blockComment tells where a comment that spans lines opens and closes:
// "<!--" alone on a line until "-->", or "%%" until "%%".
func blockComment(trimmed string) (close string, ok bool) {
	switch {
	case strings.HasPrefix(trimmed, "<!--") && !strings.Contains(trimmed, "-->"):
		return "-->", true
	case trimmed == "%%" || (strings.HasPrefix(trimmed, "%%") && strings.Count(trimmed, "%%") == 1):
		return "%%", true
	}
	return "", false
}
