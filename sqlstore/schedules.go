package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/startupqa/startupqa"
)

// PutSchedule stores the daily challenge of s's guild and channel,
// replacing the one there was. A zero LastRun keeps the stored one, so
// that changing the time of day does not make today's run happen twice.
// It does not check TimeOfDay or Timezone.
func (db *DB) PutSchedule(ctx context.Context, s startupqa.Schedule) error {
	err := db.write(ctx, func(tx tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO schedules (guild_id, channel_id, time_of_day, timezone, created_by, last_run)
VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (guild_id, channel_id) DO UPDATE SET
	time_of_day = excluded.time_of_day,
	timezone = excluded.timezone,
	created_by = excluded.created_by,
	last_run = COALESCE(excluded.last_run, schedules.last_run)`,
			s.GuildID, s.ChannelID, s.TimeOfDay, s.Timezone, s.CreatedBy, nullMillis(s.LastRun))
		return err
	})
	if err != nil {
		return fmt.Errorf("put schedule for %s/%s: %w", s.GuildID, s.ChannelID, err)
	}
	return nil
}

// DeleteSchedule deletes the schedule of the guild's channel and reports
// whether there was one.
func (db *DB) DeleteSchedule(ctx context.Context, guildID, channelID string) (bool, error) {
	var n int64
	err := db.write(ctx, func(tx tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM schedules WHERE guild_id = ? AND channel_id = ?`, guildID, channelID)
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	if err != nil {
		return false, fmt.Errorf("delete schedule for %s/%s: %w", guildID, channelID, err)
	}
	return n > 0, nil
}

// Schedules returns every schedule, by guild then channel.
func (db *DB) Schedules(ctx context.Context) ([]startupqa.Schedule, error) {
	rows, err := db.query(ctx, `SELECT guild_id, channel_id, time_of_day, timezone, created_by, last_run
FROM schedules
ORDER BY guild_id, channel_id`)
	if err != nil {
		return nil, fmt.Errorf("schedules: %w", err)
	}
	defer rows.Close()
	var out []startupqa.Schedule
	for rows.Next() {
		var (
			s       startupqa.Schedule
			lastRun sql.NullInt64
		)
		if err := rows.Scan(&s.GuildID, &s.ChannelID, &s.TimeOfDay, &s.Timezone, &s.CreatedBy, &lastRun); err != nil {
			return nil, fmt.Errorf("schedules: %w", err)
		}
		s.LastRun = fromNullMillis(lastRun)
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("schedules: %w", err)
	}
	return out, nil
}

// MarkScheduleRun records that the schedule of the guild's channel ran at
// at. An unknown schedule returns an error wrapping ErrNotFound.
func (db *DB) MarkScheduleRun(ctx context.Context, guildID, channelID string, at time.Time) error {
	err := db.write(ctx, func(tx tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE schedules SET last_run = ? WHERE guild_id = ? AND channel_id = ?`,
			nullMillis(at), guildID, channelID)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return ErrNotFound
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("mark schedule run for %s/%s: %w", guildID, channelID, err)
	}
	return nil
}

// ClaimScheduleRun records that the schedule of the guild's channel runs
// its slot now, and reports whether this call did so: false when the slot
// already ran (another process, or this one before a restart, claimed
// it) or the schedule is gone. It is a compare-and-set on the schedule's
// last run, so a slot fires once whichever processes are up.
func (db *DB) ClaimScheduleRun(ctx context.Context, guildID, channelID string, slot, now time.Time) (bool, error) {
	var n int64
	err := db.write(ctx, func(tx tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE schedules SET last_run = ?
WHERE guild_id = ? AND channel_id = ? AND (last_run IS NULL OR last_run < ?)`,
			millis(now), guildID, channelID, millis(slot))
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	if err != nil {
		return false, fmt.Errorf("claim schedule run for %s/%s: %w", guildID, channelID, err)
	}
	return n == 1, nil
}
