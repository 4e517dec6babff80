// Package challenge is the study-group quiz with nothing of where it is
// played: which sections a challenge asks, how many points an answer
// earns (both used by the terminal too), and Service, the game itself —
// start, join, hint, answer, end a round, list those due — over a store
// that holds every fact of it, so that Discord's gateway, any HTTP
// replica, or a process started again after a crash serves the same game.
package challenge

import (
	"context"
	"maps"
	"math"
	"math/rand/v2"
	"strings"

	"github.com/startupqa/startupqa/corpus"
	"github.com/startupqa/startupqa/grade"
	"github.com/startupqa/startupqa/index"
)

// Searcher ranks sections for a topic; *index.Index is one.
type Searcher interface {
	Search(ctx context.Context, q string) (*index.Result, error)
}

// Pick chooses the sections of a challenge of n rounds: those matching the
// topic first, best match first, when a topic is given; then the rest of
// the corpus in random order. Sections whose answer has no key point to
// grade (only code, only a table) are asked only when no section has one:
// a right answer to them would score nothing; in the language the
// challenge is played in (lang, "zh" or "en"), since an English challenge
// grades the English companion's points. A section is asked at most once
// unless there are fewer of those that may be asked than rounds.
func Pick(ctx context.Context, c *corpus.Corpus, s Searcher, topic, lang string, n int, rng *rand.Rand) ([]*corpus.Section, error) {
	if n <= 0 || len(c.Sections) == 0 {
		return nil, nil
	}
	var picked []*corpus.Section
	seen := map[string]bool{}
	for _, sec := range c.Sections {
		if len(grade.KeyPoints(sec.In(lang))) == 0 {
			seen[sec.ID] = true
		}
	}
	if len(seen) == len(c.Sections) {
		clear(seen)
	}
	ungradable := maps.Clone(seen)
	if strings.TrimSpace(topic) != "" {
		res, err := s.Search(ctx, topic)
		if err != nil {
			return nil, err
		}
		for _, m := range res.Matches {
			if len(picked) < n && !seen[m.Section.ID] {
				seen[m.Section.ID] = true
				picked = append(picked, m.Section)
			}
		}
	}
	for len(picked) < n {
		rest := make([]*corpus.Section, 0, len(c.Sections))
		for _, sec := range c.Sections {
			if !seen[sec.ID] {
				rest = append(rest, sec)
			}
		}
		if len(rest) == 0 {
			// Every section asked: start over.
			clear(seen)
			maps.Copy(seen, ungradable)
			continue
		}
		rng.Shuffle(len(rest), func(i, j int) { rest[i], rest[j] = rest[j], rest[i] })
		for _, sec := range rest {
			if len(picked) == n {
				break
			}
			seen[sec.ID] = true
			picked = append(picked, sec)
		}
	}
	return picked, nil
}

// Scoring rules.
const (
	// MaxPoints is what a complete answer earns before bonuses.
	MaxPoints = 100
	// FirstCompleteBonus goes to the first member who covers every key
	// point of a round.
	FirstCompleteBonus = 20
	// StreakThreshold is the score from which a round extends a streak.
	StreakThreshold = 0.6
	// StreakBonus is earned per round of streak beyond the first, up to
	// MaxStreakBonus.
	StreakBonus    = 10
	MaxStreakBonus = 50
	// HintCost is taken off a round's points for each hint used.
	HintCost = 15
)

// Points is what an answer earns: its coverage, a bonus for the first
// complete answer of the round, a bonus for a streak of good rounds (the
// streak including this round), less the hints used. Never negative.
func Points(score float64, firstComplete bool, streak, hints int) int {
	p := int(math.Round(score * MaxPoints))
	if firstComplete {
		p += FirstCompleteBonus
	}
	if streak > 1 {
		p += min((streak-1)*StreakBonus, MaxStreakBonus)
	}
	return max(0, p-hints*HintCost)
}
