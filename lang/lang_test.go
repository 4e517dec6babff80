package lang

import "testing"

func TestOf(t *testing.T) {
	tests := []struct {
		text string
		want Lang
	}{
		{"什么是大模型？", Chinese},
		{"LLM 的训练过程", Chinese},
		{"what are the challenges of large models", English},
		{"GPT-3?", English},
		{"大模型的訓練過程是什麼", Chinese},
		{"", Chinese},
		{"🤔🚀", Chinese},
		{"12345 !!", Chinese},
		{"Größe", English},
	}
	for _, tt := range tests {
		if got := Of(tt.text); got != tt.want {
			t.Errorf("Of(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
	if got := Pick("hello", "你好", "hi"); got != "hi" {
		t.Errorf("Pick(hello) = %q", got)
	}
	if got := Pick("你好", "你好", "hi"); got != "你好" {
		t.Errorf("Pick(你好) = %q", got)
	}
}

func TestCount(t *testing.T) {
	tests := []struct {
		text       string
		han, words int
	}{
		{"大模型的训练过程", 8, 0},
		{"what is RAG", 0, 3},
		{"RAG 和 fine-tuning 怎么选", 4, 3},
		{"How does 缓存穿透 happen", 4, 3},
		{"", 0, 0},
	}
	for _, tt := range tests {
		if han, words := Count(tt.text); han != tt.han || words != tt.words {
			t.Errorf("Count(%q) = %d, %d; want %d, %d", tt.text, han, words, tt.han, tt.words)
		}
	}
}
