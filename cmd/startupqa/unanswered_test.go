package main

import (
	"context"
	"os"
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
	// Without a guild (a bot with global commands), every server's log
	// (issue 14, item 1).
	out, errOut, code = runCLI(t, "", env, "unanswered")
	if code != 0 || !strings.Contains(out, "RAG 是什么") || !strings.Contains(out, "红烧肉怎么做") {
		t.Errorf("no --guild: exit %d, out %q, err %q", code, out, errOut)
	}
	// A mistyped path is an error, and creates nothing.
	missing := filepath.Join(t.TempDir(), "typo.db")
	_, errOut, code = runCLI(t, "", map[string]string{"DATABASE_PATH": missing}, "unanswered")
	if code != 1 || !strings.Contains(errOut, "no database at") {
		t.Errorf("missing database: exit %d, err %q", code, errOut)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Errorf("unanswered created %s", missing)
	}
}
