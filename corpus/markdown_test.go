package corpus_test

import (
	"os"
	"strings"
	"testing"

	"github.com/startupqa/startupqa/corpus"
)

// reparse parses an answer's Markdown as the answer of a minimal article.
func reparse(t *testing.T, md string) corpus.Answer {
	t.Helper()
	return parseOne(t, answerDoc(md)).Answer
}

func TestMarkdownRoundTripSeed(t *testing.T) {
	for _, s := range loadDefault(t).Sections {
		t.Run(s.ID, func(t *testing.T) {
			md := s.Answer.Markdown()
			got := reparse(t, md)
			if !equalBlocks(got.Blocks, s.Answer.Blocks) {
				t.Errorf("Parse(Markdown()) differs from the answer.\nMarkdown:\n%s\nparsed:\n%s\nwant:\n%s", md, describe(got.Blocks), describe(s.Answer.Blocks))
			}
			if again := got.Markdown(); again != md {
				t.Errorf("Markdown() is not stable:\n%s\nthen:\n%s", md, again)
			}
		})
	}
}

// TestMarkdownMatchesSeedSource: the seed article is written in the style
// Markdown produces, so each answer renders back to its source text.
func TestMarkdownMatchesSeedSource(t *testing.T) {
	data, err := os.ReadFile(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	src := string(data)
	for _, s := range loadDefault(t).Sections {
		start := strings.Index(src, "**答案：** ")
		end := strings.Index(src, "\n**解析：**")
		if start < 0 || end < start {
			t.Fatalf("%s: cannot find the answer in %s", s.ID, seedFile)
		}
		want := strings.TrimSpace(src[start+len("**答案：** ") : end])
		src = src[end+1:]
		if got := s.Answer.Markdown(); got != want {
			t.Errorf("%s Markdown():\n%s\nwant (from %s):\n%s", s.ID, got, seedFile, want)
		}
	}
}

func TestMarkdownRoundTripShapes(t *testing.T) {
	tests := []struct {
		name   string
		blocks []corpus.Block
		want   string
	}{
		{
			name:   "paragraphs",
			blocks: []corpus.Block{para("甲。"), para("Two words.")},
			want:   "甲。\n\nTwo words.",
		},
		{
			name:   "item kinds",
			blocks: []corpus.Block{ul(item("领头", "正文"), item("只有领头", ""), item("", "只有正文"))},
			want:   "- **领头：** 正文\n- **只有领头**\n- 只有正文",
		},
		{
			name:   "ordered after unordered",
			blocks: []corpus.Block{ul(item("", "a")), ol(item("", "b"), item("Lead", "c"))},
			want:   "- a\n\n1. b\n2. **Lead:** c",
		},
		{
			name:   "list between paragraphs",
			blocks: []corpus.Block{para("前。"), ol(item("", "一")), para("后。")},
			want:   "前。\n\n1. 一\n\n后。",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := corpus.Answer{Blocks: tt.blocks}
			md := a.Markdown()
			if md != tt.want {
				t.Errorf("Markdown() = %q, want %q", md, tt.want)
			}
			checkAnswer(t, reparse(t, md), tt.blocks...)
		})
	}
}

func TestPlainText(t *testing.T) {
	a := loadDefault(t).Sections[5].Answer
	want := strings.Join([]string{
		"大模型创业面临以下创新与挑战：",
		"创新：技术创新、数据策略、商业模式创新等。",
		"挑战：计算资源需求、数据质量、模型解释性、模型可扩展性、安全和隐私等。",
		"为应对这些挑战，创业公司可以采取以下策略：",
		"技术创新：研发高效、可扩展的算法和模型。",
		"数据策略：收集高质量的数据，进行数据清洗和预处理。",
		"商业模式创新：探索新的商业模式，提供个性化服务。",
		"合作策略：与行业内的其他公司、研究机构合作。",
		"市场定位：明确目标市场，提供定制化的解决方案。",
	}, "\n")
	if got := a.PlainText(); got != want {
		t.Errorf("PlainText():\n%s\nwant:\n%s", got, want)
	}
	for _, s := range loadDefault(t).Sections {
		if pt := s.Answer.PlainText(); strings.ContainsAny(pt, "*#") {
			t.Errorf("%s: PlainText() keeps Markdown markup:\n%s", s.ID, pt)
		}
	}
}

func TestItemString(t *testing.T) {
	tests := []struct {
		it   corpus.Item
		want string
	}{
		{item("参数量巨大", "通常很多。"), "参数量巨大：通常很多。"},
		{item("参数量巨大", ""), "参数量巨大"},
		{item("", "通常很多。"), "通常很多。"},
		{item("", ""), ""},
		{item("Latency", "p99 under 50 ms."), "Latency: p99 under 50 ms."},
		// A lead with punctuation of its own takes no colon.
		{item("Get the facts early.", "What is slipping?"), "Get the facts early. What is slipping?"},
		{item("为什么？", "因为快。"), "为什么？因为快。"},
	}
	for _, tt := range tests {
		if got := tt.it.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.it, got, tt.want)
		}
	}
}

func TestAnswerIsEmpty(t *testing.T) {
	tests := []struct {
		name   string
		blocks []corpus.Block
		want   bool
	}{
		{"no blocks", nil, true},
		{"blank paragraph", []corpus.Block{para(" ")}, true},
		{"blank items", []corpus.Block{ul(item("", ""), item("", " "))}, true},
		{"paragraph", []corpus.Block{para("答。")}, false},
		{"lead only", []corpus.Block{ul(item("领头", ""))}, false},
	}
	for _, tt := range tests {
		if got := (corpus.Answer{Blocks: tt.blocks}).IsEmpty(); got != tt.want {
			t.Errorf("%s: IsEmpty() = %v, want %v", tt.name, got, tt.want)
		}
	}
}
