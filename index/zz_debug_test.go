package index

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/startupqa/startupqa/corpus"
	"github.com/startupqa/startupqa/zh"
)

func TestZZDebug(t *testing.T) {
	dir, q := os.Getenv("DBG_DIR"), os.Getenv("DBG_Q")
	if dir == "" {
		t.Skip()
	}
	c, err := corpus.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	conv, _ := zh.New()
	ix, err := Build(context.Background(), c, WithSimplifier(conv.Simplified))
	if err != nil {
		t.Fatal(err)
	}
	nq := normalizeQuery(conv.Simplified(q))
	pq, _ := ix.parse(context.Background(), nq)
	fmt.Printf("normalized %q\n", nq)
	var segs []string
	for _, w := range ix.zh.Segment(nq) {
		segs = append(segs, fmt.Sprintf("%s(%.1f,%v,%v)", w.Text, w.IDF, w.Function, w.Known))
	}
	fmt.Println("segments", strings.Join(segs, " "))
	for _, u := range pq.units {
		fmt.Printf("unit %q w=%.2f known=%v\n", nq[u.start:u.end], u.weight, u.known)
	}
	for _, tm := range pq.terms {
		fmt.Printf("term %s df=%d units=%v\n", tm.text, tm.df, tm.units)
	}
	r, _ := ix.Search(context.Background(), q)
	fmt.Printf("conf %.2f answered %v signals %+v\n", r.Confidence, r.Answered, r.Signals)
	for _, m := range r.Matches[:min(5, len(r.Matches))] {
		fmt.Printf("  %s score %.3f cov %.2f pcov %.2f | %s\n", m.Section.ID, m.Score, m.Coverage, m.passageCoverage, m.Fragment("[", "]"))
	}
}
