package eval_test

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"testing"

	"github.com/startupqa/startupqa/eval"
	"github.com/startupqa/startupqa/index"
	"github.com/startupqa/startupqa/index/indextest"
)

var update = flag.Bool("update", false, "refit ../index/calibration.json on the tuning questions of ../testdata/corpora")

// precisionTarget is the answered precision the abstention line is drawn
// for on the tuning questions. It is above the 95 % promised because a
// line drawn on one set of questions loses some of it on others.
const precisionTarget = 0.95

const suiteDir = "../testdata/corpora"

func opener(t *testing.T) eval.Opener {
	return func(ctx context.Context, dir string) (eval.Searcher, func(), error) {
		return indextest.Dir(t, dir), func() {}, nil
	}
}

// TestCalibration refits the confidence model on the tuning questions of
// every corpus and fails when the model the index embeds is not that fit:
// a change to ranking or to the corpora must come with a refit
// (go test ./eval -run TestCalibration -update).
func TestCalibration(t *testing.T) {
	corpora, err := eval.LoadSuite(suiteDir)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := eval.RunSuite(context.Background(), opener(t), corpora, eval.SplitTune)
	if err != nil {
		t.Fatal(err)
	}
	got, err := eval.Fit(rep.Outcomes, precisionTarget)
	if err != nil {
		t.Fatal(err)
	}
	got.Note = fmt.Sprintf("fitted by TestCalibration on the %d tuning questions of testdata/corpora; abstain line for %.0f%% answered precision", len(rep.Outcomes), 100*precisionTarget)
	if *update {
		data, err := json.MarshalIndent(got, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("../index/calibration.json", append(data, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want := index.DefaultCalibration()
	gj, _ := json.Marshal(got)
	wj, _ := json.Marshal(want)
	if string(gj) != string(wj) {
		t.Errorf("index/calibration.json is stale; refit with go test ./eval -run TestCalibration -update\n got %s\nwant %s", gj, wj)
	}
}
