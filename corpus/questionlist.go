package corpus

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Notes drilled for interviews often list their questions instead of
// giving each a heading, several under one chapter heading:
//
//   - "**Q：为什么 Adam 收敛快？**" then "A：…" (or 问 and 答, 题目, Q1 …);
//   - a numbered list of questions, bold or not, the answers indented
//     under them ("1. **AUC 怎么算？**");
//   - questions in bold lines of their own ("**① 什么是回表？**");
//   - questions folded over their answers in HTML (<summary>, see
//     foldedAnswers);
//   - a table whose columns are 问题 and 答案.
//
// Read as headings and text, each chapter would be one section holding
// all its questions. questionList finds such notes and rewrites them into
// the shape the parser reads: each listed question a heading one level
// under its chapter, its answer label spelt as one (A → 答案). It keeps
// each line where it was, so that problems keep their line numbers, but
// for a table's rows, which each become two lines or more.

var (
	// questionLabelLine matches a line that opens with a question label
	// in bold or plain, numbered or not: "**Q：…**", "**Q1:** …", "Q: …",
	// "问：…", "问题 3：…".
	questionLabelLine = regexp.MustCompile(`^(\*\*)?\s*((?i:q|question|问|問|问题|問題|题目|題目))\s*(\d{1,3})?\s*(\*\*)?\s*[：:]\s*(\*\*)?\s*(.*)$`)
	// numberedQuestionLabel matches a numbered question label with a
	// stop instead of a colon, as English notes number them: "Q1. What
	// is a closure?", "**Q2.** …". Its groups are questionLabelLine's.
	numberedQuestionLabel = regexp.MustCompile(`^(\*\*)?\s*((?i:q|question|问|問|问题|問題))\s*(\d{1,3})\s*(\*\*)?\s*[.．、]\s*(\*\*)?\s*(.*)$`)
	// answerLabelLine is questionLabelLine's answer: "A：…", "**答：** …".
	answerLabelLine = regexp.MustCompile(`^(\*\*)?\s*(?i:a|answer|答|答案|回答|参考答案|參考答案)\s*(\d{1,3})?\s*(\*\*)?\s*[：:]\s*(\*\*)?\s*(.*)$`)
	// numberedAnswerLabel is numberedQuestionLabel's answer: "A1. …";
	// its groups are answerLabelLine's. Unnumbered, "A." is a choice.
	numberedAnswerLabel = regexp.MustCompile(`^(\*\*)?\s*(?i:a|answer|答|答案)\s*(\d{1,3})\s*(\*\*)?\s*[.．、]\s*(\*\*)?\s*(.*)$`)
	// boldQuestionItem matches a numbered item that is a bold question
	// and nothing else: "1. **⭐ AUC 是什么？**".
	boldQuestionItem = regexp.MustCompile(`^(\d{1,3}[.)、．]\s*)\*\*([^*]+)\*\*\s*$`)
	// plainNumberedItem matches a numbered item of plain text: "1. TCP
	// 为什么三次握手？", its answer indented under it.
	plainNumberedItem = regexp.MustCompile(`^(\d{1,3}[.)、．]\s*)([^*\s].*?)\s*$`)
	// enumeratedQuestion matches a question numbered in brackets or in a
	// circle, as papers and textbooks number theirs: "（1）什么是 SWOT
	// 分析？", "（二）表见代理的构成要件有哪些？", "② 为什么？", its answer
	// in the paragraphs after it.
	enumeratedQuestion = regexp.MustCompile(`^((?:[（(](?:\d{1,3}|[一二三四五六七八九十]{1,3})[)）]|[①-⑳])\s*)([^*\s].*?)\s*$`)
	// hanNumberedQuestion matches a question numbered in words, as a
	// paper's short-answer part numbers them: "一、TCP 为什么需要三次握手？".
	hanNumberedQuestion = regexp.MustCompile(`^([一二三四五六七八九十]{1,3}[、．.]\s*)(.+?)\s*$`)
	// examQuestion matches a question numbered as exam papers number
	// theirs: "第1题 我国的根本政治制度是什么？", "第 12 题：…".
	examQuestion = regexp.MustCompile(`^(第\s*\d{1,4}\s*[题題]\s*[.．、:：]?\s*)(.+?)\s*$`)
	// bulletQuestion matches a bulleted item, its text bold or not: "- 什么是
	// 僵尸进程？", as Notion exports a toggle whose answer it folds.
	bulletQuestion = regexp.MustCompile(`^([-+*]\s+)(?:\*\*([^*]+)\*\*|([^*\s].*?))\s*$`)
	// boldLine matches a line that is bold and nothing else: "**1. 什么是
	// 最左前缀？**", a question set as a heading of its own.
	boldLine = regexp.MustCompile(`^\*\*([^*]+)\*\*$`)
	// tableRule matches a table's rule: "|---|:--:|".
	tableRule = regexp.MustCompile(`^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$`)
	// lineBreak matches the HTML break tables put inside a cell.
	lineBreak = regexp.MustCompile(`(?i)<br\s*/?>`)
	// enumerator matches how a question set in bold may be numbered:
	// "1. ", "Q3：", "①", "（2）".
	enumerator = regexp.MustCompile(`^(?:(?i:q)?\s*\d{1,3}\s*[.)、．:：]\s*|[①-⑳]\s*|[（(](?:\d{1,3}|[一二三四五六七八九十]{1,3})[)）]\s*)`)
)

