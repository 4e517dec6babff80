package sqlite

import (
	"context"
	"testing"
	"time"
)

func TestUnanswered(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	base := time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	log := []struct {
		guild, q string
		at       time.Time
	}{
		{"g1", "怎么做红烧肉", base},
		{"g1", "RAG 是什么", base.Add(time.Hour)},
		{"g1", "RAG 是什么", base.Add(2 * time.Hour)},
		{"g1", "RAG 是什么", base.Add(3 * time.Hour)},
		{"g1", "LoRA 怎么微调", base.Add(-48 * time.Hour)},
		{"g2", "RAG 是什么", base},
	}
	for _, l := range log {
		if err := db.RecordUnanswered(ctx, l.guild, l.q, 0.2, l.at); err != nil {
			t.Fatal(err)
		}
	}
	top, err := db.TopUnanswered(ctx, "g1", base.Add(-time.Hour), 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(top) != 2 || top[0].Question != "RAG 是什么" || top[0].Count != 3 || !top[0].Last.Equal(base.Add(3*time.Hour)) || top[1].Count != 1 {
		t.Errorf("top = %+v", top)
	}
	// Every server together: g2's question adds to g1's.
	every, err := db.TopUnansweredAll(ctx, base.Add(-time.Hour), 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(every) != 2 || every[0].Question != "RAG 是什么" || every[0].Count != 4 {
		t.Errorf("every server = %+v, want RAG 是什么 four times first", every)
	}
	n, err := db.PruneUnanswered(ctx, base.Add(-time.Hour))
	if err != nil || n != 1 {
		t.Errorf("prune = %d, %v; want 1 (the LoRA question)", n, err)
	}
	all, _ := db.TopUnanswered(ctx, "g1", time.Time{}, 0)
	if len(all) != 2 {
		t.Errorf("after pruning: %+v", all)
	}
}
