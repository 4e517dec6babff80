package index

import (
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	regexpchar "github.com/blevesearch/bleve/v2/analysis/char/regexp"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/stop"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/analysis/tokenmap"
	"github.com/blevesearch/bleve/v2/mapping"
)

// Field names of a passage document.
const (
	fieldTitle    = "title"    // section heading without its number
	fieldQuestion = "question" // the section's 题目
	fieldLead     = "lead"     // bold lead term of a list item
	fieldText     = "text"     // passage text
	fieldAlias    = "alias"    // the section's aliases, on its heading passage
)

// fields are the searched fields of a passage.
var fields = [...]string{fieldTitle, fieldQuestion, fieldLead, fieldText, fieldAlias}

// analyzerName is the analyzer for every text field and for queries.
const analyzerName = "startupqa_zh"

// stopChars are single characters removed before CJK bigrams are formed:
// particles and function words that glue a sentence together but never
// carry its topic. Removing them both at index and at query time keeps
// bigrams such as "型的" or "么是" from matching across word boundaries.
var stopChars = []string{
	"的", "了", "吗", "呢", "吧", "啊", "呀", "嘛", "么", "什", "怎", "哪",
	"啥", "咋", "是", "请", "和", "与", "及", "或", "谁", "之",
}

// newMapping builds the index mapping in code: one document type, the
// passage, whose text fields use CJK analysis (unicode tokenizer, full and
// half width folded, lower case, stop characters and English stop words
// removed, CJK bigrams).
func newMapping() (*mapping.IndexMappingImpl, error) {
	m := bleve.NewIndexMapping()
	tokens := make([]any, len(stopChars))
	for i, s := range stopChars {
		tokens[i] = s
	}
	if err := m.AddCustomTokenMap("startupqa_zh_stop_chars", map[string]any{
		"type":   tokenmap.Name,
		"tokens": tokens,
	}); err != nil {
		return nil, fmt.Errorf("stop characters: %w", err)
	}
	if err := m.AddCustomTokenFilter("startupqa_zh_stop", map[string]any{
		"type":           stop.Name,
		"stop_token_map": "startupqa_zh_stop_chars",
	}); err != nil {
		return nil, fmt.Errorf("stop filter: %w", err)
	}
	// "GPT-3" and "GPT-4" are names, not the word "gpt" and a number:
	// joining them keeps a question about GPT-4 from matching GPT-3. The
	// replacement keeps the length, so match offsets stay right.
	if err := m.AddCustomCharFilter("startupqa_versions", map[string]any{
		"type":    regexpchar.Name,
		"regexp":  `([A-Za-z])-(\d)`,
		"replace": "${1}_${2}",
	}); err != nil {
		return nil, fmt.Errorf("version filter: %w", err)
	}
	if err := m.AddCustomAnalyzer(analyzerName, map[string]any{
		"type":         custom.Name,
		"char_filters": []any{"startupqa_versions"},
		"tokenizer":    unicode.Name,
		"token_filters": []any{
			cjk.WidthName,
			lowercase.Name,
			"startupqa_zh_stop",
			en.PossessiveName,
			en.StopName,
			// English companion text and English questions meet on
			// stems: "challenges" and "challenge", "trained" and
			// "training". The stemmer leaves CJK characters alone.
			en.SnowballStemmerName,
			cjk.BigramName,
		},
	}); err != nil {
		return nil, fmt.Errorf("analyzer: %w", err)
	}
	m.DefaultAnalyzer = analyzerName
	m.ScoringModel = "bm25"

	text := bleve.NewTextFieldMapping()
	text.Analyzer = analyzerName
	text.Store = false // passages are rebuilt from the corpus
	text.IncludeTermVectors = true
	// No _all field: indexing every token twice cost a third of the build
	// time, and term statistics come from summing the fields.
	text.IncludeInAll = false

	doc := bleve.NewDocumentStaticMapping()
	for _, f := range fields {
		doc.AddFieldMappingsAt(f, text)
	}
	m.DefaultMapping = doc
	return m, nil
}
