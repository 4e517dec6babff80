package corpus_test

// Regression tests from two reviews of the label shapes, headings as
// questions and free-form notes (ninth session; the second review's are
// TestReviewMore…): each states what the README's "Corpus format"
// promises, or what the parser did before those changes, and failed when
// the review wrote it. "(regression)" marks an input that parsed correctly
// before the session's changes.

import (
	"strings"
	"testing"

	"github.com/startupqa/startupqa/corpus"
)

// reviewSection is what a test expects of one section: its id, its title,
// the end of its question (a heading's own label may be kept or dropped)
// and the text of the first block of its answer.
type reviewSection struct {
	id, title, question, firstAnswer string
}

// reviewCheck fails the test unless Parse reported no problems and
// returned exactly the sections in want.
func reviewCheck(t *testing.T, src string, art *corpus.Article, ps []corpus.Problem, want []reviewSection) {
	t.Helper()
	if len(ps) > 0 {
		t.Errorf("problems:\n\t%s\ninput:\n%s", strings.Join(problemLines(ps), "\n\t"), src)
	}
	var got []string
	for _, s := range art.Sections {
		first := ""
		if len(s.Answer.Blocks) > 0 {
			first = s.Answer.Blocks[0].Text
		}
		got = append(got, s.ID+" | "+s.Title+" | "+s.Question+" | "+first)
	}
	ok := len(art.Sections) == len(want)
	for i := 0; ok && i < len(want); i++ {
		s, w := art.Sections[i], want[i]
		first := ""
		if len(s.Answer.Blocks) > 0 {
			first = s.Answer.Blocks[0].Text
		}
		ok = s.ID == w.id && s.Title == w.title && strings.HasSuffix(s.Question, w.question) && first == w.firstAnswer
	}
	if !ok {
		var ws []string
		for _, w := range want {
			ws = append(ws, w.id+" | "+w.title+" | …"+w.question+" | "+w.firstAnswer)
		}
		t.Errorf("sections (id | title | question | first answer block):\n\t%s\nwant:\n\t%s\ninput:\n%s",
			strings.Join(got, "\n\t"), strings.Join(ws, "\n\t"), src)
	}
}

// TestReviewPlainNotesKeepPlainLabels: notes that type their labels
// without bold ("题目：", "答案：") must keep them when a list item, a quote
// or a subheading of the answer opens with a label word. boldLabels now
// reads every shape (readLabel), so one such line turns the whole article
// to "bold" and its plain labels into text: the article is refused, and
// "answer item" parsed correctly at 9b3ec9a.
func TestReviewPlainNotesKeepPlainLabels(t *testing.T) {
	tests := []struct {
		name        string
		lines       []string
		question    string
		firstAnswer string
		analysis    string // "" = not checked
	}{
		{
			name: "answer item naming the problem (regression)",
			lines: []string{"题目：线上接口变慢怎么排查？", "", "答案：先看监控，再看慢查询日志。", "",
				"- **问题：** 慢查询", "- **方案：** 加索引", "", "解析：常考。"},
			question: "线上接口变慢怎么排查？", firstAnswer: "先看监控，再看慢查询日志。", analysis: "常考。",
		},
		{
			name:     "quoted remark in the answer (regression)",
			lines:    []string{"题目：什么是缓存穿透？", "", "答案：查询一个不存在的数据。", "", "> 分析：面试常考。"},
			question: "什么是缓存穿透？", firstAnswer: "查询一个不存在的数据。",
		},
		{
			name: "quoted exchange in the answer (regression)",
			lines: []string{"题目：什么是缓存穿透？", "", "答案：查询一个不存在的数据。面试官可能这样问：", "",
				"> Q: 怎么解决？", "> A: 布隆过滤器。"},
			question: "什么是缓存穿透？", firstAnswer: "查询一个不存在的数据。面试官可能这样问：",
		},
		{
			name:     "subheading of the answer (regression)",
			lines:    []string{"题目：线上接口变慢怎么排查？", "", "答案：先看监控。", "", "### 分析", "", "看慢查询日志。"},
			question: "线上接口变慢怎么排查？", firstAnswer: "先看监控。",
		},
		{
			name:     "question in a quote",
			lines:    []string{"> 题目：什么是缓存穿透？", "", "答案：查不存在的数据。", "", "解析：常考。"},
			question: "什么是缓存穿透？", firstAnswer: "查不存在的数据。", analysis: "常考。",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := doc("# 笔记", "", "## 1. 节", "") + doc(tt.lines...)
			art, ps := corpus.Parse("a.md", []byte(src))
			reviewCheck(t, src, art, ps, []reviewSection{{"a/1", "节", tt.question, tt.firstAnswer}})
			if tt.analysis != "" && len(art.Sections) == 1 && art.Sections[0].Analysis != tt.analysis {
				t.Errorf("analysis %q, want %q", art.Sections[0].Analysis, tt.analysis)
			}
			if len(art.Sections) == 1 && art.Sections[0].Question != tt.question {
				t.Errorf("question %q, want %q", art.Sections[0].Question, tt.question)
			}
		})
	}
}

