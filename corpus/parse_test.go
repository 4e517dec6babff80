package corpus_test

import (
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/startupqa/startupqa/corpus"
)

func TestParseLabelVariants(t *testing.T) {
	tests := []struct {
		name                      string
		question, answer, analyse string // label lines
	}{
		{"full-width colon inside", "**题目：** 问？", "**答案：** 答。", "**解析：** 析。"},
		{"ASCII colon inside", "**题目:** 问？", "**答案:** 答。", "**解析:** 析。"},
		{"colon after bold", "**题目**：问？", "**答案**：答。", "**解析**: 析。"},
		{"synonyms", "**问题：** 问？", "**回答：** 答。", "**分析：** 析。"},
		{"traditional", "**題目：** 问？", "**答案：** 答。", "**解釋：** 析。"},
		{"English", "**Question:** 问？", "**Answer:** 答。", "**Analysis:** 析。"},
		{"English upper case", "**QUESTION:** 问？", "**ANSWER**: 答。", "**Explanation:** 析。"},
		{"Q and A", "**Q:** 问？", "**A:** 答。", "**解析：** 析。"},
		{"as on an exam paper", "**问：** 问？", "**答：** 答。", "**点评：** 析。"},
		{"reference answer", "**题：** 问？", "**参考答案：** 答。", "**答案解析：** 析。"},
		{"traditional exam labels", "**問：** 问？", "**標準答案：** 答。", "**詳解：** 析。"},
		{"spaces inside bold", "** 题目 ：** 问？", "** 答案：**答。", "**解析 :**   析。"},
		{"indented", "  **题目：** 问？", "\t**答案：** 答。", " **解析：** 析。"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := parseOne(t, doc("## 1. 节", tt.question, tt.answer, tt.analyse))
			if s.Question != "问？" || s.Analysis != "析。" {
				t.Errorf("Question %q, Analysis %q; want 问？, 析。", s.Question, s.Analysis)
			}
			checkAnswer(t, s.Answer, para("答。"))
		})
	}
}

func TestParseLabelOnItsOwnLine(t *testing.T) {
	s := parseOne(t, doc("## 1. 节", "**题目：**", "问？", "", "**答案：**", "", "答。", "", "**解析：**", "析。"))
	if s.Question != "问？" || s.Analysis != "析。" {
		t.Errorf("Question %q, Analysis %q; want 问？, 析。", s.Question, s.Analysis)
	}
	checkAnswer(t, s.Answer, para("答。"))
}

func TestParseJoinsLines(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  string
	}{
		{"Chinese lines join without a space", []string{"大模型指的是", "机器学习模型。"}, "大模型指的是机器学习模型。"},
		{"English lines join with a space", []string{"Large models", "are large."}, "Large models are large."},
		{"English then Chinese", []string{"OpenAI", "是一家公司。"}, "OpenAI是一家公司。"},
		{"full-width punctuation", []string{"包括：", "GPT-3"}, "包括：GPT-3"},
		{"Japanese", []string{"これは", "テスト"}, "これはテスト"},
		{"surrounding spaces trimmed", []string{"  one  ", "  two  "}, "one two"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := doc("## 1. 节", "**题目：**") + doc(tt.lines...) +
				doc("", "**答案：**") + doc(tt.lines...) +
				doc("", "**解析：**") + doc(tt.lines...)
			s := parseOne(t, src)
			if s.Question != tt.want || s.Analysis != tt.want {
				t.Errorf("Question %q, Analysis %q; want %q", s.Question, s.Analysis, tt.want)
			}
			checkAnswer(t, s.Answer, para(tt.want))
		})
	}
}

func TestParseParagraphs(t *testing.T) {
	s := parseOne(t, doc("## 1. 节",
		"**题目：** 第一段。", "", "第二段。",
		"**答案：** 甲。", "", "", "乙。",
		"**解析：** 丙", "丁。", "", "戊。"))
	if want := "第一段。\n\n第二段。"; s.Question != want {
		t.Errorf("Question = %q, want %q", s.Question, want)
	}
	if want := "丙丁。\n\n戊。"; s.Analysis != want {
		t.Errorf("Analysis = %q, want %q", s.Analysis, want)
	}
	checkAnswer(t, s.Answer, para("甲。"), para("乙。"))
}

