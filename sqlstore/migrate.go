package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
)

// Migrate brings the schema of db up to the dialect's migrations, one
// migration per transaction, and reports how many it applied. It refuses
// a schema newer than the list (ErrSchemaTooNew). Each transaction takes
// the dialect's migration lock and reads the version again, so two
// processes that start at once apply each migration once.
func Migrate(ctx context.Context, db *sql.DB, d *Dialect) (applied int, err error) {
	for {
		done, err := migrateOne(ctx, db, d)
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
func migrateOne(ctx context.Context, db *sql.DB, d *Dialect) (done bool, err error) {
	list := d.Migrations
	t, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("migrate: %w", err)
	}
	defer t.Rollback()
	if d.MigrationLock != "" {
		if _, err := t.ExecContext(ctx, d.MigrationLock); err != nil {
			return false, fmt.Errorf("migrate: lock: %w", err)
		}
	}
	// BIGINT is SQLite's INTEGER too; PostgreSQL's INTEGER would not hold
	// a time in milliseconds.
	if _, err := t.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
	version    BIGINT PRIMARY KEY,
	applied_at BIGINT NOT NULL
)`); err != nil {
		return false, fmt.Errorf("migrate: %w", err)
	}
	var version int
	if err := t.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&version); err != nil {
		return false, fmt.Errorf("migrate: read schema version: %w", err)
	}
	switch {
	case version > len(list):
		return false, fmt.Errorf("migrate: schema version %d, this program knows up to %d: %w", version, len(list), ErrSchemaTooNew)
	case version == len(list):
		return true, t.Commit()
	}
	next := version + 1
	if _, err := t.ExecContext(ctx, list[version]); err != nil {
		return false, fmt.Errorf("migrate to version %d: %w", next, err)
	}
	if _, err := t.ExecContext(ctx, d.rebind(`INSERT INTO schema_version (version, applied_at) VALUES (?, ?)`), next, millis(now())); err != nil {
		return false, fmt.Errorf("migrate to version %d: %w", next, err)
	}
	if err := t.Commit(); err != nil {
		return false, fmt.Errorf("migrate to version %d: %w", next, err)
	}
	return false, nil
}
