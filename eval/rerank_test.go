package eval

import (
	"math"
	"math/rand/v2"
	"slices"
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
		if i%4 == 0 {
			// Some questions have two right sections.
			o = outcome("c", []string{"s/2", "s/3"}, false, 0, "s/1", "s/2", "s/3")
			o.Corpus = "a"
			o.Features = [][]float64{features(false), features(true), features(true)}
		}
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
		if i != title && math.Abs(w) > rr.Weights[title]/4 {
			t.Errorf("weight %d (%s) = %.3f beside title's %.3f: noise weighs too much", i, index.RerankFeatureNames[i], w, rr.Weights[title])
		}
	}
	wrongFirst := 0
	for _, o := range outs[:200] {
		best := 0
		for i, x := range o.Features {
			if rr.Score(x) > rr.Score(o.Features[best]) {
				best = i
			}
		}
		if o.Rank == 0 || !slices.Contains(o.Case.Expect, o.Ranked[best]) {
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

// Each corpus weighs the same, however many questions it has: asking
// every question of one corpus three times over leaves the fit as it was.
func TestFitRerankerWeighsCorporaAlike(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var outs []Outcome
	for i := range 120 {
		o := outcome("c", []string{"s/2"}, false, 0, "s/1", "s/2", "s/3")
		o.Corpus = []string{"large", "large", "large", "small"}[i%4]
		for range 3 {
			x := make([]float64, len(index.RerankFeatureNames))
			for a := range x {
				x[a] = r.Float64()
			}
			o.Features = append(o.Features, x)
		}
		o.Features[1][6] += 0.3 // the right section says more of the question in its title
		outs = append(outs, o)
	}
	once, err := FitReranker(outs)
	if err != nil {
		t.Fatal(err)
	}
	thrice := slices.Clone(outs)
	for _, o := range outs {
		if o.Corpus == "large" {
			thrice = append(thrice, o, o)
		}
	}
	again, err := FitReranker(thrice)
	if err != nil {
		t.Fatal(err)
	}
	for i := range once.Weights {
		if math.Abs(once.Weights[i]-again.Weights[i]) > 2e-4 {
			t.Errorf("weight %d (%s): %v, and %v with the large corpus's questions asked three times", i, index.RerankFeatureNames[i], once.Weights[i], again.Weights[i])
		}
	}
}

// Where a question has two right sections whose features straddle a
// wrong one (rights at 0 and 1.5, the wrong one at 0.3), the conditional
// logit's likelihood is not concave, and a full Newton step from zero goes
// downhill; the fit must still end uphill of where it started, at the
// maximum (weight[0] near 3).
func TestFitRerankerClimbs(t *testing.T) {
	d := len(index.RerankFeatureNames)
	f := func(v float64) []float64 { x := make([]float64, d); x[0] = v; return x }
	var outs []Outcome
	for i := range 60 {
		o := outcome([]string{"a", "b"}[i%2], []string{"s/1", "s/3"}, false, 0, "s/1", "s/2", "s/3")
		o.Features = [][]float64{f(0), f(0.3), f(1.5)}
		outs = append(outs, o)
	}
	r, err := FitReranker(outs)
	if err != nil {
		t.Fatal(err)
	}
	got := penalisedLL(r.Weights, outs)
	if start := penalisedLL(make([]float64, d), outs); got < start {
		t.Errorf("FitReranker returned weight[0]=%v with penalised log-likelihood %.4f, below %.4f at its starting point w=0", r.Weights[0], got, start)
	}
	w := make([]float64, d)
	w[0] = 3
	if other := penalisedLL(w, outs); other > got+1e-9 {
		t.Errorf("FitReranker returned weight[0]=%v (log-likelihood %.4f); weight[0]=3 reaches %.4f", r.Weights[0], got, other)
	}
}

// A feature that is not a number (a future feature's 0/0) is refused,
// not fitted into weights that are all NaN.
func TestFitRerankerRejectsNaN(t *testing.T) {
	d := len(index.RerankFeatureNames)
	var outs []Outcome
	for i := range 60 {
		o := outcome([]string{"a", "b"}[i%2], []string{"s/2"}, false, 0, "s/1", "s/2")
		x := func(v float64) []float64 { x := make([]float64, d); x[6] = v; x[0] = float64(i%7) / 7; return x }
		o.Features = [][]float64{x(0.1), x(0.9)}
		outs = append(outs, o)
	}
	outs[0].Features[0][3] = math.NaN()
	if r, err := FitReranker(outs); err == nil {
		t.Errorf("FitReranker on a NaN feature: weights %v and no error", r.Weights)
	}
}

// penalisedLL is the objective FitReranker maximises.
func penalisedLL(w []float64, outs []Outcome) float64 {
	perCorpus := map[string]int{}
	type q struct {
		xs     [][]float64
		right  []bool
		corpus string
	}
	var qs []q
	for _, o := range outs {
		x := q{xs: o.Features, corpus: o.Corpus}
		n := 0
		for _, id := range o.Ranked {
			r := false
			for _, e := range o.Case.Expect {
				r = r || e == id
			}
			if r {
				n++
			}
			x.right = append(x.right, r)
		}
		if n == 0 || n == len(o.Ranked) {
			continue
		}
		qs = append(qs, x)
		perCorpus[o.Corpus]++
	}
	ll, total := 0.0, 0.0
	for _, x := range qs {
		wt := 1 / float64(perCorpus[x.corpus])
		total += wt
		all, right := 0.0, 0.0
		for i, f := range x.xs {
			e := math.Exp(dot(w, f))
			all += e
			if x.right[i] {
				right += e
			}
		}
		ll += wt * (math.Log(right) - math.Log(all))
	}
	pen := 0.0
	for _, v := range w {
		pen += v * v
	}
	return ll - 0.5*fitL2*total*pen
}
