package sqlstore

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/startupqa/startupqa"
)

// CreateQuick stores a quick round and its options and sets q.ID.
func (db *DB) CreateQuick(ctx context.Context, q *startupqa.QuickRound) error {
	if q == nil {
		return errors.New("create quick round: nil round")
	}
	var id int64
	err := db.write(ctx, func(tx tx) error {
		if err := tx.QueryRowContext(ctx, `INSERT INTO quick_rounds (guild_id, channel_id, section_id, lang, correct, expires_at)
VALUES (?, ?, ?, ?, ?, ?) RETURNING id`, q.GuildID, q.ChannelID, q.SectionID, q.Lang, q.Correct, millis(q.ExpiresAt)).Scan(&id); err != nil {
			return err
		}
		for i, o := range q.Options {
			if _, err := tx.ExecContext(ctx, `INSERT INTO quick_options (quick_id, position, text) VALUES (?, ?, ?)`, id, i, o); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("create quick round: %w", err)
	}
	q.ID = id
	return nil
}

// QuickRound returns a quick round, or an error wrapping ErrNotFound.
func (db *DB) QuickRound(ctx context.Context, id int64) (*startupqa.QuickRound, error) {
	q := &startupqa.QuickRound{ID: id}
	err := db.read(ctx, func(tx tx) error {
		var expires int64
		if err := tx.QueryRowContext(ctx, `SELECT guild_id, channel_id, section_id, lang, correct, expires_at FROM quick_rounds WHERE id = ?`, id).
			Scan(&q.GuildID, &q.ChannelID, &q.SectionID, &q.Lang, &q.Correct, &expires); err != nil {
			return err
		}
		q.ExpiresAt = fromMillis(expires)
		rows, err := tx.QueryContext(ctx, `SELECT text FROM quick_options WHERE quick_id = ? ORDER BY position`, id)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var o string
			if err := rows.Scan(&o); err != nil {
				return err
			}
			q.Options = append(q.Options, o)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("quick round %d: %w", id, db.roundErr(err, id))
	}
	return q, nil
}

// PickQuick records a member's pick in a quick round and reports whether
// it is their first: of two clicks at once, through any processes, one
// counts.
func (db *DB) PickQuick(ctx context.Context, id int64, userID string) (bool, error) {
	var n int64
	err := db.write(ctx, func(tx tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO quick_picks (quick_id, user_id) VALUES (?, ?)
ON CONFLICT (quick_id, user_id) DO NOTHING`, id, userID)
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	if err != nil {
		return false, fmt.Errorf("pick in quick round %d: %w", id, db.roundErr(err, id))
	}
	return n == 1, nil
}

// PruneQuick deletes the quick rounds that expired before a time, with
// their options and picks.
func (db *DB) PruneQuick(ctx context.Context, before time.Time) (int64, error) {
	var n int64
	err := db.write(ctx, func(tx tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM quick_rounds WHERE expires_at < ?`, millis(before))
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("prune quick rounds: %w", err)
	}
	return n, nil
}