// TestParseBoldTextIsNotALabel: bold text that is no label and looks like
// none is kept as answer text and is no problem.
func TestParseBoldTextIsNotALabel(t *testing.T) {
	s := parseOne(t, answerDoc("**注意：** 数据要清洗。", "", "**Note:** keep it short.", "", "**面试官：** 为什么？", "", "**解决思路：** 先限流。"))
	checkAnswer(t, s.Answer, para("**注意：** 数据要清洗。"), para("**Note:** keep it short."), para("**面试官：** 为什么？"), para("**解决思路：** 先限流。"))
}

func TestParseLineEndingsAndBOM(t *testing.T) {
	seed, err := os.ReadFile(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	want, ps := corpus.Parse("a.md", seed)
	if len(ps) > 0 || len(want.Sections) != 6 {
		t.Fatalf("Parse(seed): %d sections, problems %v", len(want.Sections), problemLines(ps))
	}
	crlf := strings.ReplaceAll(string(seed), "\n", "\r\n")
	for name, data := range map[string]string{
		"CRLF":             crlf,
		"BOM":              "\uFEFF" + string(seed),
		"BOM + CRLF":       "\uFEFF" + crlf,
		"no final newline": strings.TrimRight(string(seed), "\n"),
	} {
		t.Run(name, func(t *testing.T) {
			got, ps := corpus.Parse("a.md", []byte(data))
			if len(ps) > 0 {
				t.Fatalf("problems: %v", problemLines(ps))
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("article differs from the LF version: title %q, %d sections", got.Title, len(got.Sections))
				for i := range min(len(got.Sections), len(want.Sections)) {
					g, w := got.Sections[i], want.Sections[i]
					if !reflect.DeepEqual(g, w) {
						t.Errorf("%s: Title %q Question %q Analysis %q, want %q %q %q; answer:\n%s\nwant:\n%s",
							w.ID, g.Title, g.Question, g.Analysis, w.Title, w.Question, w.Analysis, describe(g.Answer.Blocks), describe(w.Answer.Blocks))
					}
				}
			}
		})
	}
}

func TestParseBOMBeforeTitle(t *testing.T) {
	art, ps := corpus.Parse("a.md", []byte("\uFEFF# 标题\r\n\r\n## 1. 节\r\n**题目：** 问？\r\n**答案：** 答。\r\n"))
	if len(ps) > 0 {
		t.Fatalf("problems: %v", problemLines(ps))
	}
	if art.Title != "标题" {
		t.Errorf("Title = %q, want 标题", art.Title)
	}
	if s := art.Sections[0]; s.Title != "节" || s.Question != "问？" {
		t.Errorf("Title %q, Question %q; want 节, 问？ (no \\r left)", s.Title, s.Question)
	}
}

func TestParsePrefaceIgnored(t *testing.T) {
	src := doc(
		"这是文章的前言，不属于任何一节。",
		"",
		"# 标题",
		"",
		"前言段落。",
		"",
		"- 列表",
		"1. 也是前言",
		"**注意：** 粗体",
		"",
		"## 1. 节",
		"**题目：** 问？",
		"**答案：** 答。",
	)
	art, ps := corpus.Parse("a.md", []byte(src))
	if len(ps) > 0 {
		t.Fatalf("problems: %v", problemLines(ps))
	}
	if art.Title != "标题" || len(art.Sections) != 1 {
		t.Fatalf("Title %q, %d sections; want 标题, 1", art.Title, len(art.Sections))
	}
	s := art.Sections[0]
	if s.Question != "问？" || s.Line != 11 {
		t.Errorf("Question %q, Line %d; want 问？, 11", s.Question, s.Line)
	}
	checkAnswer(t, s.Answer, para("答。"))
}

func TestParseHeadings(t *testing.T) {
	tests := []struct {
		heading string
		number  int
		title   string
	}{
		{"## 1. 什么是大模型？", 1, "什么是大模型？"},
		{"## 2、大模型的训练过程", 2, "大模型的训练过程"},
		{"## 3．挑战", 3, "挑战"},
		{"## 4: Strategy", 4, "Strategy"},
		{"## 5）案例", 5, "案例"},
		{"## 6 总结", 6, "总结"},
		{"##   12.   Spaces  ", 12, "Spaces"},
		{"## 三、挑战", 3, "挑战"},
		{"## 十二．总结", 12, "总结"},
		{"## 二十: 案例", 20, "案例"},
		{"## 一百零五、长文", 105, "长文"},
		{"## ３．类加载", 3, "类加载"},
		{"## １２. 全角数字", 12, "全角数字"},
	}
	for _, tt := range tests {
		s := parseOne(t, doc(tt.heading, "**题目：** 问？", "**答案：** 答。"))
		if s.Number != tt.number || s.Title != tt.title || s.ID != "a/"+strconv.Itoa(tt.number) {
			t.Errorf("%q: Number %d, Title %q, ID %q; want %d, %q, a/%d", tt.heading, s.Number, s.Title, s.ID, tt.number, tt.title, tt.number)
		}
	}
}

func TestParseTitle(t *testing.T) {
	art, _ := corpus.Parse("notes/My Notes.md", []byte(doc("## 1. 节", "**题目：** 问？", "**答案：** 答。")))
	if art.Title != "my-notes" || art.Slug != "my-notes" || art.File != "notes/My Notes.md" {
		t.Errorf("without a title: Title %q, Slug %q, File %q; want my-notes, my-notes, notes/My Notes.md", art.Title, art.Slug, art.File)
	}
	if id := art.Sections[0].ID; id != "my-notes/1" {
		t.Errorf("ID = %q, want my-notes/1", id)
	}

	// "#" without a space is text, not a heading (a "# " heading after the
	// title is a chapter: see TestChapters).
	s := parseOne(t, answerDoc("#不是标题"))
	checkAnswer(t, s.Answer, para("#不是标题"))
}

// TestParseSubheadingsAreText: a heading inside a section is a bold
// paragraph of its own, not joined to the text under it.
func TestParseSubheadingsAreText(t *testing.T) {
	s := parseOne(t, answerDoc("### 小标题", "正文。"))
	checkAnswer(t, s.Answer, para("**小标题**"), para("正文。"))
}

func TestParseInvalidUTF8Replaced(t *testing.T) {
	art, ps := corpus.Parse("a.md", []byte(answerDoc("坏\xff字")))
	if got := problemLines(ps); len(got) != 1 || got[0] != "a.md:9: invalid UTF-8" {
		t.Fatalf("problems %q, want [a.md:9: invalid UTF-8]", got)
	}
	checkAnswer(t, art.Sections[0].Answer, para("坏\uFFFD字"))
}

func TestParseAliases(t *testing.T) {
	src := "# T\n\n## 1. 大模型\n\n**题目：** 什么是大模型？\n\n**别名：** LLM、large language model，大语言模型; 基础模型\n\n**答案：** 参数很多的模型。\n"
	art, ps := corpus.Parse("a.md", []byte(src))
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	got := art.Sections[0].Aliases
	want := []string{"LLM", "large language model", "大语言模型", "基础模型"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("aliases = %q, want %q", got, want)
	}
	if art.Sections[0].Answer.PlainText() != "参数很多的模型。" {
		t.Errorf("the aliases line leaked into the answer: %q", art.Sections[0].Answer.PlainText())
	}
}

// TestParseChapters: notes that group their questions under chapter
// headings ("## 基础", "### 1. …") get the "###" headings as sections, and
// the chapters end sections without being problems.
func TestParseChapters(t *testing.T) {
	art, ps := corpus.Parse("mq.md", []byte(doc(
		"# 消息队列",
		"## 第一部分 基础",
		"介绍文字。",
		"### 1. 消息丢失",
		"**题目：** 如何保证消息不丢失？",
		"**答案：** 生产端确认。",
		"## 第二部分 进阶",
		"不属于任何一节。",
		"### 2. 顺序消息",
		"**题目：** 如何保证顺序？",
		"**答案：** 同一 key 发到同一分区。",
		"",
		"#### 细节",
		"分区内有序。",
		"### 标题没有编号",
	)))
	if got, want := problemLines(ps), []string{`mq.md:15: section heading without a number: want "### N. title", got "### 标题没有编号"`}; !slices.Equal(got, want) {
		t.Errorf("problems %q, want %q", got, want)
	}
	if len(art.Sections) != 2 {
		t.Fatalf("%d sections, want 2", len(art.Sections))
	}
	s1, s2 := art.Sections[0], art.Sections[1]
	if s1.ID != "mq/1" || s1.Title != "消息丢失" || s1.Line != 4 || s2.ID != "mq/2" || s2.Title != "顺序消息" {
		t.Errorf("sections %s %q line %d, %s %q; want mq/1 消息丢失 line 4, mq/2 顺序消息", s1.ID, s1.Title, s1.Line, s2.ID, s2.Title)
	}
	checkAnswer(t, s1.Answer, para("生产端确认。"))
	checkAnswer(t, s2.Answer, para("同一 key 发到同一分区。"), para("**细节**"), para("分区内有序。"))
}

// TestParsePlainLabels: labels typed without bold count where the section
// does not have that field yet; elsewhere the line is text.
func TestParsePlainLabels(t *testing.T) {
	tests := []struct {
		name              string
		lines             []string
		question, analyse string
		answer            []corpus.Block
	}{
		{
			name:     "Chinese",
			lines:    []string{"题目：什么是缓存？", "答案：存放热点数据。", "解析：常考。"},
			question: "什么是缓存？", answer: []corpus.Block{para("存放热点数据。")}, analyse: "常考。",
		},
		{
			name:     "English letters",
			lines:    []string{"Q: What is a cache?", "A: A fast store.", "Analysis: common."},
			question: "What is a cache?", answer: []corpus.Block{para("A fast store.")}, analyse: "common.",
		},
		{
			name:     "an answer's paragraph opening with 分析",
			lines:    []string{"题目：问？", "答案：快。", "", "分析：内存读写快。", "", "解析：常考。"},
			question: "问？", answer: []corpus.Block{para("快。"), para("分析：内存读写快。")}, analyse: "常考。",
		},
		{
			name:     "a started field's label is text",
			lines:    []string{"题目：问？", "答案：答。", "", "问题：这行是答案的一段。"},
			question: "问？", answer: []corpus.Block{para("答。"), para("问题：这行是答案的一段。")},
		},
		{
			name:     "as on an exam paper",
			lines:    []string{"问：什么是缓存？", "答：存放热点数据。", "", "问：这是答案里的一段对话。", "", "答案解析：常考。"},
			question: "什么是缓存？", answer: []corpus.Block{para("存放热点数据。"), para("问：这是答案里的一段对话。")}, analyse: "常考。",
		},
		{
			name:     "unknown labels are text",
			lines:    []string{"题目：问？", "答案：答。", "", "注意：不是标签。"},
			question: "问？", answer: []corpus.Block{para("答。"), para("注意：不是标签。")},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := parseOne(t, doc(append([]string{"## 1. 节"}, tt.lines...)...))
			if s.Question != tt.question || s.Analysis != tt.analyse {
				t.Errorf("Question %q, Analysis %q; want %q, %q", s.Question, s.Analysis, tt.question, tt.analyse)
			}
			checkAnswer(t, s.Answer, tt.answer...)
		})
	}
}

