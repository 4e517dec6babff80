package corpus_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/startupqa/startupqa/corpus"
)

// TestParseProblems holds one broken article per case and every problem
// Parse must report for it, as "file:line: message".
func TestParseProblems(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{
			name: "valid",
			src:  doc("# 标题", "## 1. 节", "**题目：** 问？", "**答案：** 答。", "**解析：** 析。"),
		},
		{
			name: "labels without sections",
			src:  doc("# 标题", "", "**题目：** 问？", "", "**答案：** 答。"),
			want: []string{`a.md:1: no sections: expected headings like "## 1. 什么是大模型？"`, `a.md:3: label "题目" outside any section`, `a.md:5: label "答案" outside any section`},
		},
		{
			name: "section without 题目 or title",
			src:  doc("# 标题", "", "## 1.", "", "**答案：** 答。"),
			want: []string{"a.md:3: section 1 has no title", "a.md:3: section 1 has no 题目 (question)"},
		},
		{
			name: "section without 答案",
			src:  doc("# 标题", "", "## 1. 节", "", "**题目：** 问？", "", "**解析：** 析。"),
			want: []string{"a.md:3: section 1 has no 答案 (answer)"},
		},
		{
			name: "section without 题目 or 答案",
			src:  doc("## 1. 节", "正文。", "## 2. 节", "**题目：** 问？", "**答案：** 答。"),
			want: []string{"a.md:1: section 1 has no 答案 (answer)"},
		},
		{
			name: "empty 答案",
			src:  doc("## 1. 节", "**题目：** 问？", "", "**答案：**", "", "", "**解析：** 析。"),
			want: []string{"a.md:4: section 1 has an empty 答案 (answer)"},
		},
		{
			name: "empty 答案 at the end of the file",
			src:  doc("## 1. 节", "**题目：** 问？", "**答案：**"),
			want: []string{"a.md:3: section 1 has an empty 答案 (answer)"},
		},
		{
			name: "empty 题目",
			src:  doc("## 1. 节", "**题目：**", "**答案：** 答。"),
			want: []string{"a.md:2: section 1 has an empty 题目 (question)"},
		},
		{
			name: "duplicate section number",
			src: doc("## 1. 甲", "**题目：** 问？", "**答案：** 答。",
				"## 2. 乙", "**题目：** 问？", "**答案：** 答。",
				"## 1. 丙", "**题目：** 问？", "**答案：** 答。"),
			want: []string{"a.md:7: duplicate section number 1 (first at line 1)"},
		},
		{
			name: "heading without a number among numbered ones",
			src: doc("# 标题", "", "## 什么是大模型？", "", "**题目：** 问？", "", "**答案：** 答。", "", "**解析：** 析。",
				"## 2. 训练", "**题目：** 问？", "**答案：** 答。"),
			want: []string{`a.md:3: section heading without a number: want "## N. title", got "## 什么是大模型？"`},
		},
		{
			name: "Chinese word that is not a numeral",
			src:  doc("## 1. 节", "**题目：** 问？", "**答案：** 答。", "## 一致性哈希", "**题目：** 问？", "**答案：** 答。"),
			want: []string{`a.md:4: section heading without a number: want "## N. title", got "## 一致性哈希"`},
		},
		{
			name: "Chinese numeral zero",
			src:  doc("## 零、节", "**题目：** 问？", "**答案：** 答。"),
			want: []string{"a.md:1: section number 零 is not a positive whole number"},
		},
		{
			name: "a label without bold where the others are bold",
			src:  doc("## 1. 节", "**题目：** 问？", "答案： 答。"),
			want: []string{`a.md:3: section 1 has no 答案 (answer): "答案：" is typed plainly here, and this article marks its labels in bold; write **答案：**`},
		},
		{
			name: "an exam paper's plain labels where another section's are bold",
			src:  doc("## 1. 节", "**题目：** 问？", "**答案：** 答。", "## 2. 又一节", "问：又问？", "答：又答。"),
			want: []string{`a.md:6: section 2 has no 答案 (answer): "答：" is typed plainly here, and this article marks its labels in bold; write **答：**`},
		},
		{
			name: "an English answer label typed plainly where the labels are bold",
			src:  doc("## 1. 节", "**Question:** Why?", "Answer: Because."),
			want: []string{`a.md:3: section 1 has no 答案 (answer): "Answer:" is typed plainly here, and this article marks its labels in bold; write **Answer:**`},
		},
		{
			// The number the heading gives, not the one the section
			// takes once the chapters are numbered by position.
			name: "a problem in a chapter numbered on its own",
			src:  doc("# 甲", "## 1. 节", "**题目：** 问？", "**答案：** 答。", "# 乙", "## 1. 又一节", "**题目：** 又问？"),
			want: []string{"a.md:6: section 1 has no 答案 (answer)"},
		},
		{
			// A multiple-choice option is not an answer label.
			name: "a plain A: where the labels are bold",
			src:  doc("## 1. 节", "**题目：** 选哪个？", "A: 选项一"),
			want: []string{"a.md:1: section 1 has no 答案 (answer)"},
		},
		{
			name: "label after a chapter",
			src: doc("## 基础", "### 1. 穿透", "**题目：** 问？", "**答案：** 答。",
				"## 进阶", "**题目：** 什么是雪崩？", "**答案：** 大量 key 同时过期。"),
			want: []string{`a.md:6: label "题目" outside any section`, `a.md:7: label "答案" outside any section`},
		},
		{
			name: "fence opened after a label, never closed",
			src:  doc("## 1. 节", "**题目：** 问？", "**答案：** ```bash", "make", "## 2. 下一节"),
			want: []string{"a.md:3: code fence ``` opened here is never closed"},
		},
		{
			name: "bare ##",
			src:  doc("## 1. 节", "**题目：** 问？", "**答案：** 答。", "##"),
			want: []string{`a.md:4: section heading without a number: want "## N. title", got "##"`},
		},
		{
			name: "section number zero",
			src:  doc("## 0. 节", "**题目：** 问？", "**答案：** 答。"),
			want: []string{"a.md:1: section number 0 is not a positive whole number"},
		},
		{
			name: "section number too large",
			src:  doc("## 99999999999999999999. 节", "**题目：** 问？", "**答案：** 答。"),
			want: []string{"a.md:1: section number 99999999999999999999 is not a positive whole number"},
		},
		{
			name: "section without a title",
			src:  doc("## 1.", "**题目：** 问？", "**答案：** 答。"),
			want: []string{"a.md:1: section 1 has no title"},
		},
		{
			name: "unknown label close to 答案",
			src:  doc("## 1. 节", "**题目：** 问？", "**答按：** 答。"),
			want: []string{
				"a.md:1: section 1 has no 答案 (answer)",
				`a.md:3: unknown label "答按": did you mean "答案"?`,
			},
		},
		{
			name: "unknown label close to answer",
			src:  doc("## 1. 节", "**Question:** q?", "**Anwser:** a.", "**Answer:** a."),
			want: []string{`a.md:3: unknown label "Anwser": did you mean "answer"?`},
		},
		{
			name: "unknown label close to 解析",
			src:  doc("## 1. 节", "**题目：** 问？", "**答案：** 答。", "**解折**：析。"),
			want: []string{`a.md:4: unknown label "解折": did you mean "解析"?`},
		},
		{
			name: "bold text that is not label-like",
			src:  doc("## 1. 节", "**题目：** 问？", "**答案：** 答。", "**注意：** 不是标签。", "**Note:** not a label."),
		},
		{
			name: "invalid UTF-8",
			src:  doc("## 1. 节", "**题目：** 问？", "**答案：** 答。", "**解析：** \xe5\xa4 坏了"),
			want: []string{"a.md:4: invalid UTF-8"},
		},
		{
			name: "invalid UTF-8 on several lines",
			src:  "\xff\n## 1. 节\n**题目：** \xc0\n**答案：** 答。\n",
			want: []string{"a.md:1: invalid UTF-8", "a.md:3: invalid UTF-8"},
		},
		{
			name: "label before the first section",
			src:  doc("# 标题", "**题目：** 问？", "## 1. 节", "**题目：** 问？", "**答案：** 答。"),
			want: []string{`a.md:2: label "题目" outside any section`},
		},
		{
			name: "labels but no section",
			src:  doc("**题目：** 问？", "**答案：** 答。"),
			want: []string{
				`a.md:1: label "题目" outside any section`,
				`a.md:1: no sections: expected headings like "## 1. 什么是大模型？"`,
				`a.md:2: label "答案" outside any section`,
			},
		},
		{
			name: "second 题目",
			src:  doc("## 1. 节", "**题目：** 问？", "**答案：** 答。", "**问题：** 又问？"),
			want: []string{"a.md:4: section 1 has a second 题目 (question) (first at line 2)"},
		},
		{
			name: "a number twice in one chapter",
			src:  doc("# 甲", "# 乙", "## 1. 节", "**题目：** 问？", "**答案：** 答。", "## 1. 又一节", "**题目：** 问？", "**答案：** 答。"),
			want: []string{"a.md:6: duplicate section number 1 (first at line 3)"},
		},
		{
			name: "problems of several sections",
			src: doc("## 1. 甲", "**题目：** 问？",
				"## 2. 乙", "**答案：** 答。",
				"## 3. 丙", "**题目：** 问？", "**答按：** 答。"),
			want: []string{
				"a.md:1: section 1 has no 答案 (answer)",
				"a.md:5: section 3 has no 答案 (answer)",
				`a.md:7: unknown label "答按": did you mean "答案"?`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ps := corpus.Parse("a.md", []byte(tt.src))
			if got := problemLines(ps); !slices.Equal(got, tt.want) {
				t.Errorf("problems:\n\t%s\nwant:\n\t%s\ninput:\n%s", strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"), tt.src)
			}
		})
	}
}

