// Package eval measures search quality on labelled questions: how often the
// right section comes first (top-1), among the first three (top-3), the mean
// reciprocal rank, and how well the engine abstains on questions the corpus
// does not answer.
package eval

import (
	"bufio"
	"cmp"
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
	Line   int      `json:"-"`
}

// InScope reports whether the corpus answers the question.
func (c Case) InScope() bool { return len(c.Expect) > 0 }

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
	Case     Case
	Answered bool
	Ranked   []string // section ids, best first
	Rank     int      // 1-based rank of the first expected section; 0 if absent
}

// Correct reports whether the engine did the right thing: answered with an
// expected section first, or abstained on an off-topic question.
func (o Outcome) Correct() bool {
	if !o.Case.InScope() {
		return !o.Answered
	}
	return o.Answered && o.Rank == 1
}

// Stats are the figures for a group of cases.
type Stats struct {
	Kind      string
	N         int     // cases in the group
	Top1      float64 // in scope: answered, with an expected section first
	Top3      float64 // in scope: an expected section among the first three
	MRR       float64 // in scope: mean of 1/rank
	InScope   int
	OffTop    int
	Abstained int // questions the engine declined, in scope or not
	// Abstention as a classifier of off-topic questions.
	AbstainPrecision float64 // abstentions that were off-topic
	AbstainRecall    float64 // off-topic questions abstained on
}

// Report is an evaluation's result.
type Report struct {
	Overall  Stats
	ByKind   []Stats
	Outcomes []Outcome
}

// Run searches every case and scores the outcomes.
func Run(ctx context.Context, s Searcher, cases []Case) (*Report, error) {
	outs := make([]Outcome, 0, len(cases))
	for _, c := range cases {
		res, err := s.Search(ctx, c.Q)
		if err != nil {
			return nil, fmt.Errorf("eval line %d: %w", c.Line, err)
		}
		o := Outcome{Case: c, Answered: res.Answered}
		for i, m := range res.Matches {
			o.Ranked = append(o.Ranked, m.Section.ID)
			if o.Rank == 0 && slices.Contains(c.Expect, m.Section.ID) {
				o.Rank = i + 1
			}
		}
		outs = append(outs, o)
	}
	rep := &Report{Overall: stats("all", outs), Outcomes: outs}
	kinds := map[string][]Outcome{}
	for _, o := range outs {
		kinds[o.Case.Kind] = append(kinds[o.Case.Kind], o)
	}
	for k, os := range kinds {
		rep.ByKind = append(rep.ByKind, stats(k, os))
	}
	slices.SortFunc(rep.ByKind, func(a, b Stats) int { return cmp.Compare(a.Kind, b.Kind) })
	return rep, nil
}

func stats(kind string, outs []Outcome) Stats {
	s := Stats{Kind: kind, N: len(outs)}
	var top1, top3, abstained, abstainedOff int
	var rr float64
	for _, o := range outs {
		if !o.Answered {
			abstained++
		}
		if !o.Case.InScope() {
			s.OffTop++
			if !o.Answered {
				abstainedOff++
			}
			continue
		}
		s.InScope++
		if o.Answered && o.Rank == 1 {
			top1++
		}
		if o.Rank >= 1 && o.Rank <= 3 {
			top3++
		}
		if o.Rank > 0 {
			rr += 1 / float64(o.Rank)
		}
	}
	if s.InScope > 0 {
		n := float64(s.InScope)
		s.Top1, s.Top3, s.MRR = float64(top1)/n, float64(top3)/n, rr/n
	}
	s.Abstained = abstained
	if abstained > 0 {
		s.AbstainPrecision = float64(abstainedOff) / float64(abstained)
	}
	if s.OffTop > 0 {
		s.AbstainRecall = float64(abstainedOff) / float64(s.OffTop)
	}
	return s
}

// WriteTable prints the report as an aligned text table, one row per kind
// and one for all cases.
func (r *Report) WriteTable(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%-12s %5s %7s %7s %7s %10s %10s\n", "kind", "n", "top-1", "top-3", "MRR", "abst-prec", "abst-rec")
	row := func(s Stats) {
		fmt.Fprintf(&b, "%-12s %5d %7s %7s %7s %10s %10s\n", s.Kind, s.N,
			pct(s.Top1, s.InScope), pct(s.Top3, s.InScope), num(s.MRR, s.InScope),
			pct(s.AbstainPrecision, s.Abstained), pct(s.AbstainRecall, s.OffTop))
	}
	for _, s := range r.ByKind {
		row(s)
	}
	row(r.Overall)
	_, err := io.WriteString(w, b.String())
	return err
}

func pct(v float64, n int) string {
	if n == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", 100*v)
}

func num(v float64, n int) string {
	if n == 0 {
		return "-"
	}
	return fmt.Sprintf("%.3f", v)
}
