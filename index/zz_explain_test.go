package index

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/startupqa/startupqa/corpus"
)

func TestZZExplain(t *testing.T) {
	dir, q := os.Getenv("ZZDIR"), os.Getenv("ZZQ")
	if q == "" {
		t.Skip()
	}
	c, err := corpus.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	ix := build(t, c)
	pq, err := ix.parse(context.Background(), normalizeQuery(q))
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range pq.units {
		fmt.Printf("unit %q known=%v w=%.2f class=%d\n", pq.q[u.start:u.end], u.known, u.weight, u.class)
	}
	for _, a := range pq.alts {
		var us []string
		for _, u := range a.units {
			us = append(us, pq.q[pq.units[u].start:pq.units[u].end])
		}
		fmt.Printf("alt %v for %v\n", a.terms, us)
	}
	res, _ := ix.Search(context.Background(), q)
	fmt.Printf("%+v conf %.2f\n", res.Signals, res.Confidence)
}
