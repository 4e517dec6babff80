package main

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/startupqa/startupqa/corpus"
	"github.com/startupqa/startupqa/index"
	"github.com/startupqa/startupqa/lang"
)

// formatResult renders a search result for people reading a terminal: the
// best section in full, then the other close matches; or, when the engine
// abstains, a plain "no section fits", the nearest sections and topics,
// the command that lists them all. Labels follow the language of the
// question.
func formatResult(res *index.Result, top int, topics string) string {
	var b strings.Builder
	q := res.Query
	best, ok := res.Best()
	if !ok {
		if strings.TrimSpace(q) == "" {
			b.WriteString(tr(q, "问题是空的，请输入一个问题。\n", "The question is empty: please type a question.\n"))
			return b.String()
		}
		b.WriteString(tr(q, "没有找到能回答这个问题的章节。\n", "No section of the corpus answers this question.\n"))
		if len(res.Matches) > 0 {
			b.WriteString(tr(q, "\n最接近的章节：\n", "\nNearest sections:\n"))
			writeMatchList(&b, res.Matches, top)
		}
		b.WriteString(tr(q, "\n全部章节：", "\nAll sections: ") + topics + "\n")
		return b.String()
	}
	shown := best.Section
	if lang.Of(q) == lang.English {
		shown = best.Section.In("en") // the English translation, when there is one
	}
	writeSection(&b, q, shown)
	// The match score is the reranker's share among this question's
	// matches and means nothing across questions; the calibrated
	// confidence is the chance the answer is right, and a model never
	// knows that for certain.
	fmt.Fprintf(&b, "\n%s %.0f%% · %s %.2f\n", tr(q, "答对的把握", "chance it is right"), min(100*res.Confidence, 99),
		tr(q, "匹配分", "match score"), best.Score)
	if best.Passage != "" {
		fmt.Fprintf(&b, "%s%s\n", tr(q, "匹配：", "Matched: "), best.Fragment("**", "**"))
	}
	if len(res.Matches) > 1 && top > 1 {
		b.WriteString(tr(q, "\n其他相关章节：\n", "\nOther close matches:\n"))
		writeMatchList(&b, res.Matches[1:], top-1)
	}
	return b.String()
}

// writeSection renders one section: title, source, 题目, 答案 with its
// lists, 解析.
func writeSection(b *strings.Builder, q string, s *corpus.Section) {
	fmt.Fprintf(b, "%s\n%s\n", s.Title, strings.Repeat("=", displayWidth(s.Title)))
	fmt.Fprintf(b, "%s%s (%s)\n\n", tr(q, "来源：", "Source: "), s.Source(), s.ID)
	fmt.Fprintf(b, "%s%s\n\n", tr(q, "题目：", "Question: "), s.Question)
	fmt.Fprintf(b, "%s\n%s\n", tr(q, "答案：", "Answer:"), s.Answer.Markdown())
	if s.Analysis != "" {
		fmt.Fprintf(b, "\n%s%s\n", tr(q, "解析：", "Analysis: "), s.Analysis)
	}
}

func writeMatchList(b *strings.Builder, ms []index.Match, limit int) {
	for i, m := range ms {
		if i == limit {
			break
		}
		fmt.Fprintf(b, "  - %s (%s, %.2f)\n", m.Section.Title, m.Section.ID, m.Score)
	}
}

// tr picks the Chinese or the English text by the language of the
// question.
func tr(q, zh, en string) string { return lang.Pick(q, zh, en) }

// displayWidth counts columns in a terminal: wide characters take two,
// ANSI escape sequences none.
func displayWidth(s string) int {
	w := 0
	for i := 0; i < len(s); {
		if s[i] == '\x1b' {
			if j := strings.IndexByte(s[i:], 'm'); j >= 0 {
				i += j + 1
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		w += runeWidth(r)
		i += size
	}
	return w
}

func runeWidth(r rune) int {
	if isWide(r) {
		return 2
	}
	return 1
}

// isWide reports whether a terminal shows r in two columns.
func isWide(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFF60)
}
