package corpus_test

import (
	"slices"
	"testing"

	"github.com/startupqa/startupqa/corpus"
)

// TestParseAnswerWithoutLabel reads sections that label their question
// but not their answer, as problem-set notes do ("**题目：** LC 547" then
// "**思路：**"): the question's first paragraph is the question, the rest
// the answer.
func TestParseAnswerWithoutLabel(t *testing.T) {
	tests := []struct {
		name     string
		body     []string
		question string
		want     []corpus.Block
	}{
		{
			name:     "bold lead after a blank line",
			body:     []string{"**题目：** LC 547 省份数量。", "", "**思路：**", "- 路径压缩", "- 按秩合并"},
			question: "LC 547 省份数量。",
			want:     []corpus.Block{para("**思路：**"), ul(item("", "路径压缩"), item("", "按秩合并"))},
		},
		{
			name:     "bold lead on the next line",
			body:     []string{"**题目：** LC 547 省份数量。", "**思路：** 并查集。"},
			question: "LC 547 省份数量。",
			want:     []corpus.Block{para("**思路：** 并查集。")},
		},
		{
			name:     "code right after the question",
			body:     []string{"**题目：** 写一个并查集。", "```go", "type UF struct{}", "```"},
			question: "写一个并查集。",
			want:     []corpus.Block{para("```go\ntype UF struct{}\n```")},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := parseOne(t, doc(append([]string{"# 图论", "", "### 并查集", ""}, tt.body...)...))
			if s.Question != tt.question {
				t.Errorf("question %q, want %q", s.Question, tt.question)
			}
			checkAnswer(t, s.Answer, tt.want...)
		})
	}
}

// TestParseAnswerWithoutLabelStillChecked keeps the problems of sections
// whose answer is really missing: a question alone, and an answer whose
// label is misspelt, where the typo is the thing to fix.
func TestParseAnswerWithoutLabelStillChecked(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{
			name: "question alone",
			src:  doc("## 1. 节", "**题目：** 问？", "", "## 2. 节", "**题目：** 问？", "**答案：** 答。"),
			want: []string{"a.md:1: section 1 has no 答案 (answer)"},
		},
		{
			name: "misspelt answer label",
			src:  doc("## 1. 节", "**题目：** 问？", "", "**答按：** 答。"),
			want: []string{`a.md:1: section 1 has no 答案 (answer)`, `a.md:4: unknown label "答按": did you mean "答案"?`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ps := corpus.Parse("a.md", []byte(tt.src))
			if got := problemLines(ps); !slices.Equal(got, tt.want) {
				t.Errorf("problems %q, want %q", got, tt.want)
			}
		})
	}
}
