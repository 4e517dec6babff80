package corpus_test

import (
	"testing"

	"github.com/startupqa/startupqa/corpus"
)

func TestParseListMarkers(t *testing.T) {
	tests := []struct {
		marker1, marker2 string
		ordered          bool
	}{
		{"-", "-", false},
		{"*", "*", false},
		{"+", "+", false},
		{"1.", "2.", true},
		{"1)", "2)", true},
		{"1.", "1.", true}, // numbers need not count up
		{"9.", "10.", true},
		{"1、", "2、", true},
		{"1．", "2．", true},
	}
	for _, tt := range tests {
		t.Run(tt.marker1, func(t *testing.T) {
			s := parseOne(t, answerDoc(tt.marker1+" 甲", tt.marker2+" 乙"))
			want := ul(item("", "甲"), item("", "乙"))
			want.Ordered = tt.ordered
			checkAnswer(t, s.Answer, want)
		})
	}
}

// TestParseChineseNumberingWithoutSpace covers the way Chinese text numbers
// items: "1、第一" with no space after the enumeration comma. The listItem
// pattern documents "1、x" as a list item.
func TestParseChineseNumberingWithoutSpace(t *testing.T) {
	s := parseOne(t, answerDoc("1、**数据：** 清洗", "2、模型", "3．评估"))
	checkAnswer(t, s.Answer, ol(item("数据", "清洗"), item("", "模型"), item("", "评估")))
}

func TestParseNotListItems(t *testing.T) {
	// None of these lines opens a list item; each answer is one paragraph.
	for _, line := range []string{
		"1.5 亿参数",
		"-1 是负数",
		"**粗体**开头的段落",
		"*斜体*开头",
		"1234567890. 太长的编号",
		"#1 不是标题",
	} {
		s := parseOne(t, answerDoc(line))
		checkAnswer(t, s.Answer, para(line))
	}
}

func TestParseListKinds(t *testing.T) {
	s := parseOne(t, answerDoc("- a", "- b", "1. c", "2. d", "* e"))
	checkAnswer(t, s.Answer,
		ul(item("", "a"), item("", "b")),
		ol(item("", "c"), item("", "d")),
		ul(item("", "e")),
	)
}

func TestParseLeadTerms(t *testing.T) {
	tests := []struct {
		name, line string
		want       corpus.Item
	}{
		{"full-width colon inside", "- **参数量巨大：** 通常很多。", item("参数量巨大", "通常很多。")},
		{"ASCII colon inside", "- **参数量巨大:** 通常很多。", item("参数量巨大", "通常很多。")},
		{"full-width colon after", "- **参数量巨大**：通常很多。", item("参数量巨大", "通常很多。")},
		{"ASCII colon after", "- **Scale**: very large.", item("Scale", "very large.")},
		{"no space after colon", "- **参数量巨大：**通常很多。", item("参数量巨大", "通常很多。")},
		{"no colon", "- **参数量巨大** 通常很多。", item("参数量巨大", "通常很多。")},
		{"lead only", "- **参数量巨大**", item("参数量巨大", "")},
		{"no lead", "- 参数量巨大：通常很多。", item("", "参数量巨大：通常很多。")},
		{"bold later in the item", "- 通常 **很多**。", item("", "通常 **很多**。")},
		{"ordered", "1. **数据预处理：** 清洗。", item("数据预处理", "清洗。")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := parseOne(t, answerDoc(tt.line))
			got := s.Answer.Items()
			if len(got) != 1 || got[0] != tt.want {
				t.Errorf("%q: items %#v, want [%#v]", tt.line, got, tt.want)
			}
		})
	}
}

