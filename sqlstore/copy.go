package sqlstore

import (
	"context"
	"fmt"
	"strings"
)

// columns are each table's columns, in Tables' order; Copy reads and
// writes them by name, so the two schemas' column order may differ.
var columns = map[string][]string{
	"challenges":         {"id", "guild_id", "channel_id", "starter_id", "topic", "lang", "seconds", "round", "state", "round_ends_at", "started_at", "updated_at"},
	"challenge_sections": {"challenge_id", "position", "section_id"},
	"round_players":      {"challenge_id", "round", "user_id", "submissions", "hints"},
	"attempts":           {"id", "challenge_id", "round", "guild_id", "channel_id", "user_id", "section_id", "answer", "score", "points", "created_at"},
	"attempt_key_points": {"attempt_id", "kind", "position", "name"},
	"schedules":          {"guild_id", "channel_id", "time_of_day", "timezone", "created_by", "last_run"},
	"settings":           {"guild_id", "name", "value"},
	"unanswered":         {"id", "guild_id", "question", "confidence", "created_at"},
}

// copyBatch is how many rows one INSERT of Copy writes: 11 columns × 1,000
// stays under SQLite's 32,766 parameters and PostgreSQL's 65,535.
const copyBatch = 1000

// ErrNotEmpty is returned (wrapped) by Copy when the destination already
// holds data.
var ErrNotEmpty = fmt.Errorf("the destination store is not empty")

// Copy copies every challenge, attempt, schedule, setting and unanswered
// question of src into dst, ids and all, in one transaction of dst: all
// or nothing. dst must be empty (ErrNotEmpty otherwise); leases are not
// copied, they belong to running processes. Then it checks that each
// table holds as many rows as src's. report, if not nil, hears each
// table's count.
func Copy(ctx context.Context, dst, src *DB, report func(table string, rows int64)) error {
	for table := range columns {
		n, err := dst.Rows(ctx, table)
		if err != nil {
			return fmt.Errorf("copy store: %w", err)
		}
		if n > 0 {
			return fmt.Errorf("copy store: %s holds %d rows: %w", table, n, ErrNotEmpty)
		}
	}
	// One read transaction of src: a bot writing to it meanwhile cannot
	// leave an attempt without its challenge in the copy. The counts to
	// check against are read in it too, for the same snapshot.
	want := map[string]int64{}
	err := src.read(ctx, func(in tx) error {
		return dst.write(ctx, func(out tx) error {
			for _, table := range Tables {
				cols, ok := columns[table]
				if !ok {
					continue
				}
				if err := copyTable(ctx, out, in, table, cols); err != nil {
					return fmt.Errorf("%s: %w", table, err)
				}
				var n int64
				if err := in.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+table).Scan(&n); err != nil {
					return fmt.Errorf("%s: %w", table, err)
				}
				want[table] = n
				if dst.d.ResetIdentity != "" && cols[0] == "id" {
					if _, err := out.ExecContext(ctx, fmt.Sprintf(dst.d.ResetIdentity, table)); err != nil {
						return fmt.Errorf("%s: next id: %w", table, err)
					}
				}
			}
			return nil
		})
	})
	if err != nil {
		return fmt.Errorf("copy store: %w", err)
	}
	for _, table := range Tables {
		if _, ok := columns[table]; !ok {
			continue
		}
		got, err := dst.Rows(ctx, table)
		if err != nil {
			return fmt.Errorf("copy store: %w", err)
		}
		if got != want[table] {
			return fmt.Errorf("copy store: %s: %d rows copied of %d", table, got, want[table])
		}
		if report != nil {
			report(table, got)
		}
	}
	return nil
}

func copyTable(ctx context.Context, out, in tx, table string, cols []string) error {
	list := strings.Join(cols, ", ")
	rows, err := in.QueryContext(ctx, "SELECT "+list+" FROM "+table+" ORDER BY "+cols[0])
	if err != nil {
		return err
	}
	defer rows.Close()
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
	var args []any
	n := 0
	flush := func() error {
		if n == 0 {
			return nil
		}
		q := "INSERT INTO " + table + " (" + list + ") VALUES " + strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
		_, err := out.execBuilt(ctx, q, args...)
		args, n = args[:0], 0
		return err
	}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		for i, v := range vals {
			if b, ok := v.([]byte); ok {
				vals[i] = string(b) // TEXT that a driver hands over as bytes
			}
		}
		args = append(args, vals...)
		if n++; n == copyBatch {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return flush()
}
