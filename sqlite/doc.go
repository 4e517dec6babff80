// Package sqlite stores the challenge game's data in one SQLite file, the
// default store (package postgres is the other, for many processes):
// challenges and the sections they ask, every graded attempt with the key
// points it covered and missed, the daily schedules and per-server
// settings. Leaderboards and member statistics are computed from the
// attempts in SQL.
//
// Why SQLite: the bot runs as a single process on a small machine, and an
// embedded database needs no server, no credentials and no set-up; the
// whole state is one file that can be copied or backed up with the
// sqlite3 CLI. The file runs in WAL mode, so readers never wait for the
// writer, and a process killed at any moment (SIGKILL, the OOM killer)
// loses at most the transaction it was writing.
//
// The driver is modernc.org/sqlite, a translation of SQLite to Go: no
// cgo, so the bot still cross-compiles to a static binary.
//
// # Concurrency
//
// A DB holds two pools on the same file. Every change goes through the
// writer pool, which has exactly one connection and begins its
// transactions with BEGIN IMMEDIATE (_txlock=immediate): writers from any
// number of goroutines queue in database/sql for that connection, instead
// of racing for SQLite's write lock and failing with SQLITE_BUSY. Reads go
// through a pool of read-only connections (PRAGMA query_only) that WAL
// lets run beside the writer. Every connection also sets busy_timeout
// (10 s), which covers other processes opening the same file (the sqlite3
// CLI, a second bot by mistake) and WAL recovery after a crash; Open
// refuses a file system where WAL is impossible. Every connection sets
// foreign_keys on. synchronous is NORMAL, the usual WAL setting: a commit
// survives the process being killed; a power loss may undo the last
// commits but never corrupts the file (FULL would fsync every commit,
// about twice the cost of a write on the development machine).
//
// # Schema
//
// The queries are package sqlstore's, shared with PostgreSQL; this package
// opens the file, sets the connections up and holds SQLite's migrations.
// Times are UTC unix milliseconds in INTEGER columns; string lists are
// child tables with a position column (see sqlstore). What is SQLite-only:
// the connection PRAGMAs above, PRAGMA integrity_check in tests, "INTEGER
// PRIMARY KEY" for generated ids, and telling constraint violations apart
// by SQLite's extended result codes.
//
// The tables (see migrations.go for the DDL):
//
//	schema_version      version, applied_at — one row per applied migration
//	challenges          id, guild_id, channel_id, starter_id, topic, lang,
//	                    seconds, round, state, round_ends_at, started_at,
//	                    updated_at;
//	                    a partial unique index on channel_id WHERE
//	                    state = 'running' allows one running challenge per channel
//	challenge_sections  challenge_id, position, section_id
//	round_players       challenge_id, round, user_id, submissions, hints —
//	                    who plays each round, for any process to serve
//	attempts            id, challenge_id (NULL for solo practice), round,
//	                    guild_id, channel_id, user_id, section_id, answer,
//	                    score, points, created_at; a partial unique index on
//	                    (challenge_id, round, user_id) makes a second answer
//	                    in a round replace the first; two covering indexes,
//	                    (guild_id, created_at, …) for leaderboards and
//	                    (guild_id, user_id, …) for member statistics
//	attempt_key_points  attempt_id, kind ('covered' or 'missed'), position, name
//	schedules           guild_id, channel_id, time_of_day, timezone,
//	                    created_by, last_run
//	settings            guild_id, name, value
//	unanswered          id, guild_id, question, confidence, created_at
//	leases              name, holder, expires_at — who runs what (one bot
//	                    per file, a process per shard, identify turns)
//	cooldowns           user_id, until — cooldowns shared by shard processes
//	quick_rounds        id, guild_id, channel_id, section_id, lang, correct,
//	                    expires_at; quick_options (quick_id, position, text)
//	                    and quick_picks (quick_id, user_id) — multiple-choice
//	                    rounds, one pick per member
//
// Migrations are an ordered list of SQL scripts; Open applies the missing
// ones, each in its own transaction, and refuses a file written by a newer
// version of the program (ErrSchemaTooNew).
package sqlite
