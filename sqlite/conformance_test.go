package sqlite

import (
	"context"
	"flag"
	"path/filepath"
	"sync"
	"testing"

	"github.com/startupqa/startupqa/sqlstore"
	"github.com/startupqa/startupqa/sqlstore/storetest"
)

var scale = flag.Bool("scale", false, "also run the load benchmarks at 100k and 1M attempts")

// backend opens SQLite stores for the conformance suite: each a new file.
type backend struct {
	mu    sync.Mutex
	paths map[*sqlstore.DB]string
}

func (b *backend) New(t testing.TB) *sqlstore.DB {
	return b.open(t, filepath.Join(t.TempDir(), "store.db"))
}

func (b *backend) Again(t testing.TB, db *sqlstore.DB) *sqlstore.DB {
	b.mu.Lock()
	path := b.paths[db]
	b.mu.Unlock()
	return b.open(t, path)
}

func (b *backend) open(t testing.TB, path string) *sqlstore.DB {
	t.Helper()
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	b.mu.Lock()
	b.paths[db] = path
	b.mu.Unlock()
	t.Cleanup(func() {
		if err := db.Close(); err != nil {
			t.Error(err)
		}
	})
	return db
}

func TestConformance(t *testing.T) {
	storetest.Run(t, &backend{paths: map[*sqlstore.DB]string{}})
}

func BenchmarkStore(b *testing.B) {
	storetest.Bench(b, &backend{paths: map[*sqlstore.DB]string{}}, *scale)
}
