package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/startupqa/startupqa"
	"github.com/startupqa/startupqa/sqlstore"
)

// migrationLockKey is the advisory lock that migrations hold: any number
// the rest of the database does not use.
const migrationLockKey = 7_261_100_812

// dialect is PostgreSQL's way with the store's SQL.
var dialect = sqlstore.Dialect{
	Name:          "PostgreSQL",
	Numbered:      true,
	Migrations:    migrations,
	MigrationLock: fmt.Sprintf("SELECT pg_advisory_xact_lock(%d)", migrationLockKey),
	// READ COMMITTED gives each statement its own snapshot; a read of
	// several queries (a member's figures) needs one.
	ReadTx:        sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true},
	ShareLock:     " FOR SHARE",
	NoLimit:       nil, // LIMIT NULL is LIMIT ALL
	ResetIdentity: `SELECT setval(pg_get_serial_sequence('%[1]s', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM %[1]s`,
	IsUnique:      func(err error) bool { return code(err) == "23505" },
	IsForeignKey:  func(err error) bool { return code(err) == "23503" },
	IsFailure:     isFailure,
}

// maxConns bounds the pool: a process's share of the server's
// max_connections (100 by default) when a few processes share it.
const maxConns = 16

// Open connects to the database at url (postgres://user:pass@host/db?…,
// or any form pgx takes) and migrates its schema to the current version.
func Open(ctx context.Context, url string) (*sqlstore.DB, error) {
	db, _, err := open(ctx, url, migrations)
	return db, err
}

func open(ctx context.Context, url string, list []string) (*sqlstore.DB, int, error) {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		// pgx's message quotes the URL, password and all.
		return nil, 0, errors.New("open PostgreSQL: DATABASE_URL is not a PostgreSQL URL (postgres://user:password@host:5432/database)")
	}
	where := fmt.Sprintf("%s@%s:%d/%s", cfg.User, cfg.Host, cfg.Port, cfg.Database)
	pool := stdlib.OpenDB(*cfg)
	pool.SetMaxOpenConns(maxConns)
	pool.SetMaxIdleConns(maxConns)
	if err := pool.PingContext(ctx); err != nil {
		pool.Close()
		if isFailure(err) {
			// Unreachable, not refused: worth trying again.
			err = fmt.Errorf("%w: %w", startupqa.ErrStoreUnavailable, err)
		}
		return nil, 0, fmt.Errorf("open PostgreSQL %s: %w", where, err)
	}
	d := dialect
	d.Migrations = list
	applied, err := sqlstore.Migrate(ctx, pool, &d)
	if err != nil {
		pool.Close()
		return nil, 0, fmt.Errorf("open PostgreSQL %s: %w", where, err)
	}
	return sqlstore.New(pool, pool, &d), applied, nil
}

// code is the SQLSTATE of a PostgreSQL error, "" for other errors.
func code(err error) string {
	var e *pgconn.PgError
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

// isFailure tells the server's or the connection's failures from
// integrity refusals (class 23) and from the store's own errors.
func isFailure(err error) bool {
	if c := code(err); c != "" {
		return !strings.HasPrefix(c, "23")
	}
	var ne net.Error
	var ce *pgconn.ConnectError
	return errors.As(err, &ne) || errors.As(err, &ce) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, io.EOF) || pgconn.SafeToRetry(err) || errors.Is(err, sql.ErrConnDone)
}
