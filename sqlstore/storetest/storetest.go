// Package storetest is the conformance suite of the game's store: every
// implementation (SQLite, PostgreSQL) runs the same tests, so that the two
// cannot drift apart. An implementation's test calls Run with a Backend
// that opens fresh stores.
package storetest

import (
	"context"
	"sync"
	"testing"

	"github.com/startupqa/startupqa/sqlstore"
)

// Backend opens stores of one implementation for the suite.
type Backend interface {
	// New returns an empty, migrated store that is closed when the test
	// ends.
	New(t testing.TB) *sqlstore.DB
	// Again opens a second store over db's data, as another process
	// would; it is closed when the test ends.
	Again(t testing.TB, db *sqlstore.DB) *sqlstore.DB
}

// Run runs the whole suite against b.
func Run(t *testing.T, b Backend) {
	for _, tc := range []struct {
		name string
		test func(*testing.T, Backend)
	}{
		{"ChallengeRoundTrip", testChallengeRoundTrip},
		{"OneRunningChallengePerChannel", testOneRunningChallengePerChannel},
		{"Rounds", testRounds},
		{"AnswersRaceRoundEnd", testAnswersRaceRoundEnd},
		{"BuiltStatementsNotKept", testBuiltStatementsNotKept},
		{"QuickRounds", testQuickRounds},
		{"AttemptsRoundTrip", testAttemptsRoundTrip},
		{"AttemptReplacedOnImprove", testAttemptReplacedOnImprove},
		{"AttemptManyKeyPoints", testAttemptManyKeyPoints},
		{"Leaderboard", testLeaderboard},
		{"LeaderboardTies", testLeaderboardTies},
		{"ResetLeaderboard", testResetLeaderboard},
		{"MemberStatsStreaks", testMemberStatsStreaks},
		{"MemberStatsSections", testMemberStatsSections},
		{"Schedules", testSchedules},
		{"ClaimScheduleRun", testClaimScheduleRun},
		{"TakeCooldown", testTakeCooldown},
		{"IdentifyGate", testIdentifyGate},
		{"Settings", testSettings},
		{"Unanswered", testUnanswered},
		{"UnansweredCapPerGuild", testUnansweredCapPerGuild},
		{"AcquireLease", testAcquireLease},
		{"LeaseAcrossConnections", testLeaseAcrossConnections},
		{"HoldLeaseNoticesTakeover", testHoldLeaseNoticesTakeover},
		{"LeaseOfEndedProcess", testLeaseOfEndedProcess},
		{"ConcurrentWriters", testConcurrentWriters},
		{"ConcurrentProcesses", testConcurrentProcesses},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.test(t, b) })
	}
}

// Opener is a Backend made of two functions: NewKey makes a place for an
// empty store (a file, a schema) and Open opens one; Again opens the same
// key once more.
type Opener struct {
	NewKey func(t testing.TB) string
	Open   func(ctx context.Context, key string) (*sqlstore.DB, error)

	mu   sync.Mutex
	keys map[*sqlstore.DB]string
}

// New implements Backend.
func (o *Opener) New(t testing.TB) *sqlstore.DB { return o.open(t, o.NewKey(t)) }

// Again implements Backend.
func (o *Opener) Again(t testing.TB, db *sqlstore.DB) *sqlstore.DB {
	o.mu.Lock()
	key := o.keys[db]
	o.mu.Unlock()
	return o.open(t, key)
}

func (o *Opener) open(t testing.TB, key string) *sqlstore.DB {
	t.Helper()
	db, err := o.Open(context.Background(), key)
	if err != nil {
		t.Fatal(err)
	}
	o.mu.Lock()
	if o.keys == nil {
		o.keys = map[*sqlstore.DB]string{}
	}
	o.keys[db] = key
	o.mu.Unlock()
	t.Cleanup(func() {
		if err := db.Close(); err != nil {
			t.Error(err)
		}
	})
	return db
}
