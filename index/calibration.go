package index

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
)

// Signals describe how well the best section fits a question: the best of
// the first ranking, whose measures say whether the corpus answers the
// question at all, and how far the reranker prefers the section it puts
// first. Confidence is computed from them by a logistic model fitted on
// labelled questions of several corpora (see Calibration), so that it
// means the chance that the first match is the right one.
type Signals struct {
	// Coverage is the weighted share of the question the best section
	// covers, where the parts the corpus lacks count against it in full
	// and those it has elsewhere in part.
	Coverage float64
	// Passage is the plain weighted share of the question that the best
	// single passage covers.
	Passage float64
	// Margin is how far the best section's score leads the second's,
	// relative to the best: 1 when nothing else matched.
	Margin float64
	// Unknown is the share of the question's weight that no passage of the
	// corpus has: words of another topic, or words said otherwise.
	Unknown float64
	// Missing is the share of the question's weight in whole terms the
	// corpus lacks (four or more touching units it has no word for).
	Missing float64
	// Units is how many units (Han characters, other words) the question
	// has after its question phrases are dropped.
	Units int
	// Gap is how much more of the question the best section covers than
	// the second (its Coverage less the second's); Coverage when alone.
	Gap float64
	// Score is the best section's ranking score: its best passage's
	// coverage with a share of BM25, plus a share of what all its passages
	// cover.
	Score float64
	// Chars is the weighted share of the question's units whose
	// characters (or, for other words, whose text) the best section has
	// anywhere, matched or not: a paraphrase (遗失 for 丢失, 评测 for 评估)
	// shares characters with the section it asks about, a question about
	// another topic (区块链) mostly does not.
	Chars float64
	// Heading is 1 when the best passage is the section's heading and
	// question, 0 when it is a paragraph, an item or the analysis.
	Heading float64
	// BM25 is the best section's top Bleve score over the top score of
	// any passage: 1 when plain BM25, a ranker that weighs the question
	// otherwise, puts the same section first. Two rankers that agree are
	// right more often than either alone.
	BM25 float64
	// UncoveredNoun, UncoveredVerb, UncoveredAdjective and UncoveredOther
	// split the question's weight that none of the best section's passages
	// covers (plain weight, as in Passage) by the class of the Chinese
	// word it is part of; English words and function words are in none. A noun
	// left over usually names a topic the section does not treat; a verb
	// or an adjective is more often the asker's way of saying what it
	// says (纠结, 翻车, 省钱). Measured on the tuning corpora, one corpus
	// held out at a time, the split lifted coverage at 95 % precision
	// from 75.9 to 81.2 %.
	UncoveredNoun, UncoveredVerb, UncoveredAdjective, UncoveredOther float64
	// Lead is the reranker's share of the chance on the section it puts
	// first, between it and the second: near 1 when the first stands out,
	// 1/2 when the two tie, 1 when alone. The signals above describe the
	// first ranking's best section (see Reranker): how well the corpus
	// answers the question at all.
	Lead float64
	// CrossLingual is 1 when a question without Chinese finds a section
	// with Chinese in it: its measures are read through translations,
	// which cover less of a question than its own words would, so the
	// same coverage means more. Fitted on the tuning corpora it lifted
	// held-out English questions answered right from 71.2 to 73.5 %.
	CrossLingual float64
}

// Features is the vector the logistic model reads, in the order of
// FeatureNames.
func (s Signals) Features() []float64 {
	return []float64{s.Coverage, s.Passage, s.Margin, s.Unknown, s.Missing, math.Log1p(float64(s.Units)), s.Gap, s.Score, s.Heading, s.Chars, s.BM25,
		s.UncoveredNoun, s.UncoveredVerb, s.UncoveredAdjective, s.UncoveredOther, s.Lead, s.CrossLingual}
}

// FeatureNames names the entries of Features.
var FeatureNames = []string{"coverage", "passage", "margin", "unknown", "missing", "log_units", "gap", "score", "heading", "chars", "bm25",
	"uncovered_noun", "uncovered_verb", "uncovered_adjective", "uncovered_other", "lead", "cross_lingual"}

// pairedFeatures is how many of the first features the model also weighs
// in pairs: those that measure the match (coverage … bm25), not the
// question's words or the reranker.
const pairedFeatures = 11

// Inputs is the vector the logistic model reads, in the order of
// InputNames: the features, CrossLingual times each measure of the match,
// and the product of each pair of those measures. What one measure says
// depends on another: a high coverage with no margin is a tie between
// sibling sections, a low one with a wide margin a question the corpus
// answers in other words. Chosen on the tuning corpora, four groups of
// corpora held out in turn (coverage at 95 % precision 72.9 → 74.1 %).
func (s Signals) Inputs() []float64 {
	f := s.Features()
	in := make([]float64, 0, len(InputNames))
	in = append(in, f...)
	for _, v := range f[:pairedFeatures] {
		in = append(in, s.CrossLingual*v)
	}
	for i := range pairedFeatures {
		for j := i; j < pairedFeatures; j++ {
			in = append(in, f[i]*f[j])
		}
	}
	return in
}

// InputNames names the entries of Inputs.
var InputNames = inputNames()

func inputNames() []string {
	names := append([]string{}, FeatureNames...)
	for _, n := range FeatureNames[:pairedFeatures] {
		names = append(names, "cross_lingual*"+n)
	}
	for i := range pairedFeatures {
		for j := i; j < pairedFeatures; j++ {
			names = append(names, FeatureNames[i]+"*"+FeatureNames[j])
		}
	}
	return names
}

// Calibration is a logistic model from Signals to the chance that the best
// section is right, and the line below which a search abstains.
type Calibration struct {
	Bias    float64   `json:"bias"`
	Weights []float64 `json:"weights"` // one per InputNames entry
	// Abstain is the confidence below which a search abstains: the lowest
	// line that kept answered precision at its target on the fitting set.
	Abstain float64 `json:"abstain"`
	// Note says how the model was fitted.
	Note string `json:"note,omitempty"`
}

// Confidence is the modelled chance that the best section is right.
func (c Calibration) Confidence(s Signals) float64 {
	return 1 / (1 + math.Exp(-c.Bias-dot(c.Weights, s.Inputs())))
}

// dot is a linear model's sum of weighted features; features beyond the
// weights (a model fitted before a feature was added) count for nothing.
func dot(weights, x []float64) float64 {
	z := 0.0
	for i, v := range x {
		if i < len(weights) {
			z += weights[i] * v
		}
	}
	return z
}

//go:embed calibration.json
var calibrationJSON []byte

// DefaultCalibration is the model fitted on the tuning questions of
// testdata/corpora; `go test ./eval -run TestCalibration -update` refits it.
func DefaultCalibration() Calibration {
	var c Calibration
	if err := json.Unmarshal(calibrationJSON, &c); err != nil || len(c.Weights) != len(InputNames) {
		panic(fmt.Sprintf("index: calibration.json does not fit %d inputs: %v", len(InputNames), err))
	}
	return c
}
