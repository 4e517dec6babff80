package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"
)

// LeaseHeldError is returned (wrapped) when another process holds a lease.
type LeaseHeldError struct {
	Name, Holder string
	Expires      time.Time
}

func (e *LeaseHeldError) Error() string {
	return fmt.Sprintf("lease %q is held by %s until %s", e.Name, e.Holder, e.Expires.Format(time.RFC3339))
}

// AcquireLease takes the lease called name for holder until ttl from now:
// when nobody holds it, when its holder let it run out or is a process of
// this host that has ended (see ProcessHolder), or when holder has it
// already (a renewal). Otherwise it returns a *LeaseHeldError.
func (db *DB) AcquireLease(ctx context.Context, name, holder string, ttl time.Duration) error {
	err := db.write(ctx, func(tx tx) error {
		t := now()
		until := millis(t.Add(ttl))
		// Free, run out or ours: taken in one statement, so that two
		// processes racing for it cannot both win, whatever the
		// database's isolation.
		var got string
		err := tx.QueryRowContext(ctx, `INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?)
ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
WHERE leases.holder = excluded.holder OR leases.expires_at <= ?
RETURNING holder`, name, holder, until, millis(t)).Scan(&got)
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		var cur string
		var expires int64
		if err := tx.QueryRowContext(ctx, `SELECT holder, expires_at FROM leases WHERE name = ?`, name).Scan(&cur, &expires); err != nil {
			return err
		}
		held := &LeaseHeldError{Name: name, Holder: cur, Expires: fromMillis(expires)}
		if !goneHere(cur) {
			return held
		}
		// Its holder has ended: swap it out, unless someone else did
		// first.
		res, err := tx.ExecContext(ctx, `UPDATE leases SET holder = ?, expires_at = ? WHERE name = ? AND holder = ?`, holder, until, name, cur)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return held
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("acquire lease %s: %w", name, err)
	}
	return nil
}

// ReleaseLease gives up holder's lease, if it still has it, so that the
// next process need not wait for it to run out.
func (db *DB) ReleaseLease(ctx context.Context, name, holder string) error {
	err := db.write(ctx, func(tx tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM leases WHERE name = ? AND holder = ?`, name, holder)
		return err
	})
	if err != nil {
		return fmt.Errorf("release lease %s: %w", name, err)
	}
	return nil
}

// Lease is a lease that HoldLease keeps renewing.
type Lease struct {
	db           *DB
	name, holder string
	lost         chan struct{}
	stop         context.CancelFunc
	done         chan struct{}
	once         sync.Once
}

// HoldLease acquires the lease and renews it every third of ttl until
// Release. If a renewal finds another holder, or none succeeds before the
// lease runs out, Lost is closed: the holder must stop what the lease
// guards, since another process may be doing it.
func (db *DB) HoldLease(ctx context.Context, name, holder string, ttl time.Duration, log *slog.Logger) (*Lease, error) {
	if err := db.AcquireLease(ctx, name, holder, ttl); err != nil {
		return nil, err
	}
	ctx, stop := context.WithCancel(context.WithoutCancel(ctx))
	l := &Lease{db: db, name: name, holder: holder, lost: make(chan struct{}), stop: stop, done: make(chan struct{})}
	go l.renew(ctx, ttl, log)
	return l, nil
}

func (l *Lease) renew(ctx context.Context, ttl time.Duration, log *slog.Logger) {
	defer close(l.done)
	tick := time.NewTicker(ttl / 3)
	defer tick.Stop()
	deadline := time.Now().Add(ttl)
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		// A renewal may not outlive the lease: a connection that hangs
		// (a database gone silent) must not keep this process serving
		// what another may take over when the lease runs out.
		began := time.Now()
		rctx, cancel := context.WithDeadline(ctx, deadline)
		err := l.db.AcquireLease(rctx, l.name, l.holder, ttl)
		cancel()
		var held *LeaseHeldError
		switch {
		case err == nil:
			deadline = began.Add(ttl) // the expiry the store was given
			continue
		case ctx.Err() != nil:
			return
		case errors.As(err, &held):
			log.Error("lease taken over", "lease", l.name, "holder", held.Holder)
		case time.Now().Before(deadline):
			log.Warn("lease renewal failed; retrying", "lease", l.name, "err", err)
			continue
		default:
			log.Error("lease ran out: renewals failed", "lease", l.name, "err", err)
		}
		close(l.lost)
		return
	}
}

// Lost is closed when the lease is lost.
func (l *Lease) Lost() <-chan struct{} { return l.lost }

// Release stops renewing and gives the lease up.
func (l *Lease) Release(ctx context.Context) error {
	var err error
	l.once.Do(func() {
		l.stop()
		<-l.done
		err = l.db.ReleaseLease(ctx, l.name, l.holder)
	})
	return err
}
