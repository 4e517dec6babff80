package corpus

import (
	"iter"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	// numberedHeading matches "## 1. title" and the separators authors use
	// instead of the dot: "1、", "1．", "1:", "1)", or none.
	numberedHeading = regexp.MustCompile(`^#{2,6}\s+(\d+)\s*[.．、:：)）]?\s*(.*)$`)
	// hanNumberedHeading matches "## 三、title": Chinese notes number their
	// points in Chinese numerals as often as in digits. The separator is
	// required, or "## 一致性哈希" would be section 1.
	// outlineNumber matches the number of an outline's point: "1.1 ",
	// "2.3.1．".
	outlineNumber = regexp.MustCompile(`^\d+(?:[.．]\d+)+[.．]?\s*`)
	// listNumber matches a number and its separator ("3. ", "3、"); a
	// number followed only by a space ("01 背包") is part of the title.
	listNumber = regexp.MustCompile(`^\d{1,3}\s*[.．、:：)）]\s*`)
	// clockTime matches a time or a ratio, whose colon is no separator:
	// "10:30 面试复盘", "1:1 复刻".
	clockTime          = regexp.MustCompile(`^\d{1,3}\s*[:：]\d`)
	hanNumberedHeading = regexp.MustCompile(`^#{2,6}\s+([零〇一二两三四五六七八九十百]+)\s*[.．、:：)）]\s*(.*)$`)
	// questionNumber matches the number a heading gives its question,
	// with a separator or alone: "Q1. ", "Q2：", "问题 3、", "卡片 5",
	// "第4题：", "第十二题 ". Without one, a number is part of the title
	// ("Q3营收", "第1题与第2题的区别") unless two headings or more of the
	// article number their questions so (see spacedQuestionNumbers).
	questionNumber = regexp.MustCompile(`^(?:(?:[Qq]|面试题|问题|题目|习题|例题|题|问|卡片|[Cc]ard)\s*\d{1,3}\s*(?:[.．、:：)）]|$)|第\s*(?:\d{1,3}|[一二两三四五六七八九十百]+)\s*[题问]\s*(?:[.．、:：)）]|\s|$))\s*`)
	// questionLabelTitle matches a question label that opens a heading
	// without a number, as Obsidian notes title their cards: "### Q: 什么是
	// 死锁？", "## 问：…", "## Question: …".
	questionLabelTitle = regexp.MustCompile(`^(?:[Qq]|[Qq]uestion|问|問|问题|問題|题目|題目)\s*[:：]\s*`)
	// spacedQuestionNumber matches a question number followed by the title
	// with no separator: "Q1 What is overfitting?", "问题2 什么是线程？",
	// "第3题什么是进程？".
	spacedQuestionNumber = regexp.MustCompile(`^(?:(?:[Qq]|问题|[Cc]ard|卡片)\s*\d{1,3}\s+|第\s*\d{1,3}\s*[题问]\s*)`)
)