// TestReviewHeadingQuestionAnswerShapes: "A section whose heading asks the
// question may leave out the 题目". That works only for a bold or bracketed
// 答案: fitsInOrder wants the 题目 field open before an answer, so an exam
// paper's 参考答案/答, a plain 答案：, and the new heading, list-item and
// quote shapes are dropped as text and the section "has no 答案".
func TestReviewHeadingQuestionAnswerShapes(t *testing.T) {
	tests := []struct {
		name   string
		answer []string
	}{
		{"exam 参考答案", []string{"**参考答案：** 查不存在的数据。"}},
		{"exam 答", []string{"**答：** 查不存在的数据。"}},
		{"exam label in brackets", []string{"【参考答案】查不存在的数据。"}},
		{"plain 答案", []string{"答案：查不存在的数据。"}},
		{"heading 答案", []string{"### 答案", "", "查不存在的数据。"}},
		{"list item 答案", []string{"- **答案：** 查不存在的数据。"}},
		{"quoted 答案", []string{"> **答案：** 查不存在的数据。"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := doc("# 缓存", "", "## 1. 什么是缓存穿透？", "") + doc(tt.answer...)
			art, ps := corpus.Parse("a.md", []byte(src))
			reviewCheck(t, src, art, ps, []reviewSection{{"a/1", "什么是缓存穿透？", "什么是缓存穿透？", "查不存在的数据。"}})
		})
	}
}

// TestReviewHeadingQuestionUnnumbered: headings that ask the question need
// not carry numbers ("An article none of whose headings with a 题目 carries
// a number … has its sections numbered in order"), but sectionLevel looks
// only for a 题目 under a heading, so notes that label only the answer get
// "section heading without a number" for every heading, and under chapters
// the numbered ### sections are not found at all.
func TestReviewHeadingQuestionUnnumbered(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  []reviewSection
	}{
		{
			name:  "unnumbered headings",
			lines: []string{"## 什么是缓存穿透？", "**答案：** 查不存在的数据。", "## 什么是缓存雪崩？", "**答案：** 同时过期。"},
			want: []reviewSection{
				{"a/1", "什么是缓存穿透？", "什么是缓存穿透？", "查不存在的数据。"},
				{"a/2", "什么是缓存雪崩？", "什么是缓存雪崩？", "同时过期。"},
			},
		},
		{
			name:  "numbered sections under a chapter",
			lines: []string{"## 缓存问题", "### 1. 什么是缓存穿透？", "**答案：** 查不存在的数据。", "### 2. 什么是缓存雪崩？", "**答案：** 同时过期。"},
			want: []reviewSection{
				{"a/1", "什么是缓存穿透？", "什么是缓存穿透？", "查不存在的数据。"},
				{"a/2", "什么是缓存雪崩？", "什么是缓存雪崩？", "同时过期。"},
			},
		},
		{
			name:  "headings that say 问题",
			lines: []string{"## 问题：什么是缓存穿透？", "**答案：** 查不存在的数据。", "## 问题：什么是缓存雪崩？", "**答案：** 同时过期。"},
			want: []reviewSection{
				{"a/1", "什么是缓存穿透？", "什么是缓存穿透？", "查不存在的数据。"},
				{"a/2", "什么是缓存雪崩？", "什么是缓存雪崩？", "同时过期。"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := doc("# 缓存", "") + doc(tt.lines...)
			art, ps := corpus.Parse("a.md", []byte(src))
			reviewCheck(t, src, art, ps, tt.want)
		})
	}
}

// TestReviewQHeadingsUnnumbered: the README's own unnumbered heading
// style "## Q: 缓存击穿" (each with a 题目) parsed at 9b3ec9a. Now
// parseHeadingLabel reads "## Q: …" as a heading-shaped Q label, so
// sectionLevel does not see these headings as headings and the article is
// refused: "section heading without a number" for each.
func TestReviewQHeadingsUnnumbered(t *testing.T) {
	src := doc("# 缓存", "",
		"## Q: 缓存击穿", "", "**题目：** 什么是缓存击穿？", "", "**答案：** 热点 key 过期。", "",
		"## Q: 缓存穿透", "", "**题目：** 什么是缓存穿透？", "", "**答案：** 查不存在的数据。")
	art, ps := corpus.Parse("a.md", []byte(src))
	reviewCheck(t, src, art, ps, []reviewSection{
		{"a/1", "缓存击穿", "什么是缓存击穿？", "热点 key 过期。"},
		{"a/2", "缓存穿透", "什么是缓存穿透？", "查不存在的数据。"},
	})
}

