package eval

import (
	"math/rand/v2"
	"testing"

	"github.com/startupqa/startupqa/index"
)

// On questions whose right section is the one with the most title
// coverage, wherever the first ranking put it, the fitted reranker weighs
// title coverage up and puts the right section first.
func TestFitRerankerLearnsTheTellingFeature(t *testing.T) {
	const title = 6 // index of "title" in index.RerankFeatureNames
	if index.RerankFeatureNames[title] != "title" {
		t.Fatalf("feature %d is %q; the test assumes title", title, index.RerankFeatureNames[title])
	}
	r := rand.New(rand.NewPCG(1, 2))
	features := func(right bool) []float64 {
		x := make([]float64, len(index.RerankFeatureNames))
		for i := range x {
			x[i] = r.Float64() // noise, the same for right and wrong
		}
		x[title] = 0.4 * r.Float64()
		if right {
			x[title] += 0.5
		}
		return x
	}
	var outs []Outcome
	for i := range 200 {
		o := outcome("c", []string{"s/2"}, false, 0, "s/1", "s/2", "s/3")
		o.Corpus = []string{"a", "b"}[i%2]
		o.Features = [][]float64{features(false), features(true), features(false)}
		outs = append(outs, o)
	}
	// Off-topic questions and questions whose every section is right
	// teach nothing and must not upset the fit.
	outs = append(outs, outcome("a", nil, true, 0.9, "s/1"), outcome("a", []string{"s/1"}, true, 0.9, "s/1"))
	rr, err := FitReranker(outs)
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range rr.Weights {
		if i != title && w > rr.Weights[title]/4 {
			t.Errorf("weight %d (%s) = %.3f beside title's %.3f: noise weighs too much", i, index.RerankFeatureNames[i], w, rr.Weights[title])
		}
	}
	wrongFirst := 0
	for _, o := range outs[:200] {
		if rr.Score(o.Features[0]) > rr.Score(o.Features[1]) || rr.Score(o.Features[2]) > rr.Score(o.Features[1]) {
			wrongFirst++
		}
	}
	if wrongFirst > 0 {
		t.Errorf("the fitted reranker puts a wrong section first on %d of 200 questions", wrongFirst)
	}
	if _, err := FitReranker(outs[:5]); err == nil {
		t.Error("FitReranker on 5 questions: want an error")
	}
}