// listedQuestion is one question of a list and the lines it spans.
type listedQuestion struct {
	line, end int    // its line and the line after its last
	question  string // the question's text
	mark      string // how it is marked: its label, lower-cased, or "item"
	indent    int    // columns its answer is indented by (a list item's)
	answer    int    // line of its answer label, -1 if none
	body      bool   // text follows it
	// code is true when code is the first thing after the question,
	// prose when text other than code and labels follows it: an answer
	// label after prose ("答案：1 4 3 2" in an explanation) is the
	// answer's text.
	code, prose bool
	// weak is true for a numbered bold item that asks nothing ("2. **BN
	// 和 LN 的区别**"): a question only among items that do.
	weak bool
	// options is true when choices follow the question ("A：…", "B：…"),
	// so that a one-letter A is a choice, not the answer.
	options bool
	// row is the answer of a question that is a row of a table of
	// questions and answers ("| 什么是 STW？ | GC 时暂停用户线程 |").
	row []string
}

// questionBlock is the text under one heading (or before the first).
type questionBlock struct {
	level     int    // the heading's level; 0 before any heading
	asks      bool   // the heading is itself a question ("## 为什么？")
	title     string // the heading's title, without its number
	digits    bool   // the heading is numbered in digits ("## 1. 持久化")
	line      int    // the heading's line; -1 before any heading
	quoted    bool   // quoted lines before its first question ("> 高频，必背。")
	labels    bool   // a label among its text
	points    bool   // numbered points in bold that ask nothing ("**1. String**")
	text      bool   // text before its first listed question
	questions []*listedQuestion
	markup    []int // lines of a table's header and rule, blank once read
}

