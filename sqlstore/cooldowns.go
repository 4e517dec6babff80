package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// TakeCooldown starts a member's cooldown of every from now, unless one
// is running: then it returns how long is left and starts nothing. Each
// process that serves some of a bot's shards keeps a member's cooldown in
// the one store, so that a member in servers of several shards waits the
// same everywhere. It is one statement: two processes taking the same
// member's cooldown at once cannot both succeed.
func (db *DB) TakeCooldown(ctx context.Context, userID string, now time.Time, every time.Duration) (time.Duration, error) {
	var wait time.Duration
	err := db.write(ctx, func(tx tx) error {
		var until int64
		err := tx.QueryRowContext(ctx, `INSERT INTO cooldowns (user_id, until) VALUES (?, ?)
ON CONFLICT (user_id) DO UPDATE SET until = excluded.until WHERE cooldowns.until <= ?
RETURNING until`, userID, millis(now.Add(every)), millis(now)).Scan(&until)
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if err := tx.QueryRowContext(ctx, `SELECT until FROM cooldowns WHERE user_id = ?`, userID).Scan(&until); err != nil {
			return err
		}
		wait = fromMillis(until).Sub(now)
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("take cooldown of %s: %w", userID, err)
	}
	return max(wait, 0), nil
}

// PruneCooldowns deletes the cooldowns that ended before a time.
func (db *DB) PruneCooldowns(ctx context.Context, before time.Time) (int64, error) {
	var n int64
	err := db.write(ctx, func(tx tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM cooldowns WHERE until < ?`, millis(before))
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("prune cooldowns: %w", err)
	}
	return n, nil
}
