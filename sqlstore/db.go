package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/startupqa/startupqa"
)

// ErrChallengeRunning is returned (wrapped) when a challenge would start,
// or be set running again, in a channel that already has a running one.
var ErrChallengeRunning = startupqa.ErrChallengeRunning

// ErrNotFound is returned (wrapped) when a challenge or schedule that a
// call names does not exist.
var ErrNotFound = startupqa.ErrNotFound

// ErrSchemaTooNew is returned (wrapped) when the database was migrated by
// a newer version of the program than this one.
var ErrSchemaTooNew = errors.New("database schema is newer than this program")

// Dialect is what differs between the databases the store runs on.
type Dialect struct {
	// Name names the database in messages: "SQLite", "PostgreSQL".
	Name string
	// Numbered is true when placeholders are $1, $2 … rather than ?.
	Numbered bool
	// Migrations are the schema's versions: Migrations[i] takes the
	// schema from version i to version i+1.
	Migrations []string
	// MigrationLock, when set, runs first in every migration's
	// transaction and holds until it ends, so that two processes that
	// start at once apply each migration once.
	MigrationLock string
	// ReadTx are the options of a read transaction: its queries must see
	// one snapshot.
	ReadTx sql.TxOptions
	// Prepare keeps the store's queries prepared (see stmtCache). pgx
	// already keeps every statement prepared on its connections, and
	// preparing through database/sql as well measured no faster there.
	Prepare bool
	// ShareLock ends a SELECT whose rows must not change until the
	// transaction ends, while other transactions may read and hold them
	// too: " FOR SHARE" on PostgreSQL; empty where write transactions
	// never interleave (SQLite's BEGIN IMMEDIATE).
	ShareLock string
	// NoLimit is the LIMIT argument that means no limit.
	NoLimit any
	// ResetIdentity, when set, is a statement (with %s for the table)
	// that moves a table's id generator past the ids Copy wrote.
	ResetIdentity string
	// IsUnique and IsForeignKey tell a violation of a unique or foreign
	// key constraint.
	IsUnique, IsForeignKey func(error) bool
	// IsFailure tells an error of the database itself (I/O, a lock not
	// released, a lost connection) from the store's own refusals and a
	// caller's cancelled context.
	IsFailure func(error) bool
}

// DB is the store. It is safe for concurrent use.
type DB struct {
	w, r *sql.DB // writes go through w, reads through r; they may be one pool
	d    *Dialect
	// unansweredCap is how many unanswered questions a guild keeps.
	unansweredCap int
	// failures counts transactions that failed in the database itself.
	failures atomic.Int64
	closers  []func() error
	stmts    stmtCache
}

// New returns the store over a database whose schema Migrate has brought
// up to date. Writes go through w and reads through r (which may be w).
// Close closes both and then runs closers.
func New(w, r *sql.DB, d *Dialect, closers ...func() error) *DB {
	db := &DB{w: w, r: r, d: d, unansweredCap: MaxUnansweredPerGuild, closers: closers}
	db.stmts.off = !d.Prepare
	return db
}

// Dialect names the database the store runs on.
func (db *DB) Dialect() string { return db.d.Name }

// Close closes the database.
func (db *DB) Close() error {
	errs := []error{db.stmts.close()}
	errs = append(errs, db.r.Close())
	if db.w != db.r {
		errs = append(errs, db.w.Close())
	}
	for _, c := range db.closers {
		errs = append(errs, c())
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("close database: %w", err)
	}
	return nil
}

// write runs fn in one write transaction and commits it, or rolls it back
// when fn fails.
func (db *DB) write(ctx context.Context, fn func(tx) error) error {
	return db.count(db.tx(ctx, db.w, nil, fn, true))
}

// read runs fn in one read transaction, so that its queries see one
// snapshot.
func (db *DB) read(ctx context.Context, fn func(tx) error) error {
	opts := db.d.ReadTx
	return db.count(db.tx(ctx, db.r, &opts, fn, false))
}

func (db *DB) tx(ctx context.Context, conn *sql.DB, opts *sql.TxOptions, fn func(tx) error, commit bool) error {
	err := db.inTx(ctx, conn, opts, fn, commit)
	if err == nil {
		db.stmts.prepareWanted(ctx, conn)
	}
	return err
}

