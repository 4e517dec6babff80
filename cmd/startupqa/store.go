package main

import (
	"context"
	"errors"
	"fmt"
	iofs "io/fs"
	"os"
	"time"

	"github.com/startupqa/startupqa"
	"github.com/startupqa/startupqa/postgres"
	"github.com/startupqa/startupqa/sqlite"
	"github.com/startupqa/startupqa/sqlstore"
)

// openStore opens the configured store: PostgreSQL when DATABASE_URL is
// set, the SQLite file of DATABASE_PATH otherwise. With mustExist, a
// SQLite file that is not there is an error rather than a new, empty
// database: commands that only read must not create one at a mistyped
// path.
func (a *app) openStore(ctx context.Context, mustExist bool) (*sqlstore.DB, error) {
	if a.cfg.DatabaseURL != "" {
		return postgres.Open(ctx, a.cfg.DatabaseURL)
	}
	if mustExist {
		if _, err := os.Stat(a.cfg.DatabasePath); errors.Is(err, iofs.ErrNotExist) {
			return nil, fmt.Errorf("no database at %s: the bot creates it when it first runs; set DATABASE_PATH to the bot's", a.cfg.DatabasePath)
		}
	}
	return sqlite.Open(ctx, a.cfg.DatabasePath)
}

// openStoreRetrying opens the store for serve. A PostgreSQL server that
// does not answer yet (it may be starting beside the bot, as in the
// compose file) is tried again with back-off, up to a minute apart, until
// ctx ends; then it returns nil and no error. Anything else fails at once.
func (a *app) openStoreRetrying(ctx context.Context) (*sqlstore.DB, error) {
	wait := time.Second
	for {
		db, err := a.openStore(ctx, false)
		if err == nil || a.cfg.DatabaseURL == "" || !errors.Is(err, startupqa.ErrStoreUnavailable) {
			return db, err
		}
		a.log.Warn("database unreachable; retrying", "err", err, "retry_in", wait)
		select {
		case <-ctx.Done():
			return nil, nil
		case <-time.After(wait):
		}
		wait = min(2*wait, time.Minute)
	}
}

// storeName says which store the settings name, for messages: never the
// URL, which may hold a password.
func (a *app) storeName() string {
	if a.cfg.DatabaseURL != "" {
		return "the PostgreSQL database of DATABASE_URL"
	}
	return "the database " + a.cfg.DatabasePath
}
