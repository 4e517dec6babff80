package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/startupqa/startupqa"
)

// CreateChallenge stores a new challenge and its sections and sets c.ID.
// An empty State becomes running; a zero StartedAt becomes now and a zero
// UpdatedAt becomes StartedAt (and c is updated to match). When c is
// running and its channel already has a running challenge, it stores
// nothing, leaves c alone and returns an error wrapping
// ErrChallengeRunning; a partial unique index enforces that.
func (db *DB) CreateChallenge(ctx context.Context, c *startupqa.Challenge) error {
	if c == nil {
		return errors.New("create challenge: nil challenge")
	}
	orig := *c
	if c.State == "" {
		c.State = startupqa.ChallengeRunning
	}
	if c.StartedAt.IsZero() {
		c.StartedAt = now()
	}
	if c.UpdatedAt.IsZero() {
		c.UpdatedAt = c.StartedAt
	}
	var id int64
	err := db.write(ctx, func(tx tx) error {
		err := tx.QueryRowContext(ctx, `INSERT INTO challenges
	(guild_id, channel_id, starter_id, topic, lang, seconds, round, state, round_ends_at, started_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
RETURNING id`,
			c.GuildID, c.ChannelID, c.StarterID, c.Topic, c.Lang, c.Seconds, c.Round, string(c.State),
			nullMillis(c.RoundEndsAt), millis(c.StartedAt), millis(c.UpdatedAt)).Scan(&id)
		if db.d.IsUnique(err) {
			return fmt.Errorf("channel %s: %w", c.ChannelID, ErrChallengeRunning)
		}
		if err != nil {
			return err
		}
		for i, s := range c.Sections {
			if _, err := tx.ExecContext(ctx, `INSERT INTO challenge_sections (challenge_id, position, section_id) VALUES (?, ?, ?)`,
				id, i, s); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		*c = orig
		return fmt.Errorf("create challenge: %w", err)
	}
	c.ID = id
	return nil
}

// UpdateChallenge stores c's Round, State, RoundEndsAt and UpdatedAt (a
// zero UpdatedAt becomes now). Setting an ended challenge running again
// in a channel that has a running one returns an error wrapping
// ErrChallengeRunning; an unknown ID one wrapping ErrNotFound.
func (db *DB) UpdateChallenge(ctx context.Context, c *startupqa.Challenge) error {
	if c == nil {
		return errors.New("update challenge: nil challenge")
	}
	updated := c.UpdatedAt
	if updated.IsZero() {
		updated = now()
	}
	err := db.write(ctx, func(tx tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE challenges
SET round = ?, state = ?, round_ends_at = ?, updated_at = ?
WHERE id = ?`,
			c.Round, string(c.State), nullMillis(c.RoundEndsAt), millis(updated), c.ID)
		if db.d.IsUnique(err) {
			return fmt.Errorf("channel %s: %w", c.ChannelID, ErrChallengeRunning)
		}
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return fmt.Errorf("challenge %d: %w", c.ID, ErrNotFound)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("update challenge: %w", err)
	}
	c.UpdatedAt = updated
	return nil
}

// Challenge returns the challenge with the id, or an error wrapping
// ErrNotFound.
func (db *DB) Challenge(ctx context.Context, id int64) (*startupqa.Challenge, error) {
	cs, err := db.challenges(ctx, `c.id = ?`, id)
	if err != nil {
		return nil, fmt.Errorf("challenge %d: %w", id, err)
	}
	if len(cs) == 0 {
		return nil, fmt.Errorf("challenge %d: %w", id, ErrNotFound)
	}
	return &cs[0], nil
}

// RunningChallenge returns the running challenge in the channel, or nil
// and no error when there is none.
func (db *DB) RunningChallenge(ctx context.Context, channelID string) (*startupqa.Challenge, error) {
	cs, err := db.challenges(ctx, `c.channel_id = ? AND c.state = 'running'`, channelID)
	if err != nil {
		return nil, fmt.Errorf("running challenge in %s: %w", channelID, err)
	}
	if len(cs) == 0 {
		return nil, nil
	}
	return &cs[0], nil
}

// RunningChallenges returns every running challenge, oldest first, so
// that the bot can resume them after a restart.
func (db *DB) RunningChallenges(ctx context.Context) ([]startupqa.Challenge, error) {
	cs, err := db.challenges(ctx, `c.state = 'running'`)
	if err != nil {
		return nil, fmt.Errorf("running challenges: %w", err)
	}
	return cs, nil
}

// challenges returns the challenges c that match where, oldest first, with
// their sections, read in one snapshot.
func (db *DB) challenges(ctx context.Context, where string, args ...any) ([]startupqa.Challenge, error) {
	var out []startupqa.Challenge
	err := db.read(ctx, func(tx tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT c.id, c.guild_id, c.channel_id, c.starter_id, c.topic, c.lang, c.seconds,
	c.round, c.state, c.round_ends_at, c.started_at, c.updated_at
FROM challenges c
WHERE `+where+`
ORDER BY c.started_at, c.id`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		index := make(map[int64]int)
		for rows.Next() {
			var (
				c                  startupqa.Challenge
				state              string
				roundEnds          sql.NullInt64
				started, updatedAt int64
			)
			if err := rows.Scan(&c.ID, &c.GuildID, &c.ChannelID, &c.StarterID, &c.Topic, &c.Lang, &c.Seconds,
				&c.Round, &state, &roundEnds, &started, &updatedAt); err != nil {
				return err
			}
			c.State = startupqa.ChallengeState(state)
			c.RoundEndsAt = fromNullMillis(roundEnds)
			c.StartedAt = fromMillis(started)
			c.UpdatedAt = fromMillis(updatedAt)
			index[c.ID] = len(out)
			out = append(out, c)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		rows.Close()
		if len(out) == 0 {
			return nil
		}

		// The same condition again, as a subquery: SQLite then reads the
		// running challenges from their partial index rather than every
		// section of every challenge.
		var section string
		return eachChild(ctx, tx, index, `SELECT s.challenge_id, s.section_id
FROM challenge_sections s
WHERE s.challenge_id IN (SELECT c.id FROM challenges c WHERE `+where+`)
ORDER BY s.challenge_id, s.position`, args, []any{&section}, func(i int) {
			out[i].Sections = append(out[i].Sections, section)
		})
	})
	return out, err
}
