package eval

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/startupqa/startupqa/index"
)

func outcome(corpus string, expect []string, answered bool, conf float64, ranked ...string) Outcome {
	o := Outcome{Case: Case{Q: "q", Expect: expect, Kind: "k"}, Corpus: corpus, Answered: answered, Confidence: conf, Ranked: ranked}
	for i, id := range ranked {
		for _, e := range expect {
			if o.Rank == 0 && id == e {
				o.Rank = i + 1
			}
		}
	}
	return o
}

func TestStats(t *testing.T) {
	outs := []Outcome{
		outcome("a", []string{"s/1"}, true, 0.9, "s/1", "s/2"), // right answer
		outcome("a", []string{"s/1"}, true, 0.8, "s/2", "s/1"), // wrong answer
		outcome("b", []string{"s/1"}, false, 0.3, "s/1"),       // right first, abstained
		outcome("b", nil, true, 0.7, "s/3"),                    // answered off-topic: wrong
		outcome("b", nil, false, 0.1, "s/3"),                   // abstained off-topic
		outcome("b", []string{"s/4"}, false, 0 /* no match */), // nothing matched
	}
	rep := NewReport(outs)
	all := rep.Overall
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"top-1", all.Top1, 1.0 / 4},
		{"first", all.FirstRight, 2.0 / 4},
		{"top-3", all.Top3, 3.0 / 4},
		{"precision", all.Precision, 1.0 / 3},
		{"coverage", all.Coverage, 2.0 / 4},
		{"abstention", all.AbstainRecall, 1.0 / 2},
	} {
		if math.Abs(c.got-c.want) > 1e-9 {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if len(rep.ByCorpus) != 2 || rep.ByCorpus[0].Name != "a" || rep.ByCorpus[1].N != 4 {
		t.Errorf("by corpus: %+v", rep.ByCorpus)
	}
	n := 0
	for _, b := range rep.Calibration {
		n += b.N
	}
	if n != 5 { // the search with no match has no confidence to bucket
		t.Errorf("calibration holds %d searches, want 5", n)
	}
	if b := rep.Calibration[9]; b.N != 1 || b.Right != 1 {
		t.Errorf("bucket 0.9–1.0 = %+v, want the one right answer", b)
	}
}

// On outcomes where coverage alone tells right from wrong, the fitted
// model gives right answers more confidence and draws the line between.
func TestFitSeparates(t *testing.T) {
	var outs []Outcome
	const n = 200 // two searches or more per input of the model
	for i := range n {
		cov := float64(i) / n
		right := cov >= 0.5
		o := outcome("c", []string{"s/1"}, false, 0, "s/2")
		if right {
			o = outcome("c", []string{"s/1"}, false, 0, "s/1")
		}
		o.Signals = index.Signals{Coverage: cov, Passage: 0.5, Margin: 0.5, Units: 4}
		outs = append(outs, o)
	}
	c, err := Fit(outs, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	lo := c.Confidence(index.Signals{Coverage: 0.2, Passage: 0.5, Margin: 0.5, Units: 4})
	hi := c.Confidence(index.Signals{Coverage: 0.8, Passage: 0.5, Margin: 0.5, Units: 4})
	if !(lo < c.Abstain && c.Abstain <= hi) {
		t.Errorf("confidence %.3f (wrong) and %.3f (right), abstain line %.3f: want the line between", lo, hi, c.Abstain)
	}
	if _, err := Fit(outs[:3], 0.95); err == nil {
		t.Error("Fit on 3 outcomes: want an error")
	}
}

func TestLoadSuite(t *testing.T) {
	dir := t.TempDir()
	write := func(path, data string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(dir, "b", QuestionsFile), `{"q": "x", "expect": [], "kind": "offtopic", "split": "holdout"}`+"\n")
	write(filepath.Join(dir, "a", QuestionsFile), `{"q": "y", "expect": ["a/1"], "kind": "title"}`+"\n")
	write(filepath.Join(dir, "notes", "only.md"), "# no questions here\n")
	cs, err := LoadSuite(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 || cs[0].Name != "a" || cs[1].Name != "b" {
		t.Fatalf("LoadSuite = %+v, want corpora a and b", cs)
	}
	if !cs[0].Cases[0].InSplit(SplitTune) || cs[1].Cases[0].InSplit(SplitTune) || !cs[1].Cases[0].InSplit(SplitHoldout) {
		t.Error("splits: an unmarked case is tuning, a holdout case is not")
	}
	// A suite of links to corpora kept elsewhere.
	links := t.TempDir()
	if err := os.Symlink(filepath.Join(dir, "a"), filepath.Join(links, "a")); err != nil {
		t.Fatal(err)
	}
	if linked, err := LoadSuite(links); err != nil || len(linked) != 1 || linked[0].Name != "a" {
		t.Errorf("LoadSuite of a link to a corpus = %+v, %v; want corpus a", linked, err)
	}
	one, err := LoadSuite(filepath.Join(dir, "a"))
	if err != nil || len(one) != 1 {
		t.Errorf("LoadSuite(a corpus) = %v, %v; want that one corpus", one, err)
	}
	if _, err := LoadSuite(filepath.Join(dir, "notes")); err == nil {
		t.Error("LoadSuite of a directory without questions: want an error")
	}
	write(filepath.Join(dir, "bad", QuestionsFile), `{"q": "z", "expect": [], "split": "train"}`+"\n")
	if _, err := LoadSuite(dir); err == nil {
		t.Error("a split other than tune or holdout: want an error")
	}
}

// The line also declines the off-topic questions: with every answer
// right, precision would let it fall to the lowest confidence, but at
// most 5 % of the off-topic questions, each corpus weighing the same, may
// stay above it.
func TestFitDeclinesOffTopic(t *testing.T) {
	cal := index.Calibration{Bias: -2, Weights: make([]float64, len(index.InputNames))}
	cal.Weights[0] = 4 // confidence rises with coverage
	var outs []Outcome
	for i := range 20 {
		o := outcome("a", nil, false, 0, "a/1") // off-topic, matched
		o.Signals = index.Signals{Coverage: float64(i) / 20}
		outs = append(outs, o)
	}
	// A second corpus with one off-topic question weighs as much as the
	// twenty of the first: it must be declined too.
	b := outcome("b", nil, false, 0, "b/1")
	b.Signals = index.Signals{Coverage: 0.5}
	outs = append(outs, b)
	line := declineLine(cal, outs, 0.95)
	declined := func(cov float64) bool { return cal.Confidence(index.Signals{Coverage: cov}) < line }
	// 5 % of two corpora's weight is a tenth of one: two of the first
	// corpus's twenty questions.
	if !declined(0.5) || !declined(17.0/20) {
		t.Errorf("line %.4f answers corpus b's question or the first corpus's third highest", line)
	}
	if declined(18.0 / 20) {
		t.Errorf("line %.4f declines the first corpus's two highest, which 5 %% allows", line)
	}
	if got := declineLine(cal, outs[:0], 0.95); got != 0 {
		t.Errorf("no off-topic questions: line %.4f, want 0", got)
	}
}
