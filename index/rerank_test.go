package index

import (
	"math"
	"slices"
	"testing"
)

// The reranker decides the order: one that tells sections apart by
// nothing gives each the same share and leaves them in id order, one that
// prefers what the first ranking put last turns its order round, and the
// fitted one finds the section the question names.
func TestRerankOrders(t *testing.T) {
	ix := build(t, defaultCorpus(t))
	const q = "大模型创业公司如何制定创新策略"
	flat := ix.Params()
	flat.Reranker = Reranker{Weights: make([]float64, len(RerankFeatureNames))}
	r := ask(t, ix.WithParams(flat), q)
	if len(r.Matches) < 3 {
		t.Fatalf("%d matches; the test needs several", len(r.Matches))
	}
	ids := make([]string, len(r.Matches))
	for i, m := range r.Matches {
		ids[i] = m.Section.ID
		if want := 1 / float64(len(r.Matches)); math.Abs(m.Score-want) > 1e-12 {
			t.Errorf("flat reranker: %s share %v, want %v", m.Section.ID, m.Score, want)
		}
	}
	if !slices.IsSorted(ids) {
		t.Errorf("flat reranker: order %v, want id order", ids)
	}
	// One that prefers a lower first-ranking score turns that order
	// round: the model's order is the one kept.
	low := ix.Params()
	low.Reranker = Reranker{Weights: make([]float64, len(RerankFeatureNames))}
	low.Reranker.Weights[0] = -1 // "score"
	r = ask(t, ix.WithParams(low), q)
	for i := 1; i < len(r.Matches); i++ {
		if prev, cur := r.Matches[i-1].RerankFeatures()[0], r.Matches[i].RerankFeatures()[0]; cur < prev {
			t.Errorf("reranker preferring low scores: match %d scores %v in the first ranking, above match %d's %v", i, cur, i-1, prev)
		}
	}
	if r.Matches[len(r.Matches)-1].Section.ID != "llm-startup/4" {
		t.Errorf("reranker preferring low scores: last %s, want llm-startup/4, the first ranking's best", r.Matches[len(r.Matches)-1].Section.ID)
	}
	r = ask(t, ix, q)
	if topID(r) != "llm-startup/4" {
		t.Errorf("fitted reranker: first %s, want llm-startup/4", topID(r))
	}
	for _, m := range r.Matches {
		if len(m.RerankFeatures()) != len(RerankFeatureNames) {
			t.Errorf("%s: %d features, want %d", m.Section.ID, len(m.RerankFeatures()), len(RerankFeatureNames))
		}
	}
}
