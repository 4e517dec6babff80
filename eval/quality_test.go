package eval_test

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/startupqa/startupqa/eval"
	"github.com/startupqa/startupqa/index"
	"github.com/startupqa/startupqa/index/indextest"
)

// floors are the figures the engine must hold on a labelled question set
// of the default corpus.
type floors struct {
	top1    float64            // in-scope questions answered with the right section first
	top3    float64            // in-scope questions with the right section in the first three
	abstain float64            // off-topic questions abstained on
	kinds   map[string]float64 // top-1 by kind of question
}

// eval.jsonl is what ranking and abstention are tuned on: 283 questions,
// 30 in traditional characters, 66 in English, 25 mixed and 60 off-topic.
// Its floors are the issue's: in-scope top-1 95 %, traditional 95 %,
// English 90 %, off-topic abstention 95 %. holdout.jsonl was written
// alongside it by another author and is not tuned on (only its totals were
// looked at, to choose between settings), so its floors are lower and it
// shows whether the tuning generalises.
var sets = []struct {
	name string
	floors
}{
	{"eval", floors{top1: 0.95, top3: 0.99, abstain: 0.95,
		kinds: map[string]float64{"traditional": 0.95, "english": 0.90}}},
	{"holdout", floors{top1: 0.80, top3: 0.95, abstain: 0.90}},
	// colloquial.jsonl probes spoken Mandarin (训大模型一般咋弄): 35
	// questions in scope and 7 off-topic, the first 24 tuned on, the
	// other 18 not. It is the engine's weak spot, 54 % top-1, almost all
	// misses abstentions with the right section first, and is kept apart
	// so that eval.jsonl stays comparable; its floors only guard against
	// regressions.
	{"colloquial", floors{top1: 0.50, top3: 0.95, abstain: 0.85}},
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
			for kind, floor := range set.kinds {
				i := slices.IndexFunc(rep.ByKind, func(s eval.Stats) bool { return s.Name == kind })
				if i < 0 {
					t.Errorf("no %s questions", kind)
					continue
				}
				if got := rep.ByKind[i].Top1; got < floor {
					t.Errorf("%s top-1 = %.1f%%, want ≥ %.0f%%", kind, 100*got, 100*floor)
				}
			}
		})
	}
}