func TestParseContinuationLines(t *testing.T) {
	tests := []struct {
		name   string
		answer []string
		want   []corpus.Block
	}{
		{
			name:   "lazy continuation",
			answer: []string{"- **数据：** 需要清洗", "和标注。", "- 第二项"},
			want:   []corpus.Block{ul(item("数据", "需要清洗和标注。"), item("", "第二项"))},
		},
		{
			name:   "indented continuation",
			answer: []string{"- first line", "  second line", "- next"},
			want:   []corpus.Block{ul(item("", "first line second line"), item("", "next"))},
		},
		{
			name:   "indented continuation after a blank line",
			answer: []string{"- 第一项", "", "  还是第一项", "- 第二项"},
			want:   []corpus.Block{ul(item("", "第一项还是第一项"), item("", "第二项"))},
		},
		{
			name:   "tab-indented continuation after a blank line",
			answer: []string{"- 第一项", "", "\t还是第一项"},
			want:   []corpus.Block{ul(item("", "第一项还是第一项"))},
		},
		{
			name:   "unindented line after a blank line ends the list",
			answer: []string{"- 第一项", "", "新的段落。"},
			want:   []corpus.Block{ul(item("", "第一项")), para("新的段落。")},
		},
		{
			name:   "blank lines between items keep one list",
			answer: []string{"1. a", "", "2. b", "", "3. c"},
			want:   []corpus.Block{ol(item("", "a"), item("", "b"), item("", "c"))},
		},
		{
			name:   "paragraph then list without a blank line",
			answer: []string{"特点包括：", "- 甲", "- 乙"},
			want:   []corpus.Block{para("特点包括："), ul(item("", "甲"), item("", "乙"))},
		},
		{
			name:   "lead-only item takes its continuation as text",
			answer: []string{"- **参数量巨大**", "  通常很多。"},
			want:   []corpus.Block{ul(item("参数量巨大", "通常很多。"))},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkAnswer(t, parseOne(t, answerDoc(tt.answer...)).Answer, tt.want...)
		})
	}
}

func TestParseNestedItems(t *testing.T) {
	tests := []struct {
		name   string
		answer []string
		want   []corpus.Block
	}{
		{
			name:   "nested items fold into their parent",
			answer: []string{"- **训练：** 需要", "  - 大量算力", "    - GPU", "- 部署"},
			want:   []corpus.Block{ul(item("训练", "需要：大量算力；GPU"), item("", "部署"))},
		},
		{
			name:   "nested ordered under unordered",
			answer: []string{"- steps", "  1. clean", "  2. train", "- done"},
			want:   []corpus.Block{ul(item("", "steps: clean; train"), item("", "done"))},
		},
		{
			name:   "nested under an ordered item",
			answer: []string{"1. a", "   - a1", "2. b"},
			want:   []corpus.Block{ol(item("", "a: a1"), item("", "b"))},
		},
		{
			name:   "nested after a blank line",
			answer: []string{"- a", "", "  - a1", "- b"},
			want:   []corpus.Block{ul(item("", "a: a1"), item("", "b"))},
		},
		{
			name:   "tab-indented nested items",
			answer: []string{"- a", "\t- a1", "- b"},
			want:   []corpus.Block{ul(item("", "a: a1"), item("", "b"))},
		},
		{
			// Markdown allows up to three spaces before a top-level
			// item: an indented list is still a list of separate items.
			name:   "indented top-level list",
			answer: []string{"  - a", "  - b", "    - b1"},
			want:   []corpus.Block{ul(item("", "a"), item("", "b: b1"))},
		},
		{
			// Sentences that end in their own punctuation need no more.
			name:   "nested sentences",
			answer: []string{"- **梯度：** $p_i - y_i$", "  - 不需要求雅可比矩阵。", "  - 数值上更稳定。"},
			want:   []corpus.Block{ul(item("梯度", "$p_i - y_i$：不需要求雅可比矩阵。数值上更稳定。"))},
		},
		{
			name:   "nested under a lead alone",
			answer: []string{"- **优点：**", "  - 快", "  - 省"},
			want:   []corpus.Block{ul(item("优点", "快；省"))},
		},
		{
			name:   "one-space indent is not nesting",
			answer: []string{"- a", " - b"},
			want:   []corpus.Block{ul(item("", "a"), item("", "b"))},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkAnswer(t, parseOne(t, answerDoc(tt.answer...)).Answer, tt.want...)
		})
	}
}
