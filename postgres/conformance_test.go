package postgres

import (
	"flag"
	"os"
	"testing"

	"github.com/startupqa/startupqa/internal/pgtest"
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
func backend() *storetest.Opener {
	return &storetest.Opener{NewKey: pgtest.Need, Open: Open}
}

func TestConformance(t *testing.T) { storetest.Run(t, backend()) }

func BenchmarkStore(b *testing.B) { storetest.Bench(b, backend(), *scale) }
