package index

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/startupqa/startupqa/corpus"
)

func TestZZExplain(t *testing.T) {
	dir := os.Getenv("XDIR")
	if dir == "" {
		t.Skip()
	}
	c, err := corpus.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	ix := build(t, c)
	ctx := context.Background()
	for _, q := range strings.Split(os.Getenv("XQ"), "|") {
		pq, err := ix.parse(ctx, normalizeQuery(q))
		if err != nil {
			t.Fatal(err)
		}
		fmt.Printf("== %s\n", q)
		for _, u := range pq.units {
			fmt.Printf("  unit %q w=%.2f known=%v class=%d\n", pq.q[u.start:u.end], u.weight, u.known, u.class)
		}
		for _, a := range pq.alts {
			fmt.Printf("  alt %v units=%v\n", a.terms, a.units)
		}
		r := ask(t, ix, q)
		fmt.Printf("  conf=%.2f sig=%+v\n", r.Confidence, r.Signals)
		for i, m := range r.Matches {
			if i > 2 {
				break
			}
			fmt.Printf("  %d %s %s\n", i+1, m.Section.ID, m.Section.Title)
		}
	}
}
