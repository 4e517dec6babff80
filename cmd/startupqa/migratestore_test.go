package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/startupqa/startupqa"
	"github.com/startupqa/startupqa/internal/pgtest"
	"github.com/startupqa/startupqa/postgres"
	"github.com/startupqa/startupqa/sqlite"
)

// migrate-store copies a bot's SQLite scores into PostgreSQL, once.
func TestMigrateStore(t *testing.T) {
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), "scores.db")
	lite, err := sqlite.Open(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Now().UTC().Truncate(time.Millisecond)
	for i, user := range []string{"u1", "u2", "u1"} {
		a := &startupqa.Attempt{GuildID: "g", ChannelID: "c", UserID: user, SectionID: "s/1", Score: 0.8, Points: 5 + i, CreatedAt: t0}
		if err := lite.RecordAttempt(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	lite.Close()
	url := pgtest.Need(t)

	out, errOut, code := runCLI(t, "", map[string]string{"DATABASE_URL": url, "DATABASE_PATH": file}, "migrate-store")
	if code != 0 || !strings.Contains(out, "attempts                    3 rows") {
		t.Fatalf("migrate-store: exit %d\n%s%s", code, out, errOut)
	}
	pg, err := postgres.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	board, err := pg.Leaderboard(ctx, "g", startupqa.PeriodAll, t0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(board) != 2 || board[0] != (startupqa.Standing{UserID: "u1", Points: 12, Rounds: 2}) {
		t.Errorf("PostgreSQL leaderboard after the copy: %+v", board)
	}

	// Twice would count every score twice: refused.
	_, errOut, code = runCLI(t, "", map[string]string{"DATABASE_URL": url, "DATABASE_PATH": file}, "migrate-store")
	if code != 1 || !strings.Contains(errOut, "empty database only") {
		t.Errorf("second migrate-store: exit %d, %q", code, errOut)
	}
	for _, tt := range []struct {
		env    map[string]string
		args   []string
		code   int
		wantIn string
	}{
		{map[string]string{"DATABASE_PATH": file}, nil, 2, "set DATABASE_URL"},
		{map[string]string{"DATABASE_URL": url}, []string{"--from", filepath.Join(t.TempDir(), "missing.db")}, 1, "no database at"},
	} {
		_, errOut, code := runCLI(t, "", tt.env, append([]string{"migrate-store"}, tt.args...)...)
		if code != tt.code || !strings.Contains(errOut, tt.wantIn) || strings.Contains(errOut, url) {
			t.Errorf("migrate-store %v with %v: exit %d, %q; want %d saying %q, without the URL", tt.args, tt.env, code, errOut, tt.code, tt.wantIn)
		}
	}
}