// TestReviewLabellessNotesWithLabelLikeText: free-form notes are "notes
// with no labels at all", but hasLabels counts any line that merely looks
// like a label in any shape, including ones the README says stay text in
// an answer (an item "- **问题：** …", a paragraph "分析：…", a quote), and
// Obsidian's front-matter "aliases:". One such line makes the whole
// article labelled, and every heading is then refused ("section heading
// without a number") or loses its answer.
func TestReviewLabellessNotesWithLabelLikeText(t *testing.T) {
	tests := []struct {
		name  string
		pre   []string // lines before the title
		extra []string // lines at the end of the first section's text
	}{
		{"paragraph opening with 分析", nil, []string{"分析：线程共享地址空间。"}},
		{"list item naming a problem", nil, []string{"- **问题：** 切换开销大", "- **方案：** 用线程池"}},
		{"subheading 分析", nil, []string{"### 分析", "", "线程共享地址空间。"}},
		{"quoted question", nil, []string{"> 问题：线程共享什么？"}},
		{"front matter with aliases", []string{"---", "aliases: [OS, 操作系统]", "tags: [os]", "---"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := doc(append(tt.pre, "# 操作系统", "", "## 进程和线程的区别", "", "进程是资源分配的单位。", "")...) +
				doc(append(tt.extra, "", "## 死锁", "", "互斥、占有且等待。")...)
			art, ps := corpus.Parse("os.md", []byte(src))
			reviewCheck(t, src, art, ps, []reviewSection{
				{"os/1", "进程和线程的区别", "进程和线程的区别", "进程是资源分配的单位。"},
				{"os/2", "死锁", "死锁", "互斥、占有且等待。"},
			})
		})
	}
}

// TestReviewLabellessDividers: "a heading with nothing under it is a
// divider". In numbered notes heading() reports an unnumbered divider
// ("## 参考资料") before it knows nothing follows, refusing the article; in
// unnumbered notes a divider takes a number (p.seen), so the sections after
// it are os/2, os/3 … instead of "numbered in order", and an English
// companion numbered 1, 2 no longer lines up.
func TestReviewLabellessDividers(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
	}{
		{"numbered notes, unnumbered appendix heading", []string{"## 1. 进程", "", "资源分配的单位。", "", "## 2. 线程", "", "调度的单位。", "", "## 参考资料"}},
		{"divider between sections", []string{"## 进程", "", "资源分配的单位。", "", "## 第二部分", "", "## 线程", "", "调度的单位。"}},
		{"divider first", []string{"## 目录", "", "## 进程", "", "资源分配的单位。", "", "## 线程", "", "调度的单位。"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := doc("# 操作系统", "") + doc(tt.lines...)
			art, ps := corpus.Parse("os.md", []byte(src))
			reviewCheck(t, src, art, ps, []reviewSection{
				{"os/1", "进程", "进程", "资源分配的单位。"},
				{"os/2", "线程", "线程", "调度的单位。"},
			})
		})
	}
}

// TestReviewLabellessSectionLevel: "the section level is the shallowest
// heading level with text under it". sectionLevel prefers a numbered level
// over a shallower unnumbered one, so "## 进程" with text and numbered
// "### 1. 状态" points under it makes ### the sections and silently drops
// the text under every "##"; and a rule under a chapter heading counts as
// text there although the parser drops it, making the chapter the section
// and its real sections bold paragraphs.
func TestReviewLabellessSectionLevel(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  []reviewSection
	}{
		{
			name: "numbered points under unnumbered sections",
			lines: []string{"## 进程", "", "进程是运行中的程序。", "", "### 1. 状态", "", "就绪、运行、阻塞。", "",
				"### 2. 调度", "", "时间片轮转。", "", "## 线程", "", "调度的单位。"},
			want: []reviewSection{
				{"os/1", "进程", "进程", "进程是运行中的程序。"},
				{"os/2", "线程", "线程", "调度的单位。"},
			},
		},
		{
			name: "rule under a chapter heading",
			lines: []string{"## 第一章 进程", "", "---", "", "### 进程和线程的区别", "", "资源分配的单位。", "",
				"### 死锁", "", "互斥。"},
			want: []reviewSection{
				{"os/1", "进程和线程的区别", "进程和线程的区别", "资源分配的单位。"},
				{"os/2", "死锁", "死锁", "互斥。"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := doc("# 操作系统", "") + doc(tt.lines...)
			art, ps := corpus.Parse("os.md", []byte(src))
			reviewCheck(t, src, art, ps, tt.want)
		})
	}
}

// TestReviewLabellessOutlineNumbers: free-form notes number their
// headings as outlines ("## 1.1 进程", "## 1.2 线程", "## 2.1 内存").
// numberedHeading reads "1.1" as number 1 and title "1 进程", so the
// article is refused for a duplicate section 1 and the titles are mangled.
func TestReviewLabellessOutlineNumbers(t *testing.T) {
	src := doc("# 操作系统", "", "## 1.1 进程", "", "资源分配的单位。", "", "## 1.2 线程", "", "调度的单位。", "", "## 2.1 内存", "", "分页。")
	art, ps := corpus.Parse("os.md", []byte(src))
	if len(ps) > 0 {
		t.Errorf("problems:\n\t%s", strings.Join(problemLines(ps), "\n\t"))
	}
	var titles []string
	for _, s := range art.Sections {
		titles = append(titles, s.Title)
	}
	want := []string{"进程", "线程", "内存"}
	outline := []string{"1.1 进程", "1.2 线程", "2.1 内存"}
	ok := len(titles) == len(want)
	for i := 0; ok && i < len(want); i++ {
		// "1.1 进程" keeping its outline number is as good as "进程";
		// "1 进程" is neither.
		ok = titles[i] == want[i] || titles[i] == outline[i]
	}
	if !ok {
		t.Errorf("titles %q, want %q (or with their outline numbers, 1.1 进程 …)", titles, want)
	}
}

