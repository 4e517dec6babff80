package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	msqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/startupqa/startupqa/sqlstore"
)

// ErrReadOnly is returned (wrapped) by Open when the file cannot be
// written.
var ErrReadOnly = errors.New("database is read-only")

// busyTimeoutMS is how long a connection waits for a lock another
// connection (in practice another process) holds before SQLITE_BUSY.
const busyTimeoutMS = 10000

// dialect is SQLite's way with the store's SQL.
var dialect = sqlstore.Dialect{
	Name:       "SQLite",
	Migrations: migrations,
	Prepare:    true,
	// SQLite reads one snapshot in any transaction, and its driver
	// takes no isolation level.
	ReadTx:       sql.TxOptions{ReadOnly: true},
	NoLimit:      -1,
	IsUnique:     func(err error) bool { return sqliteCode(err) == sqlite3.SQLITE_CONSTRAINT_UNIQUE },
	IsForeignKey: func(err error) bool { return sqliteCode(err) == sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY },
	IsFailure: func(err error) bool {
		c := sqliteCode(err)
		return c != 0 && c != sqlite3.SQLITE_CONSTRAINT_UNIQUE && c != sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY
	},
}

// conn is a store with the pools it runs on, for the package's tests.
type conn struct {
	*sqlstore.DB
	w *sql.DB // the one writer connection; transactions BEGIN IMMEDIATE
	r *sql.DB // read-only connections
}

// Open opens the SQLite file at path, creating it if needed, and migrates
// its schema to the current version. The parent directory must exist.
func Open(ctx context.Context, path string) (*sqlstore.DB, error) {
	c, _, err := open(ctx, path, migrations)
	if err != nil {
		return nil, err
	}
	return c.DB, nil
}

// open is Open with a list of migrations; it also reports how many it
// applied.
func open(ctx context.Context, path string, list []string) (*conn, int, error) {
	if path == "" || path == ":memory:" || strings.HasPrefix(path, "file:") {
		return nil, 0, fmt.Errorf("open database: %q: want the path of a file", path)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, 0, fmt.Errorf("open database: %w", err)
	}
	// SQLite says only "unable to open database file (14)" when the
	// folder is missing.
	if info, err := os.Stat(filepath.Dir(abs)); err != nil || !info.IsDir() {
		return nil, 0, fmt.Errorf("open database %s: the folder %s does not exist; create it or set DATABASE_PATH", path, filepath.Dir(abs))
	}
	// A file: URI with the path escaped, so that a '?' or '#' in a
	// directory name stays part of the name.
	slashed := filepath.ToSlash(abs)
	if !strings.HasPrefix(slashed, "/") {
		slashed = "/" + slashed // C:/x on Windows
	}
	name := "file:" + (&url.URL{Path: slashed}).EscapedPath()
	common := fmt.Sprintf("_pragma=busy_timeout(%d)&_pragma=foreign_keys(1)", busyTimeoutMS)

	w, err := sql.Open("sqlite", name+"?"+common+
		"&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_txlock=immediate")
	if err != nil {
		return nil, 0, fmt.Errorf("open database %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)
	// SQLite keeps the old journal mode, without an error, where WAL is
	// impossible (some network file systems); readers would then block
	// the writer.
	var mode string
	if err := w.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil {
		w.Close()
		return nil, 0, fmt.Errorf("open database %s: %w", path, err)
	}
	if !strings.EqualFold(mode, "wal") {
		w.Close()
		return nil, 0, fmt.Errorf("open database %s: journal mode is %s, not WAL", path, mode)
	}
	d := dialect
	d.Migrations = list
	applied, err := sqlstore.Migrate(ctx, w, &d)
	if err == nil {
		err = probeWrite(ctx, w)
	}
	if err != nil {
		w.Close()
		if sqliteCode(err)&0xff == sqlite3.SQLITE_READONLY {
			return nil, 0, fmt.Errorf("open database %s: it is read-only for this user: make the file and its folder writable, or set DATABASE_PATH to another file: %w", path, ErrReadOnly)
		}
		return nil, 0, fmt.Errorf("open database %s: %w", path, err)
	}

	r, err := sql.Open("sqlite", name+"?"+common+"&_pragma=query_only(1)")
	if err != nil {
		w.Close()
		return nil, 0, fmt.Errorf("open database %s: %w", path, err)
	}
	readers := max(4, runtime.GOMAXPROCS(0))
	r.SetMaxOpenConns(readers)
	r.SetMaxIdleConns(readers)
	r.SetConnMaxLifetime(0)
	r.SetConnMaxIdleTime(0)
	if err := r.PingContext(ctx); err != nil {
		r.Close()
		w.Close()
		return nil, 0, fmt.Errorf("open database %s: %w", path, err)
	}
	return &conn{DB: sqlstore.New(w, r, &d), w: w, r: r}, applied, nil
}

// probeWrite writes and rolls back. SQLite opens a file it may not write
// read-only, without an error, and a migrated schema needs no write: every
// later write would fail instead.
func probeWrite(ctx context.Context, w *sql.DB) error {
	tx, err := w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	_, err = tx.ExecContext(ctx, `INSERT INTO schema_version (version, applied_at) VALUES (-1, 0)`)
	return err
}

// sqliteCode is the extended result code of an SQLite error, 0 for other
// errors.
func sqliteCode(err error) int {
	var e *msqlite.Error
	if errors.As(err, &e) {
		return e.Code()
	}
	return 0
}
