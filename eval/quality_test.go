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

// The built-in corpus's question sets. eval.jsonl (283 questions: 30 in
// traditional characters, 66 in English, 25 mixed, 60 off-topic) was once
// tuned on with rules that knew the article's words; those rules are gone
// (issue 10: the engine must hold on notes it has never seen), and these
// floors sit just under what the general engine scores, to catch
// regressions. The goal for eval.jsonl, 95 % in-scope top-1, is
// not met: it scored 91.0 % at the end of the eleventh session, and 87.9 %
// (94.2 % with the right section first) since the twelfth's harder tuning
// corpora raised the line from 0.742 to 0.763.
// holdout.jsonl was written by another author and never tuned on;
// colloquial.jsonl probes spoken Mandarin (训大模型一般咋弄).
var sets = []struct {
	name string
	floors
}{
	// Its off-topic floor is 93 %: since the field lexicon's second part
	// (words/field.txt), "how does a diffusion model generate images"
	// reads as the article's image generation (4 of 60 answered, 3
	// before), while the holdouts of every corpus keep 95.8 %.
	{"eval", floors{top1: 0.87, top3: 0.97, abstain: 0.93,
		kinds: map[string]float64{"traditional": 0.85, "english": 0.72}}},
	{"holdout", floors{top1: 0.80, top3: 0.95, abstain: 0.95}},
	{"colloquial", floors{top1: 0.45, top3: 0.95, abstain: 0.95}},
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

// suiteFloors guard the holdout questions of every corpus of
// testdata/corpora, which no setting was chosen on one question at a time.
// They sit just under what the engine scores; the goals are first
// match right 90 %, answered precision 95 %, in-scope answered 85 % and
// off-topic abstention 95 %. Over the thirty-four corpora with holdouts at
// the end of the eleventh session (six more tuning corpora, the reranker,
// two more parts of the word lists, three sealed corpora written last, and
// near off-topic questions asked in chat Mandarin), the engine scores
// first 92.3 %, precision 96.6 %, cover 78.7 % and abstention 95.6 %. The
// line is drawn to decline 95 % of the tuning corpora's off-topic
// questions; the new tuning corpora's raised it (on the thirty-one before
// them, cover was 81.8 % and abstention 94.8 % at the start of the
// session), and the spoken off-topic questions, which pass more often
// than formal ones, raised it again (cover 80.2 → 78.7 %). In the twelfth
// session, two tuning corpora of notes split into topics and aspects,
// whose near off-topic questions ask an aspect the notes lack of a topic
// they have, raised it from 0.742 to 0.801 (36 corpora: cover 69.8 %,
// abstention 97.3 %); reading such notes better brought it to 0.763:
// first 91.7 %, precision 96.9 %, cover 75.1 %, abstention 95.9 %, and
// with two sealed corpora written last (38 corpora) 91.4, 96.9, 74.9 and
// 96.1 %. In the seventeenth, the confidence model learned to weigh pairs
// of measures (52 corpora): cover 77.1 → 79.6 %, precision 97.1 → 96.6 %,
// abstention 96.4 → 95.4 %.
var suiteFloors = struct{ first, precision, coverage, abstain float64 }{0.91, 0.96, 0.78, 0.95}

// floor is a figure a suite's holdouts must reach.
type floor struct {
	name      string
	got, want float64
}

// holdout runs the holdout questions of a suite and logs their table.
func holdout(t *testing.T, dir string) *eval.Report {
	t.Helper()
	return runSplit(t, dir, eval.SplitHoldout)
}

// runSplit runs one split of a suite's questions and logs their table.
func runSplit(t *testing.T, dir, split string) *eval.Report {
	t.Helper()
	corpora, err := eval.LoadSuite(dir)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := eval.RunSuite(context.Background(), shared(index.DefaultParams()), corpora, split)
	if err != nil {
		t.Fatal(err)
	}
	var table strings.Builder
	rep.WriteTable(&table)
	t.Logf("\n%s", table.String())
	return rep
}

func checkFloors(t *testing.T, floors ...floor) {
	t.Helper()
	for _, f := range floors {
		if f.got < f.want {
			t.Errorf("%s = %.1f%%, want ≥ %.0f%%", f.name, 100*f.got, 100*f.want)
		}
	}
}

func TestSuiteHoldout(t *testing.T) {
	rep := holdout(t, suiteDir)
	all := rep.Overall
	checkFloors(t,
		floor{"first match right", all.FirstRight, suiteFloors.first},
		floor{"answered precision", all.Precision, suiteFloors.precision},
		floor{"in-scope answered", all.Coverage, suiteFloors.coverage},
		floor{"off-topic abstention", all.AbstainRecall, suiteFloors.abstain})
	if len(rep.ByCorpus) < 8 {
		t.Errorf("%d corpora with holdout questions, want every one of testdata/corpora", len(rep.ByCorpus))
	}
}

// crosslingualFloors guard Chinese questions over notes written in English
// (testdata/crosslingual: five articles' English versions alone, asked the
// Chinese, traditional, mixed and off-topic questions of their corpora, and
// a sealed corpus written in English), just under what the engine scores
// on the holdout questions: 74.8 % top-1, 88.3 % first and 92.9 %
// abstention at the end of the ninth session, 68.4 %, 91.7 % and 95.7 %
// at the end of the twelfth (its line raised), 68.0 %, 92.2 % and 95.7 % at
// the seventeenth, when the confidence model learned to weigh pairs of
// measures (68.9 % top-1 before: the suite's holdout gained 2.1 points).
// The confidence model is fitted on the other suite only, and precision
// is lower there (95.2 %).
var crosslingualFloors = struct{ top1, first, abstain float64 }{0.67, 0.90, 0.90}

func TestCrosslingualHoldout(t *testing.T) {
	all := holdout(t, "../testdata/crosslingual").Overall
	checkFloors(t,
		floor{"top-1", all.Top1, crosslingualFloors.top1},
		floor{"first match right", all.FirstRight, crosslingualFloors.first},
		floor{"off-topic abstention", all.AbstainRecall, crosslingualFloors.abstain})
}

// TestFreeForm guards five tuning corpora read as free-form notes
// (testdata/freeform: their labels taken out), on the tuning questions the
// reading was chosen on: 79.9 % top-1 and 90.9 % first when it was,
// 76.4 % top-1 once six more tuning corpora raised the abstention line,
// 76.4 % and 94.3 % at the end of the eleventh session, and 73.9 % and
// 94.3 % at the end of the twelfth (its line raised).
func TestFreeForm(t *testing.T) {
	all := runSplit(t, "../testdata/freeform", eval.SplitTune).Overall
	checkFloors(t,
		floor{"top-1", all.Top1, 0.73},
		floor{"first match right", all.FirstRight, 0.93})
}
