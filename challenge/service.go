package challenge

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/startupqa/startupqa"
	"github.com/startupqa/startupqa/corpus"
	"github.com/startupqa/startupqa/grade"
)

// Store keeps the games: every fact of a running challenge is in it, so
// that any process (a shard's, any HTTP replica) can take a member's
// answer, hint or skip, and any can end a round whose time is up.
// *sqlstore.DB is one.
type Store interface {
	CreateChallenge(ctx context.Context, c *startupqa.Challenge) error
	Challenge(ctx context.Context, id int64) (*startupqa.Challenge, error)
	RunningChallenge(ctx context.Context, channelID string) (*startupqa.Challenge, error)
	RunningChallenges(ctx context.Context) ([]startupqa.Challenge, error)
	// AdvanceRound stores c if the challenge still runs round from, and
	// reports whether it did: of several ends of one round, one wins.
	AdvanceRound(ctx context.Context, c *startupqa.Challenge, from int) (bool, error)
	JoinRound(ctx context.Context, challengeID int64, round int, userID string) (int, error)
	// CountSubmission counts an answer unless the member gave max.
	CountSubmission(ctx context.Context, challengeID int64, round int, userID string, max int) (bool, error)
	TakeHint(ctx context.Context, challengeID int64, round int, userID string) (int, error)
	RoundStanding(ctx context.Context, challengeID int64, round int, userID string) (startupqa.RoundStanding, error)
	// RecordRoundAttempt records an answer to a challenge's round only
	// while the challenge runs that round (else ErrRoundOver), so that
	// no answer lands after the round's end read its answers.
	RecordRoundAttempt(ctx context.Context, a *startupqa.Attempt) error
	Attempts(ctx context.Context, challengeID int64, round int) ([]startupqa.Attempt, error)
	MemberStats(ctx context.Context, guildID, userID string, streakThreshold float64) (*startupqa.MemberStats, error)
}

// Grader grades answers against a section's key points; *grade.Grader is
// one.
type Grader interface {
	Grade(s *corpus.Section, answer string) grade.Result
}

// MaxSubmissions is a first answer and one improvement per round.
const MaxSubmissions = 2

// firstSlot claims a round's first complete answer in the store.
const firstSlot = startupqa.FirstCompleteClaim

// Errors a member's action may get; the transport says them politely.
var (
	// ErrRoundOver: the round the button or form belongs to has ended.
	ErrRoundOver = startupqa.ErrRoundOver
	// ErrNoMoreAnswers: the member answered MaxSubmissions times.
	ErrNoMoreAnswers = errors.New("answered the round twice already")
)

// Service plays challenges over a Store. It keeps nothing in memory: a
// process that dies loses no game, and the next action, wherever it
// lands, reads the game from the store.
type Service struct {
	store  Store
	corpus func() *corpus.Corpus
	grader func() (Grader, error)
	now    func() time.Time
	solo   bool // no first-answer bonus: nobody to race
}

// NewService plays challenges in store from the corpus that corpus returns
// (it may change between calls: a reload), grading with grader.
func NewService(store Store, corpus func() *corpus.Corpus, grader func() (Grader, error)) *Service {
	return &Service{store: store, corpus: corpus, grader: grader, now: time.Now}
}

// Solo returns the service for games of one player, as in the terminal:
// the first complete answer of a round earns no bonus, since no other
// player races for it.
func (s *Service) Solo() *Service {
	c := *s
	c.solo = true
	return &c
}

// Game is a challenge with the sections it asks, one per round.
type Game struct {
	startupqa.Challenge
	Sections []*corpus.Section
}

// Section is round n's section (from 1) in the game's language: a game
// played in English asks, grades and reveals the English companion.
func (g *Game) Section(n int) *corpus.Section {
	s := g.Sections[n-1]
	if g.Lang == "en" {
		return s.In("en")
	}
	return s
}

// Start stores a new running challenge of the sections, its first round
// under way for c.Seconds. When the channel has a running one, the error
// wraps startupqa.ErrChallengeRunning, unless that one's round is long
// over and nothing ended it (a process died at that moment): then it is
// ended first.
func (s *Service) Start(ctx context.Context, c startupqa.Challenge, secs []*corpus.Section) (*Game, error) {
	now := s.now()
	c.Round, c.State = 1, startupqa.ChallengeRunning
	c.RoundEndsAt = now.Add(time.Duration(c.Seconds) * time.Second)
	c.StartedAt, c.UpdatedAt = now, now
	c.Sections = c.Sections[:0]
	for _, sec := range secs {
		c.Sections = append(c.Sections, sec.ID)
	}
	err := s.store.CreateChallenge(ctx, &c)
	if errors.Is(err, startupqa.ErrChallengeRunning) {
		old, rerr := s.store.RunningChallenge(ctx, c.ChannelID)
		if rerr == nil && old != nil && now.Sub(old.RoundEndsAt) > staleAfter {
			old.State, old.UpdatedAt = startupqa.ChallengeEnded, now
			if ok, aerr := s.store.AdvanceRound(ctx, old, old.Round); aerr == nil && ok {
				err = s.store.CreateChallenge(ctx, &c)
			}
		}
	}
	if err != nil {
		return nil, err
	}
	return &Game{Challenge: c, Sections: secs}, nil
}

