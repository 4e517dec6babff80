package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/startupqa/startupqa/sqlite"
)

func TestUnansweredCommand(t *testing.T) {
	path := filepath.Join(t.TempDir(), "scores.db")
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"RAG 是什么", "RAG 是什么", "红烧肉怎么做"} {
		if err := db.RecordUnanswered(context.Background(), "g1", q, 0.1, time.Now()); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	env := map[string]string{"DATABASE_PATH": path}
	out, errOut, code := runCLI(t, "", env, "unanswered", "--guild", "g1")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], "2") || !strings.HasSuffix(lines[0], "RAG 是什么") {
		t.Errorf("output:\n%s", out)
	}
	out, _, _ = runCLI(t, "", env, "unanswered", "--guild", "other")
	if !strings.Contains(out, "no unanswered questions") {
		t.Errorf("other guild: %q", out)
	}
	if _, _, code := runCLI(t, "", env, "unanswered", "--days", "0"); code != 2 {
		t.Errorf("--days 0: exit %d", code)
	}
}