// questionList returns the lines of notes that list their questions
// rewritten with a heading for each question, origin the line of the file
// each comes from (nil when they are the file's), and the level of those
// headings, which are the article's sections. ok is false, and lines are
// left as they are, unless the article reads as such a list: at least
// one heading with two or more questions listed under it, mostly marked
// one way (see listMark), every listed question followed by its answer,
// no chapter with
// text of its own before its questions, no follow-up question (see
// elliptical), and headings that do not look like sections asking about
// themselves. Headings beside the chapters with text and no questions
// (an overview, references) become sections of their own.
func questionList(lines []string) (out []string, origin []int, level int, ok bool) {
	mark := listMark(lines)
	if mark == "" {
		return lines, nil, 0, false
	}
	blocks := listBlocks(lines, mark)
	unanswered, ok := dropUnanswered(blocks)
	if !ok {
		return lines, nil, 0, false
	}
	headingLevel, listing, several, restated, total, labelled := -1, 0, 0, 0, 0, 0
	digits, followUps := 0, 0
	var sections []*questionBlock // headings with text and no questions
	for _, b := range blocks {
		if len(b.questions) == 0 {
			if (b.text || b.quoted) && b.level >= 2 {
				sections = append(sections, b)
			}
			continue
		}
		// A chapter has no text of its own before its questions: a
		// section that has is answered, and its bold or quoted
		// questions are follow-ups.
		if b.asks || (b.text && b.level >= 2) || (headingLevel >= 0 && b.level != headingLevel) {
			return lines, nil, 0, false
		}
		headingLevel = b.level
		listing++
		if len(b.questions) > 1 {
			several++
		}
		if b.digits {
			digits++
		}
		for _, q := range b.questions[1:] {
			// A step of an interview is no follow-up: "5、反问" in a
			// write-up, with what the writer asked under it; an aspect
			// ("**优缺点**") is one.
			if q.mark != "table" && !(q.weak && interviewStepWord(q.question)) && elliptical(q.question) {
				followUps++
			}
		}
		if first := b.questions[0].question; b.title != "" && strings.Contains(squeeze(first), squeeze(b.title)) && definitional(first) {
			restated++
		}
		for _, q := range b.questions {
			total++
			if q.answer >= 0 {
				labelled++
			}
		}
	}
	// Where only some headings list several questions, and most
	// headings' first question asks about them, the headings are
	// sections and their later questions follow-ups ("## 1. 缓存穿透",
	// "问：什么是缓存穿透？", "问：怎么解决？"); a chapter names a field its
	// questions range over ("## 三、优化器").
	if several == 0 || (2*several <= listing && 2*restated > listing) {
		return lines, nil, 0, false
	}
	// Headings with text and no questions beside the list (an overview,
	// references) are sections of their own, as long as they are
	// chapters' peers, label nothing, and are fewer than the chapters:
	// otherwise the notes are sections, one of which lists questions.
	for _, b := range sections {
		if b.level != headingLevel || b.labels || b.points {
			return lines, nil, 0, false
		}
	}
	if len(sections) > listing {
		return lines, nil, 0, false
	}
	// Headings numbered in digits as sections are ("## 1. 持久化"), of
	// which only some list several questions or whose first question
	// mostly asks about the heading itself, are sections with
	// follow-ups; so are headings with a question that asks without
	// naming what about ("**怎么解决？**", "How do you prevent it?") or
	// goes on from the one before ("那协程呢？"). Chapters numbered in
	// words ("## 一、HashMap") name a field their questions range over.
	if digits == listing && (2*several <= listing || 2*restated > listing) || followUps > 0 {
		return lines, nil, 0, false
	}
	level = max(2, headingLevel+1)
	if level > 6 {
		return lines, nil, 0, false
	}
	bold := boldLabels(lines)
	heading := strings.Repeat("#", level) + " "
	out = append([]string(nil), lines...)
	for _, i := range unanswered {
		out[i] = ""
	}
	rows := map[int][]string{}
	label := "答案："
	if bold {
		label = "**答案：**"
	}
	n := 0
	for _, b := range blocks {
		if slices.Contains(sections, b) {
			// A peer of the chapters sits under none of them: an
			// empty heading of their level ends the chapter above it.
			n++
			out[b.line] = strings.Repeat("#", b.level)
			rows[b.line] = []string{fmt.Sprintf("%s%d. %s", heading, n, b.title)}
			if labelled > 0 {
				rows[b.line] = append(rows[b.line], label)
			}
			continue
		}
		for _, i := range b.markup {
			out[i] = ""
		}
		for _, q := range b.questions {
			// Numbered, so that a question that opens with a number
			// ("0.1 + 0.2 …") keeps it as its title.
			n++
			out[q.line] = fmt.Sprintf("%s%d. %s", heading, n, q.question)
			if q.row != nil {
				rows[q.line] = q.row
				continue
			}
			if q.answer < 0 && labelled > 0 {
				// Answered without a label among labelled answers (in
				// code alone, or where the author labelled only the
				// answer that a snippet comes before).
				rows[q.line] = []string{label}
			}
			for i := q.line + 1; i < q.end; i++ {
				out[i] = dedent(out[i], q.indent)
				if t := strings.TrimSpace(out[i]); q.options && (i < q.answer || q.answer < 0) && optionLine.MatchString(t) {
					// A choice keeps its line where the question's
					// lines are joined.
					out[i] = "<br>" + t
				}
			}
			if q.answer >= 0 {
				m := answerLabel(strings.TrimSpace(out[q.answer]))
				answer := labelledText(m[1], m[3], m[4], m[5])
				if bold {
					out[q.answer] = "**答案：** " + answer
				} else {
					out[q.answer] = "答案：" + answer
				}
			}
		}
	}
	// A row of a table becomes its heading and its answer's lines: the
	// only rewriting that adds lines, each still reported at its row.
	expanded := make([]string, 0, len(out)+3*len(rows))
	origin = make([]int, 0, cap(expanded))
	for i, line := range out {
		expanded, origin = append(expanded, line), append(origin, i+1)
		for _, l := range rows[i] {
			expanded, origin = append(expanded, l), append(origin, i+1)
		}
	}
	return expanded, origin, level, true
}

// dropUnanswered takes the questions that nothing follows out of their
// blocks and returns their lines: an interview write-up lists what was
// asked ("1、自我介绍", "5、手撕：反转链表", "6、反问") and answers only some.
// There is nothing to answer with them, and a question line kept would
// read as the end of the answer above it (a round of an interview none
// of whose questions is answered keeps its heading alone). ok is false
// when one question alone is answered among others that are not: a bank
// of questions to practise, not notes.
func dropUnanswered(blocks []*questionBlock) (lines []int, ok bool) {
	answered := 0
	for _, b := range blocks {
		if len(b.questions) == 0 {
			continue
		}
		kept := b.questions[:0]
		for _, q := range b.questions {
			if !q.body && q.answer < 0 {
				if q.weak && !interviewStep(q.question) {
					// A statement among questions ("1. 数据结构：
					// String、Hash、List"): a point, not a question
					// left unanswered; the block is no list.
					return nil, false
				}
				lines = append(lines, q.line)
				continue
			}
			kept = append(kept, q)
		}
		answered += len(kept)
		b.questions = kept
	}
	return lines, answered >= 2 || len(lines) == 0
}

