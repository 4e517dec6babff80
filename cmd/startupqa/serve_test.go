package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/startupqa/startupqa/bot/discordtest"
	"github.com/startupqa/startupqa/engine"
	"github.com/startupqa/startupqa/sqlite"
	"github.com/startupqa/startupqa/sqlstore"
)

func TestServeNeedsToken(t *testing.T) {
	_, errOut, code := runCLI(t, "", map[string]string{"DISCORD_TOKEN": "  "}, "serve")
	if code != 2 || !strings.Contains(errOut, "DISCORD_TOKEN is not set") || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
		t.Errorf("exit %d, stderr %q: want exit 2 and one line saying where to get a token", code, errOut)
	}
}

func TestServeBadAPIBase(t *testing.T) {
	_, errOut, code := runCLI(t, "", map[string]string{"DISCORD_TOKEN": "x", "DISCORD_API_BASE": "not a url"}, "serve")
	if code != 1 || !strings.Contains(errOut, "DISCORD_API_BASE") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

// A wrong token ends serve with a one-line reason instead of retrying
// forever, and the token appears nowhere.
func TestServeWrongToken(t *testing.T) {
	srv := discordtest.Start(t, discordtest.Options{})
	env := map[string]string{"DISCORD_TOKEN": "wrong-secret-token", "DISCORD_API_BASE": srv.URL(), "LOG_LEVEL": "debug",
		"DATABASE_PATH": filepath.Join(t.TempDir(), "scores.db")}
	done := make(chan struct{})
	var out, errOut string
	var code int
	go func() {
		out, errOut, code = runCLI(t, "", env, "serve")
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(15 * time.Second):
		t.Fatal("serve with a wrong token did not exit")
	}
	if code != 1 || !strings.Contains(errOut, "4004") || !strings.Contains(errOut, "check DISCORD_TOKEN") {
		t.Errorf("exit %d, stderr %q: want exit 1 and what to fix", code, errOut)
	}
	if strings.Contains(out+errOut, "wrong-secret-token") {
		t.Error("the token was printed")
	}
}

// With a valid token serve runs until its context ends, then exits 0.
func TestServeStopsOnCancel(t *testing.T) {
	srv := discordtest.Start(t, discordtest.Options{})
	env := map[string]string{"DISCORD_TOKEN": srv.Token(), "DISCORD_API_BASE": srv.URL(), "ASK_COOLDOWN_SECONDS": "0",
		"DATABASE_PATH": filepath.Join(t.TempDir(), "scores.db")}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	var out, errOut bytes.Buffer
	go func() {
		lookup := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
		done <- run(ctx, []string{"serve"}, strings.NewReader(""), &out, &errOut, lookup)
	}()
	wctx, wcancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer wcancel()
	if err := srv.Connected(wctx); err != nil {
		t.Fatal(err)
	}
	// The bot answers before it is told to stop.
	i := srv.CommandInteraction(discordtest.Actor{}, "ask", discordtest.StringOption("question", "什么是大模型"))
	if err := srv.DispatchInteraction(i); err != nil {
		t.Fatal(err)
	}
	if _, err := srv.WaitRequest(wctx, discordtest.Match("POST", "/interactions/*/*/callback")); err != nil {
		t.Fatalf("no answer: %v\n%s", err, errOut.String())
	}
	start := time.Now()
	cancel()
	select {
	case err := <-done:
		if code := exitCode(err); code != 0 {
			t.Errorf("exit %d (%v), want 0", code, err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop within 10 s")
	}
	t.Logf("stopped in %v", time.Since(start))
}

// SIGTERM stops a real process within 10 s with exit status 0. The test
// binary runs itself as the startupqa process.
func TestServeSIGTERM(t *testing.T) {
	if os.Getenv("STARTUPQA_SERVE_CHILD") == "1" {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		os.Exit(exitCode(run(ctx, []string{"serve"}, os.Stdin, os.Stdout, os.Stderr, os.LookupEnv)))
	}
	srv := discordtest.Start(t, discordtest.Options{})
	cmd := exec.Command(os.Args[0], "-test.run=^TestServeSIGTERM$")
	cmd.Env = append(os.Environ(), "STARTUPQA_SERVE_CHILD=1", "DISCORD_TOKEN="+srv.Token(), "DISCORD_API_BASE="+srv.URL(),
		"DATABASE_PATH="+filepath.Join(t.TempDir(), "scores.db"))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Connected(ctx); err != nil {
		cmd.Process.Kill()
		t.Fatalf("child did not connect: %v\n%s", err, stderr.String())
	}
	start := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	waited := make(chan error, 1)
	go func() { waited <- cmd.Wait() }()
	select {
	case err := <-waited:
		if err != nil {
			t.Errorf("child exited with %v after SIGTERM\n%s", err, stderr.String())
		}
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatal("child still running 10 s after SIGTERM")
	}
	t.Logf("exited %v after SIGTERM", time.Since(start))
}

// A second serve on the database of a running one is refused with what to
// do, and leaves the first one's game alone; when the first stops, it
// lets go of the database at once.
func TestServeOneBotPerDatabase(t *testing.T) {
	srv := discordtest.Start(t, discordtest.Options{})
	dbPath := filepath.Join(t.TempDir(), "scores.db")
	env := map[string]string{"DISCORD_TOKEN": srv.Token(), "DISCORD_API_BASE": srv.URL(), "DATABASE_PATH": dbPath}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		lookup := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
		done <- run(ctx, []string{"serve"}, strings.NewReader(""), io.Discard, io.Discard, lookup)
	}()
	wctx, wcancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer wcancel()
	if err := srv.Connected(wctx); err != nil {
		t.Fatal(err)
	}

	_, errOut, code := runCLI(t, "", env, "serve")
	if code != 1 || !strings.Contains(errOut, "another startupqa serve") || !strings.Contains(errOut, "DATABASE_PATH") {
		t.Errorf("second serve: exit %d, stderr %q", code, errOut)
	}
	if n := len(srv.Identifies()); n != 1 {
		t.Errorf("%d IDENTIFYs: the second bot connected", n)
	}

	cancel()
	if err := <-done; exitCode(err) != 0 {
		t.Fatalf("first serve: %v", err)
	}
	db, err := sqlite.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.AcquireLease(context.Background(), "serve", sqlstore.ProcessHolder(), time.Minute); err != nil {
		t.Errorf("the stopped bot still holds the database: %v", err)
	}
}

// A Discord that cannot be reached through DISCORD_API_BASE is named as
// such: net/http's message names discord.com.
func TestServeUnreachableAPIBase(t *testing.T) {
	env := map[string]string{"DISCORD_TOKEN": "x", "DISCORD_API_BASE": "http://127.0.0.1:1", "DATABASE_PATH": filepath.Join(t.TempDir(), "scores.db")}
	_, errOut, code := runCLI(t, "", env, "serve")
	if code != 1 || !strings.Contains(errOut, "DISCORD_API_BASE http://127.0.0.1:1") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

// serve --http --no-gateway answers interactions posted to its endpoint,
// signed with the application's key, and never opens the gateway.
func TestServeHTTPOnly(t *testing.T) {
	srv := discordtest.Start(t, discordtest.Options{})
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"DISCORD_TOKEN": srv.Token(), "DISCORD_API_BASE": srv.URL(), "DISCORD_PUBLIC_KEY": hex.EncodeToString(pub),
		"DATABASE_PATH": filepath.Join(t.TempDir(), "scores.db"), "ASK_COOLDOWN_SECONDS": "0"}
	_, out, addr := startServe(t, env, "interactions endpoint on http://", "serve", "--http", "127.0.0.1:0", "--no-gateway")

	if status, answer := askOverHTTP(t, srv, addr, priv, "大模型的训练过程是什么"); status != http.StatusOK || !strings.Contains(answer, "大模型的训练过程") {
		t.Errorf("status %d, answer %s", status, answer)
	}
	if n := len(srv.Identifies()); n != 0 {
		t.Errorf("%d IDENTIFYs without the gateway", n)
	}
	if !strings.Contains(out.String(), "interactions over HTTP only") {
		t.Errorf("status lines: %q", out.String())
	}
	// HTTP-only replicas share the database through the store: a second
	// one starts beside the first.
	startServe(t, env, "interactions endpoint on http://", "serve", "--http", "127.0.0.1:0", "--no-gateway")
}

func TestServeHTTPNeedsPublicKey(t *testing.T) {
	for _, tt := range []struct {
		env  map[string]string
		args []string
		want string
	}{
		{map[string]string{"DISCORD_TOKEN": "x"}, []string{"serve", "--http", ":0"}, "DISCORD_PUBLIC_KEY"},
		{map[string]string{"DISCORD_TOKEN": "x"}, []string{"serve", "--no-gateway"}, "--http"},
		{map[string]string{"DISCORD_TOKEN": "x", "DISCORD_PUBLIC_KEY": "abc"}, []string{"serve"}, "64 hex digits"},
	} {
		_, errOut, code := runCLI(t, "", tt.env, tt.args...)
		if code == 0 || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v %v: exit %d, %q; want it to name %s", tt.env, tt.args, code, errOut, tt.want)
		}
	}
}

// lockedBuffer is an io.Writer safe for the serve goroutine and the test.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

type fakeStats struct{ sections int }

func (f fakeStats) Stats() engine.Stats { return engine.Stats{Sections: f.sections} }

type fakeConn bool

func (f fakeConn) Connected() bool { return bool(f) }

// /readyz says what is missing: the corpus, the store, Discord.
func TestReadiness(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "scores.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := readiness(fakeStats{6}, db, fakeConn(true))(ctx); err != nil {
		t.Errorf("all up: %v", err)
	}
	for _, tt := range []struct {
		ready func(context.Context) error
		want  string
	}{
		{readiness(fakeStats{0}, db, fakeConn(true)), "corpus"},
		{readiness(fakeStats{6}, db, fakeConn(false)), "Discord"},
	} {
		if err := tt.ready(ctx); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("readiness = %v, want it to name the %s", err, tt.want)
		}
	}
	db.Close() // the store goes away
	if err := readiness(fakeStats{6}, db, fakeConn(true))(ctx); err == nil || !strings.Contains(err.Error(), "store") {
		t.Errorf("with the store closed: %v", err)
	}
}

