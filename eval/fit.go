package eval

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/startupqa/startupqa/index"
)

// Fit fits the index's confidence model to outcomes: a logistic
// regression from each search's signals to whether its first match was
// right (an off-topic question's never is), then the lowest abstention
// line at which the answers given keep precision ≥ target and at least
// target of the off-topic questions are declined.
//
// Each corpus weighs the same in the fit however many questions it has, so
// that the built-in article's long question set does not make the model
// its own.
func Fit(outs []Outcome, target float64) (index.Calibration, error) {
	perCorpus := map[string]int{}
	for _, o := range outs {
		if len(o.Ranked) > 0 {
			perCorpus[o.Corpus]++
		}
	}
	var xs [][]float64
	var ys, ws []float64
	for _, o := range outs {
		if len(o.Ranked) == 0 {
			continue // nothing matched: the engine abstains without a model
		}
		x := o.Signals.Inputs()
		if !finite(x...) {
			return index.Calibration{}, fmt.Errorf("fit: %q: signals not finite: %v", o.Case.Q, x)
		}
		xs = append(xs, x)
		y := 0.0
		if o.FirstRight() {
			y = 1
		}
		ys = append(ys, y)
		ws = append(ws, 1/float64(perCorpus[o.Corpus]))
	}
	if len(xs) < 2*len(index.InputNames) {
		return index.Calibration{}, fmt.Errorf("fit: %d searches with a match; too few for %d inputs", len(xs), len(index.InputNames))
	}
	w, err := logistic(xs, ys, ws, fitL2, fitIterations)
	if err != nil {
		return index.Calibration{}, err
	}
	c := index.Calibration{Bias: round4(w[0])}
	for _, v := range w[1:] {
		c.Weights = append(c.Weights, round4(v))
	}
	c.Abstain = max(abstainLine(c, outs, target), declineLine(c, outs, target))
	return c, nil
}

const (
	fitL2         = 0.01 // ridge penalty: keeps weights finite on separable data
	fitIterations = 50   // Newton steps; it converges in well under 20
)

func round4(v float64) float64 { return math.Round(v*1e4) / 1e4 }

// logistic fits bias and weights by Newton's method on the penalised,
// sample-weighted log-likelihood; w[0] is the bias, which is not
// penalised.
func logistic(xs [][]float64, ys, sw []float64, l2 float64, iters int) ([]float64, error) {
	d := len(xs[0]) + 1
	total := 0.0
	for _, v := range sw {
		total += v
	}
	row := func(x []float64) []float64 { return append([]float64{1}, x...) }
	return newton(d, 1, l2, iters, func(w []float64) (float64, []float64, [][]float64, float64) {
		ll := 0.0
		grad, hess := zeros(d)
		for i, x := range xs {
			r := row(x)
			z := dot(w, r)
			p := sigmoid(z)
			// log p and log(1-p), without overflow for large |z|.
			ll += sw[i] * (ys[i]*-softplus(-z) + (1-ys[i])*-softplus(z))
			for a := range d {
				grad[a] += sw[i] * (ys[i] - p) * r[a]
				for b := range d {
					hess[a][b] += sw[i] * p * (1 - p) * r[a] * r[b]
				}
			}
		}
		return ll, grad, hess, total
	})
}

// softplus is log(1 + e^x).
func softplus(x float64) float64 {
	if x > 0 {
		return x + math.Log1p(math.Exp(-x))
	}
	return math.Log1p(math.Exp(x))
}

// likelihood is a log-likelihood to maximise: at w, its value, its
// gradient, the negation of its Hessian and the total sample weight that
// the ridge penalty is scaled by.
type likelihood func(w []float64) (ll float64, grad []float64, hess [][]float64, total float64)

// newton maximises a penalised log-likelihood of d weights from zero by
// Newton's method, the ridge penalty l2 (times the total weight) on the
// weights from index free on. Each step is halved until the penalised
// likelihood rises: the reranker's likelihood is not concave where a
// question has two right sections, and a full Newton step there can go
// downhill; where the Newton direction is not uphill at all, the step
// follows the gradient instead.
func newton(d, free int, l2 float64, iters int, f likelihood) ([]float64, error) {
	penalised := func(w []float64) (float64, []float64, [][]float64) {
		ll, grad, hess, total := f(w)
		for a := free; a < d; a++ {
			ll -= l2 * total * w[a] * w[a] / 2
			grad[a] -= l2 * w[a] * total
			hess[a][a] += l2 * total
		}
		return ll, grad, hess
	}
	w := make([]float64, d)
	ll, grad, hess := penalised(w)
	for range iters {
		if !finite(ll) || !finite(grad...) {
			return nil, fmt.Errorf("fit: the likelihood is not finite (%v)", ll)
		}
		step := solve(hess, grad)
		if step == nil || dot(step, grad) <= 0 {
			step = grad
		}
		moved := false
		for t := 1.0; t > 1e-9; t /= 2 {
			next := make([]float64, d)
			for a := range d {
				next[a] = w[a] + t*step[a]
			}
			nll, ngrad, nhess := penalised(next)
			if nll >= ll {
				change := 0.0
				for a := range d {
					change = max(change, math.Abs(next[a]-w[a]))
				}
				w, ll, grad, hess, moved = next, nll, ngrad, nhess, change >= 1e-9
				break
			}
		}
		if !moved {
			break
		}
	}
	if !finite(w...) {
		return nil, fmt.Errorf("fit: weights not finite: %v", w)
	}
	return w, nil
}

