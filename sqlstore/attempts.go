package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/startupqa/startupqa"
)

// Kinds of key points in attempt_key_points.
const (
	kindCovered = "covered"
	kindMissed  = "missed"
)

// RecordAttempt stores a graded answer and sets a.ID; a zero CreatedAt
// becomes now (in a too). When the user already has an attempt in the same challenge
// and round, a replaces it (keeping its ID): a member may improve an
// answer, and the caller decides how often. Solo attempts (ChallengeID 0)
// never replace one another. An unknown ChallengeID returns an error
// wrapping ErrNotFound.
func (db *DB) RecordAttempt(ctx context.Context, a *startupqa.Attempt) error {
	if a == nil {
		return errors.New("record attempt: nil attempt")
	}
	return db.recordAttempt(ctx, a, nil)
}

// RecordRoundAttempt is RecordAttempt for an answer to a challenge's
// round, stored only while the challenge runs that round: otherwise it
// returns an error wrapping startupqa.ErrRoundOver. It reads the
// challenge's row first and holds it (Dialect.ShareLock) until the answer
// is stored, so that a round's end waits for the answers being recorded
// and an answer after it sees the round over; answers to one round hold
// it together and do not wait for one another.
func (db *DB) RecordRoundAttempt(ctx context.Context, a *startupqa.Attempt) error {
	if a == nil || a.ChallengeID == 0 {
		return errors.New("record round attempt: no challenge")
	}
	return db.recordAttempt(ctx, a, func(tx tx) error {
		var one int
		err := tx.QueryRowContext(ctx, `SELECT 1 FROM challenges
WHERE id = ? AND round = ? AND state = 'running'`+db.d.ShareLock, a.ChallengeID, a.Round).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("challenge %d round %d: %w", a.ChallengeID, a.Round, startupqa.ErrRoundOver)
		}
		return err
	})
}

// recordAttempt stores a in one transaction, after check (if any) passed
// in it, and sets a's ID and CreatedAt.
func (db *DB) recordAttempt(ctx context.Context, a *startupqa.Attempt, check func(tx) error) error {
	stored := *a
	if stored.CreatedAt.IsZero() {
		stored.CreatedAt = now()
	}
	var id int64
	err := db.write(ctx, func(tx tx) error {
		if check != nil {
			if err := check(tx); err != nil {
				return err
			}
		}
		var err error
		id, err = insertAttempt(ctx, tx, &stored)
		return err
	})
	if err != nil {
		return fmt.Errorf("record attempt: %w", err)
	}
	a.ID, a.CreatedAt = id, stored.CreatedAt
	return nil
}

