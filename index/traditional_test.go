package index

import (
	"context"
	"testing"

	"github.com/startupqa/startupqa/corpus"
	"github.com/startupqa/startupqa/zh"
)

// Questions in traditional characters find the same sections as their
// simplified forms when the index has a simplifier, and not without one.
func TestTraditionalQuestions(t *testing.T) {
	c := defaultCorpus(t)
	ix := buildSimplified(t, c)
	tests := []struct{ q, want string }{
		{"大模型的訓練過程是什麼", "llm-startup/2"},
		{"大模型創業面臨哪些挑戰", "llm-startup/3"},
		{"數據質量為什麼重要", "llm-startup/3"},
		{"請簡述一個成功的大模型創業案例", "llm-startup/5"},
		{"反向傳播是做什麼的", "llm-startup/2"},
	}
	plain := build(t, c)
	misses := 0
	for _, tt := range tests {
		res, err := ix.Search(context.Background(), tt.q)
		if err != nil {
			t.Fatal(err)
		}
		if best, ok := res.Best(); !ok || best.Section.ID != tt.want {
			t.Errorf("%q: got %v, want %s", tt.q, res.Matches, tt.want)
		}
		if res.Query != tt.q {
			t.Errorf("Result.Query = %q, want the question as asked", res.Query)
		}
		if r, _ := plain.Search(context.Background(), tt.q); !r.Answered || r.Matches[0].Section.ID != tt.want {
			misses++
		}
	}
	if misses == 0 {
		t.Error("without a simplifier every traditional question was answered right too: the test shows nothing")
	}
}

// Cantonese and Taiwan phrasing finds the sections its Mandarin
// equivalent finds: OpenCC converts the script, the rewrites the dialect.
func TestDialectQuestions(t *testing.T) {
	ix := buildSimplified(t, defaultCorpus(t))
	for _, tt := range []struct{ q, want string }{
		{"大模型係咩嚟㗎", "llm-startup/1"},
		{"大模型點樣訓練㗎", "llm-startup/2"},
		{"資料品質為什麼重要", "llm-startup/3"},
		{"新創公司的運算資源夠嗎", "llm-startup/3"},
	} {
		res, err := ix.Search(context.Background(), tt.q)
		if err != nil {
			t.Fatal(err)
		}
		if best, ok := res.Best(); !ok || best.Section.ID != tt.want {
			t.Errorf("%q: answered=%v conf=%.2f matches=%v, want %s", tt.q, res.Answered, res.Confidence, res.Matches, tt.want)
		}
	}
}

// A corpus written in traditional characters is converted when it is
// indexed, so that questions in either script find its sections.
func TestTraditionalCorpus(t *testing.T) {
	conv, err := zh.New()
	if err != nil {
		t.Fatal(err)
	}
	c := loadFS(t, map[string][]byte{"llm-startup.md": []byte(conv.Traditional(string(defaultArticle(t))))})
	if s, _ := c.SectionNumber(2); s.Title != "大模型的訓練過程" {
		t.Fatalf("the corpus is not in traditional characters: %q", s.Title)
	}
	ix := buildSimplified(t, c)
	plain := build(t, c)
	tests := []struct{ q, want string }{
		{"大模型的训练过程", "llm-startup/2"},
		{"数据质量为什么重要", "llm-startup/3"},
		{"反向传播是做什么的", "llm-startup/2"},
		{"大模型創業面臨哪些挑戰", "llm-startup/3"},
	}
	plainMisses := 0
	for _, tt := range tests {
		res, err := ix.Search(context.Background(), tt.q)
		if err != nil {
			t.Fatal(err)
		}
		if best, ok := res.Best(); !ok || best.Section.ID != tt.want {
			t.Errorf("%q: answered=%v matches=%v, want %s", tt.q, res.Answered, res.Matches, tt.want)
		}
		pres, err := plain.Search(context.Background(), tt.q)
		if err != nil {
			t.Fatal(err)
		}
		if best, ok := pres.Best(); !ok || best.Section.ID != tt.want {
			plainMisses++
		}
	}
	// Without conversion the simplified questions miss: the test would
	// pass for the wrong reason if they did not.
	if plainMisses == 0 {
		t.Error("every question found its section without conversion")
	}
}

// buildSimplified indexes c in memory with OpenCC's simplifier, as
// startupqa does, and closes the index when the test ends.
func buildSimplified(t *testing.T, c *corpus.Corpus) *Index {
	t.Helper()
	conv, err := zh.New()
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Build(context.Background(), c, WithSimplifier(conv.Simplified))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// A word Taiwan writes for two things is read both ways: 指標 is 指针
// ("pointer") to OpenCC's Taiwan phrases and 指标 ("indicator") in notes
// on anything but C, so a question about 指標 finds the section on
// metrics, and one about a C 指標 the section on pointers.
func TestTaiwanWordReadings(t *testing.T) {
	const metrics = `# 笔记

## 1. 北极星指标

**题目：** 产品增长应该关注哪些指标？

**答案：** 先定北极星指标。

- **北极星指标：** 反映用户获得核心价值的指标，如周活跃用户数。
- **过程指标：** 新增、激活、留存等指标拆解北极星指标。
`
	const pointers = `
## 2. C 语言的指针

**题目：** C 语言的指针是什么？

**答案：** 指针保存变量的内存地址。

- **解引用：** 用 * 读取指针指向的值。
- **空指针：** 指向 NULL 的指针不能解引用。
`
	conv, err := zh.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, notes, q, want string
	}{
		{"metrics only", metrics, "指標有哪些", "notes/1"},
		{"metrics and pointers", metrics + pointers, "產品成長要看哪些指標", "notes/1"},
		{"a C pointer", metrics + pointers, "C 語言的指標怎麼解參考", "notes/2"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := loadFS(t, map[string][]byte{"notes.md": []byte(tt.notes)})
			ix, err := Build(context.Background(), c, WithSimplifier(conv.Simplified), WithReadings(conv.Readings))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { ix.Close() })
			if r := ask(t, ix, tt.q); !r.Answered || topID(r) != tt.want {
				t.Errorf("%q: answered=%v top %s, want %s", tt.q, r.Answered, topID(r), tt.want)
			}
		})
	}
	// Read only as Taiwan's words, the question about metrics asks about
	// pointers, which the notes lack: the test would pass for the wrong
	// reason if it were answered all the same.
	one := buildSimplified(t, loadFS(t, map[string][]byte{"notes.md": []byte(metrics)}))
	if r := ask(t, one, "指標有哪些"); r.Answered {
		t.Errorf("read only as Taiwan's words, 指標 was answered (%s, %.2f): the test shows nothing", topID(r), r.Confidence)
	}
}
