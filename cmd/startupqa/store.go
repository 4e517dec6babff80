package main

import (
	"context"
	"errors"
	"fmt"
	iofs "io/fs"
	"os"

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

// storeName says which store the settings name, for messages: never the
// URL, which may hold a password.
func (a *app) storeName() string {
	if a.cfg.DatabaseURL != "" {
		return "the PostgreSQL database of DATABASE_URL"
	}
	return "the database " + a.cfg.DatabasePath
}
