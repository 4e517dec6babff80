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
	}, {
		name:     "a label alone takes its list along",
		src:      []string{"**题目：** 队列？", "", "**答案：** 先进先出。", "", "**易错点：**", "", "- 判满条件", "- 判空条件"},
		question: "队列？",
		answer:   []string{"先进先出。"},
		analysis: "**易错点：**\n\n- 判满条件\n- 判空条件",
	}, {
		name:     "an answer that opens with a note answers with it",
		src:      []string{"**题目：** 事务的知识点有哪些？", "", "**答案：**", "", "**知识点：** 原子性、一致性。", "", "**补充：** 隔离级别。"},
		question: "事务的知识点有哪些？",
		answer:   []string{"**知识点：** 原子性、一致性。", "**补充：** 隔离级别。"},
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

// A heading that asks the question, then only annotations before the
// answer: the heading is the question.
func TestNotesUnderAQuestionHeading(t *testing.T) {
	s := parseOne(t, doc("# T", "", "## 1. 什么是缓存穿透？", "", "**考点：** Redis 缓存", "", "**答案：** 查不存在的数据。"))
	if s.Question != "什么是缓存穿透？" || s.Analysis != "**考点：** Redis 缓存" {
		t.Errorf("question %q, analysis %q; want 什么是缓存穿透？, **考点：** Redis 缓存", s.Question, s.Analysis)
	}
}