// interviewStep reports whether an item that asks nothing names a step of
// an interview rather than making a point: short, and listing nothing
// ("自我介绍", "反问", "手撕：反转链表", not "数据结构：String、Hash、List").
func interviewStep(item string) bool {
	return utf8.RuneCountInString(item) <= 10 && !strings.ContainsAny(item, "、，,；;")
}

// interviewStepWord reports whether an item names a step of an interview
// by what interviews are made of: 反问, 自我介绍, 手撕 LRU, 项目介绍, 闲聊.
func interviewStepWord(item string) bool {
	for _, w := range []string{"反问", "自我介绍", "手撕", "手写", "项目", "闲聊", "聊天", "算法题", "代码题", "笔试", "谈薪", "HR", "hr", "结束", "问面试官"} {
		if strings.Contains(item, w) {
			return true
		}
	}
	return false
}

// listBlocks splits an article at its headings and finds the questions
// listed in each block.
func listBlocks(lines []string, mark string) []*questionBlock {
	b := &questionBlock{line: -1}
	blocks := []*questionBlock{b}
	var q *listedQuestion
	closeQuestion := func(i int) {
		if q != nil {
			q.end, q = i, nil
		}
	}
	skip := 0
	for i, opens := range fencesClosedAt(lines) {
		if skip > 0 {
			skip--
			continue
		}
		line := lines[i]
		trimmed := strings.TrimSpace(line)
		if opens {
			if q != nil {
				q.code = q.code || !q.body
				q.body = true
			} else {
				b.text = true
			}
			continue
		}
		if l := headingLevel(trimmed); l > 0 {
			closeQuestion(i)
			t := headingText(trimmed)
			title := unnumberedTitle(trimmed)
			digits := false
			if _, raw, nt, ok := sectionNumber(trimmed); ok {
				title, digits = nt, raw != "" && raw[0] >= '0' && raw[0] <= '9'
			}
			b = &questionBlock{level: l, line: i, title: title, digits: digits, asks: strings.HasSuffix(t, "？") || strings.HasSuffix(t, "?")}
			blocks = append(blocks, b)
			continue
		}
		if qs, n := tableOfQuestions(lines[i:]); n > 0 {
			closeQuestion(i)
			b.markup = append(b.markup, i, i+1)
			for k, q := range qs {
				q.line, q.end = i+2+k, i+3+k
				b.questions = append(b.questions, q)
			}
			skip = n - 1
			continue
		}
		if !startsWithSpace(line) {
			if lq, ok := listedQuestionLine(trimmed); ok && lq.mark == mark {
				closeQuestion(i)
				q = lq
				q.line, q.answer = i, -1
				b.questions = append(b.questions, q)
				continue
			}
		}
		if trimmed == "" || thematicBreak.MatchString(trimmed) {
			continue
		}
		switch {
		case q == nil && strings.HasPrefix(trimmed, ">"):
			b.quoted = true // a note on the chapter, not its answer
		case q == nil:
			b.text = true
			if _, _, _, ok := readLabel(trimmed, true); ok || isAnswerLabel(trimmed) || questionLabelLine.MatchString(trimmed) {
				b.labels = true
			}
		case optionLine.MatchString(trimmed) || (q.answer < 0 && !q.prose && firstOption.MatchString(trimmed)):
			q.options = true // "B：…" after "A：…": the question's choices
			q.body = true
		case q.answer < 0 && !q.prose && (isAnswerLabel(trimmed) || ((q.mark == "q" || q.mark == "question") && numberedAnswerLabel.MatchString(trimmed))):
			q.answer = i // after a snippet at most: "下面代码输出什么？", code, "A：…"
		default:
			q.body, q.prose = true, true
		}
	}
	closeQuestion(len(lines))
	for _, b := range blocks {
		// Items that ask nothing ("**1. String**") are questions only
		// beside ones that ask, under the same heading; alone they
		// are a topic's points.
		if len(b.questions) > 0 && !slices.ContainsFunc(b.questions, func(q *listedQuestion) bool { return !q.weak }) {
			b.questions, b.text, b.points = nil, true, true
		}
		for _, q := range b.questions {
			if q.options && q.answer >= 0 && oneLetterAnswer(lines[q.answer]) {
				// The A of the choices: the answer, if any, is labelled
				// in a word further on ("**答案：** B").
				q.answer = -1
				for i := q.line + 1; i < q.end; i++ {
					if t := strings.TrimSpace(lines[i]); isAnswerLabel(t) && !oneLetterAnswer(t) {
						q.answer = i
						break
					}
				}
			}
		}
	}
	return blocks
}

