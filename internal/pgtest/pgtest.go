// Package pgtest gives tests a real PostgreSQL: the server named by
// STARTUPQA_TEST_DATABASE_URL (as .ci/run starts one), or else a
// throwaway server of its own, started from the PostgreSQL binaries
// installed on the machine (initdb into a temporary directory, a Unix
// socket, no TCP port) and stopped when the tests end. Each test gets its
// own schema, so tests run side by side on one server without seeing each
// other's rows.
//
// With neither a URL nor a server binary, Need skips the test with a loud
// message naming what to install.
package pgtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the pgx driver for database/sql
)

// EnvURL names the variable holding the URL of a server for the tests; a
// role that may create schemas.
const EnvURL = "STARTUPQA_TEST_DATABASE_URL"

var (
	mu      sync.Mutex
	started *Server // the server this process started, if any
	failed  error   // why starting one failed
)

// Need returns the URL of a fresh, empty schema on a test server, dropped
// when the test ends. It skips the test, loudly, when there is no server
// and none can be started.
func Need(t testing.TB) string {
	t.Helper()
	base, err := serverURL()
	if errors.Is(err, ErrNoBinaries) {
		t.Skipf("SKIPPING: no PostgreSQL for this test: set %s or install the server (apt-get install postgresql): %v", EnvURL, err)
	}
	if err != nil {
		t.Fatalf("PostgreSQL for the tests: %v", err)
	}
	schema := "t_" + strings.ToLower(rand.Text()[:12])
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		admin.Close()
		t.Fatalf("create schema on the test server: %v", err)
	}
	t.Cleanup(func() {
		defer admin.Close()
		if _, err := admin.ExecContext(context.Background(), "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Logf("drop schema %s: %v", schema, err)
		}
	})
	return WithSchema(base, schema)
}

// WithSchema returns u with every connection's search_path set to schema.
func WithSchema(u, schema string) string {
	p, err := url.Parse(u)
	if err != nil {
		return u
	}
	q := p.Query()
	q.Set("search_path", schema)
	p.RawQuery = q.Encode()
	return p.String()
}

// serverURL returns the URL of the tests' server, starting one once per
// process when EnvURL is unset.
func serverURL() (string, error) {
	if u := os.Getenv(EnvURL); u != "" {
		return u, nil
	}
	mu.Lock()
	defer mu.Unlock()
	if started == nil && failed == nil {
		started, failed = Start()
	}
	if failed != nil {
		return "", failed
	}
	return started.URL(), nil
}

// Stop stops the server this process started, if any. A package whose
// tests call Need stops it in TestMain:
//
//	func TestMain(m *testing.M) { code := m.Run(); pgtest.Stop(); os.Exit(code) }
func Stop() {
	mu.Lock()
	defer mu.Unlock()
	if started != nil {
		started.Stop()
		started = nil
	}
}

// ErrNoBinaries is returned (wrapped) when the machine has no PostgreSQL
// server binaries.
var ErrNoBinaries = errors.New("no PostgreSQL server binaries (initdb, pg_ctl)")

// Server is a PostgreSQL server in a temporary directory.
type Server struct {
	dir, bin string
	cred     *credential
}

// Start initialises a cluster in a new temporary directory and starts a
// server on a Unix socket there. As root it runs the server as the
// postgres user (or nobody), since PostgreSQL refuses to run as root.
func Start() (*Server, error) {
	bin, err := binDir()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "startupqa-pg-")
	if err != nil {
		return nil, err
	}
	s := &Server{dir: dir, bin: bin}
	if s.cred, err = serverUser(dir); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	data := filepath.Join(dir, "data")
	if out, err := s.run("initdb", "-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("initdb: %v\n%s", err, out)
	}
	// No TCP, the socket in dir; commits wait for no disk flush, as the
	// SQLite store's synchronous=NORMAL does not.
	opts := fmt.Sprintf("-k %s -c listen_addresses= -c synchronous_commit=off -c max_connections=200", dir)
	if out, err := s.run("pg_ctl", "start", "-w", "-t", "60", "-D", data, "-l", filepath.Join(dir, "log"), "-o", opts); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "log"))
		os.RemoveAll(dir)
		return nil, fmt.Errorf("pg_ctl start: %v\n%s\n%s", err, out, log)
	}
	return s, nil
}

// Attach returns the server Start started in dir, to stop it from
// another process.
func Attach(dir string) (*Server, error) {
	bin, err := binDir()
	if err != nil {
		return nil, err
	}
	cred, err := ownerOf(dir)
	if err != nil {
		return nil, err
	}
	return &Server{dir: dir, bin: bin, cred: cred}, nil
}

// URL is the server's URL, for the postgres role and database.
func (s *Server) URL() string {
	return "postgres://postgres@/postgres?host=" + url.QueryEscape(s.dir) + "&sslmode=disable"
}

// Dir is the directory holding the server's data, socket and log.
func (s *Server) Dir() string { return s.dir }

// Stop stops the server at once and removes its directory.
func (s *Server) Stop() error {
	_, err := s.run("pg_ctl", "stop", "-w", "-t", "30", "-m", "immediate", "-D", filepath.Join(s.dir, "data"))
	return errors.Join(err, os.RemoveAll(s.dir))
}

func (s *Server) run(name string, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, filepath.Join(s.bin, name), args...)
	cmd.Dir = s.dir
	s.cred.apply(cmd)
	return cmd.CombinedOutput()
}

// binDir finds the server binaries: PG_BIN, or the newest version under
// /usr/lib/postgresql (Debian's layout), or pg_config's bindir.
func binDir() (string, error) {
	ok := func(dir string) bool {
		_, err1 := os.Stat(filepath.Join(dir, "initdb"))
		_, err2 := os.Stat(filepath.Join(dir, "pg_ctl"))
		return err1 == nil && err2 == nil
	}
	if dir := os.Getenv("PG_BIN"); dir != "" {
		if ok(dir) {
			return dir, nil
		}
		return "", fmt.Errorf("PG_BIN=%s holds no initdb and pg_ctl: %w", dir, ErrNoBinaries)
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	slices.SortFunc(dirs, func(a, b string) int { return versionOf(b) - versionOf(a) })
	for _, d := range dirs {
		if ok(d) {
			return d, nil
		}
	}
	if out, err := exec.Command("pg_config", "--bindir").Output(); err == nil {
		if d := strings.TrimSpace(string(out)); ok(d) {
			return d, nil
		}
	}
	return "", ErrNoBinaries
}

func versionOf(binDir string) int {
	var v int
	fmt.Sscanf(filepath.Base(filepath.Dir(binDir)), "%d", &v)
	return v
}