// TestReviewLabellessChapterTitles: notes written freely often mark
// chapters with "# ". Outside a labelled article a later "# 第二章 内存" is
// kept as a paragraph "# 第二章 内存" at the end of the previous section's
// answer (shown as a top-level heading in the reply) instead of ending it
// like a chapter.
func TestReviewLabellessChapterTitles(t *testing.T) {
	src := doc("# 第一章 进程", "", "## 进程和线程", "", "进程是资源分配的单位。", "", "# 第二章 内存", "", "## 分页", "", "固定大小。")
	art, ps := corpus.Parse("os.md", []byte(src))
	reviewCheck(t, src, art, ps, []reviewSection{
		{"os/1", "进程和线程", "进程和线程", "进程是资源分配的单位。"},
		{"os/2", "分页", "分页", "固定大小。"},
	})
	if len(art.Sections) > 0 {
		checkAnswer(t, art.Sections[0].Answer, para("进程是资源分配的单位。"))
	}
}

// TestReviewMultipleChoiceOptions: in an article with bold labels "a
// multiple-choice question's `A: 选项一` stays in the question". Written in
// a quote, in brackets or as bold list items, option A is now read as the
// 答案 (a quote reads plain labels even in bold articles; [A] is a bracket
// label; "- **A：**" fits as an item label), and the real "**答案：** A"
// becomes "a second 答案": the article, valid at 9b3ec9a, is refused.
func TestReviewMultipleChoiceOptions(t *testing.T) {
	tests := []struct {
		name    string
		options []string
	}{
		{"quoted options", []string{"> A: 布隆过滤器", "> B: 设置热点数据永不过期"}},
		{"options in brackets", []string{"[A] 布隆过滤器", "[B] 设置热点数据永不过期"}},
		{"options as bold items", []string{"- **A：** 布隆过滤器", "- **B：** 设置热点数据永不过期"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := doc("# 缓存", "", "## 1. 选择题", "", "**题目：** 以下哪种方法能防止缓存穿透？", "") +
				doc(tt.options...) + doc("", "**答案：** A")
			art, ps := corpus.Parse("a.md", []byte(src))
			if len(ps) > 0 {
				t.Errorf("problems:\n\t%s", strings.Join(problemLines(ps), "\n\t"))
			}
			if len(art.Sections) != 1 {
				t.Fatalf("%d sections, want 1", len(art.Sections))
			}
			s := art.Sections[0]
			if !strings.Contains(s.Question, "布隆过滤器") || !strings.Contains(s.Question, "设置热点数据永不过期") {
				t.Errorf("question %q, want the options in it", s.Question)
			}
			checkAnswer(t, s.Answer, para("A"))
		})
	}
}

// TestReviewHeadingLabelBoldColon: a label heading written with the
// corpus's own bold label, colon inside the bold ("#### **题目：** …"),
// leaves the closing "**" in the text: question "** 什么是缓存穿透？" and an
// answer paragraph "**".
func TestReviewHeadingLabelBoldColon(t *testing.T) {
	s := parseOne(t, doc("# 缓存", "", "## 1. 缓存穿透", "",
		"#### **题目：** 什么是缓存穿透？", "", "#### **答案：**", "", "查不存在的数据。"))
	if s.Question != "什么是缓存穿透？" {
		t.Errorf("question %q, want 什么是缓存穿透？", s.Question)
	}
	checkAnswer(t, s.Answer, para("查不存在的数据。"))
}

// TestReviewQuotedQuestionKeepsCode: a question opened by a quoted label
// whose code block is quoted too ("> ```python") is joined into one line
// ("下面代码输出什么？```python print(1) # 注释```"): fences are looked for
// before the quote marker is taken off. Unquoted, the same question keeps
// the code's lines.
func TestReviewQuotedQuestionKeepsCode(t *testing.T) {
	s := parseOne(t, doc("# 缓存", "", "## 1. 代码", "",
		"> **题目：** 下面代码输出什么？", "> ```python", "> print(1)", "> # 注释", "> ```", "", "**答案：** 1"))
	if want := "下面代码输出什么？\n\n```python\nprint(1)\n# 注释\n```"; s.Question != want {
		t.Errorf("question %q, want %q", s.Question, want)
	}
}

// TestReviewBoldSubheading: a subheading already in bold ("### **要点**",
// common in notes) becomes "****要点****", which renders with stray
// asterisks (the terminal's boldSpan leaves "**" on each side).
func TestReviewBoldSubheading(t *testing.T) {
	s := parseOne(t, answerDoc("### **要点**", "", "正文。"))
	checkAnswer(t, s.Answer, para("**要点**"), para("正文。"))
}

