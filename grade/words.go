package grade

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/startupqa/startupqa/corpus"
	"github.com/startupqa/startupqa/words"
)

// A teacher reads an answer by its words, not its character pairs: 反向传播
// does not name 前向传播 although both end in 传播, 数据清洗 names the
// point whose explanation is about cleaning data, and fifteen key words
// in a row name no point at all. These are the grader's words.

// reader is the word knowledge a grader reads with.
type reader struct {
	zh  *words.Chinese
	lex *words.Lexicon
}

func newReader() (*reader, error) {
	lex, err := words.NewLexicon()
	if err != nil {
		return nil, err
	}
	return &reader{zh: words.NewChinese(), lex: lex}, nil
}

// contentWords are the words of text that carry meaning: Chinese words
// other than function words, and English words, lower case.
func (r *reader) contentWords(text string) []string {
	var out []string
	for _, w := range r.zh.Segment(strings.ToLower(text)) {
		if !w.Function && !slices.Contains(out, w.Text) {
			out = append(out, w.Text)
		}
	}
	return out
}

// leadWord is a word of a lead term and how much it says: 强大 in
// 强大的泛化能力 says less than 泛化 and 能力.
type leadWord struct {
	text   string
	weight float64
}

// modifierWeight is the weight of an adjective or a verb in a lead term,
// against 1 for a noun: the lead names a thing, the rest qualifies it.
const modifierWeight = 0.3

func (r *reader) leadWords(lead string) []leadWord {
	var out []leadWord
	for _, w := range r.zh.Segment(strings.ToLower(lead)) {
		if w.Function || slices.ContainsFunc(out, func(l leadWord) bool { return l.text == w.Text }) {
			continue
		}
		wt := 1.0
		if w.Class == words.Adjective || w.Class == words.Verb {
			wt = modifierWeight
		}
		out = append(out, leadWord{w.Text, wt})
	}
	return out
}

// minDistinctIDF is how rare in general Chinese a word of a point's
// explanation must be for naming it to count as naming the point: 清洗
// (about 9) names 数据预处理, 操作 (about 5) names nothing.
const minDistinctIDF = 7

// distinctWords are the words of each point's explanation that no other
// point of the section, nor its title or question, has: the words by which
// an answer that does not use the lead term still shows it knows the point.
func (r *reader) distinctWords(s *corpus.Section, points []gradedPoint) {
	own := make([][]string, len(points))
	count := map[string]int{}
	for i, p := range points {
		own[i] = r.contentWords(p.Text)
		for _, w := range own[i] {
			count[w]++
		}
	}
	asked := s.Title + " " + s.Question
	for i := range points {
		for _, w := range own[i] {
			if count[w] != 1 || utf8.RuneCountInString(w) < 2 || strings.Contains(asked, w) || strings.Contains(points[i].Lead, w) {
				continue
			}
			if info, ok := r.zh.Lookup(w); ok && info.IDF >= minDistinctIDF {
				points[i].distinct = append(points[i].distinct, w)
			}
		}
	}
}

// answerWords are what an answer says, as the key points could say it:
// its own words, and the key points' words that its other words stand for
// (算力 for 计算资源; "backpropagation", among the Chinese readings of its
// English words, for 反向传播).
func (r *reader) answerWords(answer string, english []string, vocab map[string]bool) map[string]bool {
	have := map[string]bool{}
	for _, w := range r.zh.Segment(strings.ToLower(answer)) {
		have[w.Text] = true
		if vocab[w.Text] {
			continue
		}
		for _, syn := range r.lex.Synonyms(w.Text) {
			if vocab[syn] {
				have[syn] = true
			}
		}
	}
	for _, zh := range english {
		if vocab[zh] {
			have[zh] = true
		}
	}
	return have
}

// englishWords returns the Chinese words that the English words and
// phrases of text (up to three words) may stand for.
func (r *reader) englishWords(text string) []string {
	locs := englishWord.FindAllStringIndex(text, -1)
	var out []string
	for i := range locs {
		for n := 1; n <= 3 && i+n <= len(locs); n++ {
			if !contiguous(text, locs[i:i+n]) {
				break
			}
			out = append(out, r.lex.Chinese(text[locs[i][0]:locs[i+n-1][1]])...)
		}
	}
	return out
}