// headingLevel returns the level of a Markdown ATX heading ("## x" is 2)
// and 0 for a line that is not one.
func headingLevel(trimmed string) int {
	n := 0
	for n < len(trimmed) && trimmed[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || (n < len(trimmed) && trimmed[n] != ' ' && trimmed[n] != '\t') {
		return 0
	}
	return n
}

// headingText is a heading's text without its marks: "## 缓存击穿 ##" →
// "缓存击穿".
func headingText(trimmed string) string {
	return closingHashes(strings.TrimSpace(strings.TrimLeft(trimmed, "#")))
}

// closingHashes drops the "#"s that may close a heading: "缓存击穿 ##" →
// "缓存击穿", "##" → "", but "C#" stays.
func closingHashes(t string) string {
	if u := strings.TrimRight(t, "#"); u == "" || strings.HasSuffix(u, " ") {
		return strings.TrimSpace(u)
	}
	return t
}

// headingTitle is the title a numbered heading gives after its number:
// without closing hashes, links or a question number of its own ("## 2.
// Q2：页面置换算法" is titled 页面置换算法).
func headingTitle(rest string) string {
	t := withoutTags(linkText(closingHashes(strings.TrimSpace(rest))))
	if m := questionNumber.FindString(t); m != "" && m != t {
		t = strings.TrimSpace(t[len(m):])
	} else if m := questionLabelTitle.FindString(t); m != "" && m != t {
		t = strings.TrimSpace(t[len(m):])
	}
	return t
}

// withoutTags drops the tags notes put after a question's title to say how
// often it is asked or how hard it is ("（高频）", "【必考】", "⭐⭐⭐"): they
// name no topic, and would stand in every reply, button and list.
func withoutTags(t string) string {
	for {
		u := strings.TrimSpace(titleTag.ReplaceAllString(t, ""))
		if u == t || u == "" {
			return t
		}
		t = u
	}
}

var titleTag = regexp.MustCompile(`(?i)\s*(?:[（(【\[]\s*(?:高频|中频|低频|超高频|重点|必考|常考|必背|必会|热门|经典|高频考点|重要|难|中|易|简单|中等|困难|hard|medium|easy)\s*[）)】\]]|(?:[⭐★☆🌟🔥]\x{FE0F}?)+)\s*$`)

// linkText writes a heading's Markdown links as their text: notes that
// link each question to its source ("## [什么是 goroutine？](https://…)")
// are titled by the question.
func linkText(t string) string {
	if !strings.Contains(t, "](") {
		return t
	}
	return strings.TrimSpace(linkWithText.ReplaceAllString(t, "$1"))
}

// linkWithText matches a link or an image with its text captured: its
// address may hold parentheses (…/Go_(programming_language)) and a title
// ("官网").
var linkWithText = regexp.MustCompile(`!?\[([^\]]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"]*")?\)`)

// unnumberedTitle is the title of a section numbered in order: the
// heading's text without an outline number ("## 1.1 进程" → "进程").
func unnumberedTitle(heading string) string {
	t := asciiNumber(withoutTags(linkText(headingText(heading))))
	if m := outlineNumber.FindString(t); m != "" && m != t {
		t = strings.TrimSpace(t[len(m):])
	} else if m := listNumber.FindString(t); m != "" && m != t && !clockTime.MatchString(t) {
		// "## 3. 缓存" among headings without numbers: the number
		// is not the section's, and the title reads better without it.
		t = strings.TrimSpace(t[len(m):])
	} else if m := questionNumber.FindString(t); m != "" && m != t {
		t = strings.TrimSpace(t[len(m):]) // "## Q1. Bias vs variance"
	} else if m := questionLabelTitle.FindString(t); m != "" && m != t {
		t = strings.TrimSpace(t[len(m):]) // "### Q: 什么是死锁？"
	}
	return t
}

// spacedQuestionNumbers takes out of an article's titles (and the
// questions the titles are) the numbers written without a separator
// ("## Q1 What is overfitting?", "## 第3题什么是进程？") when two headings
// or more number their questions so: one alone ("## Q3 营收分析", "## 第1题
// 与第2题的区别") is part of its title.
func spacedQuestionNumbers(secs []*Section) {
	var numbered []*Section
	for _, s := range secs {
		if m := spacedQuestionNumber.FindString(s.Title); m != "" && m != s.Title {
			if r, _ := utf8.DecodeRuneInString(s.Title[len(m):]); r < '0' || r > '9' {
				numbered = append(numbered, s)
			}
		}
	}
	if len(numbered) < 2 {
		return
	}
	for _, s := range numbered {
		m := spacedQuestionNumber.FindString(s.Title)
		if strings.HasPrefix(s.Question, s.Title) {
			s.Question = strings.TrimSpace(s.Question[len(m):])
		}
		s.Title = strings.TrimSpace(s.Title[len(m):])
	}
}

// onlyQuestionNumber reports whether a title is nothing but the number of
// its question ("第1题", "Q3"), which names no topic.
func onlyQuestionNumber(title string) bool {
	m := questionNumber.FindString(title)
	return m != "" && m == title
}

// sectionNumber reads a section heading's number and title. ok is false
// when the heading has no number; number is 0 when it has one that is not
// a positive whole number (the digits are returned in raw).
func sectionNumber(heading string) (number int, raw, title string, ok bool) {
	heading = asciiNumber(withoutLeadingSymbols(heading))
	if outlineNumber.MatchString(headingText(heading)) {
		// "## 1.1 进程" numbers a point of an outline, not a section:
		// its sections are numbered in order.
		return 0, "", "", false
	}
	if m := numberedHeading.FindStringSubmatch(heading); m != nil && !letterAfterNumber(heading) {
		n, err := strconv.Atoi(m[1])
		if err != nil || n <= 0 {
			n = 0
		}
		return n, m[1], headingTitle(m[2]), true
	}
	if m := hanNumberedHeading.FindStringSubmatch(heading); m != nil {
		return hanNumber(m[1]), m[1], headingTitle(m[2]), true
	}
	if m := bracketNumberedHeading.FindStringSubmatch(heading); m != nil {
		raw := m[1] + m[2]
		n, _ := strconv.Atoi(raw)
		return n, raw, headingTitle(m[3]), n > 0
	}
	return 0, "", "", false
}

// bracketNumberedHeading matches a heading numbered in brackets or with
// "No.": "## （1）…", "## (2) …", "## 【4】…", "## No.5 …".
var bracketNumberedHeading = regexp.MustCompile(`^#{2,6}\s+(?:[（(【\[]\s*(\d{1,4})\s*[)）】\]]|(?i:no)\.?\s*(\d{1,4})\s*[.．、:：]?)\s*(.+)$`)

// withoutLeadingSymbols takes the emoji and marks that open a heading's
// text out of it ("## 🔥 1. 什么是闭包？" → "## 1. 什么是闭包？"), so that
// its number is read: notes mark their favourite questions so.
func withoutLeadingSymbols(heading string) string {
	level := headingLevel(heading)
	if level == 0 {
		return heading
	}
	t := strings.TrimLeft(heading[level:], " \t")
	u := strings.TrimLeftFunc(t, func(r rune) bool {
		return unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r) || r == '\uFE0F' || r == '\u200D' || r == ' ' || r == '\t'
	})
	// Only a number with its separator is the section's: "## 📌 1 分钟
	// 总结" is a title.
	if u == t || !listNumber.MatchString(u) {
		return heading
	}
	return heading[:level] + " " + u
}

