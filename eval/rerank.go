package eval

import (
	"fmt"
	"math"
	"slices"

	"github.com/startupqa/startupqa/index"
)

// FitReranker fits the index's reranker to outcomes: a conditional logit
// that, for each in-scope question whose ranked sections hold both a
// right and a wrong one, puts as much of the chance on the right ones
// as it can. The ranked sections' features do not depend on their order,
// so a fit on outcomes ranked by one reranker is the fit for any other
// that finds the same sections.
//
// Each corpus weighs the same, as in Fit.
func FitReranker(outs []Outcome) (index.Reranker, error) {
	type question struct {
		xs     [][]float64
		right  []bool
		corpus string
		weight float64
	}
	var qs []question
	perCorpus := map[string]int{}
	for _, o := range outs {
		if !o.Case.InScope() || len(o.Features) != len(o.Ranked) {
			continue
		}
		for _, x := range o.Features {
			if !finite(x...) {
				return index.Reranker{}, fmt.Errorf("fit reranker: %q: features not finite: %v", o.Case.Q, x)
			}
		}
		q := question{xs: o.Features, corpus: o.Corpus}
		for _, id := range o.Ranked {
			q.right = append(q.right, slices.Contains(o.Case.Expect, id))
		}
		n := 0
		for _, r := range q.right {
			if r {
				n++
			}
		}
		if n == 0 || n == len(q.right) {
			continue // nothing to learn: no order would change the outcome
		}
		qs = append(qs, q)
		perCorpus[o.Corpus]++
	}
	d := len(index.RerankFeatureNames)
	if len(qs) < 4*d {
		return index.Reranker{}, fmt.Errorf("fit reranker: %d questions to learn from; too few for %d features", len(qs), d)
	}
	for i := range qs {
		qs[i].weight = 1 / float64(perCorpus[qs[i].corpus])
	}
	w, err := newton(d, 0, fitL2, fitIterations, func(w []float64) (float64, []float64, [][]float64, float64) {
		ll := 0.0
		grad, hess := zeros(d)
		total := 0.0
		for _, q := range qs {
			total += q.weight
			ll += q.weight * (logSumExp(w, q.xs, q.right) - logSumExp(w, q.xs, nil))
			all, right := softmax(w, q.xs, nil), softmax(w, q.xs, q.right)
			meanAll, meanRight := mean(all, q.xs), mean(right, q.xs)
			for a := range d {
				grad[a] += q.weight * (meanRight[a] - meanAll[a])
			}
			// The log-likelihood's Hessian is the covariance of the
			// features under the right sections' share less that under
			// all sections'; Newton's step solves with its negation.
			for i, x := range q.xs {
				for a := range d {
					for b := range d {
						hess[a][b] += q.weight * (all[i]*(x[a]-meanAll[a])*(x[b]-meanAll[b]) - right[i]*(x[a]-meanRight[a])*(x[b]-meanRight[b]))
					}
				}
			}
		}
		return ll, grad, hess, total
	})
	if err != nil {
		return index.Reranker{}, fmt.Errorf("fit reranker: %w", err)
	}
	r := index.Reranker{}
	for _, v := range w {
		r.Weights = append(r.Weights, round4(v))
	}
	return r, nil
}

// softmax is the model's share of the chance for each candidate, among
// those only where keep is non-nil.
func softmax(w []float64, xs [][]float64, keep []bool) []float64 {
	p := make([]float64, len(xs))
	zmax := math.Inf(-1)
	for i, x := range xs {
		if keep == nil || keep[i] {
			p[i] = dot(w, x)
			zmax = max(zmax, p[i])
		}
	}
	total := 0.0
	for i := range xs {
		if keep == nil || keep[i] {
			p[i] = math.Exp(p[i] - zmax)
			total += p[i]
		} else {
			p[i] = 0
		}
	}
	for i := range p {
		p[i] /= total
	}
	return p
}

// logSumExp is the log of the sum of e^(w·x) over the candidates, among
// those only where keep is non-nil.
func logSumExp(w []float64, xs [][]float64, keep []bool) float64 {
	zmax, zs := math.Inf(-1), make([]float64, len(xs))
	for i, x := range xs {
		zs[i] = dot(w, x)
		if keep == nil || keep[i] {
			zmax = max(zmax, zs[i])
		}
	}
	total := 0.0
	for i, z := range zs {
		if keep == nil || keep[i] {
			total += math.Exp(z - zmax)
		}
	}
	return zmax + math.Log(total)
}

func mean(p []float64, xs [][]float64) []float64 {
	m := make([]float64, len(xs[0]))
	for i, x := range xs {
		for a, v := range x {
			m[a] += p[i] * v
		}
	}
	return m
}
