package sqlite

import (
	"context"
	"database/sql"
	"fmt"
)

// migrations are the schema's versions: migrations[i] takes the schema
// from version i to version i+1, in its own transaction. Append to the
// list; never edit or reorder an entry that has been released.
var migrations = []string{
	// 1: challenges and the sections they ask, one per round.
	`CREATE TABLE challenges (
	id            INTEGER PRIMARY KEY,
	guild_id      TEXT    NOT NULL,
	channel_id    TEXT    NOT NULL,
	starter_id    TEXT    NOT NULL,
	topic         TEXT    NOT NULL,
	seconds       INTEGER NOT NULL,
	round         INTEGER NOT NULL,
	state         TEXT    NOT NULL CHECK (state IN ('running', 'ended')),
	round_ends_at INTEGER,
	started_at    INTEGER NOT NULL,
	updated_at    INTEGER NOT NULL
);
CREATE UNIQUE INDEX challenges_one_running ON challenges (channel_id) WHERE state = 'running';
CREATE TABLE challenge_sections (
	challenge_id INTEGER NOT NULL REFERENCES challenges (id) ON DELETE CASCADE,
	position     INTEGER NOT NULL,
	section_id   TEXT    NOT NULL,
	PRIMARY KEY (challenge_id, position)
);`,

	// 2: attempts and the key points each covered and missed.
	`CREATE TABLE attempts (
	id           INTEGER PRIMARY KEY,
	challenge_id INTEGER REFERENCES challenges (id),
	round        INTEGER NOT NULL,
	guild_id     TEXT    NOT NULL,
	channel_id   TEXT    NOT NULL,
	user_id      TEXT    NOT NULL,
	section_id   TEXT    NOT NULL,
	answer       TEXT    NOT NULL,
	score        REAL    NOT NULL,
	points       INTEGER NOT NULL,
	created_at   INTEGER NOT NULL
);
CREATE UNIQUE INDEX attempts_one_per_round ON attempts (challenge_id, round, user_id) WHERE challenge_id IS NOT NULL;
CREATE INDEX attempts_guild_time ON attempts (guild_id, created_at, user_id, points);
CREATE INDEX attempts_guild_user ON attempts (guild_id, user_id, created_at, score, points, section_id);
CREATE TABLE attempt_key_points (
	attempt_id INTEGER NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
	kind       TEXT    NOT NULL CHECK (kind IN ('covered', 'missed')),
	position   INTEGER NOT NULL,
	name       TEXT    NOT NULL,
	PRIMARY KEY (attempt_id, kind, position)
);`,

	// 3: daily challenges, one per guild and channel.
	`CREATE TABLE schedules (
	guild_id    TEXT NOT NULL,
	channel_id  TEXT NOT NULL,
	time_of_day TEXT NOT NULL,
	timezone    TEXT NOT NULL,
	created_by  TEXT NOT NULL,
	last_run    INTEGER,
	PRIMARY KEY (guild_id, channel_id)
);`,

	// 4: per-server settings.
	`CREATE TABLE settings (
	guild_id TEXT NOT NULL,
	name     TEXT NOT NULL,
	value    TEXT NOT NULL,
	PRIMARY KEY (guild_id, name)
);`,
	// 5: questions the engine could not answer well, without user ids.
	`CREATE TABLE unanswered (
	id INTEGER PRIMARY KEY,
	guild_id TEXT NOT NULL,
	question TEXT NOT NULL,
	confidence REAL NOT NULL,
	created_at INTEGER NOT NULL
);
CREATE INDEX unanswered_guild_time ON unanswered (guild_id, created_at, question);`,
	// 6: who runs the bot on this file (see HoldLease).
	`CREATE TABLE leases (
	name       TEXT PRIMARY KEY,
	holder     TEXT NOT NULL,
	expires_at INTEGER NOT NULL
);`,
}

// migrate brings the schema of db up to len(list), one migration per
// transaction, and reports how many it applied. It refuses a schema newer
// than the list. Each transaction reads the version again, so two
// processes opening the same file at once apply each migration once.
func migrate(ctx context.Context, db *sql.DB, list []string) (applied int, err error) {
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
	version    INTEGER PRIMARY KEY,
	applied_at INTEGER NOT NULL
)`); err != nil {
		return 0, fmt.Errorf("migrate: %w", err)
	}
	for {
		done, err := migrateOne(ctx, db, list)
		if err != nil {
			return applied, err
		}
		if done {
			return applied, nil
		}
		applied++
	}
}

// migrateOne applies the next migration, if any, in one transaction.
func migrateOne(ctx context.Context, db *sql.DB, list []string) (done bool, err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("migrate: %w", err)
	}
	defer tx.Rollback()
	var version int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&version); err != nil {
		return false, fmt.Errorf("migrate: read schema version: %w", err)
	}
	switch {
	case version > len(list):
		return false, fmt.Errorf("migrate: schema version %d, this program knows up to %d: %w", version, len(list), ErrSchemaTooNew)
	case version == len(list):
		return true, nil
	}
	next := version + 1
	if _, err := tx.ExecContext(ctx, list[version]); err != nil {
		return false, fmt.Errorf("migrate to version %d: %w", next, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version, applied_at) VALUES (?, ?)`, next, millis(now())); err != nil {
		return false, fmt.Errorf("migrate to version %d: %w", next, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("migrate to version %d: %w", next, err)
	}
	return false, nil
}