// letterAfterNumber reports whether a heading's leading number runs
// straight into an ASCII letter, which it then belongs to: "## 2PC
// 两阶段提交" and "## 5G 网络" are titles, not sections 2 and 5, while "## 1.
// Kafka" is section 1. So does a time's or a ratio's: "## 10:30 面试复盘".
func letterAfterNumber(heading string) bool {
	t := strings.TrimLeft(heading, "#")
	t = strings.TrimLeft(t, " \t")
	i := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if clockTime.MatchString(t) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(t[i:])
	return i > 0 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 'ａ' && r <= 'ｚ' || r >= 'Ａ' && r <= 'Ｚ')
}

// hanNumber reads a Chinese numeral from 1 to 999 (三, 十二, 二十, 一百零五)
// and returns 0 for anything else.
func hanNumber(s string) int {
	rs := []rune(s)
	hundreds := 0
	if i := slices.Index(rs, '百'); i >= 0 {
		if i != 1 || hanDigit(rs[0]) <= 0 {
			return 0
		}
		hundreds, rs = 100*hanDigit(rs[0]), rs[i+1:]
		if len(rs) == 2 && (rs[0] == '零' || rs[0] == '〇') {
			if d := hanDigit(rs[1]); d > 0 {
				return hundreds + d
			}
			return 0
		}
		if len(rs) == 1 {
			return 0 // "一百五" means 150 in speech, 105 to some: ambiguous
		}
	}
	i := slices.Index(rs, '十')
	switch {
	case len(rs) == 0:
		return hundreds
	case i < 0 && len(rs) == 1 && hundreds == 0:
		return max(hanDigit(rs[0]), 0)
	case i < 0 || i > 1 || len(rs)-i > 2:
		return 0
	}
	tens, ones := 1, 0
	if i == 1 {
		if tens = hanDigit(rs[0]); tens <= 0 {
			return 0
		}
	}
	if i+1 < len(rs) {
		if ones = hanDigit(rs[i+1]); ones <= 0 {
			return 0
		}
	}
	return hundreds + 10*tens + ones
}

// hanDigit is the value of a Chinese digit, -1 for another rune.
func hanDigit(r rune) int {
	switch r {
	case '零', '〇':
		return 0
	case '两':
		return 2
	}
	if i := slices.Index([]rune("一二三四五六七八九"), r); i >= 0 {
		return i + 1
	}
	return -1
}

// boldLabels reports whether an article marks any label in bold, as the
// corpus format does. Labels without bold are read only in articles that
// have none in bold: where an author writes **题目：**, a line "A: 选项一"
// is an option of a multiple-choice question, not the answer. Other shapes
// do not count: "【问题】慢查询" or "### 问题" in an answer of notes typed
// plainly says nothing of how they write their labels.
func boldLabels(lines []string) bool {
	for trimmed := range outsideFences(lines) {
		if label, _, ok := parseLabel(trimmed); ok {
			// An exam paper's 问 or 答 in bold may be a quoted exchange
			// in notes that otherwise type their labels plainly.
			if known(label) && !isExamLabel(label) {
				return true
			}
		}
	}
	return false
}

// outsideFences yields the lines, trimmed, that are not inside a fenced
// code block or its fences.
func outsideFences(lines []string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for trimmed, opens := range fencesClosed(lines) {
			if !opens && !yield(trimmed) {
				return
			}
		}
	}
}