// TestParseVerbatim: fenced code and tables keep their lines, and nothing
// inside a fence is a heading, a label or a list item.
func TestParseVerbatim(t *testing.T) {
	art, ps := corpus.Parse("a.md", []byte(doc(
		"## 1. 分布式锁",
		"**题目：** 如何加锁？",
		"**答案：** 用 SET NX：",
		"```bash",
		"## 加锁",
		"**题目：** 不是标签",
		"- 不是列表",
		"SET lock 1 NX PX 30000   ",
		"```",
		"| 方案 | 优点 |",
		"| --- | --- |",
		"| SETNX | 简单 |",
		"表格之后。",
		"**解析：** 看代码：",
		"~~~~",
		"```",
		"~~~~",
		"## 2. 下一节",
		"**题目：** 问？",
		"**答案：** 答。",
	)))
	if len(ps) > 0 {
		t.Fatalf("problems: %q", problemLines(ps))
	}
	if len(art.Sections) != 2 {
		t.Fatalf("%d sections, want 2", len(art.Sections))
	}
	s := art.Sections[0]
	checkAnswer(t, s.Answer,
		para("用 SET NX："),
		para("```bash\n## 加锁\n**题目：** 不是标签\n- 不是列表\nSET lock 1 NX PX 30000\n```"),
		para("| 方案 | 优点 |\n| --- | --- |\n| SETNX | 简单 |"),
		para("表格之后。"),
	)
	for i, want := range []bool{false, true, true, false} {
		if got := s.Answer.Blocks[i].Verbatim; got != want {
			t.Errorf("block %d Verbatim = %v, want %v", i, got, want)
		}
	}
	if want := "看代码：\n\n~~~~\n```\n~~~~"; s.Analysis != want {
		t.Errorf("Analysis %q, want %q", s.Analysis, want)
	}
	if s.Question != "如何加锁？" {
		t.Errorf("Question %q", s.Question)
	}
}