// TestReviewUnlabelledQuestionNotDropped: at 9b3ec9a a section whose
// question was typed under the heading without a label was reported ("no
// 题目"); now the heading silently becomes the question and the text under
// it, which holds the real question, is dropped with no problem.
func TestReviewUnlabelledQuestionNotDropped(t *testing.T) {
	src := doc("# 缓存", "", "## 1. 缓存穿透", "", "什么是缓存穿透？如何解决？", "", "**答案：** 布隆过滤器。")
	art, ps := corpus.Parse("a.md", []byte(src))
	if len(ps) > 0 {
		return // reported: the author can fix it
	}
	if len(art.Sections) != 1 || !strings.Contains(art.Sections[0].Question, "什么是缓存穿透？如何解决？") {
		var q string
		if len(art.Sections) == 1 {
			q = art.Sections[0].Question
		}
		t.Errorf("question %q and no problem: the text under the heading was dropped silently", q)
	}
}

// TestReviewPlainLabelsAsListItems: "- 题目：… / - 答案：…" was refused at
// 9b3ec9a ("no 题目", "no 答案"); now the article counts as labelless, and
// the question and answer become two items of the answer, the heading the
// question, with no problem.
func TestReviewPlainLabelsAsListItems(t *testing.T) {
	src := doc("# 缓存", "", "## 1. 缓存穿透", "", "- 题目：什么是缓存穿透？", "- 答案：查不存在的数据。")
	art, ps := corpus.Parse("a.md", []byte(src))
	if len(ps) > 0 {
		return // reported: the author can fix it
	}
	if len(art.Sections) != 1 {
		t.Fatalf("%d sections, want 1", len(art.Sections))
	}
	s := art.Sections[0]
	if s.Question != "什么是缓存穿透？" {
		t.Errorf("question %q, want 什么是缓存穿透？ (or a problem)", s.Question)
	}
	checkAnswer(t, s.Answer, para("查不存在的数据。"))
}

// TestReviewMoreLabelWordsInAnswerStayText: an answer that opens its lines
// with a label word in brackets ("【问题】慢查询", "【分析】…") or has a
// subheading "### 问题" parsed at 9b3ec9a with those lines in the answer.
// Brackets are now read like bold labels, anywhere and out of order, so
// 【问题】 is "a second 题目" and 【分析】 moves the rest of the answer into
// the analysis (silently when the section has no 解析 of its own); and
// boldLabels counts a bracket label or a "### 问题" heading as bold, so an
// article typed with plain labels ("题目：", "答案：") loses them all and
// is refused: "section 1 has no 答案".
func TestReviewMoreLabelWordsInAnswerStayText(t *testing.T) {
	tests := []struct {
		name     string
		lines    []string
		question string
		answer   []corpus.Block
		analysis string
	}{
		{
			name: "bracketed 问题 in the answer (regression)",
			lines: []string{"**题目：** 线上接口变慢怎么排查？", "", "**答案：** 按下面的格式记录每一步：", "",
				"【问题】慢查询", "", "【原因】缺索引", "", "【方案】加索引"},
			question: "线上接口变慢怎么排查？",
			answer:   []corpus.Block{para("按下面的格式记录每一步："), para("【问题】慢查询"), para("【原因】缺索引"), para("【方案】加索引")},
		},
		{
			name: "bracketed 分析 in the answer (regression)",
			lines: []string{"**题目：** 线上接口变慢怎么排查？", "", "**答案：** 先看监控，再看慢查询日志。", "",
				"【分析】多数是缺索引。", "", "【建议】加索引。", "", "**解析：** 常考。"},
			question: "线上接口变慢怎么排查？",
			answer:   []corpus.Block{para("先看监控，再看慢查询日志。"), para("【分析】多数是缺索引。"), para("【建议】加索引。")},
			analysis: "常考。",
		},
		{
			name: "bracketed 分析 in the answer, no 解析 (regression, silent)",
			lines: []string{"**题目：** 线上接口变慢怎么排查？", "", "**答案：** 先看监控，再看慢查询日志。", "",
				"【分析】多数是缺索引。", "", "【建议】加索引。"},
			question: "线上接口变慢怎么排查？",
			answer:   []corpus.Block{para("先看监控，再看慢查询日志。"), para("【分析】多数是缺索引。"), para("【建议】加索引。")},
		},
		{
			name: "plain labels, bracketed 问题 in the answer (regression)",
			lines: []string{"题目：线上接口变慢怎么排查？", "", "答案：先看监控，再看慢查询日志。", "",
				"【问题】慢查询", "", "【方案】加索引", "", "解析：常考。"},
			question: "线上接口变慢怎么排查？",
			answer:   []corpus.Block{para("先看监控，再看慢查询日志。"), para("【问题】慢查询"), para("【方案】加索引")},
			analysis: "常考。",
		},
		{
			name: "plain labels, subheading 问题 in the answer (regression)",
			lines: []string{"题目：线上接口变慢怎么排查？", "", "答案：分三步。", "", "### 问题", "", "慢查询。", "",
				"### 方案", "", "加索引。", "", "解析：常考。"},
			question: "线上接口变慢怎么排查？",
			answer:   []corpus.Block{para("分三步。"), para("**问题**"), para("慢查询。"), para("**方案**"), para("加索引。")},
			analysis: "常考。",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := doc("# 复盘", "", "## 1. 接口变慢", "") + doc(tt.lines...)
			art, ps := corpus.Parse("a.md", []byte(src))
			if len(ps) > 0 {
				t.Errorf("problems:\n\t%s", strings.Join(problemLines(ps), "\n\t"))
			}
			if len(art.Sections) != 1 {
				t.Fatalf("%d sections, want 1", len(art.Sections))
			}
			s := art.Sections[0]
			if s.Question != tt.question {
				t.Errorf("question %q, want %q", s.Question, tt.question)
			}
			checkAnswer(t, s.Answer, tt.answer...)
			if s.Analysis != tt.analysis {
				t.Errorf("analysis %q, want %q", s.Analysis, tt.analysis)
			}
		})
	}
}

