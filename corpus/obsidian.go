package corpus

import (
	"path"
	"regexp"
	"strings"
)

// Notes kept in Obsidian or exported from Notion carry markup of their
// own that Discord does not render and a reader should not see: wiki
// links ("[[array-patterns#二分查找]]"), embedded images ("![](img/a.png)")
// and callouts ("> [!warning] 踩坑"). Answers keep what they say.

var (
	// wikiLink matches "[[page]]", "[[page#heading]]" and "[[page|shown]]".
	wikiLink = regexp.MustCompile(`\[\[([^\[\]|]+?)(?:\|([^\[\]]+?))?\]\]`)
	// imageLink matches an embedded image, "![alt](path)" or "![[a.png]]",
	// and captures its alt text and its path.
	imageLink = regexp.MustCompile(`!\[([^\]]*)\]\(([^)]*)\)|!\[\[([^\]|]*)[^\]]*\]\]`)
	// inlineCode matches a span of inline code.
	inlineCode = regexp.MustCompile("`+[^`]*`+")
	// calloutMarker matches a callout's type after the quote marker:
	// "[!warning]", "[!tip]-" (folded).
	calloutMarker = regexp.MustCompile(`^\[![A-Za-z-]+\][+-]?\s*`)
)

// tidyLinks replaces a wiki link with the text it shows (its alias, else
// the heading or page it names) and an image with its alt text, or its
// file's name when it has none (an answer may be only a diagram). Inline
// code is left alone: pandas' df[['a', 'b']] and bash's [[ -f x ]] are
// not links.
func tidyLinks(s string) string {
	if !strings.Contains(s, "[") {
		return s
	}
	var b strings.Builder
	for s != "" {
		code := inlineCode.FindStringIndex(s)
		if code == nil {
			b.WriteString(tidyText(s))
			break
		}
		b.WriteString(tidyText(s[:code[0]]))
		b.WriteString(s[code[0]:code[1]])
		s = s[code[1]:]
	}
	return b.String()
}

// tidyText is tidyLinks for text outside inline code.
func tidyText(s string) string {
	s = imageLink.ReplaceAllStringFunc(s, func(m string) string {
		sub := imageLink.FindStringSubmatch(m)
		if alt := strings.TrimSpace(sub[1]); alt != "" {
			return alt
		}
		return "[" + path.Base(strings.TrimSpace(sub[2]+sub[3])) + "]"
	})
	return wikiLink.ReplaceAllStringFunc(s, func(m string) string {
		sub := wikiLink.FindStringSubmatch(m)
		if sub[2] != "" {
			return strings.TrimSpace(sub[2])
		}
		target := sub[1]
		if i := strings.LastIndex(target, "#"); i >= 0 && i+1 < len(target) {
			target = target[i+1:]
		}
		return strings.TrimSpace(strings.TrimPrefix(target, "^"))
	})
}

// quoteLine reads a line of a quote: its text without the marker, a
// callout's type taken off and its title in bold ("> [!warning] 踩坑" →
// "**踩坑**").
func quoteLine(text string) (inner string, ok bool) {
	inner, ok = strings.CutPrefix(text, ">")
	if !ok {
		return "", false
	}
	inner = strings.TrimSpace(inner)
	if m := calloutMarker.FindString(inner); m != "" {
		if title := strings.TrimSpace(inner[len(m):]); title != "" {
			return "**" + title + "**", true
		}
		return "", true
	}
	return inner, true
}