func TestParseUnclosedFence(t *testing.T) {
	_, ps := corpus.Parse("a.md", []byte(doc(
		"## 1. 节", "**题目：** 问？", "**答案：** 答。", "```", "## 2. 被吞掉的节",
	)))
	if got, want := problemLines(ps), []string{"a.md:4: code fence ``` opened here is never closed"}; !slices.Equal(got, want) {
		t.Errorf("problems %q, want %q", got, want)
	}
}

// TestParseVerbatimInLists: code and tables under a list item stay in
// that item, so the list goes on and keeps its numbering; "- ```" opens a
// code block as an item, and a label's text may open one too.
func TestParseVerbatimInLists(t *testing.T) {
	art, ps := corpus.Parse("a.md", []byte(doc(
		"## 1. 部署",
		"**题目：** 步骤？",
		"**答案：**",
		"1. 安装：",
		"   ```",
		"   make install",
		"   ```",
		"   然后重启。",
		"2. 启动",
		"   | 参数 | 含义 |",
		"   | --- | --- |",
		"3. 验证",
		"",
		"- ```bash",
		"  make test",
		"  ```",
		"- 完成",
		"",
		"**解析：** ```",
		"注意权限",
		"```",
		"## 2. 下一节",
		"**题目：** 问？",
		"**答案：** |x| 是绝对值，",
		"所以 |x| ≥ 0。",
	)))
	if len(ps) > 0 {
		t.Fatalf("problems: %q", problemLines(ps))
	}
	if len(art.Sections) != 2 {
		t.Fatalf("%d sections, want 2", len(art.Sections))
	}
	s := art.Sections[0]
	want := "1. 安装：\n   ```\n   make install\n   ```\n   然后重启。\n2. 启动\n   | 参数 | 含义 |\n   | --- | --- |\n3. 验证\n\n- ```bash\n  make test\n  ```\n- 完成"
	if got := s.Answer.Markdown(); got != want {
		t.Errorf("answer:\n%s\nwant:\n%s", got, want)
	}
	if want := "```\n注意权限\n```"; s.Analysis != want {
		t.Errorf("analysis %q, want %q", s.Analysis, want)
	}
	checkAnswer(t, art.Sections[1].Answer, para("|x| 是绝对值，所以 |x| ≥ 0。"))
}