// serve with METRICS_ADDR answers /healthz at once, /readyz once
// connected, and counts an answered /ask on /metrics.
func TestServeMetrics(t *testing.T) {
	srv := discordtest.Start(t, discordtest.Options{})
	env := map[string]string{"DISCORD_TOKEN": srv.Token(), "DISCORD_API_BASE": srv.URL(), "METRICS_ADDR": "127.0.0.1:0",
		"DATABASE_PATH": filepath.Join(t.TempDir(), "scores.db"), "ASK_COOLDOWN_SECONDS": "0"}
	ctx, _, addr := startServe(t, env, "health checks on http://", "serve")
	get := func(path string) (int, string) {
		resp, err := http.Get("http://" + addr + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	if code, _ := get("/healthz"); code != http.StatusOK {
		t.Errorf("/healthz = %d", code)
	}
	wctx, wcancel := context.WithTimeout(ctx, 10*time.Second)
	defer wcancel()
	if err := srv.Connected(wctx); err != nil {
		t.Fatal(err)
	}
	i := srv.CommandInteraction(discordtest.Actor{}, "ask", discordtest.StringOption("question", "什么是大模型"))
	if err := srv.DispatchInteraction(i); err != nil {
		t.Fatal(err)
	}
	if _, err := srv.WaitRequest(wctx, discordtest.Match("POST", "/interactions/*/*/callback")); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		code, _ := get("/readyz")
		_, body := get("/metrics")
		if code == http.StatusOK && strings.Contains(body, `startupqa_interactions_total{command="ask",outcome="ok"} 1`) &&
			strings.Contains(body, "startupqa_index_sections 6") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("/readyz %d; /metrics:\n%s", code, body)
		}
	}

	// Every metric the Grafana dashboard plots is one the bot exports.
	_, scraped := get("/metrics")
	if !strings.Contains(scraped, "startupqa_answer_cache_misses_total 1\n") {
		t.Errorf("/metrics does not count the one question searched:\n%s", scraped)
	}
	dashboard, err := os.ReadFile("../../deploy/grafana/startupqa.json")
	if err != nil {
		t.Fatal(err)
	}
	var dash struct {
		Panels []struct {
			Title   string
			Targets []struct{ Expr string }
		}
	}
	if err := json.Unmarshal(dashboard, &dash); err != nil {
		t.Fatalf("dashboard: %v", err)
	}
	names := regexp.MustCompile(`\b(startupqa|go|process)_[a-z_]+`)
	for _, p := range dash.Panels {
		for _, target := range p.Targets {
			for _, name := range names.FindAllString(target.Expr, -1) {
				if !strings.Contains(scraped, "# TYPE "+strings.TrimSuffix(name, "_bucket")+" ") {
					t.Errorf("panel %q plots %s, which /metrics lacks", p.Title, name)
				}
			}
		}
	}
}