// fencesClosed yields the lines, trimmed, that are not inside a fenced
// code block, and with each whether it opens one: the block's other lines
// are skipped.
func fencesClosed(lines []string) iter.Seq2[string, bool] {
	return func(yield func(string, bool) bool) {
		for i, opens := range fencesClosedAt(lines) {
			if !yield(strings.TrimSpace(lines[i]), opens) {
				return
			}
		}
	}
}

// fencesClosedAt is fencesClosed for callers that need the lines' places:
// it yields the index of each line not inside a fenced code block.
func fencesClosedAt(lines []string) iter.Seq2[int, bool] {
	return func(yield func(int, bool) bool) {
		fence := ""
		for i, line := range lines {
			trimmed := strings.TrimSpace(line)
			if fence != "" {
				if ClosesFence(trimmed, fence) {
					fence = ""
				}
				continue
			}
			fence = FenceOpening(trimmed)
			if !yield(i, fence != "") {
				return
			}
		}
	}
}

// sectionLevel is the heading level an article's sections are at: the
// shallowest level at which a numbered heading is followed by a question
// label (or, for a heading that is the question, an answer label) before
// the next heading. Most articles use "## N." and get 2; notes that group
// their questions under chapters ("## 缓存", then "### 1.") get 3, and
// their chapter headings end a section instead of being one.
//
// An article none of whose labelled headings has a number ("## 缓存击穿",
// "## Q: 什么是缓存击穿") numbers its sections in order: unnumbered is then
// true, and the level is the shallowest at which a heading is followed by
// a label.
//
// In an article with no labels at all, the sections are the shallowest
// headings with text under them, numbered in order unless one of them
// carries a number: notes whose "## 进程" sections list "### 1. 状态"
// points keep their points inside the sections.
func sectionLevel(lines []string, plain, labelless bool) (level int, unnumbered bool) {
	if labelless {
		return freeFormLevel(lines)
	}
	// Items and quotes count only when nothing else does: in most notes
	// they are points of an answer ("- **问题：** 锁竞争") under a
	// deeper heading, and would make it the sections' level.
	for _, weak := range []bool{false, true} {
		if level, unnumbered, ok := labelledLevel(lines, plain, weak); ok {
			return level, unnumbered
		}
	}
	return 2, false
}

// labelledLevel is sectionLevel for an article with labels; weak counts
// labels in list items and quotes too.
func labelledLevel(lines []string, plain, weak bool) (level int, unnumbered, ok bool) {
	numberedLevel, anyLevel := 0, 0
	current, numbered := 0, false
	for trimmed := range outsideFences(lines) {
		label, _, exact, isLabel := parseHeadingLabel(trimmed)
		if l := headingLevel(trimmed); l >= 2 && !(isLabel && exact) {
			current = l
			_, _, _, numbered = sectionNumber(trimmed)
			continue
		}
		if current == 0 {
			continue
		}
		if !isLabel {
			var sh shape
			label, _, sh, isLabel = readLabel(trimmed, plain)
			isLabel = isLabel && (weak || (sh != itemShape && sh != quoteShape))
		}
		if !isLabel && plain {
			label, _, isLabel = parsePlainLabel(trimmed)
		}
		if f, known := lookupLabel(label); !isLabel || !known || (f != questionField && f != answerField) {
			continue
		}
		if numbered && (numberedLevel == 0 || current < numberedLevel) {
			numberedLevel = current
		}
		if anyLevel == 0 || current < anyLevel {
			anyLevel = current
		}
	}
	switch {
	case numberedLevel != 0:
		return numberedLevel, false, true
	case anyLevel != 0:
		return anyLevel, true, true
	}
	return 0, false, false
}

// freeFormLevel is sectionLevel for notes with no labels: the shallowest
// level of headings with text (code included) under them, "## " and
// deeper, or "# " when no deeper heading has any and two or more "# "
// headings do (notes that give every question a "# "); unnumbered unless
// every heading of that level with text under it carries a number. One
// heading that opens with digits among headings without them is a title
// that starts with a number ("## 01 背包"), not a numbered article with
// its numbers left out.
func freeFormLevel(lines []string) (level int, unnumbered bool) {
	textLevel, titleText := 0, 0
	numberedText := map[int]bool{}
	current, numbered := 0, false
	for trimmed, code := range fencesClosed(lines) {
		if l := headingLevel(trimmed); l > 0 && !code {
			current = l
			_, _, _, numbered = sectionNumber(trimmed)
			continue
		}
		if !code && (trimmed == "" || thematicBreak.MatchString(trimmed) || asideLine.MatchString(trimmed)) {
			continue
		}
		switch {
		case current == 1:
			titleText++
			current = -1 // counted once per heading
		case current >= 2:
			if textLevel == 0 || current < textLevel {
				textLevel = current
			}
			if _, seen := numberedText[current]; !seen {
				numberedText[current] = true
			}
			numberedText[current] = numberedText[current] && numbered
			current = -current // counted once per heading
		}
	}
	switch {
	case textLevel != 0:
		if parent, numbered, ok := askingParents(lines, textLevel); ok {
			return parent, !numbered
		}
		return textLevel, !numberedText[textLevel]
	case titleText > 1:
		return 1, true
	}
	return 2, true // nothing to number; Parse reports it
}

