package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/startupqa/startupqa/sqlstore"
)

// migrateStore copies the SQLite file's scores into the PostgreSQL
// database of DATABASE_URL: the step from one bot process to several.
func (a *app) migrateStore(ctx context.Context, args []string) error {
	fs := a.newFlagSet("migrate-store", "[--from FILE]")
	from := fs.String("from", a.cfg.DatabasePath, "the SQLite `file` to copy (default: DATABASE_PATH)")
	if rest, err := parseFlags(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		fmt.Fprintln(a.stderr, "startupqa migrate-store: takes no arguments; the destination is DATABASE_URL")
		return usageError{}
	}
	if a.cfg.DatabaseURL == "" {
		fmt.Fprintln(a.stderr, "startupqa migrate-store: set DATABASE_URL to the PostgreSQL database to copy into")
		return usageError{}
	}
	src, err := (&app{cfg: config{DatabasePath: *from}}).openStore(ctx, true)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := a.openStore(ctx, false)
	if err != nil {
		return err
	}
	defer dst.Close()
	err = sqlstore.Copy(ctx, dst, src, func(table string, n int64) {
		fmt.Fprintf(a.stdout, "%-20s %8d rows\n", table, n)
	})
	if errors.Is(err, sqlstore.ErrNotEmpty) {
		return fmt.Errorf("%w: migrate-store copies into an empty database only, so that no score is counted twice", err)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "copied %s into %s; stop the old bot before starting the new one\n", *from, a.storeName())
	return nil
}
