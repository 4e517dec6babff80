package zh

import (
	"slices"
	"strings"
	"sync"
	"testing"
)

func TestConvert(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in, simplified string
		traditional    bool
	}{
		{"大模型的訓練過程是什麼", "大模型的训练过程是什么", true},
		{"數據質量與隱私", "数据质量与隐私", true},
		{"大模型的训练过程", "大模型的训练过程", false},
		{"LLM training 123", "LLM training 123", false},
		// Taiwan's words for the field's terms become the mainland's,
		{"訓練資料的品質", "训练数据的品质", true},
		{"演算法與人工智慧", "算法与人工智能", true},
		// but simplified text is left alone: tw2sp alone would turn
		// 么 into 幺.
		{"什么是大模型", "什么是大模型", false},
		// Traditional only as a word: 瞭 alone is simplified too.
		{"大模型怎么瞭解用户", "大模型怎么了解用户", true},
		// Simplified, though its characters are traditional elsewhere.
		{"乾隆年间", "乾隆年间", false},
		// Mixed scripts: the simplified 么 stays 么.
		{"什么是資料", "什么是数据", true},
		{"怎么訓練", "怎么训练", true},
		// OpenCC's dictionaries read U+0001 as part of a word.
		{"\x01\x01瞭解", "\x01\x01了解", true},
		{"\x01後\x01", "\x01后\x01", true},
		{"", "", false},
	}
	for _, tt := range tests {
		if got := c.Simplified(tt.in); got != tt.simplified {
			t.Errorf("Simplified(%q) = %q, want %q", tt.in, got, tt.simplified)
		}
		if got := c.IsTraditional(tt.in); got != tt.traditional {
			t.Errorf("IsTraditional(%q) = %v", tt.in, got)
		}
	}
	if got := c.Traditional("训练过程通常包括以下几个步骤"); got != "訓練過程通常包括以下幾個步驟" {
		t.Errorf("Traditional = %q", got)
	}
	if got := c.Traditional("\x01\x01后"); got != "\x01\x01後" {
		t.Errorf("Traditional = %q", got)
	}
}

func TestConcurrent(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 200 {
				if got := c.Simplified("訓練過程"); got != "训练过程" {
					t.Errorf("got %q", got)
					return
				}
				// Traditional remembers its answers; a remembered one
				// must be the same.
				if got := c.Traditional("训练过程"); got != "訓練過程" {
					t.Errorf("got %q", got)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// BenchmarkTraditional converts a section's answer, as a reply to a
// question in traditional characters does.
func BenchmarkTraditional(b *testing.B) {
	c, err := New()
	if err != nil {
		b.Fatal(err)
	}
	answer := strings.Repeat("大模型的训练过程通常包括以下几个步骤：数据预处理、模型初始化、前向传播、计算损失、反向传播。", 10)
	for b.Loop() {
		c.Traditional(answer)
	}
}

func TestTaiwanWords(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if got := c.TraditionalTaiwan("数据预处理和优化算法"); got != "資料預處理和最佳化演算法" {
		t.Errorf("TraditionalTaiwan = %q", got)
	}
	if got := c.Traditional("数据预处理和优化算法"); got != "數據預處理和優化算法" {
		t.Errorf("Traditional = %q", got)
	}
	for q, want := range map[string]bool{
		"資料品質不好怎麼辦": true, "演算法怎麼優化": true,
		"大模型的訓練過程是什麼": false, "数据质量": false, "what is a large model": false,
	} {
		if got := c.UsesTaiwanWords(q); got != want {
			t.Errorf("UsesTaiwanWords(%q) = %v, want %v", q, got, want)
		}
	}
}

// TestReadings: text with Taiwan's words has a second reading, its
// characters simplified one by one, when that differs from Simplified's.
func TestReadings(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in   string
		want []string
	}{
		{"有哪些指標", []string{"有哪些指针", "有哪些指标"}},
		{"資料品質", []string{"数据品质", "资料品质"}},
		{"大模型的訓練過程", []string{"大模型的训练过程"}},
		{"大模型的训练过程", []string{"大模型的训练过程"}},
	}
	for _, tt := range tests {
		if got := c.Readings(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Readings(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
