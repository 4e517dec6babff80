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
	"sync/atomic"
	"time"

	msqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/startupqa/startupqa"
)

// ErrChallengeRunning is returned (wrapped) when a challenge would start,
// or be set running again, in a channel that already has a running one.
var ErrChallengeRunning = startupqa.ErrChallengeRunning

// ErrNotFound is returned (wrapped) when a challenge or schedule that a
// call names does not exist.
var ErrNotFound = errors.New("not found")

// ErrSchemaTooNew is returned (wrapped) by Open when the file was migrated
// by a newer version of the program than this one.
var ErrSchemaTooNew = errors.New("database schema is newer than this program")

// ErrReadOnly is returned (wrapped) by Open when the file cannot be
// written.
var ErrReadOnly = errors.New("database is read-only")

// busyTimeoutMS is how long a connection waits for a lock another
// connection (in practice another process) holds before SQLITE_BUSY.
const busyTimeoutMS = 10000

// DB is the store. It is safe for concurrent use.
type DB struct {
	w *sql.DB // the one writer connection; transactions BEGIN IMMEDIATE
	r *sql.DB // read-only connections
	// failures counts transactions that failed in the database itself
	// (I/O, locks, a full disk), not those refused by its rules.
	failures atomic.Int64
}

// Open opens the SQLite file at path, creating it if needed, and migrates
// its schema to the current version. The parent directory must exist.
func Open(ctx context.Context, path string) (*DB, error) {
	db, _, err := open(ctx, path, migrations)
	return db, err
}

// open is Open with a list of migrations; it also reports how many it
// applied.
func open(ctx context.Context, path string, list []string) (*DB, int, error) {
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
	applied, err := migrate(ctx, w, list)
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
	return &DB{w: w, r: r}, applied, nil
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

// Close closes the database. The last connection to close checkpoints the
// write-ahead log into the file.
func (db *DB) Close() error {
	err := errors.Join(db.r.Close(), db.w.Close())
	if err != nil {
		return fmt.Errorf("close database: %w", err)
	}
	return nil
}

// write runs fn in one write transaction and commits it, or rolls it back
// when fn fails.
func (db *DB) write(ctx context.Context, fn func(*sql.Tx) error) error {
	return db.count(db.tx(ctx, db.w, nil, fn, true))
}

// read runs fn in one read transaction, so that its queries see one
// snapshot.
func (db *DB) read(ctx context.Context, fn func(*sql.Tx) error) error {
	return db.count(db.tx(ctx, db.r, &sql.TxOptions{ReadOnly: true}, fn, false))
}

func (db *DB) tx(ctx context.Context, conn *sql.DB, opts *sql.TxOptions, fn func(*sql.Tx) error, commit bool) error {
	tx, err := conn.BeginTx(ctx, opts)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	if commit {
		return tx.Commit()
	}
	return nil
}

// count counts err as a failure of the database when it is one: the
// store's own refusals (a challenge already running, a row not found) and
// a caller's cancelled context are not.
func (db *DB) count(err error) error {
	if err != nil && sqliteCode(err) != 0 && !isUniqueViolation(err) && !isForeignKeyViolation(err) {
		db.failures.Add(1)
	}
	return err
}

// Failures is how many transactions failed in the database itself since
// Open: I/O errors, a full disk, a lock not released in time.
func (db *DB) Failures() int64 { return db.failures.Load() }

// Ping checks that the database answers.
func (db *DB) Ping(ctx context.Context) error {
	var one int
	return db.count(db.r.QueryRowContext(ctx, `SELECT 1`).Scan(&one))
}

// millis is t as UTC unix milliseconds.
func millis(t time.Time) int64 { return t.UnixMilli() }

// nullMillis is t as UTC unix milliseconds, NULL for the zero time.
func nullMillis(t time.Time) sql.NullInt64 {
	if t.IsZero() {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: t.UnixMilli(), Valid: true}
}

// fromMillis is the UTC time of unix milliseconds.
func fromMillis(ms int64) time.Time { return time.UnixMilli(ms).UTC() }

// fromNullMillis is fromMillis, the zero time for NULL.
func fromNullMillis(ms sql.NullInt64) time.Time {
	if !ms.Valid {
		return time.Time{}
	}
	return fromMillis(ms.Int64)
}

// now is the current time at the precision the store keeps.
func now() time.Time { return time.Now().UTC().Truncate(time.Millisecond) }

// sqliteCode is the extended result code of an SQLite error, 0 for other
// errors.
func sqliteCode(err error) int {
	var e *msqlite.Error
	if errors.As(err, &e) {
		return e.Code()
	}
	return 0
}

func isUniqueViolation(err error) bool {
	return sqliteCode(err) == sqlite3.SQLITE_CONSTRAINT_UNIQUE
}

func isForeignKeyViolation(err error) bool {
	return sqliteCode(err) == sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY
}

// eachChild runs query, whose rows are a parent's id followed by columns
// scanned into dest, and calls add with the parent's position in index for
// every row; rows of parents not in index are skipped. It loads the
// children of rows read before (an attempt's key points, a challenge's
// sections) in one query instead of one per parent.
func eachChild(ctx context.Context, tx *sql.Tx, index map[int64]int, query string, args, dest []any, add func(i int)) error {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var id int64
	scan := append([]any{&id}, dest...)
	for rows.Next() {
		if err := rows.Scan(scan...); err != nil {
			return err
		}
		if i, ok := index[id]; ok {
			add(i)
		}
	}
	return rows.Err()
}