// listMark is how the questions of a list are marked (see
// listedQuestion.mark), "" unless one way marks two or more, and no other
// way marks any: a 题目 followed by an exchange of 问 and 答 is not a list.
func listMark(lines []string) string {
	counts := map[string]int{}
	chapters := 0
	for i, opens := range fencesClosedAt(lines) {
		if opens || startsWithSpace(lines[i]) {
			continue
		}
		trimmed := strings.TrimSpace(lines[i])
		if lq, ok := listedQuestionLine(trimmed); ok && !lq.weak {
			counts[lq.mark]++
		} else if qs, n := tableOfQuestions(lines[i:]); n > 0 {
			counts["table"] += len(qs)
		} else if hanNumberedQuestion.MatchString(trimmed) {
			chapters++
		}
	}
	// Numbers in words that ask between numbers in words that do not
	// ("一、为什么做这个项目？", "二、项目背景") number a report's parts,
	// not a list of questions.
	if chapters > 0 {
		delete(counts, "han item")
	}
	// Numbers in brackets or circles mark an answer's points more often
	// than questions ("（1）为什么需要进程？为了隔离。" under a bold
	// question): they mark the list only where nothing else marks any.
	if len(counts) > 1 {
		delete(counts, "enumerated")
	}
	// One way marks the list; a few lines marked otherwise (a bold
	// follow-up in an answer) are text of their answers. Labels ("Q：")
	// say they mark questions, so items listed in an answer of a list
	// labelled so are its text.
	labelled := map[string]int{}
	for mark, n := range counts {
		if mark != "item" && mark != "plain item" && mark != "han item" && mark != "enumerated" && mark != "bold" && mark != "table" {
			labelled[mark] = n
		}
	}
	if len(labelled) > 0 {
		counts = labelled
	}
	best, second := "", 0
	for mark, n := range counts {
		if best == "" || n > counts[best] || (n == counts[best] && mark < best) {
			if best != "" {
				second = max(second, counts[best])
			}
			best = mark
		} else {
			second = max(second, n)
		}
	}
	if best == "" || counts[best] < 2 || counts[best] < 2*second {
		return ""
	}
	return best
}

// answerLabel matches an answer label line (see answerLabelLine and
// numberedAnswerLabel), nil if it is none.
func answerLabel(trimmed string) []string {
	if m := answerLabelLine.FindStringSubmatch(trimmed); m != nil {
		return m
	}
	if strings.HasPrefix(trimmed, "【") {
		return bracketAnswer.FindStringSubmatch(trimmed)
	}
	return numberedAnswerLabel.FindStringSubmatch(trimmed)
}

// isAnswerLabel reports whether a line is an answer label with a colon or
// in brackets; "A1." answers only a list of "Q1." (see listBlocks), and
// elsewhere is a cell, a choice or an outline's number.
func isAnswerLabel(trimmed string) bool {
	return answerLabelLine.MatchString(trimmed) || (strings.HasPrefix(trimmed, "【") && bracketAnswer.MatchString(trimmed))
}

// optionLine matches a choice of a multiple-choice question after its A:
// "B：…", "**C.** …", "D、…"; lettered points in lower case ("a) …",
// "e.g.") are an answer's.
var optionLine = regexp.MustCompile(`^\*{0,2}[B-F]\*{0,2}\s*[：:.．、)）]`)

// firstOption matches the first choice of a multiple-choice question
// written with a stop, as exam papers write it ("A．启发性原则"); "A：" is
// an answer label until a "B：" follows it (see oneLetterAnswer).
var firstOption = regexp.MustCompile(`^\*{0,2}A\*{0,2}\s*[.．、)）]`)

// bracketAnswer matches an answer labelled in brackets, as exam papers
// label theirs: "【答案】A", "【参考答案】：…". Its groups are answerLabelLine's.
var bracketAnswer = regexp.MustCompile(`^()【\s*(?:答案|参考答案|參考答案|答)()\s*】()\s*[：:]?\s*()(.*)$`)

// oneLetterAnswer reports whether an answer label line is the one-letter
// A, which may be a choice.
func oneLetterAnswer(line string) bool {
	m := answerLabel(strings.TrimSpace(line))
	if m == nil {
		return false
	}
	t := strings.TrimLeft(strings.TrimSpace(line), "*")
	return len(t) > 0 && (t[0] == 'A' || t[0] == 'a') && !strings.HasPrefix(strings.ToLower(t), "answer")
}