// TestReviewMoreNumberedSubheadingsInUnnumberedSections: notes whose
// unnumbered "## 缓存击穿" sections each have a 题目 (valid at 9b3ec9a,
// README: "numbered in order") may number the points of an answer
// ("### 1. 互斥锁"). sectionLevel now counts a label in any shape under a
// heading, including an item "- **问题：** 锁竞争" or a quote "> **问题：**
// …" that the parser itself leaves in the answer, so ### becomes the
// sections' level: every real 题目 and 答案 is "outside any section" and
// the points are refused as sections without an 答案.
func TestReviewMoreNumberedSubheadingsInUnnumberedSections(t *testing.T) {
	tests := []struct {
		name   string
		points []string
	}{
		{"items naming a problem (regression)", []string{"### 1. 互斥锁", "", "- **优点：** 简单。", "- **问题：** 锁竞争。", "",
			"### 2. 逻辑过期", "", "- **优点：** 不阻塞。", "- **问题：** 数据短暂不一致。"}},
		{"quoted follow-up question (regression)", []string{"### 1. 面试官追问", "", "> **问题：** 锁超时怎么办？"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := doc("# 缓存", "", "## 缓存击穿", "", "**题目：** 缓存击穿有哪些解决方案？", "", "**答案：** 两种方案。", "") +
				doc(tt.points...) + doc("", "## 缓存穿透", "", "**题目：** 什么是缓存穿透？", "", "**答案：** 查不存在的数据。")
			art, ps := corpus.Parse("a.md", []byte(src))
			reviewCheck(t, src, art, ps, []reviewSection{
				{"a/1", "缓存击穿", "缓存击穿有哪些解决方案？", "两种方案。"},
				{"a/2", "缓存穿透", "什么是缓存穿透？", "查不存在的数据。"},
			})
		})
	}
}

// TestReviewMoreExamLabelsOfOneCharacter: the exam paper's 问 and 答 are
// accepted in bold ("**答：**"), but wordLabel, meant to keep the options
// "A" and "Q" out of the new shapes, counts characters, so 【问】/【答】,
// "### 答" and "- **答：**" are never labels. An article written with them
// only is taken for free-form notes: the heading becomes the question and
// "【问】…【答】…" the answer, silently; a heading "### 答" even becomes the
// section ("答" its title) and the "## 1." heading a divider.
func TestReviewMoreExamLabelsOfOneCharacter(t *testing.T) {
	tests := []struct {
		name     string
		heading  string
		lines    []string
		question string
	}{
		{"question and answer in brackets", "## 1. 缓存穿透", []string{"【问】什么是缓存穿透？", "", "【答】查不存在的数据。"}, "什么是缓存穿透？"},
		{"answer in brackets after a bold 题目", "## 1. 缓存穿透", []string{"**题目：** 什么是缓存穿透？", "", "【答】查不存在的数据。"}, "什么是缓存穿透？"},
		{"heading 答 under a heading that asks", "## 1. 什么是缓存穿透？", []string{"### 答", "", "查不存在的数据。"}, "什么是缓存穿透？"},
		{"list items 问 and 答", "## 1. 缓存穿透", []string{"- **问：** 什么是缓存穿透？", "- **答：** 查不存在的数据。"}, "什么是缓存穿透？"},
		{"quoted 答 under a heading that asks", "## 1. 什么是缓存穿透？", []string{"> **答：** 查不存在的数据。"}, "什么是缓存穿透？"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := doc("# 缓存", "", tt.heading, "") + doc(tt.lines...)
			art, ps := corpus.Parse("a.md", []byte(src))
			title := strings.TrimPrefix(tt.heading, "## 1. ")
			reviewCheck(t, src, art, ps, []reviewSection{{"a/1", title, tt.question, "查不存在的数据。"}})
			if len(art.Sections) == 1 && art.Sections[0].Question != tt.question {
				t.Errorf("question %q, want %q", art.Sections[0].Question, tt.question)
			}
		})
	}
}

