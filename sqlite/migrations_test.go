package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"github.com/startupqa/startupqa/sqlstore"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOpenFresh(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "fresh.db")
	db, applied, err := open(ctx, path, migrations)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if applied != len(migrations) {
		t.Errorf("applied %d migrations, want %d", applied, len(migrations))
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("file not created: %v", err)
	}
	if v := schemaVersion(t, db.r); v != len(migrations) {
		t.Errorf("schema version %d, want %d", v, len(migrations))
	}
	for _, table := range []string{"challenges", "challenge_sections", "attempts", "attempt_key_points", "schedules", "settings"} {
		if n := count(t, db, table); n != 0 {
			t.Errorf("%s has %d rows", table, n)
		}
	}

	// Both pools: WAL, foreign keys, busy timeout; only the readers are
	// read-only, only the writer is synchronous=NORMAL (1).
	for _, p := range []struct {
		name string
		db   *sql.DB
		want map[string]string
	}{
		{"writer", db.w, map[string]string{"journal_mode": "wal", "foreign_keys": "1", "busy_timeout": "10000", "query_only": "0", "synchronous": "1"}},
		{"reader", db.r, map[string]string{"journal_mode": "wal", "foreign_keys": "1", "busy_timeout": "10000", "query_only": "1"}},
	} {
		for pragma, want := range p.want {
			var got string
			if err := p.db.QueryRow("PRAGMA " + pragma).Scan(&got); err != nil {
				t.Fatalf("%s: PRAGMA %s: %v", p.name, pragma, err)
			}
			if got != want {
				t.Errorf("%s: PRAGMA %s = %s, want %s", p.name, pragma, got, want)
			}
		}
	}
	if _, err := db.r.Exec(`INSERT INTO settings (guild_id, name, value) VALUES ('g', 'k', 'v')`); err == nil {
		t.Error("a reader connection wrote")
	}
}

func schemaVersion(t testing.TB, db *sql.DB) int {
	t.Helper()
	var v int
	if err := db.QueryRow(`SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// appliedAt returns schema_version as version → applied_at.
func appliedAt(t testing.TB, db *sql.DB) map[int]int64 {
	t.Helper()
	rows, err := db.Query(`SELECT version, applied_at FROM schema_version`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	m := make(map[int]int64)
	for rows.Next() {
		var (
			v  int
			at int64
		)
		if err := rows.Scan(&v, &at); err != nil {
			t.Fatal(err)
		}
		m[v] = at
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestMigrations(t *testing.T) {
	ctx := context.Background()
	v1 := `CREATE TABLE a (x INTEGER NOT NULL); INSERT INTO a (x) VALUES (1);`
	v2 := `CREATE TABLE b (y TEXT NOT NULL); CREATE INDEX b_y ON b (y);`
	v3 := `ALTER TABLE a ADD COLUMN z TEXT;`
	broken := `CREATE TABLE c (x INTEGER); INSERT INTO nowhere VALUES (1);`

	type step struct {
		list    []string
		applied int
		version int    // after the step
		err     error  // wrapped by the step's error, nil for success
		errText string // in the error text
	}
	for _, tc := range []struct {
		name  string
		steps []step
	}{
		{"fresh then reopen applies nothing", []step{
			{list: []string{v1, v2}, applied: 2, version: 2},
			{list: []string{v1, v2}, applied: 0, version: 2},
			{list: []string{v1, v2}, applied: 0, version: 2},
		}},
		{"an upgrade applies only the new ones", []step{
			{list: []string{v1}, applied: 1, version: 1},
			{list: []string{v1, v2, v3}, applied: 2, version: 3},
		}},
		{"a newer schema is refused", []step{
			{list: []string{v1, v2, v3}, applied: 3, version: 3},
			{list: []string{v1, v2}, version: 3, err: sqlstore.ErrSchemaTooNew, errText: "schema version 3, this program knows up to 2"},
			{list: []string{v1, v2, v3}, applied: 0, version: 3},
		}},
		{"a failing migration is rolled back whole", []step{
			{list: []string{v1, broken, v3}, version: 1, errText: "migrate to version 2"},
			{list: []string{v1, v2, v3}, applied: 2, version: 3},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "m.db")
			var before map[int]int64
			for i, s := range tc.steps {
				db, applied, err := open(ctx, path, s.list)
				if s.err != nil || s.errText != "" {
					if err == nil {
						db.Close()
						t.Fatalf("step %d: no error", i)
					}
					if s.err != nil && !errors.Is(err, s.err) {
						t.Errorf("step %d: error %v, want %v", i, err, s.err)
					}
					if !strings.Contains(err.Error(), s.errText) {
						t.Errorf("step %d: error %q lacks %q", i, err, s.errText)
					}
					raw := rawOpen(t, path)
					if v := schemaVersion(t, raw); v != s.version {
						t.Errorf("step %d: schema version %d, want %d", i, v, s.version)
					}
					if s.version == 1 {
						// Nothing of the failed migration 2 is left.
						var n int
						if err := raw.QueryRow(`SELECT COUNT(*) FROM sqlite_master WHERE name = 'c'`).Scan(&n); err != nil {
							t.Fatal(err)
						}
						if n != 0 {
							t.Errorf("step %d: table c of the failed migration exists", i)
						}
					}
					raw.Close()
					continue
				}
				if err != nil {
					t.Fatalf("step %d: %v", i, err)
				}
				if applied != s.applied {
					t.Errorf("step %d: applied %d, want %d", i, applied, s.applied)
				}
				if v := schemaVersion(t, db.r); v != s.version {
					t.Errorf("step %d: schema version %d, want %d", i, v, s.version)
				}
				// Migrations that were there already were not run again:
				// their rows are as they were, and so is the data.
				now := appliedAt(t, db.r)
				for v, at := range before {
					if now[v] != at {
						t.Errorf("step %d: version %d applied again", i, v)
					}
				}
				before = now
				var n int
				if err := db.r.QueryRow(`SELECT COUNT(*) FROM a`).Scan(&n); err != nil {
					t.Fatal(err)
				}
				if n != 1 {
					t.Errorf("step %d: migration 1 ran %d times", i, n)
				}
				if err := db.Close(); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// rawOpen opens a file with no migration.
func rawOpen(t testing.TB, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func TestOpenRefusesFutureVersion(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "future.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	raw := rawOpen(t, path)
	if _, err := raw.Exec(`INSERT INTO schema_version (version, applied_at) VALUES (?, 0)`, len(migrations)+1); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	db, err = Open(ctx, path)
	if err == nil {
		db.Close()
		t.Fatal("opened a database newer than the code")
	}
	if !errors.Is(err, sqlstore.ErrSchemaTooNew) {
		t.Errorf("error %v does not wrap sqlstore.ErrSchemaTooNew", err)
	}
	t.Log(err)
}

func TestOpenBadPath(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	for _, path := range []string{
		"",
		":memory:",
		"file:x.db?mode=memory",
		filepath.Join(dir, "missing", "x.db"),
		dir, // a directory
	} {
		db, err := Open(ctx, path)
		if err == nil {
			db.Close()
			t.Errorf("Open(%q) succeeded", path)
			continue
		}
		t.Logf("Open(%q): %v", path, err)
	}
}

func TestOpenOddPath(t *testing.T) {
	// '?', '#' and '%' in the path stay part of the file name.
	dir := filepath.Join(t.TempDir(), "a?b#c%20d")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "odd ?.db")
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.PutSetting(context.Background(), "g", "k", "v"); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("database not at %s: %v", path, err)
	}
}