// elliptical reports whether a question is a follow-up to the question
// or heading above it rather than one that stands alone: it asks without
// naming what about ("怎么避免？", "是什么？", "How do you prevent it?",
// "Why?"), asks about an aspect only ("原理？", "优缺点？", "Pros and
// cons?"), points back ("这样做有什么问题？", "它们各自适合什么场景？") or
// goes on from the one before ("那协程呢？", "如果锁过期了呢？", "What about
// reads?"). "什么是栈？" names what it asks about, in one character.
func elliptical(q string) bool {
	if !strings.ContainsFunc(q, isHan) {
		return ellipticalEnglish(q)
	}
	for _, w := range []string{"那", "那么", "还有", "另外", "再问", "如果"} {
		if strings.HasPrefix(q, w) {
			return true
		}
	}
	// A short question that points back; one that names its subject in
	// letters ("Adam 的原理？为什么它收敛快？") does not need to.
	// The pointing must be in the first clause: "什么是闭包？它是怎么形成
	// 的？" names its subject before it points back.
	first, _, _ := strings.Cut(strings.ReplaceAll(q, "?", "？"), "？")
	if !strings.ContainsFunc(q, func(r rune) bool { return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) }) &&
		utf8.RuneCountInString(q) <= 14 {
		for _, w := range []string{"这样", "这么做", "这个", "这些", "这种", "它"} {
			if strings.Contains(first, w) {
				return true
			}
		}
	}
	rest, asked := q, false
	for _, w := range questionWords {
		if strings.Contains(rest, w) {
			rest, asked = strings.ReplaceAll(rest, w, ""), true
		}
	}
	if asked && (strings.Contains(q, "什么是") || strings.Contains(q, "是什么")) {
		rest = strings.ReplaceAll(rest, "是", "") // "什么是栈？" asks about 栈
		if strings.ContainsFunc(rest, isHan) {
			return false
		}
	}
	han := 0
	for _, r := range rest {
		switch {
		case isHan(r):
			han++
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			return false
		}
	}
	if asked {
		return han <= 2
	}
	return han <= 3 // an aspect only: "原理？", "优缺点？"
}

// ellipticalEnglish is elliptical for a question in English.
func ellipticalEnglish(q string) bool {
	fields := strings.Fields(strings.ToLower(strings.TrimRight(q, "?.! ")))
	if len(fields) == 0 {
		return false
	}
	lead := strings.Join(fields[:min(2, len(fields))], " ")
	switch {
	case lead == "what about" || lead == "how about" || fields[0] == "and" || fields[0] == "so" || fields[0] == "but":
		return true
	case len(fields) == 1:
		return true // "Why?"
	case len(fields) <= 3 && fields[0] != "what" && fields[0] != "what's" && fields[0] != "who" && fields[0] != "which":
		return true // "Pros and cons?", "Any downsides?"
	}
	if len(fields) <= 7 {
		for _, f := range fields {
			switch strings.Trim(f, ",;") {
			case "it", "they", "them", "these", "those":
				return true // "How do you prevent it?"
			}
		}
	}
	return false
}

// isHan reports whether r is a Chinese character.
func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// questionWords are what a question asks with.
var questionWords = []string{"为什么", "為什麼", "什么", "什麼", "怎么", "怎麼", "怎样", "怎樣", "如何", "哪些", "哪", "多少", "吗", "嗎", "呢", "啥", "咋"}

// definitional reports whether a question asks what something is
// ("什么是缓存穿透？", "What is a cache stampede?"): the question a section
// on it opens with.
func definitional(q string) bool {
	l := strings.ToLower(q)
	for _, w := range []string{"什么是", "是什么", "是指", "定义", "概念", "介绍一下", "what is", "what's", "what are"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// fillIn matches the blank an exam question leaves for its answer: "体现的
// 教学原则是（  ）", "____ 提出了最近发展区".
// The blank ends the stem, is spaced where it is in ASCII and follows no
// name: "resize()" and "add( )" call a function.
var fillIn = regexp.MustCompile(`(?:^|[^A-Za-z0-9_])(?:（\s*）|\(\s+\)|_{3,})[。.？?]?$`)

// squeeze lower-cases s and takes its spaces out, to compare a heading
// with a question.
func squeeze(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), ""))
}

// startsWithSpace reports whether a line is indented.
func startsWithSpace(line string) bool {
	return strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t")
}