func (db *DB) inTx(ctx context.Context, conn *sql.DB, opts *sql.TxOptions, fn func(tx) error, commit bool) error {
	t, err := conn.BeginTx(ctx, opts)
	if err != nil {
		return err
	}
	defer t.Rollback()
	if err := fn(tx{t, db.d, conn, &db.stmts}); err != nil {
		return err
	}
	if commit {
		return t.Commit()
	}
	return nil
}

// query runs a read outside a transaction: one statement sees one
// snapshot anyway.
func (db *DB) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	q = db.d.rebind(q)
	var rows *sql.Rows
	var err error
	if s := db.stmts.get(ctx, db.r, q); s != nil {
		rows, err = s.QueryContext(ctx, args...)
	} else {
		rows, err = db.r.QueryContext(ctx, q, args...)
	}
	return rows, db.count(err)
}

// queryRow is query for one row.
func (db *DB) queryRow(ctx context.Context, q string, args ...any) *sql.Row {
	q = db.d.rebind(q)
	if s := db.stmts.get(ctx, db.r, q); s != nil {
		return s.QueryRowContext(ctx, args...)
	}
	return db.r.QueryRowContext(ctx, q, args...)
}

// count counts err as a failure of the database when it is one, and
// marks it so (startupqa.ErrStoreUnavailable).
func (db *DB) count(err error) error {
	if err != nil && ctxErr(err) == nil && db.d.IsFailure(err) {
		db.failures.Add(1)
		return fmt.Errorf("%w: %w", startupqa.ErrStoreUnavailable, err)
	}
	return err
}

func ctxErr(err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return nil
}

// Failures is how many transactions failed in the database itself since
// the store was opened: I/O errors, a full disk, a lock not released in
// time, a lost connection.
func (db *DB) Failures() int64 { return db.failures.Load() }

// Ping checks that the database answers.
func (db *DB) Ping(ctx context.Context) error {
	var one int
	return db.count(db.r.QueryRowContext(ctx, `SELECT 1`).Scan(&one))
}

// tx is a transaction that writes its queries in the dialect's
// placeholders (the store's SQL is written with ?) and runs them as
// statements prepared once per connection.
type tx struct {
	*sql.Tx
	d     *Dialect
	pool  *sql.DB // the transaction's
	stmts *stmtCache
}

func (t tx) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	q = t.d.rebind(q)
	if s := t.stmts.inTx(t.pool, q); s != nil {
		return t.Tx.StmtContext(ctx, s).ExecContext(ctx, args...)
	}
	return t.Tx.ExecContext(ctx, q, args...)
}

// execBuilt runs a statement whose text is built from its data (a row
// per value), unprepared: kept, such texts would fill the statement cache
// with ones used once.
func (t tx) execBuilt(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return t.Tx.ExecContext(ctx, t.d.rebind(q), args...)
}

func (t tx) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	q = t.d.rebind(q)
	if s := t.stmts.inTx(t.pool, q); s != nil {
		return t.Tx.StmtContext(ctx, s).QueryContext(ctx, args...)
	}
	return t.Tx.QueryContext(ctx, q, args...)
}

func (t tx) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	q = t.d.rebind(q)
	if s := t.stmts.inTx(t.pool, q); s != nil {
		return t.Tx.StmtContext(ctx, s).QueryRowContext(ctx, args...)
	}
	return t.Tx.QueryRowContext(ctx, q, args...)
}

// rebind turns the ? placeholders of q into $1, $2 … where the dialect
// numbers them. The store's SQL has no ? inside string literals.
func (d *Dialect) rebind(q string) string {
	if !d.Numbered || !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 16)
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
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

// eachChild runs query, whose rows are a parent's id followed by columns
// scanned into dest, and calls add with the parent's position in index for
// every row; rows of parents not in index are skipped. It loads the
// children of rows read before (an attempt's key points, a challenge's
// sections) in one query instead of one per parent.
func eachChild(ctx context.Context, t tx, index map[int64]int, query string, args, dest []any, add func(i int)) error {
	rows, err := t.QueryContext(ctx, query, args...)
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
