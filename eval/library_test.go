package eval_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/startupqa/startupqa/eval"
	"github.com/startupqa/startupqa/index"
)

// TestLibrary: two corpora whose articles share a file name are put in
// one library, where their sections take folder-qualified ids; each
// corpus keeps its in-scope questions, renamed, and its far off-topic
// ones, and drops those near its topic, which the other corpus may
// answer. Searched there, each question still finds its section.
func TestLibrary(t *testing.T) {
	suite := t.TempDir()
	write := func(name, data string) {
		t.Helper()
		path := filepath.Join(suite, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("cache/notes.md", "# 缓存\n\n## 1. 缓存穿透\n\n**题目：** 什么是缓存穿透？\n\n**答案：** 查询不存在的数据，请求每次都打到数据库。用布隆过滤器或缓存空值解决。\n\n"+
		"## 2. 缓存雪崩\n\n**题目：** 什么是缓存雪崩？\n\n**答案：** 大量 key 同时过期，请求一起落到数据库。过期时间加随机值。\n")
	write("cache/questions.jsonl", `{"q": "布隆过滤器能解决什么问题", "expect": ["notes/1"], "kind": "detail", "split": "holdout"}
{"q": "大量key同时过期怎么办", "expect": ["notes/2"], "kind": "paraphrase"}
{"q": "Redis 集群怎么扩容", "expect": [], "kind": "offtopic-near", "split": "holdout"}
{"q": "红烧肉怎么做", "expect": [], "kind": "offtopic-far", "split": "holdout"}
`)
	write("law/notes.md", "# 劳动法\n\n## 1. 试用期\n\n**题目：** 试用期最长多久？\n\n**答案：** 三年以上固定期限合同，试用期不得超过六个月。\n")
	write("law/questions.jsonl", `{"q": "试用期最长可以约定几个月", "expect": ["notes/1"], "kind": "detail", "split": "holdout"}
`)
	corpora, err := eval.LoadSuite(suite)
	if err != nil {
		t.Fatal(err)
	}
	libDir := t.TempDir()
	lib, err := eval.Library(corpora, libDir)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]struct {
		q      string
		expect []string
	}{
		"cache": {{"布隆过滤器能解决什么问题", []string{"cache-notes/1"}}, {"大量key同时过期怎么办", []string{"cache-notes/2"}}, {"红烧肉怎么做", []string{}}},
		"law":   {{"试用期最长可以约定几个月", []string{"law-notes/1"}}},
	}
	if len(lib) != 2 {
		t.Fatalf("%d corpora in the library, want 2", len(lib))
	}
	for _, c := range lib {
		if c.Dir != libDir {
			t.Errorf("%s: Dir %q, want the library's %q", c.Name, c.Dir, libDir)
		}
		var got []string
		for _, k := range c.Cases {
			got = append(got, k.Q)
		}
		w := want[c.Name]
		if len(c.Cases) != len(w) {
			t.Fatalf("%s: questions %q, want %d of them", c.Name, got, len(w))
		}
		for i, k := range c.Cases {
			if k.Q != w[i].q || !slices.Equal(k.Expect, w[i].expect) {
				t.Errorf("%s: question %d is %q expecting %v, want %q expecting %v", c.Name, i, k.Q, k.Expect, w[i].q, w[i].expect)
			}
		}
	}
	rep, err := eval.RunSuite(context.Background(), opener(t, index.DefaultParams()), lib, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range rep.Outcomes {
		if o.Case.InScope() && o.Rank != 1 {
			t.Errorf("%s: %q ranked %v, want %v first", o.Corpus, o.Case.Q, o.Ranked, o.Case.Expect)
		}
	}

	// The library's directory must be new: nothing is overwritten.
	if _, err := eval.Library(corpora, libDir); err == nil {
		t.Error("a library was written over another")
	}
}
