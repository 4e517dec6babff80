package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestPromptInTerminal types at the real prompt through tmux: a question,
// then ↑ to bring it back from the history, then Ctrl-D; the history is
// saved for the next run.
func TestPromptInTerminal(t *testing.T) {
	tmux, err := exec.LookPath("tmux")
	if err != nil {
		t.Skip("no tmux")
	}
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "startupqa")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	cache := filepath.Join(dir, "cache")
	socket := "startupqa-test-" + filepath.Base(dir)
	run := func(args ...string) string {
		t.Helper()
		out, err := exec.Command(tmux, append([]string{"-L", socket}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	run("new-session", "-d", "-x", "120", "-y", "50", "-e", "XDG_CACHE_HOME="+cache, "-e", "NO_COLOR=1", bin, "ask")
	t.Cleanup(func() { exec.Command(tmux, "-L", socket, "kill-server").Run() })
	waitFor := func(want string, n int) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for {
			screen := run("capture-pane", "-p", "-S", "-200")
			if strings.Count(screen, want) >= n {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("the screen never showed %q %d times:\n%s", want, n, screen)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	waitFor("问题>", 1) // capture-pane drops trailing spaces
	run("send-keys", "-l", "什么是大模型")
	run("send-keys", "Enter")
	waitFor("什么是大模型？", 2) // the title and the 题目
	run("send-keys", "Up")
	waitFor("问题> 什么是大模型", 2)
	run("send-keys", "Enter")
	waitFor("什么是大模型？", 4)
	run("send-keys", "C-d")
	deadline := time.Now().Add(10 * time.Second)
	for {
		data, err := os.ReadFile(filepath.Join(cache, "startupqa", "history"))
		if err == nil && strings.Contains(string(data), "什么是大模型") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no history saved: %v %q", err, data)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