func TestHealthcheckCommand(t *testing.T) {
	var ready atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/readyz" && !ready.Load() {
			http.Error(w, "not ready", http.StatusServiceUnavailable)
		}
	}))
	defer srv.Close()
	env := map[string]string{"METRICS_ADDR": strings.TrimPrefix(srv.URL, "http://")}
	if _, errOut, code := runCLI(t, "", env, "healthcheck"); code != 0 {
		t.Errorf("healthcheck: exit %d, %q", code, errOut)
	}
	if _, errOut, code := runCLI(t, "", env, "healthcheck", "--ready"); code != 1 || !strings.Contains(errOut, "503") {
		t.Errorf("healthcheck --ready while not ready: exit %d, %q", code, errOut)
	}
	ready.Store(true)
	if _, _, code := runCLI(t, "", env, "healthcheck", "--ready"); code != 0 {
		t.Errorf("healthcheck --ready when ready: exit %d", code)
	}
	if _, errOut, code := runCLI(t, "", nil, "healthcheck"); code != 2 || !strings.Contains(errOut, "METRICS_ADDR") {
		t.Errorf("without METRICS_ADDR: exit %d, %q", code, errOut)
	}
	srv.Close()
	if _, _, code := runCLI(t, "", env, "healthcheck"); code != 1 {
		t.Errorf("nothing listening: exit %d", code)
	}
}