// TestParsePlainLabelsKeepAnswers: in notes without bold labels, a line
// of an answer's list that opens with 解释： or 分析： stays in the list,
// and the options of a multiple-choice question stay in the question
// where the labels are bold.
func TestParsePlainLabelsKeepAnswers(t *testing.T) {
	s := parseOne(t, doc("## 1. 节", "题目：缓存问题有哪些？", "答案：",
		"- 缓存穿透", "  解释：查询不存在的数据", "- 缓存雪崩", "  解释：大量 key 同时过期"))
	if n := len(s.Answer.Items()); n != 2 || s.Analysis != "" {
		t.Errorf("%d items %q, analysis %q; want 2 items, no analysis", n, s.Answer.Markdown(), s.Analysis)
	}
	s = parseOne(t, doc("## 1. 选择题", "**题目：** 以下哪个是对的？", "A: 选项一", "B: 选项二", "**答案：** A"))
	if s.Question != "以下哪个是对的？A: 选项一B: 选项二" || s.Answer.Markdown() != "A" {
		t.Errorf("question %q, answer %q", s.Question, s.Answer.Markdown())
	}
}

// TestParseUnnumbered: notes whose headings carry no numbers at all are
// numbered in order, under chapters too, and their headings are the
// sections' titles.
func TestParseUnnumbered(t *testing.T) {
	art, ps := corpus.Parse("cache.md", []byte(doc(
		"# 缓存",
		"## 基础",
		"### 缓存击穿",
		"**题目：** 什么是缓存击穿？",
		"**答案：** 热点 key 过期。",
		"### Q: 缓存穿透 ###",
		"**题目：** 什么是缓存穿透？",
		"**答案：** 查不存在的数据。",
		"## 进阶",
		"### 缓存雪崩",
		"**题目：** 什么是缓存雪崩？",
		"**答案：** 大量 key 同时过期。",
	)))
	if len(ps) != 0 {
		t.Fatalf("problems: %v", problemLines(ps))
	}
	want := []struct{ id, title string }{{"cache/1", "缓存击穿"}, {"cache/2", "缓存穿透"}, {"cache/3", "缓存雪崩"}}
	if len(art.Sections) != len(want) {
		t.Fatalf("%d sections, want %d", len(art.Sections), len(want))
	}
	for i, w := range want {
		if s := art.Sections[i]; s.ID != w.id || s.Title != w.title || s.Number != i+1 {
			t.Errorf("section %d: %s %q (number %d), want %s %q", i, s.ID, s.Title, s.Number, w.id, w.title)
		}
	}
}

