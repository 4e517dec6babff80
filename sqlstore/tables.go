package sqlstore

import (
	"context"
	"fmt"
	"slices"
)

// Tables are the store's tables, parents before the children whose rows
// refer to them: the order in which a copy writes them.
var Tables = []string{"challenges", "challenge_sections", "round_players", "attempts", "attempt_key_points", "schedules", "settings", "unanswered", "leases", "cooldowns", "quick_rounds", "quick_options", "quick_picks"}

// Rows counts the rows of one of Tables.
func (db *DB) Rows(ctx context.Context, table string) (int64, error) {
	if !slices.Contains(Tables, table) {
		return 0, fmt.Errorf("count rows: no table %q", table)
	}
	var n int64
	if err := db.count(db.queryRow(ctx, `SELECT COUNT(*) FROM `+table).Scan(&n)); err != nil {
		return 0, fmt.Errorf("count rows of %s: %w", table, err)
	}
	return n, nil
}
