package index

import (
	"cmp"
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
)

// Reranker orders the matches of a search by a model of which of them is
// the one the question asks about: a conditional logit over what each
// section covers of the question, fitted on the labelled questions of
// several corpora (see eval.FitReranker).
//
// The first ordering (rank) adds up a passage's coverage, a share of
// BM25 and a share of what the whole section covers, with weights chosen
// by hand on the tuning corpora. The model weighs the same measures and a
// few more (how much of the question the section's title and question
// say and how much its heading covers, which of the question's text the
// section has at all, the known words it leaves unmatched) and is fitted
// on the tuning questions alone. On the held-out questions of 31 corpora
// it puts the right section first on 92.1 % against 89.9 % (2,096 in
// scope; 92.6 % with the word lists that came after it), on the
// cross-lingual holdouts 92.2 against 88.3 %; on the built-in article's
// tuning questions 94.6 against 95.1 %, where two sections (§3 and §6)
// both speak of its challenges.
type Reranker struct {
	Weights []float64 `json:"weights"` // one per RerankFeatureNames entry
	// Note says how the model was fitted.
	Note string `json:"note,omitempty"`
}

// RerankFeatureNames names the entries of a match's RerankFeatures.
var RerankFeatureNames = []string{"score", "score_ratio", "coverage", "passage", "bm25", "heading", "title", "chars", "unmatched_known", "heading_coverage"}

// Score is the model's logit for a match's features.
func (r Reranker) Score(x []float64) float64 { return dot(r.Weights, x) }

//go:embed rerank.json
var rerankJSON []byte

// DefaultReranker is the model fitted on the tuning questions of
// testdata/corpora; `go test ./eval -run TestCalibration -update` refits
// it with the confidence model.
func DefaultReranker() Reranker {
	var r Reranker
	if err := json.Unmarshal(rerankJSON, &r); err != nil || len(r.Weights) != len(RerankFeatureNames) {
		panic(fmt.Sprintf("index: rerank.json does not fit %d features: %v", len(RerankFeatureNames), err))
	}
	return r
}

// rerank orders ms by the reranker, sets each match's Score to the
// model's share of the chance among them, and returns its lead: its
// share of the chance between its first and second match (1 when there
// is one match). The lead, not the first's Score, goes into confidence:
// the weakest matches of a question come and go with Bleve's last bits
// (two builds of the same notes break ties among equal scores
// differently), and a share over all of them moved confidence with them.
func (ix *Index) rerank(pq *parsed, ms []Match) (lead float64) {
	if len(ms) == 0 {
		return 0
	}
	top := 0.0
	for _, m := range ms {
		top = max(top, m.Score)
	}
	zs := make([]float64, len(ms))
	for i := range ms {
		ms[i].features = ix.rerankFeatures(pq, &ms[i], top)
		zs[i] = ix.params.Reranker.Score(ms[i].features)
	}
	zmax := slices.Max(zs)
	total := 0.0
	for _, z := range zs {
		total += math.Exp(z - zmax)
	}
	for i := range ms {
		ms[i].Score = math.Exp(zs[i]-zmax) / total
		ms[i].logit = zs[i]
	}
	slices.SortStableFunc(ms, func(a, b Match) int {
		return cmp.Or(cmp.Compare(b.logit, a.logit), cmp.Compare(a.Section.ID, b.Section.ID))
	})
	if len(ms) == 1 {
		return 1
	}
	return 1 / (1 + math.Exp(ms[1].logit-ms[0].logit))
}

// rerankFeatures measures a match for the reranker, in the order of
// RerankFeatureNames. top is the best first-order score of the search.
func (ix *Index) rerankFeatures(pq *parsed, m *Match, top float64) []float64 {
	head := strings.ToLower(headingTitle(m.Section) + "\n" + m.Section.Question)
	text := ix.sectionText(m.Section.ID)
	covered := coveredUnits(pq, m.matched)
	var total, title, chars, unmatched float64
	for i, u := range pq.units {
		total += u.weight
		w := pq.q[u.start:u.end]
		if strings.Contains(head, w) {
			title += u.weight
		}
		if covered[i] || strings.Contains(text, w) {
			chars += u.weight
		}
		if !covered[i] && u.known {
			unmatched += u.weight
		}
	}
	if total == 0 {
		total = 1
	}
	ratio, heading := 0.0, 0.0
	if top > 0 {
		ratio = m.Score / top
	}
	if m.passageN == 0 {
		heading = 1
	}
	// The heading passage's own coverage, in the index's terms: a
	// heading that covers the question names its topic, where an answer
	// that does may only mention it.
	headTerms := map[string]bool{}
	ix.matchedTerms(docID(m.Section.ID, 0), ix.termsFor(pq, m.Section.ID), headTerms)
	return []float64{m.Score, ratio, m.Coverage, m.passageCoverage, m.bm25Share, heading,
		title / total, chars / total, unmatched / total, coverage(pq, headTerms)}
}

// RerankFeatures are what the reranker measured of the match, in the
// order of RerankFeatureNames: what a model is fitted on.
func (m Match) RerankFeatures() []float64 { return m.features }
