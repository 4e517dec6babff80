package sqlite

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
	// 7: cooldowns that hold across processes (shards over one database).
	`CREATE TABLE cooldowns (
	user_id TEXT PRIMARY KEY,
	until   INTEGER NOT NULL
);`,
	// 8: the language a challenge is played in, so that a restart
	// resumes it in that language.
	`ALTER TABLE challenges ADD COLUMN lang TEXT NOT NULL DEFAULT ''`,
	// 9: who plays each round of a challenge, so that any process
	// can serve its clicks: submissions and hints per member.
	`CREATE TABLE round_players (
	challenge_id INTEGER  NOT NULL REFERENCES challenges (id) ON DELETE CASCADE,
	round        INTEGER NOT NULL,
	user_id      TEXT    NOT NULL,
	submissions  INTEGER NOT NULL DEFAULT 0,
	hints        INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (challenge_id, round, user_id)
);`,
	// 10: quick multiple-choice rounds, so that any process takes a
	// pick, once per member.
	`CREATE TABLE quick_rounds (
	id         INTEGER PRIMARY KEY,
	guild_id   TEXT    NOT NULL,
	channel_id TEXT    NOT NULL,
	section_id TEXT    NOT NULL,
	lang       TEXT    NOT NULL,
	correct    INTEGER NOT NULL,
	expires_at INTEGER  NOT NULL
);
CREATE TABLE quick_options (
	quick_id INTEGER  NOT NULL REFERENCES quick_rounds (id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	text     TEXT    NOT NULL,
	PRIMARY KEY (quick_id, position)
);
CREATE TABLE quick_picks (
	quick_id INTEGER NOT NULL REFERENCES quick_rounds (id) ON DELETE CASCADE,
	user_id  TEXT   NOT NULL,
	PRIMARY KEY (quick_id, user_id)
);`,
}
