package corpus

import (
	"path"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
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
	// calloutLine matches a line that opens a callout: "> [!tip] …".
	calloutLine = regexp.MustCompile(`^>\s*\[![A-Za-z-]+\]`)
	// calloutMarker matches a callout's type after the quote marker:
	// "[!warning]", "[!tip]-" (folded).
	calloutMarker = regexp.MustCompile(`^\[![A-Za-z-]+\][+-]?\s*`)
)

// tidyLinks replaces an image with its alt text, or its file's name when
// it has none (an answer may be only a diagram), and, in notes that use
// wiki links (wiki, see usesWikiLinks), a wiki link with the text it shows
// (its alias, else the heading or page it names). Inline code is left
// alone: pandas' df[['a', 'b']] and bash's [[ -f x ]] are not links, nor
// is TOML's [[bin]] in notes that never link so.
func tidyLinks(s string, wiki bool) string {
	if !strings.Contains(s, "[") {
		return s
	}
	var b strings.Builder
	for s != "" {
		code := inlineCode.FindStringIndex(s)
		if code == nil {
			b.WriteString(tidyText(s, wiki))
			break
		}
		b.WriteString(tidyText(s[:code[0]], wiki))
		b.WriteString(s[code[0]:code[1]])
		s = s[code[1]:]
	}
	return b.String()
}

// tidyText is tidyLinks for text outside inline code.
func tidyText(s string, wiki bool) string {
	s = imageLink.ReplaceAllStringFunc(s, func(m string) string {
		sub := imageLink.FindStringSubmatch(m)
		if alt := strings.TrimSpace(sub[1]); alt != "" {
			return alt
		}
		return "[" + path.Base(strings.TrimSpace(sub[2]+sub[3])) + "]"
	})
	if !wiki {
		return s
	}
	return replaceWikiLinks(s, func(m string) string {
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

// replaceWikiLinks replaces with f the wiki links of s, which are not
// double brackets of other kinds: a citation link "[[1]](url)", a list of
// lists "[[1]]", a column list "df[['a']]", bash's "[[ -f x ]]". A link
// names a note: it follows a space or the start of the text, has letters,
// no quotes, and no "(" after it.
func replaceWikiLinks(s string, f func(string) string) string {
	locs := wikiLink.FindAllStringIndex(s, -1)
	if locs == nil {
		return s
	}
	var b strings.Builder
	last := 0
	for _, loc := range locs {
		m := s[loc[0]:loc[1]]
		before, _ := utf8.DecodeLastRuneInString(s[:loc[0]])
		after, _ := utf8.DecodeRuneInString(s[loc[1]:])
		inner := m[2 : len(m)-2]
		isLink := (loc[0] == 0 || !isWordChar(before)) && after != '(' &&
			!strings.ContainsAny(inner, `'"`) && strings.IndexFunc(inner, unicode.IsLetter) >= 0 &&
			strings.TrimSpace(inner) == inner
		b.WriteString(s[last:loc[0]])
		if isLink {
			b.WriteString(f(m))
		} else {
			b.WriteString(m)
		}
		last = loc[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// isWordChar reports whether r is part of a word or a name: "df" in
// "df[['a']]".
func isWordChar(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == ']' || r == ')'
}

// usesWikiLinks reports whether notes are kept in an app that links
// with double brackets: an embed ("![[a.png]]"), a callout ("> [!tip]"),
// or a link to a heading or with an alias ("[[page#heading]]",
// "[[page|text]]").
func usesWikiLinks(lines []string) bool {
	for trimmed := range outsideFences(lines) {
		if strings.Contains(trimmed, "![[") || calloutLine.MatchString(trimmed) {
			return true
		}
		for _, m := range wikiLink.FindAllStringSubmatch(trimmed, -1) {
			if m[2] != "" || strings.Contains(m[1], "#") {
				return true
			}
		}
	}
	return false
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