// RecordAttempts stores many graded answers in one transaction, as
// RecordAttempt stores one, and sets their IDs: an import, or a load
// test's seed. Either all are stored or none.
func (db *DB) RecordAttempts(ctx context.Context, as []startupqa.Attempt) error {
	ids := make([]int64, len(as))
	created := make([]time.Time, len(as))
	err := db.write(ctx, func(tx tx) error {
		for i := range as {
			a := as[i]
			if a.CreatedAt.IsZero() {
				a.CreatedAt = now()
			}
			id, err := insertAttempt(ctx, tx, &a)
			if err != nil {
				return fmt.Errorf("attempt %d: %w", i, err)
			}
			ids[i], created[i] = id, a.CreatedAt
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("record attempts: %w", err)
	}
	for i := range as {
		as[i].ID, as[i].CreatedAt = ids[i], created[i]
	}
	return nil
}

// insertAttempt inserts or replaces a and its key points in tx and returns
// its id.
func insertAttempt(ctx context.Context, tx tx, a *startupqa.Attempt) (int64, error) {
	challenge := sql.NullInt64{Int64: a.ChallengeID, Valid: a.ChallengeID != 0}
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO attempts
	(challenge_id, round, guild_id, channel_id, user_id, section_id, answer, score, points, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (challenge_id, round, user_id) WHERE challenge_id IS NOT NULL DO UPDATE SET
	guild_id = excluded.guild_id,
	channel_id = excluded.channel_id,
	section_id = excluded.section_id,
	answer = excluded.answer,
	score = excluded.score,
	points = excluded.points,
	created_at = excluded.created_at
RETURNING id`,
		challenge, a.Round, a.GuildID, a.ChannelID, a.UserID, a.SectionID, a.Answer, a.Score, a.Points,
		millis(a.CreatedAt)).Scan(&id)
	if tx.d.IsForeignKey(err) {
		return 0, fmt.Errorf("challenge %d: %w", a.ChallengeID, ErrNotFound)
	}
	if err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM attempt_key_points WHERE attempt_id = ?`, id); err != nil {
		return 0, err
	}
	// Key points go in multi-row INSERTs of at most pointsPerInsert rows:
	// SQLite takes at most 32,766 parameters in one statement, and a
	// section with 8,192 points would need 32,768.
	type row struct {
		kind     string
		position int
		name     string
	}
	var rows []row
	for _, list := range []struct {
		kind  string
		names []string
	}{{kindCovered, a.Covered}, {kindMissed, a.Missed}} {
		for i, name := range list.names {
			rows = append(rows, row{list.kind, i, name})
		}
	}
	for len(rows) > 0 {
		chunk := rows[:min(len(rows), pointsPerInsert)]
		rows = rows[len(chunk):]
		var q strings.Builder
		q.WriteString(`INSERT INTO attempt_key_points (attempt_id, kind, position, name) VALUES `)
		args := make([]any, 0, 4*len(chunk))
		for i, r := range chunk {
			if i > 0 {
				q.WriteString(", ")
			}
			q.WriteString("(?, ?, ?, ?)")
			args = append(args, id, r.kind, r.position, r.name)
		}
		if _, err := tx.execBuilt(ctx, q.String(), args...); err != nil {
			return 0, err
		}
	}
	return id, nil
}

// pointsPerInsert is how many key points one INSERT writes.
const pointsPerInsert = 1000

// Attempts returns the attempts of one round of a challenge, most points
// first, then earliest first.
func (db *DB) Attempts(ctx context.Context, challengeID int64, round int) ([]startupqa.Attempt, error) {
	var out []startupqa.Attempt
	err := db.read(ctx, func(tx tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, challenge_id, round, guild_id, channel_id, user_id, section_id,
	answer, score, points, created_at
FROM attempts
WHERE challenge_id = ? AND round = ?
ORDER BY points DESC, created_at, id`, challengeID, round)
		if err != nil {
			return err
		}
		defer rows.Close()
		index := make(map[int64]int)
		for rows.Next() {
			var (
				a         startupqa.Attempt
				challenge sql.NullInt64
				created   int64
			)
			if err := rows.Scan(&a.ID, &challenge, &a.Round, &a.GuildID, &a.ChannelID, &a.UserID, &a.SectionID,
				&a.Answer, &a.Score, &a.Points, &created); err != nil {
				return err
			}
			a.ChallengeID = challenge.Int64
			a.CreatedAt = fromMillis(created)
			index[a.ID] = len(out)
			out = append(out, a)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		rows.Close()
		if len(out) == 0 {
			return nil
		}

		var kind, name string
		return eachChild(ctx, tx, index, `SELECT k.attempt_id, k.kind, k.name
FROM attempt_key_points k JOIN attempts a ON a.id = k.attempt_id
WHERE a.challenge_id = ? AND a.round = ?
ORDER BY k.attempt_id, k.kind, k.position`, []any{challengeID, round}, []any{&kind, &name}, func(i int) {
			switch kind {
			case kindCovered:
				out[i].Covered = append(out[i].Covered, name)
			case kindMissed:
				out[i].Missed = append(out[i].Missed, name)
			}
		})
	})
	if err != nil {
		return nil, fmt.Errorf("attempts of challenge %d round %d: %w", challengeID, round, err)
	}
	return out, nil
}
