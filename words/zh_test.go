package words

import (
	"slices"
	"strings"
	"testing"
)

func texts(ws []Word) []string {
	var out []string
	for _, w := range ws {
		out = append(out, w.Text)
	}
	return out
}

func TestSegment(t *testing.T) {
	c := NewChinese()
	tests := []struct{ in, want string }{
		// The field's words (field.txt) are words too: jieba's
		// dictionary has neither 大模型 nor 算力.
		{"大模型创业公司面临哪些挑战", "大模型 创业公司 面临 哪些 挑战"},
		{"数据清洗和数据预处理有什么区别", "数据清洗 和 数据预处理 有 什么 区别"},
		{"算力资源", "算力 资源"},
		{"Redis 的 cache-aside 怎么用？", "Redis 的 cache-aside 怎么 用"},
		{"模型的训练", "模型 的 训练"},
		{"GPT-3 有多少参数", "GPT-3 有 多少 参数"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := strings.Join(texts(c.Segment(tt.in)), " "); got != tt.want {
			t.Errorf("Segment(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLookup(t *testing.T) {
	c := NewChinese()
	tests := []struct {
		w        string
		known    bool
		function bool
		minIDF   float64
		maxIDF   float64
	}{
		{"的", true, true, 0, 2},
		{"缓存", true, false, 9, 14},
		{"问题", true, false, 2, 6},
		{"什么", true, true, 0, 8},
		{"科创板", false, false, UnknownIDF, UnknownIDF},
		{"应该", true, true, 0, 8},   // a modal verb to jieba, a function word here
		{"能够", true, true, 0, 8},   // likewise
		{"反应", true, false, 2, 14}, // not cut by the modal verb after it
	}
	for _, tt := range tests {
		w, ok := c.Lookup(tt.w)
		if ok != tt.known || w.Function != tt.function || w.IDF < tt.minIDF || w.IDF > tt.maxIDF {
			t.Errorf("Lookup(%q) = %+v, %v; want known %v, function %v, IDF in [%v, %v]", tt.w, w, ok, tt.known, tt.function, tt.minIDF, tt.maxIDF)
		}
	}
}

func TestSortedLinesFindsEveryKey(t *testing.T) {
	text := "# header\n# more\na\t1\nb\t2\nbb\t3\nc\t4\n"
	s := sortedLines(text)
	for _, k := range []string{"a", "b", "bb", "c"} {
		if _, ok := s.find(k); !ok {
			t.Errorf("find(%q) missed", k)
		}
	}
	for _, k := range []string{"", "#", "ba", "d", "0"} {
		if v, ok := s.find(k); ok {
			t.Errorf("find(%q) = %q, want none", k, v)
		}
	}
	// Every key of the real list is found where it stands.
	n := 0
	for line := range strings.Lines(zhText) {
		if strings.HasPrefix(line, "#") {
			continue
		}
		n++
		if n%997 != 0 {
			continue
		}
		k, _, _ := strings.Cut(line, "\t")
		if _, ok := sortedLines(zhText).find(k); !ok {
			t.Fatalf("find(%q) missed a key of zh.txt", k)
		}
	}
	if !slices.IsSorted([]string{"a", "b"}) || n < 200_000 {
		t.Errorf("zh.txt has %d words, want over 200,000", n)
	}
}

func BenchmarkSegment(b *testing.B) {
	c := NewChinese()
	q := "到底该微调还是上RAG，纠结死了，知识经常变动的业务是给模型外挂资料好还是重新训练好"
	for b.Loop() {
		c.Segment(q)
	}
}

func TestSearchTellsLongerKeys(t *testing.T) {
	s := sortedLines("# h\na\t1\nab\t2\nabc\t3\nb\t4\nbcd\t5\n")
	for _, tt := range []struct {
		key            string
		ok, wantLonger bool
	}{
		{"a", true, true}, {"ab", true, true}, {"abc", true, false},
		{"b", true, true}, {"bc", false, true}, {"bcd", true, false},
		{"c", false, false}, {"0", false, false},
	} {
		_, ok, longer := s.search(tt.key)
		if ok != tt.ok || longer != tt.wantLonger {
			t.Errorf("search(%q) = ok %v, longer %v; want %v, %v", tt.key, ok, longer, tt.ok, tt.wantLonger)
		}
	}
}