// staleAfter is how long past its round's end a challenge may stay
// running before a new start in its channel ends it: every process ends
// due rounds within seconds, so one this late has nobody ending it.
const staleAfter = 2 * time.Minute

// Running returns the channel's running game, or nil.
func (s *Service) Running(ctx context.Context, channelID string) (*Game, error) {
	c, err := s.store.RunningChallenge(ctx, channelID)
	if err != nil || c == nil {
		return nil, err
	}
	return s.game(c)
}

// game attaches the sections to a stored challenge.
func (s *Service) game(c *startupqa.Challenge) (*Game, error) {
	corp := s.corpus()
	g := &Game{Challenge: *c}
	for _, id := range c.Sections {
		sec, ok := corp.Section(id)
		if !ok {
			return nil, fmt.Errorf("challenge %d: section %s is no longer in the corpus", c.ID, id)
		}
		g.Sections = append(g.Sections, sec)
	}
	if c.Round < 1 || c.Round > len(g.Sections) {
		return nil, fmt.Errorf("challenge %d: round %d of %d", c.ID, c.Round, len(g.Sections))
	}
	return g, nil
}

// Round returns the game if it still runs the round, else ErrRoundOver.
func (s *Service) Round(ctx context.Context, id int64, round int) (*Game, error) {
	c, err := s.store.Challenge(ctx, id)
	if err != nil {
		if errors.Is(err, startupqa.ErrNotFound) {
			return nil, ErrRoundOver
		}
		return nil, err
	}
	if c.State != startupqa.ChallengeRunning || c.Round != round {
		return nil, ErrRoundOver
	}
	return s.game(c)
}

// Join lets a member answer the round: it fails with ErrNoMoreAnswers
// after MaxSubmissions, and ErrRoundOver once the round ended.
func (s *Service) Join(ctx context.Context, id int64, round int, userID string) (*Game, error) {
	g, err := s.Round(ctx, id, round)
	if err != nil {
		return nil, err
	}
	n, err := s.store.JoinRound(ctx, id, round, userID)
	if err != nil {
		return nil, err
	}
	if n >= MaxSubmissions {
		return nil, ErrNoMoreAnswers
	}
	return g, nil
}

// Hint returns a key point for a member to think of: the first they
// missed in their answer, or, before they answered, the next of the
// section's points. "" means they covered every point. It costs HintCost
// points this round.
func (s *Service) Hint(ctx context.Context, id int64, round int, userID string) (string, *Game, error) {
	g, err := s.Round(ctx, id, round)
	if err != nil {
		return "", nil, err
	}
	attempts, err := s.store.Attempts(ctx, id, round)
	if err != nil {
		return "", nil, err
	}
	for _, a := range attempts {
		if a.UserID == userID {
			if len(a.Missed) == 0 {
				return "", g, nil
			}
			if _, err := s.store.TakeHint(ctx, id, round, userID); err != nil {
				return "", nil, err
			}
			return a.Missed[0], g, nil
		}
	}
	pts := grade.KeyPoints(g.Section(round))
	if len(pts) == 0 {
		return "", g, nil
	}
	taken, err := s.store.TakeHint(ctx, id, round, userID)
	if err != nil {
		return "", nil, err
	}
	return pts[min(taken, len(pts)-1)].Name, g, nil
}

// Verdict is how a member's answer fared.
type Verdict struct {
	Game   *Game
	Result grade.Result
	Points int
	First  bool // the round's first complete answer
	Streak int  // rounds in a row at StreakThreshold, this one included
	// Everyone is set when every player has answered the round: the
	// caller ends it early.
	Everyone bool
}

