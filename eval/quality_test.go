package eval_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/startupqa/startupqa/eval"
	"github.com/startupqa/startupqa/index"
	"github.com/startupqa/startupqa/index/indextest"
)

// floors are the figures the engine must hold on a labelled question set
// of the default corpus.
type floors struct {
	top1    float64 // in-scope questions answered with the right section first
	top3    float64 // in-scope questions with the right section in the first three
	abstain float64 // off-topic questions abstained on
}

// eval.jsonl is what ranking and abstention are tuned on; holdout.jsonl was
// written alongside it by another author and not tuned on, so its floors
// are lower and it shows whether the tuning generalises.
var sets = []struct {
	name string
	floors
}{
	{"eval", floors{top1: 0.90, top3: 0.95, abstain: 0.90}},
	{"holdout", floors{top1: 0.75, top3: 0.95, abstain: 0.85}},
	// Traditional, English and more mixed questions: floors just under
	// today's figures (85.7 % and 75 % top-1, 90 % abstention) guard
	// against regressions while the multilingual work goes on.
	{"eval-more", floors{top1: 0.80, top3: 0.95, abstain: 0.85}},
	{"holdout-more", floors{top1: 0.70, top3: 0.90, abstain: 0.85}},
}

func buildDefault(t testing.TB) *index.Index { return indextest.Default(t) }

func readCases(t *testing.T, path string) []eval.Case {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cases, err := eval.ReadCases(f, path)
	if err != nil {
		t.Fatal(err)
	}
	return cases
}

func TestQuality(t *testing.T) {
	ix := buildDefault(t)
	for _, set := range sets {
		t.Run(set.name, func(t *testing.T) {
			cases := readCases(t, "../testdata/"+set.name+".jsonl")
			rep, err := eval.Run(context.Background(), ix, cases)
			if err != nil {
				t.Fatal(err)
			}
			var table strings.Builder
			rep.WriteTable(&table)
			t.Logf("\n%s", table.String())
			for _, o := range rep.Outcomes {
				if !o.Correct() {
					t.Logf("miss line %d (%s): %q expect %v answered=%v ranked=%v", o.Case.Line, o.Case.Kind, o.Case.Q, o.Case.Expect, o.Answered, o.Ranked)
				}
			}
			if got := rep.Overall.Top1; got < set.top1 {
				t.Errorf("in-scope top-1 = %.1f%%, want ≥ %.0f%%", 100*got, 100*set.top1)
			}
			if got := rep.Overall.Top3; got < set.top3 {
				t.Errorf("in-scope top-3 = %.1f%%, want ≥ %.0f%%", 100*got, 100*set.top3)
			}
			if got := rep.Overall.AbstainRecall; got < set.abstain {
				t.Errorf("off-topic abstention = %.1f%%, want ≥ %.0f%%", 100*got, 100*set.abstain)
			}
		})
	}
}