// askingParents reports whether the headings with text at level are the
// parts of questions asked by the headings above them: "## 1. 如何保证消息
// 不丢失？" over "### 回答要点" and "### 追问". Then the questions are the
// sections, and their parts bold paragraphs of them. It holds when two
// or more headings hold such parts, two in three of them ask, and none
// of the parts asks or is numbered; numbered is whether every one of them is numbered.
func askingParents(lines []string, level int) (parent int, numbered, ok bool) {
	type heading struct {
		level         int
		asks, counted bool
		numbered      bool
	}
	var parents []*heading
	var cur, above *heading
	partsAsk := false
	for trimmed, code := range fencesClosed(lines) {
		if l := headingLevel(trimmed); l > 0 && !code {
			_, _, _, n := sectionNumber(trimmed)
			h := &heading{level: l, asks: strings.ContainsAny(trimmed, "？?"), numbered: n}
			if l < level && l >= 2 {
				above = h
			}
			cur = h
			continue
		}
		if cur == nil || cur.level != level || trimmed == "" {
			continue
		}
		// Numbered parts are questions of their own under a chapter
		// that asks ("## 一、Java 基础会问什么？" over "### 1. HashMap 的原理").
		partsAsk = partsAsk || cur.asks || cur.numbered
		if above != nil && !above.counted {
			above.counted = true
			parents = append(parents, above)
		}
	}
	if len(parents) < 2 || partsAsk {
		return 0, false, false
	}
	asking, numbered := 0, true
	for _, p := range parents {
		if p.asks {
			asking++
		}
		numbered = numbered && p.numbered
		if p.level != parents[0].level {
			return 0, false, false
		}
	}
	if 3*asking < 2*len(parents) {
		return 0, false, false
	}
	return parents[0].level, numbered, true
}

// asideLine matches a line that is no text of a section's: a to-do
// ("- [ ] 复习 LC 34") or an entry of a table of contents ("- [窗口函数](…)").
// A heading with only such lines under it does not make its level the
// sections' (see freeFormLevel, onlyLinks).
var asideLine = regexp.MustCompile(`^[-*+]\s+\[(?:[ xX]\]|[^\]]*\]\()`)

// hasLabels reports whether an article is written with labels: a 题目 or
// an 答案 marked as the corpus format marks it (bold, in brackets, as a
// heading), or an 答案 in any shape. Free-form notes are read otherwise,
// so words that only look like labels in them (a paragraph "分析：…", an
// item "- **问题：** …", front matter's "aliases:") must not count.
func hasLabels(lines []string) bool {
	for trimmed := range outsideFences(lines) {
		label, sh, ok := "", shape(0), false
		if label, _, sh, ok = readLabel(trimmed, true); !ok {
			label, _, ok = parsePlainLabel(trimmed)
			sh = itemShape // as weak as an item: only an 答案 counts
		}
		f, isKnown := lookupLabel(label)
		switch {
		case !ok || !isKnown:
		case f == answerField:
			return true
		case f == questionField && (sh == boldShape || sh == bracketShape):
			return true
		case f == questionField && sh == headingShape:
			if _, _, exact, _ := parseHeadingLabel(trimmed); exact {
				return true
			}
		}
	}
	return false
}

// asciiNumber writes the full-width digits of a heading's leading number
// ("３．", "１．２") as ASCII ones: a Chinese keyboard types "## ３．类加载"
// as readily as "## 3. 类加载".
func asciiNumber(heading string) string {
	i := len(heading) - len(strings.TrimLeft(heading, "# \t"))
	var b strings.Builder
	j := i
	for j < len(heading) {
		r, size := utf8.DecodeRuneInString(heading[j:])
		switch {
		case r >= '０' && r <= '９':
			b.WriteRune(r - '０' + '0')
		case r >= '0' && r <= '9', r == '.', r == '．':
			b.WriteRune(r)
		default:
			return heading[:i] + b.String() + heading[j:]
		}
		j += size
	}
	return heading[:i] + b.String()
}