// TestReviewMoreLabellessSectionKeepsItsText: in free-form notes a section's
// text is its answer, and "a heading with nothing under it is a divider".
// A bold "**别名：**" line (README: an optional aliases line) or an
// analysis label in any shape the parser reads there ("**分析：**", a
// plain "解析：", a subheading "### 解析") moves the text after it out of
// the answer, so a section whose text opens with one has an empty answer
// and is dropped as a divider, with no problem; after a 别名 line the
// text becomes aliases ("RAG 把检索和生成结合。" is an alias).
func TestReviewMoreLabellessSectionKeepsItsText(t *testing.T) {
	tests := []struct {
		name    string
		lines   []string // the first section's text
		answer  string   // text the first section's answer must hold
		aliases []string // nil = not checked
	}{
		{"aliases line first", []string{"**别名：** 检索增强生成、retrieval augmented generation", "", "RAG 把检索和生成结合。"},
			"RAG 把检索和生成结合。", []string{"检索增强生成", "retrieval augmented generation"}},
		{"aliases line, no blank line", []string{"**别名：** 检索增强生成", "RAG 把检索和生成结合。"},
			"RAG 把检索和生成结合。", []string{"检索增强生成"}},
		{"aliases line between paragraphs", []string{"RAG 是一种架构。", "", "**别名：** 检索增强生成", "", "RAG 把检索和生成结合。"},
			"RAG 把检索和生成结合。", []string{"检索增强生成"}},
		{"bold 分析 paragraph", []string{"**分析：** 四个条件同时满足才会死锁。"}, "四个条件同时满足才会死锁。", nil},
		{"plain 解析 paragraph", []string{"解析：选一个基准，小的放左边。"}, "选一个基准，小的放左边。", nil},
		{"subheading 解析", []string{"### 解析", "", "选一个基准，小的放左边。"}, "选一个基准，小的放左边。", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := doc("# 笔记", "", "## 第一节", "") + doc(tt.lines...) + doc("", "## 第二节", "", "在已有模型上继续训练。")
			art, ps := corpus.Parse("n.md", []byte(src))
			if len(ps) > 0 {
				t.Errorf("problems:\n\t%s", strings.Join(problemLines(ps), "\n\t"))
			}
			var titles []string
			for _, s := range art.Sections {
				titles = append(titles, s.ID+" "+s.Title)
			}
			if len(art.Sections) != 2 || art.Sections[0].Title != "第一节" || art.Sections[1].ID != "n/2" {
				t.Fatalf("sections %q, want [n/1 第一节 n/2 第二节]; input:\n%s", titles, src)
			}
			s := art.Sections[0]
			if !strings.Contains(s.Answer.PlainText(), tt.answer) {
				t.Errorf("answer %q, want it to hold %q (analysis %q, aliases %q)", s.Answer.PlainText(), tt.answer, s.Analysis, s.Aliases)
			}
			if tt.aliases != nil && strings.Join(s.Aliases, "|") != strings.Join(tt.aliases, "|") {
				t.Errorf("aliases %q, want %q", s.Aliases, tt.aliases)
			}
		})
	}
}

// TestReviewMoreHeadingQuestionKeepsCode: "A section whose heading asks the
// question may leave out the 题目: the question is then the text typed
// under the heading before the 答案". A code block or a table typed there
// is dropped (startVerbatim keeps nothing outside a field), so "下面代码
// 输出什么？" loses its code with no problem; 9b3ec9a reported "no 题目".
func TestReviewMoreHeadingQuestionKeepsCode(t *testing.T) {
	tests := []struct {
		name    string
		heading string
		lines   []string
		want    []string // what the question must hold
	}{
		{"code under the heading", "## 1. 下面代码输出什么？",
			[]string{"```python", "print(0.1 + 0.2 == 0.3)", "```"}, []string{"print(0.1 + 0.2 == 0.3)"}},
		{"text and code under the heading", "## 1. 代码题",
			[]string{"下面代码输出什么？", "", "```python", "print(0.1 + 0.2 == 0.3)", "```"}, []string{"下面代码输出什么？", "print(0.1 + 0.2 == 0.3)"}},
		{"table under the heading", "## 1. 下表中哪种隔离级别能防止幻读？",
			[]string{"| 级别 | 脏读 |", "| --- | --- |", "| 读已提交 | 否 |"}, []string{"| 读已提交 | 否 |"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := parseOne(t, doc("# 题", "", tt.heading, "")+doc(tt.lines...)+doc("", "**答案：** False。"))
			for _, w := range tt.want {
				if !strings.Contains(s.Question, w) {
					t.Errorf("question %q, want it to hold %q", s.Question, w)
				}
			}
			checkAnswer(t, s.Answer, para("False。"))
		})
	}
}

// TestReviewMoreQuoteHoldingQuestionAndAnswer: a quote that holds the whole
// exchange ("> **题目：** …", "> **答案：** …", "> …") keeps the quote
// marker on the answer's lines: the answer reads "查不存在的数据。> 常见于
// 恶意请求。", because the 答案 label, read from a line already unquoted,
// ends the quote (startField clears p.quoted).
func TestReviewMoreQuoteHoldingQuestionAndAnswer(t *testing.T) {
	s := parseOne(t, doc("# 缓存", "", "## 1. 缓存穿透", "",
		"> **题目：** 什么是缓存穿透？", "> **答案：** 查不存在的数据。", "> 常见于恶意请求。"))
	if s.Question != "什么是缓存穿透？" {
		t.Errorf("question %q, want 什么是缓存穿透？", s.Question)
	}
	checkAnswer(t, s.Answer, para("查不存在的数据。\n常见于恶意请求。"))
}