// TestParseKeepsValidSections: a problem in one section does not cost the
// others, and a duplicate keeps the first section of that number.
func TestParseKeepsValidSections(t *testing.T) {
	art, ps := corpus.Parse("a.md", []byte(doc(
		"## 1. 甲", "**题目：** 问一？", "**答案：** 答一。",
		"## 2. 乙", "**答案：** 答二。",
		"## 1. 丙", "**题目：** 问三？", "**答案：** 答三。",
		"## 3. 丁", "**题目：** 问四？", "**答案：** 答四。",
	)))
	if len(ps) != 1 {
		t.Errorf("got %d problems, want 1: %q", len(ps), problemLines(ps))
	}
	var ids []string
	for _, s := range art.Sections {
		ids = append(ids, s.ID+" "+s.Question)
	}
	if want := []string{"a/1 问一？", "a/2 乙", "a/3 问四？"}; !slices.Equal(ids, want) {
		t.Errorf("sections %q, want %q", ids, want)
	}
}

func TestProblemString(t *testing.T) {
	p := corpus.Problem{File: "articles/llm.md", Line: 12, Message: "section 3 has no 答案 (answer)"}
	if got, want := p.String(), "articles/llm.md:12: section 3 has no 答案 (answer)"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

func TestProblemsError(t *testing.T) {
	ps := corpus.Problems{
		{File: "a.md", Line: 1, Message: "one"},
		{File: "b.md", Line: 20, Message: "two"},
	}
	if got, want := ps.Error(), "a.md:1: one\nb.md:20: two"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if got := (corpus.Problems{}).Error(); got != "" {
		t.Errorf("empty Problems: Error() = %q, want \"\"", got)
	}
}

func TestAsProblems(t *testing.T) {
	ps := corpus.Problems{{File: "a.md", Line: 3, Message: "x"}}
	tests := []struct {
		name string
		err  error
		want corpus.Problems
	}{
		{"Problems", ps, ps},
		{"wrapped", fmt.Errorf("check corpus: %w", ps), ps},
		{"joined", errors.Join(errors.New("other"), ps), ps},
		{"other error", errors.New("boom"), nil},
		{"nil", nil, nil},
	}
	for _, tt := range tests {
		got, ok := corpus.AsProblems(tt.err)
		if ok != (tt.want != nil) || !slices.Equal(got, tt.want) {
			t.Errorf("%s: AsProblems = %v, %v; want %v, %v", tt.name, got, ok, tt.want, tt.want != nil)
		}
	}
}
