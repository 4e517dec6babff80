package bot

import (
	"os"
	"testing"

	"github.com/startupqa/startupqa/internal/pgtest"
)

// TestMain stops the PostgreSQL server a benchmark may have started.
func TestMain(m *testing.M) {
	code := m.Run()
	pgtest.Stop()
	os.Exit(code)
}