// listedQuestionLine reads a line that lists a question: a question label
// and the question, or a numbered item that is a bold question. indent
// is how far its answer's lines are indented.
func listedQuestionLine(trimmed string) (*listedQuestion, bool) {
	// Every shape opens with bold, a number or a question label: most
	// lines of notes are none of these, and skip the patterns.
	if r, _ := utf8.DecodeRuneInString(trimmed); r != '*' && r != '-' && r != '+' && (r < '0' || r > '9') && !strings.ContainsRune("QqQuestion问問题題（(第一二三四五六七八九十", r) && (r < '①' || r > '⑳') {
		return nil, false
	}
	asks := func(s string) bool { return strings.ContainsAny(s, "？?") || fillIn.MatchString(s) }
	m := questionLabelLine.FindStringSubmatch(trimmed)
	if m == nil {
		if m = numberedQuestionLabel.FindStringSubmatch(trimmed); m != nil && m[6] != "" && m[6][0] >= '0' && m[6][0] <= '9' {
			m = nil // "Q1.5 亿" is a number
		}
	}
	if m != nil {
		question := labelledText(m[1], m[4], m[5], m[6])
		label := strings.ToLower(m[2])
		if (label == "问题" || label == "問題") && !asks(question) {
			return nil, false // "问题：下单接口超时。" is a problem, not a question
		}
		if label != "题目" && label != "題目" && strings.ContainsFunc(question, isHan) && !asks(question) {
			return nil, false // "Q1：营收 1500 亿元。" is a quarter; a Chinese question asks
		}
		return &listedQuestion{question: question, mark: label}, question != ""
	}
	if m := boldQuestionItem.FindStringSubmatch(trimmed); m != nil {
		return &listedQuestion{question: trimDecoration(m[2]), mark: "item", indent: len(m[1]), weak: !asks(m[2])}, true
	}
	if m := hanNumberedQuestion.FindStringSubmatch(trimmed); m != nil {
		// Numbers in words number chapters ("一、民事法律行为") as often
		// as questions: only one that asks is a question.
		if q := trimDecoration(m[2]); asks(q) {
			return &listedQuestion{question: q, mark: "han item", indent: len(m[1])}, true
		}
		return nil, false
	}
	if m := examQuestion.FindStringSubmatch(trimmed); m != nil {
		if q := trimDecoration(m[2]); asks(q) {
			return &listedQuestion{question: q, mark: "第题"}, true
		}
		return nil, false
	}
	if m := plainNumberedItem.FindStringSubmatch(trimmed); m != nil {
		return &listedQuestion{question: trimDecoration(m[2]), mark: "plain item", indent: len(m[1]), weak: !asks(m[2])}, true
	}
	if m := enumeratedQuestion.FindStringSubmatch(trimmed); m != nil {
		// Such numbers mark an answer's points too ("（1）计划：…"):
		// only one that asks is a question.
		if q := trimDecoration(m[2]); asks(q) {
			return &listedQuestion{question: q, mark: "enumerated", indent: len(m[1])}, true
		}
		return nil, false
	}
	if m := bulletQuestion.FindStringSubmatch(trimmed); m != nil {
		// Bullets list an answer's points far more often than
		// questions: only one that asks is a question.
		// An outliner's block may be a heading ("- ## Redis 为什么快？"),
		// a checklist's a to-do ("- [x] 什么是闭包？").
		q := trimDecoration(outlinerHeading.ReplaceAllString(taskBox.ReplaceAllString(m[2]+m[3], ""), ""))
		if !asks(q) {
			return nil, false
		}
		return &listedQuestion{question: q, mark: "bullet", indent: len(m[1])}, true
	}
	if m := boldLine.FindStringSubmatch(trimmed); m != nil {
		if _, _, ok := parseLabel(trimmed); !ok {
			inner := strings.TrimSpace(m[1])
			unnumbered := stripEnumerator(inner)
			q := trimDecoration(unnumbered)
			// A numbered bold line that asks nothing ("**2. 聚簇索引和非
			// 聚簇索引的区别**") is a question only among ones that do.
			if asks(m[1]) || (unnumbered != inner && q != "") {
				return &listedQuestion{question: q, mark: "bold", weak: !asks(m[1])}, q != ""
			}
		}
	}
	return nil, false
}

// labelledText is the text after a question or answer label, given the
// bold markers around the label: "**Q：为什么？**" closes its bold after
// the question, "Q：**L1** 和 L2" opens bold in its text.
func labelledText(open, closeBefore, closeAfter, rest string) string {
	switch {
	case open == "" && closeAfter != "":
		rest = closeAfter + rest // the text's own bold
	case open != "" && closeBefore == "" && closeAfter == "":
		rest = strings.TrimSuffix(strings.TrimSpace(rest), "**")
	}
	return strings.TrimSpace(rest)
}

// stripEnumerator takes the number off a question set in bold ("1. ",
// "Q3：", "①", "（2）"), but not a number it opens with ("10 亿个整数…",
// "0.1 + 0.2 …").
func stripEnumerator(q string) string {
	m := enumerator.FindString(q)
	if m == "" {
		return q
	}
	if rest := q[len(m):]; rest != "" && rest[0] >= '0' && rest[0] <= '9' {
		return q // "0." of "0.1"
	}
	return q[len(m):]
}

