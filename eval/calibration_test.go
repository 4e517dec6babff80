package eval_test

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"testing"

	"github.com/startupqa/startupqa/eval"
	"github.com/startupqa/startupqa/index"
	"github.com/startupqa/startupqa/index/indextest"
)

var update = flag.Bool("update", false, "refit ../index/rerank.json and ../index/calibration.json on the tuning questions of ../testdata/corpora")

// precisionTarget is the answered precision the abstention line is drawn
// for on the tuning questions. It is above the 95 % promised because a
// line drawn on one set of questions loses some of it on others.
const precisionTarget = 0.95

const suiteDir = "../testdata/corpora"

func opener(t *testing.T, p index.Params) eval.Opener {
	return func(ctx context.Context, dir string) (eval.Searcher, func(), error) {
		return indextest.Dir(t, dir).WithParams(p), func() {}, nil
	}
}

// TestCalibration refits the reranker and the confidence model on the
// tuning questions of every corpus and fails when the models the index
// embeds are not that fit: a change to ranking or to the corpora must come
// with a refit (go test ./eval -run TestCalibration -update).
//
// What the reranker learns from (each match's features, and which reading
// of a question is searched) depends on neither model, so it is fitted on
// a search with the embedded ones; the confidence model reads the
// reranker's lead, so it is fitted on a search with the new reranker.
func TestCalibration(t *testing.T) {
	ctx := context.Background()
	corpora, err := eval.LoadSuite(suiteDir)
	if err != nil {
		t.Fatal(err)
	}
	p := index.DefaultParams()
	rep, err := eval.RunSuite(ctx, shared(p), corpora, eval.SplitTune)
	if err != nil {
		t.Fatal(err)
	}
	if p.Reranker, err = eval.FitReranker(rep.Outcomes); err != nil {
		t.Fatal(err)
	}
	p.Reranker.Note = fmt.Sprintf("fitted by TestCalibration on the in-scope questions of the %d tuning questions of testdata/corpora", len(rep.Outcomes))
	if rep, err = eval.RunSuite(ctx, shared(p), corpora, eval.SplitTune); err != nil {
		t.Fatal(err)
	}
	if p.Calibration, err = eval.Fit(rep.Outcomes, precisionTarget); err != nil {
		t.Fatal(err)
	}
	p.Calibration.Note = fmt.Sprintf("fitted by TestCalibration on the %d tuning questions of testdata/corpora; abstain line for %.0f%% answered precision", len(rep.Outcomes), 100*precisionTarget)
	if *update {
		writeJSON(t, "../index/rerank.json", p.Reranker)
		writeJSON(t, "../index/calibration.json", p.Calibration)
		return
	}
	same(t, "index/rerank.json", p.Reranker.Weights, index.DefaultReranker().Weights)
	c, want := p.Calibration, index.DefaultCalibration()
	same(t, "index/calibration.json", append([]float64{c.Bias, c.Abstain}, c.Weights...), append([]float64{want.Bias, want.Abstain}, want.Weights...))
}

// same fails the test when a refitted model differs from the embedded
// one by more than fitTolerance in any number. Bleve's scores differ in
// their last bits from run to run (the order it sums in), which can swap
// two sections of equal score at the end of a question's matches and so
// move a fitted weight in its fourth decimal.
func same(t *testing.T, name string, got, want []float64) {
	t.Helper()
	stale := len(got) != len(want)
	for i := 0; !stale && i < len(got); i++ {
		stale = !(math.Abs(got[i]-want[i]) <= fitTolerance) // NaN is stale
	}
	if stale {
		t.Errorf("%s is stale; refit with go test ./eval -run TestCalibration -update\n got %v\nwant %v", name, got, want)
	}
}

const fitTolerance = 2e-3

func writeJSON(t *testing.T, path string, v any) {
	t.Helper()
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}