// startServe runs startupqa with args (a serve) in the background until
// the test ends, then checks that it stopped cleanly. It waits for the
// status line that starts with marker and returns the host:port after it,
// with serve's context and its standard output.
func startServe(t *testing.T, env map[string]string, marker string, args ...string) (context.Context, *lockedBuffer, string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	out := &lockedBuffer{}
	go func() {
		lookup := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
		done <- run(ctx, args, strings.NewReader(""), out, io.Discard, lookup)
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; exitCode(err) != 0 {
			t.Errorf("serve: %v", err)
		}
	})
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		if _, rest, ok := strings.Cut(out.String(), marker); ok {
			addr, _, _ := strings.Cut(rest, "/")
			return ctx, out, addr
		}
		if time.Now().After(deadline) {
			t.Fatalf("no line %q in %q", marker, out.String())
		}
	}
}

// askOverHTTP posts an /ask of question, signed with priv as Discord
// signs, to the interactions endpoint at addr and returns the response's
// status and body.
func askOverHTTP(t *testing.T, srv *discordtest.Server, addr string, priv ed25519.PrivateKey, question string) (int, string) {
	t.Helper()
	i := srv.CommandInteraction(discordtest.Actor{}, "ask", discordtest.StringOption("question", question))
	body, err := srv.HTTPInteraction(i)
	if err != nil {
		t.Fatal(err)
	}
	stamp := strconv.FormatInt(time.Now().Unix(), 10)
	req, _ := http.NewRequest(http.MethodPost, "http://"+addr+"/", bytes.NewReader(body))
	req.Header.Set("X-Signature-Timestamp", stamp)
	req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(priv, append([]byte(stamp), body...))))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	answer, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(answer)
}
