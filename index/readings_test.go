package index

import (
	"context"
	"testing"
)

// TestRedundantReadings: the readings of a question word that the notes
// have themselves ("Redis", which the field's lexicon reads as 缓存) are
// searched with less weight; the readings of a word they lack ("cache",
// in an English question over Chinese notes) are what finds its passages,
// and keep theirs.
func TestRedundantReadings(t *testing.T) {
	src := "# 缓存\n\n## 1. Redis 的速度\n\n**题目：** Redis 为什么这么快？\n\n**答案：** 单线程，IO 多路复用。\n\n" +
		"## 2. 缓存一致性\n\n**题目：** 缓存和数据库怎么保持一致？\n\n**答案：** 先更新数据库，再删除缓存。\n"
	ix := build(t, loadFS(t, map[string][]byte{"cache.md": []byte(src)}))
	tests := []struct {
		q           string
		weak, ready string // a reading searched with less weight, one searched in full
	}{
		{"Redis 为什么快", "缓存", ""},
		{"how do you keep the cache consistent with the database", "", "缓存"},
	}
	for _, tt := range tests {
		pq, err := ix.parse(context.Background(), normalizeQuery(tt.q))
		if err != nil {
			t.Fatal(err)
		}
		weak := pq.redundantReadings()
		if tt.weak != "" && !weak[tt.weak] {
			t.Errorf("%q: %s not among the weak readings %v", tt.q, tt.weak, weak)
		}
		if tt.ready != "" && weak[tt.ready] {
			t.Errorf("%q: %s searched with less weight, though the question needs it", tt.q, tt.ready)
		}
		if tt.ready != "" && !hasTerm(pq, tt.ready) {
			t.Errorf("%q: %s is not a term of the question at all", tt.q, tt.ready)
		}
	}
}
