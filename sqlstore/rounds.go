package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/startupqa/startupqa"
)

// JoinRound records that a member joined a round of a challenge (pressed
// Answer) and returns how many answers they gave in it so far.
func (db *DB) JoinRound(ctx context.Context, challengeID int64, round int, userID string) (int, error) {
	var n int
	err := db.write(ctx, func(tx tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO round_players (challenge_id, round, user_id) VALUES (?, ?, ?)
ON CONFLICT (challenge_id, round, user_id) DO NOTHING`, challengeID, round, userID); err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, `SELECT submissions FROM round_players WHERE challenge_id = ? AND round = ? AND user_id = ?`,
			challengeID, round, userID).Scan(&n)
	})
	if err != nil {
		return 0, fmt.Errorf("join round %d of challenge %d: %w", round, challengeID, db.roundErr(err, challengeID))
	}
	return n, nil
}

// CountSubmission counts an answer of a member in a round, unless they
// gave max already: then it reports false. It is one statement, so two
// replicas taking a member's answers at once cannot both pass the cap.
func (db *DB) CountSubmission(ctx context.Context, challengeID int64, round int, userID string, max int) (bool, error) {
	counted := false
	err := db.write(ctx, func(tx tx) error {
		var n int
		err := tx.QueryRowContext(ctx, `INSERT INTO round_players (challenge_id, round, user_id, submissions) VALUES (?, ?, ?, 1)
ON CONFLICT (challenge_id, round, user_id) DO UPDATE SET submissions = round_players.submissions + 1
WHERE round_players.submissions < ?
RETURNING submissions`, challengeID, round, userID, max).Scan(&n)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		counted = err == nil
		return err
	})
	if err != nil {
		return false, fmt.Errorf("count an answer in round %d of challenge %d: %w", round, challengeID, db.roundErr(err, challengeID))
	}
	return counted, nil
}

// TakeHint counts a hint a member took in a round and returns how many
// they took before it.
func (db *DB) TakeHint(ctx context.Context, challengeID int64, round int, userID string) (int, error) {
	var n int
	err := db.write(ctx, func(tx tx) error {
		return tx.QueryRowContext(ctx, `INSERT INTO round_players (challenge_id, round, user_id, hints) VALUES (?, ?, ?, 1)
ON CONFLICT (challenge_id, round, user_id) DO UPDATE SET hints = round_players.hints + 1
RETURNING hints`, challengeID, round, userID).Scan(&n)
	})
	if err != nil {
		return 0, fmt.Errorf("take a hint in round %d of challenge %d: %w", round, challengeID, db.roundErr(err, challengeID))
	}
	return n - 1, nil
}

// RoundStanding counts, for userID's answer to a round, the other members
// who joined the challenge up to that round and those who answered it, and
// returns the hints userID took in it. It counts in the database: a round
// of hundreds of members answers each of them without reading them all.
func (db *DB) RoundStanding(ctx context.Context, challengeID int64, round int, userID string) (startupqa.RoundStanding, error) {
	var s startupqa.RoundStanding
	err := db.queryRow(ctx, `SELECT
  COUNT(DISTINCT CASE WHEN round <= ? AND user_id <> ? THEN user_id END),
  COUNT(DISTINCT CASE WHEN round = ? AND submissions > 0 AND user_id <> ? THEN user_id END),
  COALESCE(MAX(CASE WHEN round = ? AND user_id = ? THEN hints END), 0)
FROM round_players WHERE challenge_id = ? AND user_id <> ?`,
		round, userID, round, userID, round, userID, challengeID, startupqa.FirstCompleteClaim).Scan(&s.Joined, &s.Answered, &s.Hints)
	if err != nil {
		return s, fmt.Errorf("standing in round %d of challenge %d: %w", round, challengeID, err)
	}
	return s, nil
}

// AdvanceRound stores c's Round, State, RoundEndsAt and UpdatedAt if the
// challenge is still running its round from, and reports whether it did:
// of several processes ending one round (its timer, a skip, the last
// answer), one moves it on and the others learn that it has moved.
func (db *DB) AdvanceRound(ctx context.Context, c *startupqa.Challenge, from int) (bool, error) {
	var n int64
	err := db.write(ctx, func(tx tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE challenges SET round = ?, state = ?, round_ends_at = ?, updated_at = ?
WHERE id = ? AND round = ? AND state = 'running'`,
			c.Round, string(c.State), nullMillis(c.RoundEndsAt), millis(c.UpdatedAt), c.ID, from)
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	if err != nil {
		return false, fmt.Errorf("advance challenge %d from round %d: %w", c.ID, from, err)
	}
	return n == 1, nil
}

// roundErr names a missing challenge as ErrNotFound.
func (db *DB) roundErr(err error, challengeID int64) error {
	if err != nil && (errors.Is(err, sql.ErrNoRows) || db.d.IsForeignKey(err)) {
		return fmt.Errorf("challenge %d: %w", challengeID, ErrNotFound)
	}
	return err
}
