package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	_ "modernc.org/sqlite"
)

// TestStmtCacheWithOneConnection runs queries first met inside a
// transaction on a pool of one connection, as SQLite's writes are: the
// transaction holds the only connection, so preparing there would wait for
// ever. They run unprepared, are prepared once it ends, and run prepared
// the next time.
func TestStmtCacheWithOneConnection(t *testing.T) {
	pool, err := sql.Open("sqlite", filepath.Join(t.TempDir(), "stmts.db"))
	if err != nil {
		t.Fatal(err)
	}
	pool.SetMaxOpenConns(1)
	if _, err := pool.Exec(`CREATE TABLE t (n INTEGER)`); err != nil {
		t.Fatal(err)
	}
	db := New(pool, pool, &Dialect{Name: "SQLite", Prepare: true, IsFailure: func(error) bool { return false }})
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	insert, count := `INSERT INTO t (n) VALUES (?)`, `SELECT COUNT(*) FROM t WHERE n >= ?`
	for i := range 3 {
		err := db.write(ctx, func(tx tx) error {
			if _, err := tx.ExecContext(ctx, insert, i); err != nil {
				return err
			}
			var n int
			if err := tx.QueryRowContext(ctx, count, 0).Scan(&n); err != nil {
				return err
			}
			if n != i+1 {
				return fmt.Errorf("%d rows after %d inserts", n, i+1)
			}
			return nil
		})
		if err != nil {
			t.Fatalf("transaction %d: %v", i, err)
		}
		prepared := db.stmts.inTx(pool, insert) != nil
		if !prepared {
			t.Errorf("after transaction %d the insert is not prepared", i)
		}
	}
	var n int
	if err := db.queryRow(ctx, count, 1).Scan(&n); err != nil || n != 2 {
		t.Errorf("count outside a transaction = %d, %v; want 2", n, err)
	}
}

func TestStmtCacheIsBounded(t *testing.T) {
	pool, err := sql.Open("sqlite", filepath.Join(t.TempDir(), "stmts.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	var c stmtCache
	defer c.close()
	ctx := context.Background()
	if s := c.get(ctx, pool, "SELECT nonsense FROM nowhere"); s != nil || len(c.m) != 0 {
		t.Error("a statement that cannot be prepared was kept")
	}
	// After a failure, preparing rests for a while.
	if s := c.get(ctx, pool, "SELECT 1"); s != nil {
		t.Error("prepared right after a failure")
	}
	c.pause = time.Time{}
	for i := range maxStmts + 10 {
		q := fmt.Sprintf("SELECT %d", i)
		s := c.get(ctx, pool, q)
		if (s != nil) != (i < maxStmts) {
			t.Fatalf("statement %d prepared: %v", i, s != nil)
		}
	}
	if len(c.m) != maxStmts {
		t.Errorf("%d statements kept, want %d", len(c.m), maxStmts)
	}
}