// TestReviewMoreLabellessCodeOnlyText: sectionLevel looks for "headings with
// text under them" with outsideFences, which skips code, so a cheat sheet
// whose "## 常用命令" holds a code block and a "### 参数说明" paragraph
// gets ### as its sections' level: the "## 常用命令" code and the whole
// "## 镜像" section (code only) are dropped, with no problem.
func TestReviewMoreLabellessCodeOnlyText(t *testing.T) {
	src := doc("# Docker 笔记", "", "## 常用命令", "", "```bash", "docker ps -a", "```", "",
		"### 参数说明", "", "-a 显示所有容器。", "", "## 镜像", "", "```bash", "docker images", "```")
	art, ps := corpus.Parse("docker.md", []byte(src))
	reviewCheck(t, src, art, ps, []reviewSection{
		{"docker/1", "常用命令", "常用命令", "```bash\ndocker ps -a\n```"},
		{"docker/2", "镜像", "镜像", "```bash\ndocker images\n```"},
	})
}

// TestReviewMoreLabellessChapterAfterTitle: "a `# ` line after the first is
// a chapter that ends the section above it" — but a chapter that comes
// before the first "##" (title, then "# 第一章 …") is reported as "second
// article title", refusing notes laid out as book chapters; and notes that
// use "# " for every heading (one per question, common in Typora) get the
// same message for each although each heading has text under it.
func TestReviewMoreLabellessChapterAfterTitle(t *testing.T) {
	t.Run("chapter after the title", func(t *testing.T) {
		src := doc("# 操作系统笔记", "", "# 第一章 进程", "", "## 进程和线程", "", "进程是资源分配的单位。", "",
			"# 第二章 内存", "", "## 分页", "", "固定大小。")
		art, ps := corpus.Parse("os.md", []byte(src))
		reviewCheck(t, src, art, ps, []reviewSection{
			{"os/1", "进程和线程", "进程和线程", "进程是资源分配的单位。"},
			{"os/2", "分页", "分页", "固定大小。"},
		})
		if art.Title != "操作系统笔记" {
			t.Errorf("title %q, want 操作系统笔记", art.Title)
		}
	})
	t.Run("only top-level headings", func(t *testing.T) {
		src := doc("# 什么是进程", "", "进程是资源分配的单位。", "", "# 什么是线程", "", "线程是调度的单位。")
		art, ps := corpus.Parse("os.md", []byte(src))
		reviewCheck(t, src, art, ps, []reviewSection{
			{"os/1", "什么是进程", "什么是进程", "进程是资源分配的单位。"},
			{"os/2", "什么是线程", "什么是线程", "线程是调度的单位。"},
		})
	})
}

// TestReviewMoreTypoCheckOnCommonWords: a bold paragraph lead is checked for
// typos of labels at edit distance 1, which for two-character words
// catches everyday leads: 例题 ("did you mean 问题"), 解决 (解析), 分类
// (分析). Free-form notes, which have no labels at all, are refused for
// them; labelled articles are too (already at 9b3ec9a).
func TestReviewMoreTypoCheckOnCommonWords(t *testing.T) {
	t.Run("free-form notes", func(t *testing.T) {
		src := doc("# 操作系统", "", "## 死锁", "", "死锁需要四个条件同时满足。", "",
			"**例题：** 两个线程互相等待对方的锁。", "", "**解决：** 按固定顺序加锁。", "", "## 线程", "", "调度的单位。")
		art, ps := corpus.Parse("os.md", []byte(src))
		reviewCheck(t, src, art, ps, []reviewSection{
			{"os/1", "死锁", "死锁", "死锁需要四个条件同时满足。"},
			{"os/2", "线程", "线程", "调度的单位。"},
		})
	})
	for _, lead := range []string{"例题", "解决", "分类"} {
		t.Run("labelled article, "+lead, func(t *testing.T) {
			src := answerDoc("互相等待。", "", "**"+lead+"：** 按固定顺序加锁。")
			art, ps := corpus.Parse("a.md", []byte(src))
			reviewCheck(t, src, art, ps, []reviewSection{{"a/1", "节", "问？", "互相等待。"}})
		})
	}
}

// TestReviewMoreClosingHashes: a heading may close with "#"s ("## 1. 缓存穿透
// ##"); headingText drops them for unnumbered headings, but a numbered
// heading keeps them in its title: "缓存穿透 ##".
func TestReviewMoreClosingHashes(t *testing.T) {
	src := doc("# 缓存", "", "## 1. 缓存穿透 ##", "", "**题目：** 什么是缓存穿透？", "", "**答案：** 查不存在的数据。")
	art, ps := corpus.Parse("a.md", []byte(src))
	reviewCheck(t, src, art, ps, []reviewSection{{"a/1", "缓存穿透", "什么是缓存穿透？", "查不存在的数据。"}})
}
