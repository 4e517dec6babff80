package challenge

import (
	"context"
	"math/rand/v2"
	"testing"
	"testing/fstest"

	"github.com/startupqa/startupqa/corpus"
	"github.com/startupqa/startupqa/index"
)

func TestPick(t *testing.T) {
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Build(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	rng := func() *rand.Rand { return rand.New(rand.NewPCG(1, 2)) }

	got, err := Pick(context.Background(), c, ix, "训练过程", "zh", 2, rng())
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != "llm-startup/2" {
		t.Errorf("topic 训练过程: first section %v, want llm-startup/2", ids(got))
	}

	all, _ := Pick(context.Background(), c, ix, "", "zh", 6, rng())
	seen := map[string]bool{}
	for _, s := range all {
		seen[s.ID] = true
	}
	if len(all) != 6 || len(seen) != 6 {
		t.Errorf("6 rounds of 6 sections: %v repeats a section", ids(all))
	}
	again, _ := Pick(context.Background(), c, ix, "", "zh", 6, rng())
	if ids(again) != ids(all) {
		t.Error("the same seed picked differently")
	}
	more, _ := Pick(context.Background(), c, ix, "", "zh", 9, rng())
	if len(more) != 9 {
		t.Errorf("9 rounds from 6 sections: got %d", len(more))
	}
	if none, _ := Pick(context.Background(), c, ix, "", "zh", 0, rng()); none != nil {
		t.Error("0 rounds picked sections")
	}
}

func ids(ss []*corpus.Section) string {
	out := ""
	for _, s := range ss {
		out += s.ID + " "
	}
	return out
}

func TestPoints(t *testing.T) {
	tests := []struct {
		score         float64
		first         bool
		streak, hints int
		want          int
	}{
		{0, false, 0, 0, 0},
		{0.5, false, 1, 0, 50},
		{1, true, 1, 0, 120},
		{0.8, false, 3, 0, 100},
		{0.8, false, 20, 0, 130},
		{0.2, false, 0, 2, 0},
		{0.6, false, 0, 1, 45},
	}
	for _, tt := range tests {
		if got := Points(tt.score, tt.first, tt.streak, tt.hints); got != tt.want {
			t.Errorf("Points(%v, %v, %d, %d) = %d, want %d", tt.score, tt.first, tt.streak, tt.hints, got, tt.want)
		}
	}
}

// TestPickLeavesOutWhatCannotBeGraded: a section whose answer is only code
// has no key point, and a right answer to it would score nothing.
func TestPickLeavesOutWhatCannotBeGraded(t *testing.T) {
	const code = "## 3. 反转链表\n\n**题目：** 反转一个单链表。\n\n**答案：**\n\n```go\nfunc reverse(h *Node) *Node { return h }\n```\n"
	const prose = "# 链表\n\n## 1. 环\n\n**题目：** 怎么判断链表有环？\n\n**答案：** 快慢指针。\n\n## 2. 中点\n\n**题目：** 怎么找中点？\n\n**答案：** 快指针走两步。\n\n"
	// In English, section 1's answer is only code.
	const en = "# Lists\n\n## 1. Cycle\n\n**Question:** How to find a cycle?\n\n**Answer:**\n\n```go\nslow, fast := h, h\n```\n\n" +
		"## 2. Middle\n\n**Question:** How to find the middle?\n\n**Answer:** The fast pointer moves two steps.\n"
	tests := []struct {
		name, src, lang string
		n               int
		want            map[string]bool // the sections that may be picked
	}{
		{"beside gradable sections", prose + code, "zh", 5, map[string]bool{"l/1": true, "l/2": true}},
		{"alone", "# 链表\n\n" + code, "zh", 2, map[string]bool{"l/3": true}},
		{"in the language played", prose, "en", 3, map[string]bool{"l/2": true}},
		{"in the other language", prose, "zh", 4, map[string]bool{"l/1": true, "l/2": true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := fstest.MapFS{"l.md": {Data: []byte(tt.src)}}
			if tt.src == prose {
				files["l.en.md"] = &fstest.MapFile{Data: []byte(en)}
			}
			c, err := corpus.Load(files, "x")
			if err != nil {
				t.Fatal(err)
			}
			got, err := Pick(context.Background(), c, nil, "", tt.lang, tt.n, rand.New(rand.NewPCG(1, 2)))
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tt.n {
				t.Fatalf("%d rounds picked, want %d", len(got), tt.n)
			}
			for _, s := range got {
				if !tt.want[s.ID] {
					t.Errorf("picked %s: %v", s.ID, ids(got))
				}
			}
		})
	}
}
