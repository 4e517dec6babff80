package postgres

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/startupqa/startupqa"
	"github.com/startupqa/startupqa/internal/pgtest"
	"github.com/startupqa/startupqa/sqlstore"
)

// Processes that start together against a new database migrate it once.
func TestMigrateConcurrently(t *testing.T) {
	url := pgtest.Need(t)
	ctx := context.Background()
	const processes = 6
	var wg sync.WaitGroup
	applied := make([]int, processes)
	errs := make([]error, processes)
	for p := range processes {
		wg.Go(func() {
			var db *sqlstore.DB
			db, applied[p], errs[p] = open(ctx, url, migrations)
			if db != nil {
				db.Close()
			}
		})
	}
	wg.Wait()
	total := 0
	for p := range processes {
		if errs[p] != nil {
			t.Errorf("process %d: %v", p, errs[p])
		}
		total += applied[p]
	}
	if total != len(migrations) {
		t.Errorf("%d migrations applied in all, want each of the %d once", total, len(migrations))
	}
	raw, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var n, max int
	if err := raw.QueryRow(`SELECT COUNT(*), MAX(version) FROM schema_version`).Scan(&n, &max); err != nil {
		t.Fatal(err)
	}
	if n != len(migrations) || max != len(migrations) {
		t.Errorf("schema_version holds %d rows up to %d, want %d", n, max, len(migrations))
	}
}

func TestOpenRefusesFutureVersion(t *testing.T) {
	url := pgtest.Need(t)
	ctx := context.Background()
	db, err := Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, _, err = open(ctx, url, migrations[:len(migrations)-1])
	if !errors.Is(err, sqlstore.ErrSchemaTooNew) {
		t.Errorf("older program on a newer schema: %v, want ErrSchemaTooNew", err)
	}
}

// A bad URL is reported without echoing it: it may hold a password.
func TestOpenBadURL(t *testing.T) {
	for _, url := range []string{"postgres://u:s3cret@host:notaport/db", "mysql://u:s3cret@host/db"} {
		_, err := Open(context.Background(), url)
		if err == nil {
			t.Fatalf("Open(%q) succeeded", url)
		}
		if strings.Contains(err.Error(), "s3cret") {
			t.Errorf("Open(%q) = %v: the password leaks", url, err)
		}
	}
}

// A server that does not answer is an error naming where, not the
// password.
func TestOpenUnreachable(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10e9)
	defer cancel()
	_, err := Open(ctx, "postgres://u:s3cret@127.0.0.1:1/db?connect_timeout=2")
	if err == nil {
		t.Fatal("Open of a closed port succeeded")
	}
	if strings.Contains(err.Error(), "s3cret") || !strings.Contains(err.Error(), "127.0.0.1") {
		t.Errorf("Open = %v, want the host and no password", err)
	}
	if !errors.Is(err, startupqa.ErrStoreUnavailable) {
		t.Errorf("Open of a closed port = %v, want it marked unavailable (worth retrying)", err)
	}
}
