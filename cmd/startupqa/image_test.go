package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The container image bakes the index in at build time and serves it from
// a read-only layer as a user who owns nothing: the start command must
// answer from that index, without rebuilding it or writing beside it. The
// test makes the directory immutable (chattr +i), which stops root too.
func TestBakedReadOnlyIndex(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	if out, errOut, code := runCLI(t, "", nil, "ask", "--index", dir, "warm the index"); code != 0 {
		t.Fatalf("build the index: exit %d\n%s%s", code, out, errOut)
	}
	if out, err := exec.Command("chattr", "-R", "+i", dir).CombinedOutput(); err != nil {
		t.Skipf("chattr +i: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("chattr", "-R", "-i", dir).Run() })
	out, errOut, code := runCLI(t, "", map[string]string{"LOG_LEVEL": "debug"}, "ask", "--index", dir, "大模型的训练过程是什么")
	if code != 0 || !strings.Contains(out, "大模型的训练过程") {
		t.Fatalf("ask from the read-only index: exit %d\n%s%s", code, out, errOut)
	}
	if strings.Contains(errOut, "in memory") || strings.Contains(errOut, "rebuilt=true") {
		t.Errorf("the read-only index was not used as it is:\n%s", errOut)
	}
}