// tableOfQuestions reads a table of questions and answers at the start
// of lines: a header whose first cell is a question label and second an
// answer label ("| 问题 | 答案 |"), its rule, and two or more rows. n is
// how many lines the table takes, 0 when lines do not start with one.
// Cells after the second join the answer; "<br>" breaks its lines.
func tableOfQuestions(lines []string) (qs []*listedQuestion, n int) {
	if len(lines) < 4 {
		return nil, 0
	}
	head := tableCells(lines[0])
	if len(head) < 2 || !tableRule.MatchString(strings.TrimSpace(lines[1])) {
		return nil, 0
	}
	// A first column that numbers the rows ("序号", "#", "No.") is
	// left out.
	skip := 0
	if len(head) > 2 && headerNames(head[0], "序号", "序號", "编号", "編號", "#", "no", "no.", "题号", "題號") {
		skip, head = 1, head[1:]
	}
	if !headerNames(head[0], "问题", "問題", "题目", "題目", "问", "問", "question", "q") || !headerNames(head[1], "答案", "回答", "解答", "参考答案", "參考答案", "答", "answer", "a") {
		return nil, 0
	}
	// A column headed 解析 after the answer's is the analysis; one of
	// remarks (备注: 常考) joins the answer.
	analysis := len(head) > 2 && headerNames(head[2], "解析", "分析", "解释", "解釋", "点评", "點評", "explanation", "analysis")
	n = 2
	for ; n < len(lines); n++ {
		cells := tableCells(lines[n])
		if len(cells) > skip {
			cells = cells[skip:]
		}
		if len(cells) < 2 || cells[0] == "" {
			break
		}
		why := ""
		if analysis && len(cells) > 2 {
			why, cells = cells[2], slices.Delete(slices.Clone(cells), 2, 3)
		}
		answer := strings.Join(slices.DeleteFunc(cells[1:], func(c string) bool { return c == "" }), "；")
		question := cells[0]
		if m := boldLine.FindStringSubmatch(question); m != nil {
			question = m[1]
		}
		q := &listedQuestion{question: trimDecoration(question), mark: "table", answer: -1, body: answer != ""}
		for l := range strings.SplitSeq(lineBreak.ReplaceAllString(answer, "\n"), "\n") {
			q.row = append(q.row, strings.TrimSpace(l))
		}
		if analysis {
			// Labelled, so that the analysis is told from the answer.
			q.row[0] = "答案：" + q.row[0]
			if why != "" {
				q.row = append(q.row, "", "解析："+lineBreak.ReplaceAllString(why, "\n"))
			}
		}
		qs = append(qs, q)
	}
	if len(qs) < 2 {
		return nil, 0
	}
	return qs, n
}

// headerNames reports whether a table's header cell names a column of
// questions or answers as one of words does, alone or as the start of a
// longer name ("答案要点", "Answer (short)"); the one-letter Q and A only
// alone.
func headerNames(cell string, words ...string) bool {
	c := strings.ToLower(strings.Trim(cell, "* "))
	for _, w := range words {
		if c == w || (len(w) > 1 && strings.HasPrefix(c, w)) {
			return true
		}
	}
	return false
}

// tableCells splits a table row into its cells, trimmed; nil for a line
// that is not a row.
func tableCells(line string) []string {
	t := strings.TrimSpace(line)
	if !strings.HasPrefix(t, "|") {
		return nil
	}
	t = strings.TrimSuffix(strings.TrimPrefix(t, "|"), "|")
	// "\|" is a pipe inside a cell ("ps aux \| grep nginx").
	cells := strings.Split(strings.ReplaceAll(t, `\|`, "\x00"), "|")
	for i, c := range cells {
		cells[i] = strings.ReplaceAll(strings.TrimSpace(c), "\x00", "|")
	}
	return cells
}

// trimDecoration takes spaces and symbols (⭐, 📌) off the start of a
// question.
func trimDecoration(q string) string {
	q = strings.TrimSpace(strings.TrimLeftFunc(q, func(r rune) bool { return unicode.IsSpace(r) || unicode.Is(unicode.So, r) }))
	// A card ends in tags after its question ("什么是 CAS？ #card"); a
	// question about #define keeps it.
	if loc := questionTags.FindStringIndex(q); loc != nil && strings.HasSuffix(strings.TrimRight(q[:loc[0]], "*"), "？") || loc != nil && strings.HasSuffix(q[:loc[0]], "?") {
		q = q[:loc[0]]
	}
	return q
}

// outlinerHeading matches the heading marks of an outliner's block.
var outlinerHeading = regexp.MustCompile(`^#{2,6}\s+`)

// questionTags matches tags at the end of a line.
var questionTags = regexp.MustCompile(`(?:\s+#[\p{L}\p{N}_/-]+)+\s*$`)

// dedent takes up to n columns of indentation off a line of a list item's
// answer, which is indented under the item.
func dedent(line string, n int) string {
	if strings.HasPrefix(line, "\t") {
		return line[1:]
	}
	i := 0
	for i < n && i < len(line) && line[i] == ' ' {
		i++
	}
	return line[i:]
}
