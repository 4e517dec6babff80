package postgres

import (
	"context"
	"flag"
	"os"
	"sync"
	"testing"

	"github.com/startupqa/startupqa/internal/pgtest"
	"github.com/startupqa/startupqa/sqlstore"
	"github.com/startupqa/startupqa/sqlstore/storetest"
)

var scale = flag.Bool("scale", false, "also run the load benchmarks at 100k and 1M attempts")

func TestMain(m *testing.M) {
	code := m.Run()
	pgtest.Stop()
	os.Exit(code)
}

// backend opens PostgreSQL stores for the conformance suite: each in a
// schema of its own on the test server.
type backend struct {
	mu   sync.Mutex
	urls map[*sqlstore.DB]string
}

func newBackend() *backend { return &backend{urls: map[*sqlstore.DB]string{}} }

func (b *backend) New(t testing.TB) *sqlstore.DB { return b.open(t, pgtest.Need(t)) }

func (b *backend) Again(t testing.TB, db *sqlstore.DB) *sqlstore.DB {
	b.mu.Lock()
	url := b.urls[db]
	b.mu.Unlock()
	return b.open(t, url)
}

func (b *backend) open(t testing.TB, url string) *sqlstore.DB {
	t.Helper()
	db, err := Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	b.mu.Lock()
	b.urls[db] = url
	b.mu.Unlock()
	t.Cleanup(func() {
		if err := db.Close(); err != nil {
			t.Error(err)
		}
	})
	return db
}

func TestConformance(t *testing.T) {
	storetest.Run(t, newBackend())
}

func BenchmarkStore(b *testing.B) {
	storetest.Bench(b, newBackend(), *scale)
}
