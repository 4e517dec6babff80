package main

import (
	"crypto/ed25519"
	"crypto/rand"
	"debug/elf"
	"encoding/hex"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/startupqa/startupqa/bot/discordtest"
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

// TestImageStartCommand does without Docker (these machines have none)
// what deploy/Dockerfile builds and starts: a binary built with
// CGO_ENABLED=0 that must be static, the index baked by `ask --index`, then
// the image's command with the image's settings, serving that index
// read-only. It checks readiness the way the HEALTHCHECK does, answers a
// signed /ask on the interactions endpoint, and stops cleanly on SIGTERM.
// METRICS_ADDR is the image's 0.0.0.0, on a free port.
// The gateway stays off: there is no Discord here, only the fake's REST.
func TestImageStartCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "startupqa")
	build := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("CGO_ENABLED=0 go build: %v\n%s", err, out)
	}
	f, err := elf.Open(bin)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP || p.Type == elf.PT_DYNAMIC {
			t.Errorf("the binary is dynamically linked (%v): distroless/static cannot run it", p.Type)
		}
	}
	f.Close()

	index := filepath.Join(dir, "index")
	if out, err := exec.Command(bin, "ask", "--index", index, "warm the index").CombinedOutput(); err != nil {
		t.Fatalf("bake the index: %v\n%s", err, out)
	}
	// The image's index belongs to root and the bot runs as nonroot.
	// chattr +i stops writes by anyone, root too; without it (not root),
	// the permissions do.
	if out, err := exec.Command("chattr", "-R", "+i", index).CombinedOutput(); err == nil {
		t.Cleanup(func() { exec.Command("chattr", "-R", "-i", index).Run() })
	} else if os.Geteuid() != 0 {
		if out, err := exec.Command("chmod", "-R", "a-w", index).CombinedOutput(); err != nil {
			t.Fatalf("chmod a-w: %v %s", err, out)
		}
		t.Cleanup(func() { exec.Command("chmod", "-R", "u+w", index).Run() })
	} else {
		t.Skipf("chattr +i: %v %s; root could write to the index", err, out)
	}
	data := filepath.Join(dir, "data") // the image's volume
	if err := os.Mkdir(data, 0o755); err != nil {
		t.Fatal(err)
	}

	srv := discordtest.Start(t, discordtest.Options{})
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	httpAddr := freeAddr(t)
	_, metricsPort, _ := net.SplitHostPort(freeAddr(t))
	env := []string{
		"PATH=" + os.Getenv("PATH"),
		// The Dockerfile's ENV, with the paths of this test.
		"INDEX_DIR=" + index, "DATABASE_PATH=" + filepath.Join(data, "startupqa.db"),
		"METRICS_ADDR=0.0.0.0:" + metricsPort, "LOG_FORMAT=json", "LOG_LEVEL=debug",
		// What the operator passes at run time.
		"DISCORD_TOKEN=" + srv.Token(), "DISCORD_API_BASE=" + srv.URL(), "DISCORD_PUBLIC_KEY=" + hex.EncodeToString(pub),
	}
	var logs lockedBuffer
	serve := exec.Command(bin, "serve", "--http", httpAddr, "--no-gateway")
	serve.Env, serve.Stdout, serve.Stderr = env, &logs, &logs
	if err := serve.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- serve.Wait() }()
	t.Cleanup(func() { serve.Process.Kill() })

	// The image's HEALTHCHECK (healthcheck: /healthz), then readiness
	// and the endpoint's status line, watching that serve still runs.
	for _, check := range []func() bool{
		func() bool { return command(bin, env, "healthcheck").Run() == nil },
		func() bool { return command(bin, env, "healthcheck", "--ready").Run() == nil },
		func() bool { return strings.Contains(logs.String(), "interactions endpoint on http://"+httpAddr) },
	} {
		for deadline := time.Now().Add(20 * time.Second); !check(); time.Sleep(100 * time.Millisecond) {
			select {
			case err := <-exited:
				t.Fatalf("serve exited: %v\n%s", err, logs.String())
			default:
			}
			if time.Now().After(deadline) {
				t.Fatalf("not healthy, ready and listening in 20 s:\n%s", logs.String())
			}
		}
	}

	if status, answer := askOverHTTP(t, srv, httpAddr, priv, "大模型的训练过程是什么"); status != http.StatusOK || !strings.Contains(answer, "大模型的训练过程") {
		t.Errorf("/ask: status %d, %s", status, answer)
	}

	if err := serve.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("serve after SIGTERM: %v\n%s", err, logs.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("serve still running 10 s after SIGTERM:\n%s", logs.String())
	}
	if s := logs.String(); !strings.Contains(s, `"rebuilt":false`) || strings.Contains(s, "in memory") {
		t.Errorf("the baked index was not served as it is:\n%s", s)
	}
}

func command(bin string, env []string, args ...string) *exec.Cmd {
	c := exec.Command(bin, args...)
	c.Env = env
	return c
}

// freeAddr returns a loopback address no one listens on now.
func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}
