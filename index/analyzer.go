package index

import (
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
)

// Analyzer turns text into the terms the index matches on: full-width
// folded, the field's English terms and common paraphrases mapped to the
// corpus's words, particles dropped, CJK bigrams. The challenge grader uses
// it so that a member's answer is read the way questions are, except for
// the guards an index adds from its corpus's words (see newRewriter): the
// grader reads answers and key points alike, so a cut word is cut on both
// sides.
type Analyzer struct {
	a analysis.Analyzer
}

// NewAnalyzer returns the index's analyzer.
func NewAnalyzer() (*Analyzer, error) {
	m, err := newMapping()
	if err != nil {
		return nil, fmt.Errorf("analyzer: %w", err)
	}
	a := m.AnalyzerNamed(analyzerName)
	if a == nil {
		return nil, fmt.Errorf("analyzer %s missing", analyzerName)
	}
	return &Analyzer{a: a}, nil
}

// Terms returns the distinct terms of text, in order of first appearance.
func (an *Analyzer) Terms(text string) []string {
	var terms []string
	seen := map[string]bool{}
	for _, tok := range an.a.Analyze([]byte(normalizeQuery(strings.ToValidUTF8(text, " "), plainRewriter))) {
		t := string(tok.Term)
		if !seen[t] {
			seen[t] = true
			terms = append(terms, t)
		}
	}
	return terms
}
