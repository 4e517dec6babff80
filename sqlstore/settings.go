package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Setting returns the guild's value for key and whether it is set.
func (db *DB) Setting(ctx context.Context, guildID, key string) (string, bool, error) {
	var value string
	err := db.queryRow(ctx, `SELECT value FROM settings WHERE guild_id = ? AND name = ?`, guildID, key).Scan(&value)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("setting %s of guild %s: %w", key, guildID, err)
	}
	return value, true, nil
}

// PutSetting sets the guild's value for key, replacing the one there was.
func (db *DB) PutSetting(ctx context.Context, guildID, key, value string) error {
	err := db.write(ctx, func(tx tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO settings (guild_id, name, value) VALUES (?, ?, ?)
ON CONFLICT (guild_id, name) DO UPDATE SET value = excluded.value`, guildID, key, value)
		return err
	})
	if err != nil {
		return fmt.Errorf("put setting %s of guild %s: %w", key, guildID, err)
	}
	return nil
}
