package eval_test

import (
	"context"
	"testing"

	"github.com/startupqa/startupqa/eval"
	"github.com/startupqa/startupqa/index"
)

// The same index, built again from the same notes, gives each question
// the same confidence. Bleve's scores differ in their last bits from build
// to build, which moves sections in and out of the tail of a question's
// matches; a reranker's lead taken as a share over all of them moved 5–7
// of the 1,459 tuning questions' confidences from one build to the next.
func TestConfidenceIsReproducible(t *testing.T) {
	corpora, err := eval.LoadSuite(suiteDir)
	if err != nil {
		t.Fatal(err)
	}
	run := func(open eval.Opener) []eval.Outcome {
		rep, err := eval.RunSuite(context.Background(), open, corpora, eval.SplitTune)
		if err != nil {
			t.Fatal(err)
		}
		return rep.Outcomes
	}
	// The other tests' builds, then new ones.
	first := run(shared(index.DefaultParams()))
	for range 1 {
		differ := 0
		for i, o := range run(opener(t, index.DefaultParams())) {
			if a, b := first[i], o; a.Confidence != b.Confidence && (b.Confidence-a.Confidence > 1e-6 || a.Confidence-b.Confidence > 1e-6) {
				if differ < 3 {
					t.Errorf("%s %q: confidence %.6f (lead %.6f, %d matches), then %.6f (lead %.6f, %d matches)", a.Corpus, a.Case.Q, a.Confidence, a.Signals.Lead, len(a.Ranked), b.Confidence, b.Signals.Lead, len(b.Ranked))
				}
				differ++
			}
		}
		if differ > 0 {
			t.Errorf("%d of %d questions changed confidence between two builds of the same notes", differ, len(first))
			return
		}
	}
}
