package storetest

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"
)

func testUnanswered(t *testing.T, be Backend) {
	db := be.New(t)
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

// Each server keeps its newest questions up to the cap; others are not
// touched.
func testUnansweredCapPerGuild(t *testing.T, be Backend) {
	ctx := context.Background()
	db := be.New(t)
	db.SetUnansweredCap(5)
	base := at(t, "2026-11-01T10:00:00Z")
	for i := range 8 {
		if err := db.RecordUnanswered(ctx, "g1", fmt.Sprintf("q%d", i), 0.1, base.Add(time.Duration(i)*time.Minute)); err != nil {
			t.Fatal(err)
		}
		if i < 3 {
			if err := db.RecordUnanswered(ctx, "g2", fmt.Sprintf("q%d", i), 0.1, base); err != nil {
				t.Fatal(err)
			}
		}
	}
	got, err := db.TopUnanswered(ctx, "g1", base, 0)
	if err != nil {
		t.Fatal(err)
	}
	var qs []string
	for _, u := range got {
		qs = append(qs, u.Question)
	}
	slices.Sort(qs)
	if want := []string{"q3", "q4", "q5", "q6", "q7"}; !slices.Equal(qs, want) {
		t.Errorf("g1 kept %v, want the newest five %v", qs, want)
	}
	if n := count(t, db, "unanswered"); n != 8 {
		t.Errorf("%d rows in all, want 5 of g1 and 3 of g2", n)
	}
}
