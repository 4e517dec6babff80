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
		{"quoted", []string{"> **题目：** 什么是", "> 缓存穿透？", "", "**答案：**", "- 查询不存在的数据", "- 布隆过滤器", "", "> 解析：常考。"}},
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