// TestParseUnnumberedEdges: a number that runs into a letter is part of
// the title (2PC), and a heading of marks only has no title.
func TestParseUnnumberedEdges(t *testing.T) {
	art, ps := corpus.Parse("a.md", []byte(doc(
		"## 缓存击穿", "**题目：** 什么是缓存击穿？", "**答案：** 热点 key 过期。",
		"## 2PC 两阶段提交", "**题目：** 什么是 2PC？", "**答案：** 两阶段提交。",
	)))
	if len(ps) != 0 || len(art.Sections) != 2 || art.Sections[1].ID != "a/2" || art.Sections[1].Title != "2PC 两阶段提交" {
		t.Errorf("problems %v, sections %+v; want a/1 缓存击穿 and a/2 2PC 两阶段提交", problemLines(ps), art.Sections)
	}
	_, ps = corpus.Parse("a.md", []byte(doc(
		"## 缓存击穿", "**题目：** 问？", "**答案：** 答。",
		"## ##", "**题目：** 问？", "**答案：** 答。",
	)))
	if got := problemLines(ps); len(got) != 1 || !strings.Contains(got[0], "section 2 has no title") {
		t.Errorf("a heading of marks only: problems %v, want section 2 has no title", got)
	}
	// In numbered notes, 5G is not section 5 either.
	if _, ps := corpus.Parse("a.md", []byte(doc("## 1. 节", "**题目：** 问？", "**答案：** 答。", "## 5G 网络", "**题目：** 问？", "**答案：** 答。"))); len(ps) != 1 || !strings.Contains(ps[0].Message, "without a number") {
		t.Errorf("## 5G in numbered notes: problems %v, want a heading without a number", problemLines(ps))
	}
}

// TestParseExamLabelsQuoted: an exchange quoted in an answer with the
// exam paper's labels in bold stays in the answer, and a bold one does not
// turn plain labels elsewhere into text.
func TestParseExamLabelsQuoted(t *testing.T) {
	s := parseOne(t, doc("## 1. 缓存", "**题目：** 什么是缓存？", "**答案：** 存放热点数据。", "", "**问：** 为什么不用数据库？", "", "**答：** 太慢。"))
	checkAnswer(t, s.Answer, para("存放热点数据。"), para("**问：** 为什么不用数据库？"), para("**答：** 太慢。"))
	s = parseOne(t, doc("## 1. 缓存", "题目：什么是缓存？", "答案：存放热点数据。", "", "**问：** 为什么不用数据库？", "", "解析：常考。"))
	if s.Question != "什么是缓存？" || s.Analysis != "常考。" {
		t.Errorf("Question %q, Analysis %q: a bold 问 made the plain labels text", s.Question, s.Analysis)
	}
	// Outside any section an exam label is text, not a problem.
	if _, ps := corpus.Parse("a.md", []byte(doc("# 笔记", "**问：** 这份笔记怎么用？", "## 1. 节", "**题目：** 问？", "**答案：** 答。"))); len(ps) != 0 {
		t.Errorf("an exam label in the preface: problems %v", problemLines(ps))
	}
}

// Notes labelled only as exam papers label them, in bold and without
// numbers, are numbered in order too.
func TestParseExamLabelsUnnumbered(t *testing.T) {
	art, ps := corpus.Parse("a.md", []byte(doc(
		"## 缓存击穿", "**问：** 什么是缓存击穿？", "**答：** 热点 key 过期。",
		"## 缓存穿透", "**问：** 什么是缓存穿透？", "**答：** 查不存在的数据。", "**点评：** 常考。",
	)))
	if len(ps) != 0 || len(art.Sections) != 2 || art.Sections[1].Question != "什么是缓存穿透？" || art.Sections[1].Analysis != "常考。" {
		t.Errorf("problems %v, sections %+v", problemLines(ps), art.Sections)
	}
}
