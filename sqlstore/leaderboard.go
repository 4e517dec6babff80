package sqlstore

import (
	"context"
	"fmt"
	"time"

	"github.com/startupqa/startupqa"
)

// Leaderboard ranks the guild's members by the points of their attempts
// in the period that contains now: the ISO week (from Monday 00:00 UTC),
// the calendar month (UTC), or all time. Ties go to more rounds, then to
// the smaller user id. limit <= 0 means no limit.
func (db *DB) Leaderboard(ctx context.Context, guildID string, period startupqa.Period, now time.Time, limit int) ([]startupqa.Standing, error) {
	q := `SELECT user_id, SUM(points) AS total, COUNT(*) AS rounds
FROM attempts
WHERE guild_id = ?`
	args := []any{guildID}
	if period != startupqa.PeriodAll {
		from, to, err := periodBounds(period, now)
		if err != nil {
			return nil, fmt.Errorf("leaderboard: %w", err)
		}
		q += ` AND created_at >= ? AND created_at < ?`
		args = append(args, from, to)
	}
	// All time has no time condition: SQLite then groups in the order of
	// the (guild_id, user_id, …) index, 2.5 times as fast as a range over
	// every time.
	q += `
GROUP BY user_id
ORDER BY total DESC, rounds DESC, user_id`
	if limit > 0 {
		q += "\nLIMIT ?"
		args = append(args, limit)
	}
	rows, err := db.query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("leaderboard: %w", err)
	}
	defer rows.Close()
	var out []startupqa.Standing
	for rows.Next() {
		var s startupqa.Standing
		if err := rows.Scan(&s.UserID, &s.Points, &s.Rounds); err != nil {
			return nil, fmt.Errorf("leaderboard: %w", err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("leaderboard: %w", err)
	}
	return out, nil
}

// periodBounds returns the week or month containing now as [from, to) in
// unix milliseconds.
func periodBounds(period startupqa.Period, now time.Time) (from, to int64, err error) {
	now = now.UTC()
	switch period {
	case startupqa.PeriodWeek:
		day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
		// Weekday counts from Sunday; the ISO week starts on Monday.
		start := day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7))
		return millis(start), millis(start.AddDate(0, 0, 7)), nil
	case startupqa.PeriodMonth:
		start := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC)
		return millis(start), millis(start.AddDate(0, 1, 0)), nil
	}
	return 0, 0, fmt.Errorf("unknown period %q", period)
}

// ResetLeaderboard deletes the guild's attempts, with their key points,
// and nothing else: challenges, schedules, settings and other guilds stay.
func (db *DB) ResetLeaderboard(ctx context.Context, guildID string) error {
	err := db.write(ctx, func(tx tx) error {
		// The key points go by ON DELETE CASCADE.
		_, err := tx.ExecContext(ctx, `DELETE FROM attempts WHERE guild_id = ?`, guildID)
		return err
	})
	if err != nil {
		return fmt.Errorf("reset leaderboard of guild %s: %w", guildID, err)
	}
	return nil
}
