package index

import (
	"math"
	"slices"
	"testing"
)

// The reranker decides the order: one that tells sections apart by
// nothing gives each the same share and leaves them in id order, and the
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
