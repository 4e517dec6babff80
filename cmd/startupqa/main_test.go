package main

import (
	"os"
	"testing"

	"github.com/startupqa/startupqa/internal/pgtest"
)

// TestMain runs serve in a child process of TestShardsEndToEnd, and stops
// the PostgreSQL server that tests may have started.
func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "serve" {
		runChild()
	}
	code := m.Run()
	pgtest.Stop()
	os.Exit(code)
}
