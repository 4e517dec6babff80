package index

import (
	"context"
	"testing"
)

// FuzzSearch searches the built-in corpus with arbitrary questions: no
// input may panic or break a result's invariants. Questions mix what the
// question reader treats specially: English phrases, traditional and
// simplified Chinese, width, version names, and invalid UTF-8.
func FuzzSearch(f *testing.F) {
	for _, q := range []string{
		"什么是大模型？", "LLM 的训练过程", "how to keep messages in order",
		"gross margin 怎么算", "ＧＰＴ３", "大模型\xff\xfe", "   ", "a b c d e f",
		"what is the conclusion", "数据清洗 数据预处理 反向传播", "tell me about GPT-3 please",
	} {
		f.Add(q)
	}
	ix := build(f, defaultCorpus(f))
	f.Fuzz(func(t *testing.T, q string) {
		r, err := ix.Search(context.Background(), q)
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		checkInvariants(t, ix, q, r)
	})
}
