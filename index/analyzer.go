package index

import (
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"

	"github.com/startupqa/startupqa/words"
)

// Analyzer turns text into the terms the index matches on: full-width
// folded, question phrases and particles dropped, CJK bigrams, English
// words stemmed. The challenge grader uses it so that a member's answer is
// read the way questions are.
type Analyzer struct {
	a   analysis.Analyzer
	lex *words.Lexicon
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
	lex, err := words.NewLexicon()
	if err != nil {
		return nil, fmt.Errorf("analyzer: %w", err)
	}
	return &Analyzer{a: a, lex: lex}, nil
}

// Chinese returns the Chinese words an English word or phrase may stand
// for (words.Lexicon.Chinese): the grader keeps those its key points use.
func (an *Analyzer) Chinese(phrase string) []string { return an.lex.Chinese(phrase) }

// Terms returns the distinct terms of text, in order of first appearance.
func (an *Analyzer) Terms(text string) []string {
	var terms []string
	seen := map[string]bool{}
	for _, tok := range an.a.Analyze([]byte(normalizeQuery(strings.ToValidUTF8(text, " ")))) {
		t := string(tok.Term)
		if !seen[t] {
			seen[t] = true
			terms = append(terms, t)
		}
	}
	return terms
}
