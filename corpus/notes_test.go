package corpus_test

import (
	"slices"
	"testing"
)

// TestNotesMoveToTheAnalysis: a question's and an answer's annotations
// (**考点：**, **易错点：**) are analysis, not question text or key points.
func TestNotesMoveToTheAnalysis(t *testing.T) {
	tests := []struct {
		name               string
		src                []string
		question, analysis string
		answer             []string // the answer's blocks' text
	}{{
		name: "考点 under the question, 易错点 after the answer, then 解析",
		src: []string{"**题目：** 栈和队列的区别？", "", "**考点：** 线性表", "", "**参考答案：** 都受限：", "",
			"- **栈：** 后进先出。", "", "**易错点：** 判满条件。", "", "**解析：** 常考。"},
		question: "栈和队列的区别？",
		answer:   []string{"都受限：", ""},
		analysis: "**考点：** 线性表\n\n**易错点：** 判满条件。\n\n常考。",
	}, {
		name:     "an answer that is nothing but a note keeps it",
		src:      []string{"**题目：** 难吗？", "", "**答案：**", "", "**难度：** 中等"},
		question: "难吗？",
		answer:   []string{"**难度：** 中等"},
	}, {
		name:     "a point of the answer is not a note",
		src:      []string{"**题目：** 项目难在哪？", "", "**答案：**", "", "**难点：** 数据量大。", "", "- **易错点：** 边界。"},
		question: "项目难在哪？",
		answer:   []string{"**难点：** 数据量大。", ""},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := parseOne(t, doc(append([]string{"# T", "", "## 1. 节", ""}, tt.src...)...))
			if s.Question != tt.question || s.Analysis != tt.analysis {
				t.Errorf("question %q, analysis %q; want %q, %q", s.Question, s.Analysis, tt.question, tt.analysis)
			}
			var got []string
			for _, b := range s.Answer.Blocks {
				got = append(got, b.Text)
			}
			if !slices.Equal(got, tt.answer) {
				t.Errorf("answer blocks %q, want %q", got, tt.answer)
			}
		})
	}
}
