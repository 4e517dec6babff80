package corpus_test

import (
	"strings"
	"testing"

	"github.com/startupqa/startupqa/corpus"
)

// TestParseLabelShapes reads one section whose labels are marked in each
// of the ways notes mark them; every shape must give the same section.
func TestParseLabelShapes(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
	}{
		{"bold", []string{"**题目：** 什么是缓存穿透？", "", "**答案：**", "- 查询不存在的数据", "- 布隆过滤器", "", "**解析：** 常考。"}},
		{"brackets", []string{"【题目】什么是缓存穿透？", "", "【答案】", "- 查询不存在的数据", "- 布隆过滤器", "", "【解析】：常考。"}},
		{"square brackets", []string{"[题目] 什么是缓存穿透？", "", "[答案]", "- 查询不存在的数据", "- 布隆过滤器", "", "[解析] 常考。"}},
		{"headings", []string{"### 题目", "", "什么是缓存穿透？", "", "### 答案", "", "- 查询不存在的数据", "- 布隆过滤器", "", "### 解析：常考。"}},
		{"bold headings", []string{"#### **题目**", "什么是缓存穿透？", "#### 答案：", "- 查询不存在的数据", "- 布隆过滤器", "#### 解析", "常考。"}},
		{"list items", []string{"- **题目：** 什么是缓存穿透？", "- **答案：**", "  - 查询不存在的数据", "  - 布隆过滤器", "- **解析：** 常考。"}},
		{"quoted", []string{"> **题目：** 什么是", "> 缓存穿透？", "", "**答案：**", "- 查询不存在的数据", "- 布隆过滤器", "", "> **解析：** 常考。"}},
		{"rules between parts", []string{"**题目：** 什么是缓存穿透？", "", "---", "", "**答案：**", "- 查询不存在的数据", "- 布隆过滤器", "", "**解析：** 常考。", "", "***"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := doc("# 缓存", "", "## 1. 缓存穿透", "") + doc(tt.lines...)
			s := parseOne(t, src)
			if s.Question != "什么是缓存穿透？" {
				t.Errorf("question %q, want 什么是缓存穿透？", s.Question)
			}
			checkAnswer(t, s.Answer, ul(item("", "查询不存在的数据"), item("", "布隆过滤器")))
			if s.Analysis != "常考。" {
				t.Errorf("analysis %q, want 常考。", s.Analysis)
			}
		})
	}
}

// TestParseLabelShapesStayText keeps what only looks like a label in the
// answer: a list item, a quote or a heading of the answer whose label has
// already been used or does not say it is one, and a link.
func TestParseLabelShapesStayText(t *testing.T) {
	tests := []struct {
		name   string
		answer []string
		want   corpus.Block
	}{
		{"item naming a question", []string{"- **问题：** 慢查询", "- **方案：** 加索引"}, ul(item("问题", "慢查询"), item("方案", "加索引"))},
		{"item opening with 分析", []string{"- **分析：** 先看日志", "- **处理：** 重启"}, ul(item("分析", "先看日志"), item("处理", "重启"))},
		{"quoted exchange", []string{"> 问：为什么慢？"}, para("> 问：为什么慢？")},
		{"link", []string{"[答案](https://example.com) 在这里"}, para("[答案](https://example.com) 在这里")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := parseOne(t, answerDoc(tt.answer...))
			checkAnswer(t, s.Answer, tt.want)
			if s.Analysis != "" {
				t.Errorf("analysis %q, want none", s.Analysis)
			}
		})
	}
}

// TestParseHeadingLabelsKeepSectionLevel: label headings one level under
// the sections are not sections, and sections numbered in Chinese numerals
// with labels as headings are all found.
func TestParseHeadingLabelsKeepSectionLevel(t *testing.T) {
	src := doc("# 缓存", "",
		"## 一、缓存穿透", "### 题目", "什么是缓存穿透？", "### 答案", "查不存在的数据。",
		"## 二、缓存雪崩", "### 题目", "什么是缓存雪崩？", "### 答案", "同时过期。", "### 解析", "加随机值。")
	art, ps := corpus.Parse("a.md", []byte(src))
	if len(ps) > 0 {
		t.Fatalf("problems: %s", strings.Join(problemLines(ps), "; "))
	}
	if len(art.Sections) != 2 {
		t.Fatalf("%d sections, want 2", len(art.Sections))
	}
	if got := art.Sections[1]; got.Number != 2 || got.Question != "什么是缓存雪崩？" || got.Analysis != "加随机值。" {
		t.Errorf("section 2: number %d question %q analysis %q", got.Number, got.Question, got.Analysis)
	}
}

// TestParseHeadingAsQuestion: notes that ask the question in the heading
// and label only the answer get the heading as the question.
func TestParseHeadingAsQuestion(t *testing.T) {
	s := parseOne(t, doc("## 3. 什么是缓存穿透？", "", "**答案：** 查不存在的数据。", "", "**解析：** 常考。"))
	if s.Question != "什么是缓存穿透？" || s.Title != "什么是缓存穿透？" {
		t.Errorf("question %q title %q, want the heading's", s.Question, s.Title)
	}
	checkAnswer(t, s.Answer, para("查不存在的数据。"))
}

// TestParseLabellessNotes: notes with no label at all are headings and
// the text under them; headings without text are dividers, and the
// sections are the shallowest headings with text under them.
func TestParseLabellessNotes(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  []string // id, question and the answer's blocks
	}{
		{
			name: "headings and text",
			lines: []string{"# 操作系统", "前言不属于任何一节。", "",
				"## 进程和线程的区别", "进程是资源分配的单位，", "线程是调度的单位。", "",
				"- 线程共享地址空间", "- 进程之间隔离", "",
				"## 死锁", "### 四个条件", "互斥、占有且等待。", "",
				"## 附录"},
			want: []string{
				"os/1 进程和线程的区别 " + describe([]corpus.Block{para("进程是资源分配的单位，线程是调度的单位。"), ul(item("", "线程共享地址空间"), item("", "进程之间隔离"))}),
				"os/2 死锁 " + describe([]corpus.Block{para("**四个条件**"), para("互斥、占有且等待。")}),
			},
		},
		{
			name: "chapters and numbered sections",
			lines: []string{"# 操作系统", "## 第一章 进程",
				"### 1. 进程是什么", "运行中的程序。",
				"### 2. 线程是什么", "调度的单位。",
				"## 第二章 内存", "### 3. 页表", "地址映射。"},
			want: []string{
				"os/1 进程是什么 " + describe([]corpus.Block{para("运行中的程序。")}),
				"os/2 线程是什么 " + describe([]corpus.Block{para("调度的单位。")}),
				"os/3 页表 " + describe([]corpus.Block{para("地址映射。")}),
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			art, ps := corpus.Parse("os.md", []byte(doc(tt.lines...)))
			if len(ps) > 0 {
				t.Fatalf("problems: %s", strings.Join(problemLines(ps), "; "))
			}
			var got []string
			for _, s := range art.Sections {
				got = append(got, s.ID+" "+s.Question+" "+describe(s.Answer.Blocks))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("sections:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestParseLabellessProblems: free-form notes still report what makes them
// unusable, and notes with labels still require an answer in each section.
func TestParseLabellessProblems(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string
	}{
		{"a section without labels among labelled ones", doc("## 1. 甲", "正文。", "## 2. 乙", "**题目：** 问？", "**答案：** 答。"), "a.md:1: section 1 has no 答案 (answer)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ps := corpus.Parse("a.md", []byte(tt.src))
			if got := strings.Join(problemLines(ps), "\n"); got != tt.want {
				t.Errorf("problems:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}