// Answer grades a member's answer to the round, records it (a second one
// replaces the first) and says how it fared.
func (s *Service) Answer(ctx context.Context, id int64, round int, userID, answer string) (*Verdict, error) {
	g, err := s.Round(ctx, id, round)
	if err != nil {
		return nil, err
	}
	gr, err := s.grader()
	if err != nil {
		return nil, err
	}
	sec := g.Section(round)
	res := gr.Grade(sec, answer)
	ok, err := s.store.CountSubmission(ctx, id, round, userID, MaxSubmissions)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, ErrNoMoreAnswers
	}
	v := &Verdict{Game: g, Result: res}
	if len(res.Missed) == 0 && len(res.Covered) > 0 && !s.solo {
		if v.First, err = s.store.CountSubmission(ctx, id, round, firstSlot, 1); err != nil {
			return nil, err
		}
	}
	standing, err := s.store.RoundStanding(ctx, id, round, userID)
	if err != nil {
		return nil, err
	}
	if st, err := s.store.MemberStats(ctx, g.GuildID, userID, StreakThreshold); err == nil {
		v.Streak = st.Streak
	}
	if res.Score >= StreakThreshold {
		v.Streak++
	} else {
		v.Streak = 0
	}
	v.Points = Points(res.Score, v.First, v.Streak, standing.Hints)
	a := &startupqa.Attempt{
		ChallengeID: id, Round: round, GuildID: g.GuildID, ChannelID: g.ChannelID, UserID: userID,
		SectionID: sec.ID, Answer: answer, Score: res.Score, Points: v.Points,
		Covered: res.Covered, Missed: res.Missed,
	}
	if err := s.store.RecordRoundAttempt(ctx, a); err != nil {
		return nil, err
	}
	v.Everyone = everyoneAnswered(standing, round)
	return v, nil
}

// everyoneAnswered reports whether the round can end early: every member
// who joined any round so far has answered this one (the one answering
// just did). In the first round, when players are still joining, that
// takes two of them, so that the fastest does not end it for those still
// reading.
func everyoneAnswered(s startupqa.RoundStanding, round int) bool {
	if round == 1 && s.Joined < 1 {
		return false
	}
	return s.Answered == s.Joined
}

// RoundEnd is what ending a round reveals.
type RoundEnd struct {
	Game     *Game // as the round was played
	Round    int
	Attempts []startupqa.Attempt // the round's, most points first
	// Next is the game at its next round, nil after the last round or a
	// stop; Totals then holds each member's points in the challenge.
	Next   *Game
	Totals map[string]int
}

// End ends a round: on to the next, or, after the last or when stop is
// set, the end of the challenge. Of several ends of one round (its timer
// in several processes, a skip, the last answer) one returns the
// RoundEnd; the others get nil and no error. When the round ended but
// what it revealed could not be read, End returns the RoundEnd (Next set
// if the game goes on) with the error.
func (s *Service) End(ctx context.Context, id int64, round int, stop bool) (*RoundEnd, error) {
	g, err := s.Round(ctx, id, round)
	if errors.Is(err, ErrRoundOver) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	now := s.now()
	next := g.Challenge
	last := stop || round == len(g.Sections)
	if last {
		next.State = startupqa.ChallengeEnded
	} else {
		next.Round++
		next.RoundEndsAt = now.Add(time.Duration(next.Seconds) * time.Second)
	}
	next.UpdatedAt = now
	won, err := s.store.AdvanceRound(ctx, &next, round)
	if err != nil || !won {
		return nil, err
	}
	// The round has moved on in the store: Next says so even if a read
	// below fails, so that the caller never takes a game that goes on for
	// one that ended.
	end := &RoundEnd{Game: g, Round: round}
	if !last {
		end.Next = &Game{Challenge: next, Sections: g.Sections}
	}
	if end.Attempts, err = s.store.Attempts(ctx, id, round); err != nil {
		return end, err
	}
	if !last {
		return end, nil
	}
	end.Totals = map[string]int{}
	for r := 1; r <= round; r++ {
		attempts := end.Attempts
		if r != round {
			if attempts, err = s.store.Attempts(ctx, id, r); err != nil {
				return end, err
			}
		}
		for _, a := range attempts {
			end.Totals[a.UserID] += a.Points
		}
	}
	return end, nil
}

// Due returns the running challenges whose round time is up, oldest end
// first: what a process's clock ends with End.
func (s *Service) Due(ctx context.Context) ([]startupqa.Challenge, error) {
	running, err := s.store.RunningChallenges(ctx)
	if err != nil {
		return nil, err
	}
	now := s.now()
	due := running[:0]
	for _, c := range running {
		if !c.RoundEndsAt.IsZero() && !c.RoundEndsAt.After(now) {
			due = append(due, c)
		}
	}
	slices.SortFunc(due, func(a, b startupqa.Challenge) int { return a.RoundEndsAt.Compare(b.RoundEndsAt) })
	return due, nil
}
