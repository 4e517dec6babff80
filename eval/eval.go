// Package eval measures search quality on labelled questions: how often the
// right section comes first, how many of the answers given are right
// (answered precision), how many in-scope questions get an answer
// (coverage), how well the engine abstains on questions the corpus does not
// answer, and whether its confidence means what it says (calibration). A
// suite runs several corpora, each with its own questions, and splits them
// into the questions tuned on and a holdout.
package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/startupqa/startupqa/index"
)

// Case is one labelled question: a line of an eval file such as
// {"q": "LLM 的训练过程", "expect": ["llm-startup/2"], "kind": "mixed"}.
// An empty Expect means the engine must abstain.
type Case struct {
	Q      string   `json:"q"`
	Expect []string `json:"expect"`
	Kind   string   `json:"kind"`
	// Split is "tune" for questions that settings may be chosen on and
	// "holdout" for those that only measure; "" counts as tune.
	Split string `json:"split,omitempty"`
	Line  int    `json:"-"`
}

// InScope reports whether the corpus answers the question.
func (c Case) InScope() bool { return len(c.Expect) > 0 }

// The splits of a question set.
const (
	SplitTune    = "tune"
	SplitHoldout = "holdout"
)

// InSplit reports whether the case belongs to split; "" selects every case.
func (c Case) InSplit(split string) bool {
	return split == "" || c.Split == split || (c.Split == "" && split == SplitTune)
}

// ReadCases reads JSON Lines; blank lines and lines starting with // are
// skipped. name is used in errors.
func ReadCases(r io.Reader, name string) ([]Case, error) {
	var cases []Case
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "//") {
			continue
		}
		var c Case
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&c); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		if c.Q == "" {
			return nil, fmt.Errorf("%s:%d: empty question", name, n)
		}
		if c.Kind == "" {
			c.Kind = "unlabelled"
		}
		if c.Split != "" && c.Split != SplitTune && c.Split != SplitHoldout {
			return nil, fmt.Errorf("%s:%d: split %q: want %q or %q", name, n, c.Split, SplitTune, SplitHoldout)
		}
		c.Line = n
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return cases, nil
}

// Searcher is what an evaluation needs of the engine.
type Searcher interface {
	Search(ctx context.Context, q string) (*index.Result, error)
}

// Outcome is what the engine did with one case.
type Outcome struct {
	Case       Case
	Corpus     string // the suite corpus the case belongs to; "" alone
	Answered   bool
	Confidence float64 // the engine's confidence in its first match
	Signals    index.Signals
	Ranked     []string // section ids, best first
	Rank       int      // 1-based rank of the first expected section; 0 if absent
	// Features are what the reranker measured of each ranked section,
	// in the order of Ranked: what FitReranker fits.
	Features [][]float64
}

// Correct reports whether the engine did the right thing: answered with an
// expected section first, or abstained on an off-topic question.
func (o Outcome) Correct() bool {
	if !o.Case.InScope() {
		return !o.Answered
	}
	return o.Answered && o.Rank == 1
}

// FirstRight reports whether the first match is an expected section,
// whether or not the engine answered with it.
func (o Outcome) FirstRight() bool { return o.Case.InScope() && o.Rank == 1 }

// Run searches every case and scores the outcomes.
func Run(ctx context.Context, s Searcher, cases []Case) (*Report, error) {
	outs, err := search(ctx, s, cases, "")
	if err != nil {
		return nil, err
	}
	return NewReport(outs), nil
}

func search(ctx context.Context, s Searcher, cases []Case, corpus string) ([]Outcome, error) {
	outs := make([]Outcome, 0, len(cases))
	for _, c := range cases {
		res, err := s.Search(ctx, c.Q)
		if err != nil {
			return nil, fmt.Errorf("eval line %d: %w", c.Line, err)
		}
		o := Outcome{Case: c, Corpus: corpus, Answered: res.Answered, Confidence: res.Confidence, Signals: res.Signals}
		for i, m := range res.Matches {
			o.Ranked = append(o.Ranked, m.Section.ID)
			o.Features = append(o.Features, m.RerankFeatures())
			if o.Rank == 0 && slices.Contains(c.Expect, m.Section.ID) {
				o.Rank = i + 1
			}
		}
		outs = append(outs, o)
	}
	return outs, nil
}
