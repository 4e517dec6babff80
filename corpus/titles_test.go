package corpus_test

import (
	"slices"
	"testing"
)

// TestQuestionNumbersLeaveTitles: the number a heading gives its question
// ("Q1.", "第1题") is not part of its title, and a heading that is nothing
// else takes its question as the title.
func TestQuestionNumbersLeaveTitles(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // "title | question"
	}{{
		name: "Q numbers",
		src: doc("# ML", "## Q1. Bias vs variance", "**Question:** What is the tradeoff?", "**Answer:** Less of one, more of the other.",
			"## Q2：Overfitting", "**Question:** How do you spot it?", "**Answer:** Validation loss rises."),
		want: []string{"Bias vs variance | What is the tradeoff?", "Overfitting | How do you spot it?"},
	}, {
		name: "headings that are only a number",
		src: doc("# 网络", "### 第1题", "**题目：** TCP 三次握手的过程是什么？", "**答案：** SYN，SYN-ACK，ACK。",
			"### 第二题", "**题目：** TCP 和 UDP 的区别？", "**答案：** 连接与否。"),
		want: []string{"TCP 三次握手的过程是什么？ | TCP 三次握手的过程是什么？", "TCP 和 UDP 的区别？ | TCP 和 UDP 的区别？"},
	}, {
		name: "questions asked in the heading",
		src:  doc("# 题库", "## 问题1：什么是进程？", "**答案：** 资源分配的单位。"),
		want: []string{"什么是进程？ | 什么是进程？"},
	}, {
		name: "a word that starts like one stays",
		src:  doc("# 财报", "## Q3营收", "**题目：** 三季度营收多少？", "**答案：** 一百亿。"),
		want: []string{"Q3营收 | 三季度营收多少？"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range parseArticle(t, "a.md", tt.src).Sections {
				got = append(got, s.Title+" | "+s.Question)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("sections %q, want %q", got, tt.want)
			}
		})
	}
}
