package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/startupqa/startupqa"
)

// RecordUnanswered logs a question the engine abstained on or answered
// with low confidence. No user id is kept: the log says what the group
// wants to learn, not who asked.
func (db *DB) RecordUnanswered(ctx context.Context, guildID, question string, confidence float64, at time.Time) error {
	err := db.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO unanswered (guild_id, question, confidence, created_at) VALUES (?, ?, ?, ?)`,
			guildID, question, confidence, millis(at))
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
	if limit <= 0 {
		limit = -1 // SQLite: no limit
	}
	rows, err := db.r.QueryContext(ctx, `SELECT question, COUNT(*) AS n, MAX(created_at) AS last
FROM unanswered WHERE `+where+`
GROUP BY question ORDER BY n DESC, last DESC, question LIMIT ?`, append(args, limit)...)
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
	err := db.write(ctx, func(tx *sql.Tx) error {
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
