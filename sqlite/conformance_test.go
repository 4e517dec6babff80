package sqlite

import (
	"flag"
	"path/filepath"
	"testing"

	"github.com/startupqa/startupqa/sqlstore/storetest"
)

var scale = flag.Bool("scale", false, "also run the load benchmarks at 100k and 1M attempts")

// backend opens SQLite stores for the conformance suite: each a new file.
func backend() *storetest.Opener {
	return &storetest.Opener{
		NewKey: func(t testing.TB) string { return filepath.Join(t.TempDir(), "store.db") },
		Open:   Open,
	}
}

func TestConformance(t *testing.T) { storetest.Run(t, backend()) }

func BenchmarkStore(b *testing.B) { storetest.Bench(b, backend(), *scale) }
