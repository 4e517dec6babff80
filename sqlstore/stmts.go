package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"sync"
	"time"
)

// maxStmts bounds the statements kept prepared. The store's queries are a
// few dozen fixed texts; those built from their data (tx.execBuilt) are
// never kept.
const maxStmts = 256

// stmtCache keeps the store's queries prepared, by pool and text. Parsing
// and planning a statement cost as much as running the small ones the
// store runs: with SQLite, an answer in a challenge spent an eighth of its
// CPU preparing. database/sql prepares a kept statement once on each
// connection that runs it, transactions included.
//
// A statement is prepared on its pool, which needs a free connection: a
// transaction may hold the pool's only one (SQLite writes through one), so
// a query first met in a transaction runs unprepared there and is prepared
// once the transaction has let its connection go (see prepareWanted).
type stmtCache struct {
	off    bool // nothing is prepared (Dialect.Prepare false)
	mu     sync.Mutex
	m      map[stmtKey]*sql.Stmt
	wanted map[stmtKey]bool // met in a transaction, not prepared yet
	// pause is when preparing may be tried again after it failed: with
	// the database away, every query would otherwise wait for two
	// connections that fail instead of one.
	pause time.Time
}

// prepareBackoff is how long preparing rests after it failed.
const prepareBackoff = 5 * time.Second

type stmtKey struct {
	pool *sql.DB
	q    string
}

// get returns q prepared on pool, or nil when it cannot be: the cache is
// full, or preparing failed (the caller then runs q unprepared, and sees
// the failure there, where it is counted).
func (c *stmtCache) get(ctx context.Context, pool *sql.DB, q string) *sql.Stmt {
	if c.off {
		return nil
	}
	if s, ok := c.cached(stmtKey{pool, q}, false); ok {
		return s
	}
	return c.prepare(ctx, stmtKey{pool, q})
}

// inTx returns q prepared on pool if it already is; otherwise it notes q
// for prepareWanted and returns nil.
func (c *stmtCache) inTx(pool *sql.DB, q string) *sql.Stmt {
	if c.off {
		return nil
	}
	s, _ := c.cached(stmtKey{pool, q}, true)
	return s
}

func (c *stmtCache) cached(k stmtKey, want bool) (*sql.Stmt, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if s, ok := c.m[k]; ok {
		return s, true
	}
	if want && len(c.m)+len(c.wanted) < maxStmts {
		if c.wanted == nil {
			c.wanted = map[stmtKey]bool{}
		}
		c.wanted[k] = true
	}
	return nil, false
}

func (c *stmtCache) prepare(ctx context.Context, k stmtKey) *sql.Stmt {
	c.mu.Lock()
	skip := len(c.m) >= maxStmts || time.Now().Before(c.pause)
	c.mu.Unlock()
	if skip {
		return nil
	}
	s, err := k.pool.PrepareContext(ctx, k.q)
	if err != nil {
		if ctx.Err() == nil {
			c.mu.Lock()
			c.pause = time.Now().Add(prepareBackoff)
			c.mu.Unlock()
		}
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if kept, ok := c.m[k]; ok {
		s.Close() // prepared at the same time elsewhere
		return kept
	}
	if c.m == nil {
		c.m = map[stmtKey]*sql.Stmt{}
	}
	c.m[k] = s
	return s
}

// prepareWanted prepares the queries that transactions on pool met
// unprepared. The caller holds no connection of pool.
func (c *stmtCache) prepareWanted(ctx context.Context, pool *sql.DB) {
	c.mu.Lock()
	var ks []stmtKey
	for k := range c.wanted {
		if k.pool == pool {
			ks = append(ks, k)
			delete(c.wanted, k)
		}
	}
	c.mu.Unlock()
	for _, k := range ks {
		c.prepare(ctx, k)
	}
}

// Prepared is how many statements the store keeps prepared.
func (db *DB) Prepared() int {
	db.stmts.mu.Lock()
	defer db.stmts.mu.Unlock()
	return len(db.stmts.m)
}

// close closes every statement kept.
func (c *stmtCache) close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	var errs []error
	for k, s := range c.m {
		errs = append(errs, s.Close())
		delete(c.m, k)
	}
	return errors.Join(errs...)
}
