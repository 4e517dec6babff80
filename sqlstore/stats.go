package sqlstore

import (
	"context"
	"fmt"

	"github.com/startupqa/startupqa"
)

// MemberStats returns a member's figures in the guild: rounds and points
// over all attempts, every section attempted with its average score
// (lowest average first, then most attempts, then section id), and the
// current and best runs of consecutive attempts, by time, scoring at
// least streakThreshold. A member without attempts gets zero figures,
// not an error.
func (db *DB) MemberStats(ctx context.Context, guildID, userID string, streakThreshold float64) (*startupqa.MemberStats, error) {
	st := &startupqa.MemberStats{UserID: userID}
	err := db.read(ctx, func(tx tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(SUM(points), 0)
FROM attempts
WHERE guild_id = ? AND user_id = ?`, guildID, userID).Scan(&st.Rounds, &st.Points); err != nil {
			return err
		}
		if st.Rounds == 0 {
			return nil
		}

		rows, err := tx.QueryContext(ctx, `SELECT section_id, COUNT(*) AS n, AVG(score) AS avg_score
FROM attempts
WHERE guild_id = ? AND user_id = ?
GROUP BY section_id
ORDER BY avg_score, n DESC, section_id`, guildID, userID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var s startupqa.SectionScore
			if err := rows.Scan(&s.SectionID, &s.Attempts, &s.AvgScore); err != nil {
				return err
			}
			st.Sections = append(st.Sections, s)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		rows.Close()

		rows, err = tx.QueryContext(ctx, `SELECT score
FROM attempts
WHERE guild_id = ? AND user_id = ?
ORDER BY created_at, id`, guildID, userID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var score float64
			if err := rows.Scan(&score); err != nil {
				return err
			}
			if score >= streakThreshold {
				st.Streak++
				st.BestStreak = max(st.BestStreak, st.Streak)
			} else {
				st.Streak = 0
			}
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("member stats of %s in guild %s: %w", userID, guildID, err)
	}
	return st, nil
}
