// Package postgres stores the challenge game's data in PostgreSQL, for a
// bot that runs as several processes (Discord shards, HTTP replicas) over
// one shared store. The queries are package sqlstore's, shared with the
// SQLite store, and both pass the conformance suite of package storetest;
// this package opens the pool, holds PostgreSQL's migrations and tells its
// errors apart.
//
// The driver is github.com/jackc/pgx/v5 through database/sql. Times are
// UTC unix milliseconds in BIGINT columns, ids BIGINT identities, scores
// DOUBLE PRECISION (PostgreSQL's REAL would round them to 24 bits).
// Migrations run under an advisory lock, so that processes that start
// together apply each migration once.
package postgres
