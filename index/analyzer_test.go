package index

import (
	"slices"
	"strings"
	"testing"
)

func TestAnalyzerTerms(t *testing.T) {
	an, err := NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want []string
	}{
		// English words stay English: what they mean in a corpus's
		// words is the index's to find (see alternatives).
		{"LLM 的训练过程", []string{"llm", "训练", "练过", "过程"}},
		{"ＧＰＴ-3 是什么？", []string{"gpt_3"}},
		{"backprop 和梯度", []string{"backprop", "梯度"}},
		{"训练训练训练", []string{"训练", "练训"}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := an.Terms(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("Terms(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
	// Answers are read whole: unlike questions they are not cut at
	// MaxQueryRunes.
	long := strings.Repeat("啊", MaxQueryRunes) + "反向传播"
	if got := an.Terms(long); !slices.Contains(got, "传播") {
		t.Errorf("a long text lost its end: %v", got)
	}
}
