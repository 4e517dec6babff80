// Package startupqa holds the domain types that the challenge game, its
// storage and the Discord bot share. Each technology lives in its own
// subpackage: corpus (Markdown), index (Bleve), sqlite (storage), bot
// (Discord).
package startupqa

import (
	"errors"
	"time"
)

// Challenge is a study-group quiz running in one channel: a number of
// rounds, each asking one section's 题目.
type Challenge struct {
	ID        int64
	GuildID   string // "" for DMs and the terminal
	ChannelID string
	StarterID string
	Topic     string   // what the starter asked for; "" for any
	Lang      string   // the language it is played in: "zh", "en"; "" for the corpus's own
	Sections  []string // section ids, one per round, in order
	Seconds   int      // time per round
	Round     int      // current round, 1-based; 0 before the first
	State     ChallengeState
	// RoundEndsAt is when the current round times out.
	RoundEndsAt time.Time
	StartedAt   time.Time
	UpdatedAt   time.Time
}

// RoundStanding is what answering a round needs to know of the others:
// whether everyone who joined has answered, and the member's hints.
type RoundStanding struct {
	Hints    int // the member took in the round
	Joined   int // other members who joined this round or an earlier one
	Answered int // other members who answered this round
}

// FirstCompleteClaim is the pseudo-member whose one allowed submission in
// a round is its first complete answer: claimed in the store like an
// answer, so that two replicas grading complete answers at once cannot both
// give the bonus. Discord's user ids are numbers; no member is called this,
// and RoundStanding counts no one by it.
const FirstCompleteClaim = "#first"

// QuickRound is a multiple-choice round: which of Options is a key point
// of the section's answer. Each member picks once.
type QuickRound struct {
	ID        int64
	GuildID   string
	ChannelID string
	SectionID string
	Lang      string // of the options: "zh" or "en"
	Options   []string
	Correct   int // index into Options
	ExpiresAt time.Time
}

// ErrRoundOver is returned (wrapped) when an answer comes for a round of a
// challenge that has moved on or ended.
var ErrRoundOver = errors.New("this round is over")

// ErrNotFound is returned (wrapped) by a store asked for a challenge or
// schedule that does not exist.
var ErrNotFound = errors.New("not found")

// ErrStoreUnavailable is wrapped into the errors of a store that failed
// in itself (a lost connection, I/O, a full disk), as opposed to refusing
// a request by its rules, so that the bot can tell members the scores are
// unreachable for now.
var ErrStoreUnavailable = errors.New("the store is unavailable")

// ErrChallengeRunning is returned (wrapped) by a store asked to start a
// challenge in a channel that has one running. It lives here so that the
// bot can recognise it without importing a storage package.
var ErrChallengeRunning = errors.New("a challenge is already running in this channel")

// ChallengeState is where a challenge stands.
type ChallengeState string

const (
	ChallengeRunning ChallengeState = "running"
	ChallengeEnded   ChallengeState = "ended"
)

// Attempt is one member's graded answer in one round.
type Attempt struct {
	ID          int64
	ChallengeID int64 // 0 for solo practice outside a challenge
	Round       int
	GuildID     string
	ChannelID   string
	UserID      string
	SectionID   string
	Answer      string
	Score       float64  // share of the answer's key points covered, 0..1
	Points      int      // points earned, bonuses included
	Covered     []string // key points covered, by name
	Missed      []string // key points missed, by name
	CreatedAt   time.Time
}

// Period selects the attempts a leaderboard counts.
type Period string

const (
	PeriodWeek  Period = "week"
	PeriodMonth Period = "month"
	PeriodAll   Period = "all"
)

// Standing is one member's line on a leaderboard.
type Standing struct {
	UserID string
	Points int
	Rounds int // attempts counted
}

// SectionScore is how a member does on one section.
type SectionScore struct {
	SectionID string
	Attempts  int
	AvgScore  float64
}

// MemberStats are a member's figures in one guild.
type MemberStats struct {
	UserID     string
	Rounds     int
	Points     int
	Streak     int // consecutive attempts at or above the streak threshold, ending with the latest
	BestStreak int
	// Sections lists every section attempted, lowest average score first:
	// the head is what the member misses most.
	Sections []SectionScore
}

// Schedule posts a daily challenge in a channel.
type Schedule struct {
	GuildID   string
	ChannelID string
	TimeOfDay string // "HH:MM"
	Timezone  string // IANA name, e.g. "Asia/Shanghai"
	CreatedBy string
	LastRun   time.Time // zero until the first run
}

// Unanswered is a question the engine could not answer well, with how
// often it was asked.
type Unanswered struct {
	Question string
	Count    int
	Last     time.Time
}
