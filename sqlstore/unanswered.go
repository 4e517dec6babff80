package sqlstore

import (
	"context"
	"fmt"
	"time"

	"github.com/startupqa/startupqa"
)

// MaxUnansweredPerGuild is how many questions the log keeps per server
// (and for DMs) unless SetUnansweredCap says otherwise: the newest. A
// server that floods the bot with questions then cannot fill the disk,
// and /unanswered reads at most this many rows.
const MaxUnansweredPerGuild = 10_000

// SetUnansweredCap sets how many questions the log keeps per server; it
// must be called before the store is used.
func (db *DB) SetUnansweredCap(n int) { db.unansweredCap = max(n, 1) }

// RecordUnanswered logs a question the engine abstained on or answered
// with low confidence, and drops the server's oldest past
// MaxUnansweredPerGuild. No user id is kept: the log says what the group
// wants to learn, not who asked.
func (db *DB) RecordUnanswered(ctx context.Context, guildID, question string, confidence float64, at time.Time) error {
	keep := db.unansweredCap
	err := db.write(ctx, func(tx tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO unanswered (guild_id, question, confidence, created_at) VALUES (?, ?, ?, ?)`,
			guildID, question, confidence, millis(at))
		if err != nil {
			return err
		}
		// The subquery walks the (guild_id, created_at) index from the
		// newest row; it finds nothing, and nothing is deleted, until
		// the server has more than keep.
		_, err = tx.ExecContext(ctx, `DELETE FROM unanswered WHERE guild_id = ? AND created_at < (
	SELECT created_at FROM unanswered WHERE guild_id = ? ORDER BY created_at DESC LIMIT 1 OFFSET ?)`,
			guildID, guildID, keep-1)
		return err
	})
	if err != nil {
		return fmt.Errorf("record unanswered question: %w", err)
	}
	return nil
}

// TopUnanswered lists the guild's most frequent unanswered questions since
// a time, most asked first.
func (db *DB) TopUnanswered(ctx context.Context, guildID string, since time.Time, limit int) ([]startupqa.Unanswered, error) {
	return db.topUnanswered(ctx, `guild_id = ? AND created_at >= ?`, []any{guildID, millis(since)}, limit)
}

// TopUnansweredAll is TopUnanswered over every server and DM: what a bot
// whose commands are global was asked.
func (db *DB) TopUnansweredAll(ctx context.Context, since time.Time, limit int) ([]startupqa.Unanswered, error) {
	return db.topUnanswered(ctx, `created_at >= ?`, []any{millis(since)}, limit)
}

func (db *DB) topUnanswered(ctx context.Context, where string, args []any, limit int) ([]startupqa.Unanswered, error) {
	var lim any = limit
	if limit <= 0 {
		lim = db.d.NoLimit
	}
	rows, err := db.query(ctx, `SELECT question, COUNT(*) AS n, MAX(created_at) AS last
FROM unanswered WHERE `+where+`
GROUP BY question ORDER BY n DESC, last DESC, question LIMIT ?`, append(args, lim)...)
	if err != nil {
		return nil, fmt.Errorf("top unanswered questions: %w", err)
	}
	defer rows.Close()
	var out []startupqa.Unanswered
	for rows.Next() {
		var u startupqa.Unanswered
		var last int64
		if err := rows.Scan(&u.Question, &u.Count, &last); err != nil {
			return nil, fmt.Errorf("top unanswered questions: %w", err)
		}
		u.Last = fromMillis(last)
		out = append(out, u)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("top unanswered questions: %w", err)
	}
	return out, nil
}

// PruneUnanswered deletes what was logged before a time (the retention
// setting) and says how much.
func (db *DB) PruneUnanswered(ctx context.Context, before time.Time) (int64, error) {
	var n int64
	err := db.write(ctx, func(tx tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM unanswered WHERE created_at < ?`, millis(before))
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("prune unanswered questions: %w", err)
	}
	return n, nil
}