// englishWord is a word of an answer written in English.
var englishWord = regexp.MustCompile(`[A-Za-z][A-Za-z'-]*`)

// contiguous reports whether the words at locs are separated by spaces only.
func contiguous(s string, locs [][]int) bool {
	for i := 1; i < len(locs); i++ {
		if strings.TrimSpace(s[locs[i-1][1]:locs[i][0]]) != "" {
			return false
		}
	}
	return true
}

// clauseBreak splits an answer into clauses.
var clauseBreak = regexp.MustCompile(`[\s,，、；;。.!！?？/|:：]+`)

// Salads: an answer of at least saladClauses clauses, saladShare of them
// bare (nouns only, no verb or adjective saying anything of them, or a
// short term with no adjective or function word), is a list of key words
// rather than an answer.
const (
	saladClauses = 6
	saladShare   = 0.7
	// saladFactor scales the credit of every point of a salad: naming a
	// point's words without saying anything of them earns little.
	saladFactor = 0.4
	// saladTerm is the most characters a clause holds and is still a bare
	// term when it has verbs but no adjective or function word (数据标注,
	// 算法备案, 伪造): a salad's words are the notes' terms, verbs among
	// them; "参数量巨大" says something of its noun.
	saladTerm = 6
)

// salad reports whether an answer is a list of key words.
func (r *reader) salad(answer string) bool {
	var clauses, bare int
	prose := englishProse(answer)
	for _, c := range clauseBreak.Split(answer, -1) {
		if !strings.ContainsFunc(c, isHan) {
			// English is split at every space: its words are clauses
			// of a salad only where nothing joins them into sentences
			// ("sync.WaitGroup Add Done Wait 计数器 归零").
			if !prose && strings.ContainsFunc(c, unicode.IsLetter) {
				clauses++
				bare++
			}
			continue
		}
		clauses++
		verb, predicate := false, false // predicate: an adjective or a function word
		for _, w := range r.zh.Segment(c) {
			verb = verb || w.Class == words.Verb
			predicate = predicate || w.Class == words.Adjective || w.Function
		}
		if !verb && !predicate || (!predicate && utf8.RuneCountInString(c) <= saladTerm) {
			bare++
		}
	}
	return clauses >= saladClauses && float64(bare) >= saladShare*float64(clauses)
}

// englishProse reports whether an answer has English sentences in it: a
// word that only joins others (the, is, to, of, and …).
func englishProse(answer string) bool {
	for _, w := range strings.FieldsFunc(answer, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		if englishFunction[w] {
			return true
		}
	}
	return false
}

var englishFunction = map[string]bool{
	"the": true, "a": true, "an": true, "is": true, "are": true, "was": true, "be": true, "to": true, "of": true,
	"and": true, "or": true, "in": true, "on": true, "for": true, "with": true, "by": true, "it": true, "its": true,
	"that": true, "this": true, "as": true, "at": true, "from": true, "when": true, "if": true, "but": true,
	"not": true, "can": true, "will": true, "you": true, "we": true, "they": true, "so": true, "than": true,
}

// wordShare is the share of a point's lead words the answer names, each
// weighed by its rarity among the key points.
func (g *Grader) wordShare(lead []leadWord, answer string, have map[string]bool) float64 {
	var got, total float64
	for _, w := range lead {
		wt := w.weight * g.wordWeight[w.text]
		total += wt
		// A word of two characters or more is named wherever the answer
		// has it; a single character only where it stands as a word.
		if have[w.text] || (utf8.RuneCountInString(w.text) > 1 && strings.Contains(answer, w.text)) {
			got += wt
		}
	}
	if total == 0 {
		return 0
	}
	return got / total
}

// wordWeights weighs every word of the key points by its rarity among
// them, as New weighs terms.
func wordWeights(df map[string]int, n int) map[string]float64 {
	w := make(map[string]float64, len(df))
	for t, d := range df {
		w[t] = math.Log(1 + float64(n)/float64(d))
	}
	return w
}