// finite reports whether no value is NaN or infinite.
func finite(vs ...float64) bool {
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

// zeros returns a gradient and a Hessian of d weights, all zero.
func zeros(d int) ([]float64, [][]float64) {
	hess := make([][]float64, d)
	for i := range hess {
		hess[i] = make([]float64, d)
	}
	return make([]float64, d), hess
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// solve returns x with a·x = b by Gaussian elimination with partial
// pivoting, or nil when a is singular.
func solve(a [][]float64, b []float64) []float64 {
	n := len(b)
	m := make([][]float64, n)
	for i := range a {
		m[i] = append(slices.Clone(a[i]), b[i])
	}
	for c := range n {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(m[r][c]) > math.Abs(m[p][c]) {
				p = r
			}
		}
		if math.Abs(m[p][c]) < 1e-12 {
			return nil
		}
		m[c], m[p] = m[p], m[c]
		for r := range n {
			if r == c {
				continue
			}
			f := m[r][c] / m[c][c]
			for k := c; k <= n; k++ {
				m[r][k] -= f * m[c][k]
			}
		}
	}
	x := make([]float64, n)
	for i := range n {
		x[i] = m[i][n] / m[i][i]
	}
	return x
}

// abstainLine is the lowest confidence line at which the answers given
// (searches at or above it) are right at least target of the time, so that
// coverage is as high as precision allows. Each corpus weighs the same, as
// in the fit: the line is for a group's notes, not for the corpus with the
// most questions.
func abstainLine(c index.Calibration, outs []Outcome, target float64) float64 {
	type scored struct {
		conf, weight float64
		right        bool
	}
	perCorpus := map[string]int{}
	for _, o := range outs {
		if len(o.Ranked) > 0 {
			perCorpus[o.Corpus]++
		}
	}
	var ss []scored
	for _, o := range outs {
		if len(o.Ranked) > 0 {
			ss = append(ss, scored{c.Confidence(o.Signals), 1 / float64(perCorpus[o.Corpus]), o.FirstRight()})
		}
	}
	slices.SortFunc(ss, func(a, b scored) int { return cmp.Compare(b.conf, a.conf) })
	line, right, given := 1.0, 0.0, 0.0
	for i, s := range ss {
		given += s.weight
		if s.right {
			right += s.weight
		}
		// Only a line between two distinct confidences can be drawn.
		if i+1 < len(ss) && ss[i+1].conf == s.conf {
			continue
		}
		if right/given >= target {
			line = s.conf
		}
	}
	return round4(line)
}

// declineLine is the lowest confidence line at which at least target of
// the off-topic questions are declined (nothing matched, or a confidence
// under the line). Precision alone does not hold the line up: corpora
// whose answers are nearly all right lower it, and the off-topic
// questions of every corpus then pass more often. Each corpus's off-topic
// questions weigh the same, as in abstainLine.
func declineLine(c index.Calibration, outs []Outcome, target float64) float64 {
	perCorpus := map[string]int{}
	for _, o := range outs {
		if !o.Case.InScope() {
			perCorpus[o.Corpus]++
		}
	}
	type scored struct{ conf, weight float64 }
	var ss []scored
	for _, o := range outs {
		if !o.Case.InScope() && len(o.Ranked) > 0 {
			ss = append(ss, scored{c.Confidence(o.Signals), 1 / float64(perCorpus[o.Corpus])})
		}
	}
	slices.SortFunc(ss, func(a, b scored) int { return cmp.Compare(b.conf, a.conf) })
	allowed := (1 - target) * float64(len(perCorpus)) // the weight that may be answered
	answered := 0.0
	for _, s := range ss {
		if answered += s.weight; answered > allowed+1e-9 {
			// A line just above this one's confidence declines it.
			return round4(math.Floor(s.conf*1e4)/1e4 + 1e-4)
		}
	}
	return 0
}
