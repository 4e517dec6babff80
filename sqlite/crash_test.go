package sqlite

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/startupqa/startupqa"
)

// crashEnv names the database file TestCrashChild writes to; without it
// TestCrashChild does nothing.
const crashEnv = "STARTUPQA_SQLITE_CRASH_DB"

// crashKeyPoints is how many key points the child gives attempt i: a
// transaction's rows either all exist or none do.
func crashKeyPoints(i int) (covered, missed []string) {
	for k := range i % 4 {
		covered = append(covered, fmt.Sprintf("covered %d.%d", i, k))
	}
	for k := range 1 + i%3 {
		missed = append(missed, fmt.Sprintf("missed %d.%d", i, k))
	}
	return covered, missed
}

// TestCrashChild is the process TestCrashSafety kills: it records attempts
// in a loop and prints "committed ROUND ID" after each commit, until it is
// killed (or 60 s pass).
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashEnv)
	if path == "" {
		t.Skip("run by TestCrashSafety")
	}
	ctx := context.Background()
	db, err := Open(ctx, path)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	c := &startupqa.Challenge{GuildID: "g", ChannelID: "crash", Sections: []string{"s/1"}, Round: 1}
	if err := db.CreateChallenge(ctx, c); err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	t0 := time.Now()
	for i := 1; time.Since(t0) < time.Minute; i++ {
		covered, missed := crashKeyPoints(i)
		a := &startupqa.Attempt{
			ChallengeID: c.ID, Round: i, GuildID: "g", ChannelID: "crash", UserID: "u",
			SectionID: "s/1", Answer: strings.Repeat("答", i%500), Score: 0.5, Points: i,
			Covered: covered, Missed: missed,
		}
		if err := db.RecordAttempt(ctx, a); err != nil {
			fmt.Println("error", err)
			os.Exit(3)
		}
		if i%10 == 0 {
			c.Round = i
			if err := db.UpdateChallenge(ctx, c); err != nil {
				fmt.Println("error", err)
				os.Exit(3)
			}
		}
		// Unbuffered: once the line is out, the parent may count on it.
		fmt.Printf("committed %d %d\n", i, a.ID)
	}
	db.Close()
}

// TestCrashSafety kills a process that is writing attempts with SIGKILL,
// at a different moment each time, then reopens the file: it must pass
// PRAGMA integrity_check, hold every attempt the child reported as
// committed, each with all its key points, and at most one more (committed
// but not yet reported).
func TestCrashSafety(t *testing.T) {
	if os.Getenv(crashEnv) != "" {
		t.Skip("in the child")
	}
	if testing.Short() {
		t.Skip("starts child processes")
	}
	for run := range 4 {
		atLeast := 20 + rand.IntN(150)
		t.Run(fmt.Sprintf("kill after %d", atLeast), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "crash.db")
			cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
			cmd.Env = append(os.Environ(), crashEnv+"="+path)
			cmd.Stderr = os.Stderr
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			killed := false
			defer func() {
				if !killed {
					cmd.Process.Kill()
					cmd.Wait()
				}
			}()

			reported := map[int]int64{} // round → attempt id
			last := 0
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				line := sc.Text()
				if strings.HasPrefix(line, "error") {
					t.Fatalf("child: %s", line)
				}
				round, id, ok := parseCommitted(line)
				if !ok {
					continue // the test framework's own lines
				}
				if round != last+1 {
					t.Fatalf("child reported round %d after %d", round, last)
				}
				last = round
				reported[round] = id
				if !killed && len(reported) >= atLeast {
					// A little later, at a moment of the child's loop that
					// differs from run to run.
					time.Sleep(time.Duration(rand.IntN(3000)) * time.Microsecond)
					if err := cmd.Process.Kill(); err != nil {
						t.Fatal(err)
					}
					killed = true
				}
			}
			// Lines the child wrote before it died are still read above.
			if err := sc.Err(); err != nil {
				t.Fatal(err)
			}
			err = cmd.Wait()
			if !killed {
				t.Fatalf("the child ended by itself after %d writes: %v", len(reported), err)
			}
			wal := int64(-1)
			if fi, err := os.Stat(path + "-wal"); err == nil {
				wal = fi.Size()
			}
			t.Logf("run %d: killed after %d reported writes (%v), WAL of %d bytes left", run, len(reported), err, wal)

			checkAfterCrash(t, path, reported)
		})
	}
}

func parseCommitted(line string) (round int, id int64, ok bool) {
	f := strings.Fields(line)
	if len(f) != 3 || f[0] != "committed" {
		return 0, 0, false
	}
	r, err1 := strconv.Atoi(f[1])
	i, err2 := strconv.ParseInt(f[2], 10, 64)
	return r, i, err1 == nil && err2 == nil
}

func checkAfterCrash(t *testing.T, path string, reported map[int]int64) {
	t.Helper()
	ctx := context.Background()
	db, _, err := open(ctx, path, migrations)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	var check string
	if err := db.w.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil {
		t.Fatal(err)
	}
	if check != "ok" {
		t.Fatalf("integrity_check: %s", check)
	}
	rows, err := db.w.Query(`PRAGMA foreign_key_check`)
	if err != nil {
		t.Fatal(err)
	}
	if rows.Next() {
		t.Error("foreign_key_check reports a dangling row")
	}
	rows.Close()

	c, err := db.RunningChallenge(ctx, "crash")
	if err != nil || c == nil {
		t.Fatalf("the child's challenge: %v, %v", c, err)
	}
	var stored int
	if err := db.r.QueryRow(`SELECT COUNT(*) FROM attempts`).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d attempts stored", stored)
	if stored < len(reported) || stored > len(reported)+1 {
		t.Errorf("%d attempts stored, %d reported: want the reported ones and at most the one being written", stored, len(reported))
	}
	// Rounds 1..stored, each complete, with the id reported.
	for round := 1; round <= stored; round++ {
		got, err := db.Attempts(ctx, c.ID, round)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 {
			t.Errorf("round %d: %d attempts, want 1", round, len(got))
			continue
		}
		a := got[0]
		if id, ok := reported[round]; ok && a.ID != id {
			t.Errorf("round %d: attempt %d, child reported %d", round, a.ID, id)
		}
		covered, missed := crashKeyPoints(round)
		if a.Points != round || len(a.Covered) != len(covered) || len(a.Missed) != len(missed) {
			t.Errorf("round %d: %d points, %d covered, %d missed; want %d, %d, %d",
				round, a.Points, len(a.Covered), len(a.Missed), round, len(covered), len(missed))
		}
	}
	// The store goes on working.
	if err := db.RecordAttempt(ctx, &startupqa.Attempt{ChallengeID: c.ID, Round: stored + 1, GuildID: "g", UserID: "u", SectionID: "s/1"}); err != nil {
		t.Fatal(err)
	}
}
