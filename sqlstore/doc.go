// Package sqlstore is the challenge game's store over SQL: challenges and
// the sections they ask, every graded attempt with the key points it
// covered and missed, leaderboards and member statistics computed from the
// attempts, daily schedules, per-server settings, the log of unanswered
// questions and the leases that say which process does what.
//
// The queries are written once, in SQL that SQLite and PostgreSQL both
// take: ? placeholders (numbered for PostgreSQL by Dialect), partial
// indexes, INSERT … ON CONFLICT … DO UPDATE and RETURNING, and no function
// only one of them has. Times are UTC unix milliseconds in 64-bit integer
// columns, so that they come back in UTC, to the millisecond, and compare
// as integers; string lists are child tables with a position column, so
// that they can be queried with plain GROUP BY. Packages sqlite and
// postgres open the database, hold each dialect's migrations and say how
// to tell its errors apart (Dialect); package storetest is the
// conformance suite both run.
//
// # Concurrency
//
// Every write is one transaction, and every decision that two processes
// could race for is one statement: a second answer in a round replaces the
// first by an upsert on a unique index, a channel's one running challenge
// is a partial unique index, a lease changes hands by a conditional upsert
// or a compare-and-swap. So points are never lost or counted twice, under
// SQLite's one writer and under PostgreSQL's READ COMMITTED alike. Reads
// that take several queries run in one read transaction (REPEATABLE READ
// on PostgreSQL), so that they see one snapshot.
package sqlstore
