package index

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/startupqa/startupqa/corpus"
)

// MaxMatches is the most sections a result lists.
const MaxMatches = 10

// Result is the outcome of one search.
type Result struct {
	// Query is the question as searched: cleaned and possibly cut.
	Query string
	// Truncated is true when the question was longer than MaxQueryRunes.
	Truncated bool
	// Answered is false when no section fits the question well enough;
	// Matches then lists the nearest sections, if any, for "did you mean".
	Answered bool
	// Confidence is the chance, by the calibrated model, that the best
	// match is the right section; 0 when nothing matched.
	Confidence float64
	// Signals are what Confidence was computed from.
	Signals Signals
	// Matches are the sections that matched, best first.
	Matches []Match
}

// Best returns the best match of an answered search.
func (r *Result) Best() (Match, bool) {
	if !r.Answered || len(r.Matches) == 0 {
		return Match{}, false
	}
	return r.Matches[0], true
}

// Match is one section that matched a question.
type Match struct {
	Section *corpus.Section
	// Score is the reranker's share of the chance on this section among
	// the search's matches (see Reranker): 0 to 1, adding up to 1 over
	// them. It orders the matches and means nothing across searches.
	Score float64
	// Coverage is the share, 0 to 1, of what the question asks about
	// (its terms weighted by rarity) that the section covers, parts the
	// corpus lacks counting against it in full.
	Coverage float64
	// Passage is the text of the section's passage that matched best, and
	// Spans the byte ranges of it that matched the question.
	Passage string
	Spans   []Span

	passageCoverage float64 // plain coverage of the best passage
	bm25Share       float64 // its best Bleve score over the best of any section
	passageN        int     // number of the best passage in the section
	matched         map[string]bool
	features        []float64 // what the reranker measured
	logit           float64   // and what it made of it
}

// Span is a byte range [Start, End) of a passage.
type Span struct{ Start, End int }

// Fragment returns the passage with every matched span wrapped in open and
// close, e.g. "**" and "**" for Markdown.
func (m Match) Fragment(open, close string) string {
	var b []byte
	last := 0
	for _, s := range m.Spans {
		b = append(b, m.Passage[last:s.Start]...)
		b = append(b, open...)
		b = append(b, m.Passage[s.Start:s.End]...)
		b = append(b, close...)
		last = s.End
	}
	b = append(b, m.Passage[last:]...)
	return string(b)
}

// parsed is an analysed question: the terms to search for, and the units
// of the question (each Han character, each other word) that confidence is
// measured in. Counting characters rather than bigrams keeps a bigram that
// merely straddles two words ("练一" in "训练一个") from weighing like a
// missing topic.
type parsed struct {
	q     string // the normalised question the units' offsets point into
	terms []term
	units []unit
	// alts are the corpus's words a question word may stand for (see
	// alternatives): each covers the word's units when a passage has all
	// of its terms.
	alts []alternative
	// onlyEnglish are the terms that read a Chinese word the notes have
	// in English (买卖价差 as "bid-ask spread", for notes partly written
	// in English): they count in the sections written in English alone.
	// Chinese notes hold English words too (GET, POST, TCP), and a
	// common word's translation (老年: old → get old) would otherwise
	// match them.
	onlyEnglish map[string]bool
	native      []term // terms less onlyEnglish, when there are any
}

// redundantReadings are the terms that only read question words the
// corpus has in the question's own terms.
func (pq *parsed) redundantReadings() map[string]bool {
	own := make([]bool, len(pq.units))
	for _, t := range pq.terms {
		if t.df > 0 {
			for _, u := range t.units {
				own[u] = true
			}
		}
	}
	weak := map[string]bool{}
	needed := map[string]bool{}
	for _, a := range pq.alts {
		redundant := len(a.units) > 0 && !slices.ContainsFunc(a.units, func(u int) bool { return !own[u] })
		for _, t := range a.terms {
			if redundant {
				weak[t] = true
			} else {
				needed[t] = true
			}
		}
	}
	for _, t := range pq.terms {
		if len(t.units) > 0 || needed[t.text] {
			delete(weak, t.text) // a word of the question, or a reading it needs
		}
	}
	return weak
}

// termsFor returns the terms of the question that count in a section.
func (ix *Index) termsFor(pq *parsed, id string) []term {
	if pq.native == nil || ix.english[id] {
		return pq.terms
	}
	return pq.native
}

// alternative is one reading of a question word in the corpus's words.
type alternative struct {
	terms []string
	units []int
}

type term struct {
	text  string
	dfs   [len(fields)]int // passages holding the term, by field
	df    int              // passages holding the term, summed over fields
	units []int            // indexes into parsed.units
}

type unit struct {
	weight     float64   // rarity in the corpus; highest for what it lacks
	known      bool      // the corpus has this character or word somewhere
	start, end int       // byte range in the question
	class      wordClass // of the Chinese word the unit is part of
}

// wordClass is the part of speech of the Chinese word a unit is part of,
// as far as confidence cares: what kind of word a section leaves unmatched
// says whether it answers another question (a noun: 区块链) or the same
// one in the asker's words (a verb or an adjective: 纠结, 省钱).
type wordClass uint8

const (
	classNone wordClass = iota // not part of a Chinese content word: English, digits, function words
	classNoun
	classVerb
	classAdjective
	classOther // idioms and the dictionary's other content words
	numClasses
)

// Search finds the sections that answer a question. It returns an error
// only when the index fails or ctx ends; a question that fits nothing is an
// unanswered Result.
func (ix *Index) Search(ctx context.Context, q string) (_ *Result, err error) {
	// Bleve panics on some damage to a segment it reads; the index on
	// disk is checked when opened, but a file can be damaged while in
	// use, and one bad search must not take the process down.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("search %q: the index failed (%v); rebuild it (delete the index directory)", q, r)
		}
	}()
	clean, truncated := cleanQuery(q)
	var best *Result
	for _, text := range ix.questionReadings(clean) {
		res, err := ix.searchReading(ctx, text)
		if err != nil {
			return nil, fmt.Errorf("search %q: %w", clean, err)
		}
		// The reading whose words the notes have wins, not the one
		// the confidence model likes best: the model is fitted on
		// searches, and a choice that hung on it made each refit
		// change the next one's data (traditional questions whose
		// readings tie moved from one fit to the other and back).
		if best == nil || res.Signals.Coverage > best.Signals.Coverage {
			best = res
		}
	}
	best.Query, best.Truncated = clean, truncated
	return best, nil
}

// questionReadings returns the simplified texts a question is searched
// as: one, unless WithReadings gives more.
func (ix *Index) questionReadings(q string) []string {
	if ix.readings != nil {
		if rs := ix.readings(q); len(rs) > 0 {
			return rs
		}
	}
	if ix.simplify != nil {
		return []string{ix.simplify(q)}
	}
	return []string{q}
}

// searchReading searches one reading of a question.
func (ix *Index) searchReading(ctx context.Context, text string) (*Result, error) {
	res := &Result{}
	pq, err := ix.parse(ctx, normalizeQuery(text))
	if err != nil {
		return nil, err
	}
	if len(pq.terms) == 0 {
		return res, nil
	}
	hits, err := ix.hits(ctx, pq)
	if err != nil {
		return nil, err
	}
	res.Matches = ix.rank(pq, hits)
	if len(res.Matches) > 0 {
		// Whether the corpus answers the question at all is read from
		// the first ranking's best section, as the signals were
		// designed for; which section answers it, from the reranker.
		// Signals of the reranker's first instead made off-topic
		// questions look answered (it finds each one its likeliest
		// section): measured, that cost 3.6 points of held-out
		// questions answered right at the same abstention.
		res.Signals = ix.signals(pq, res.Matches)
		res.Signals.Lead = ix.rerank(pq, res.Matches)
		res.Confidence = ix.params.Calibration.Confidence(res.Signals)
		res.Answered = res.Confidence >= ix.params.Calibration.Abstain
	}
	return res, nil
}

// parse analyses a normalised question the way the index analysed the
// corpus and weighs each unit by its rarity among passages, so that what
// every section shares counts for little. Then it reads the question's
// words that the corpus lacks in the corpus's own words (see alternatives)
// and weighs what is still unknown by general Chinese (see reweigh).
func (ix *Index) parse(ctx context.Context, q string) (*parsed, error) {
	tokens := ix.analyzer.Analyze([]byte(q))
	if len(tokens) == 0 {
		return &parsed{}, nil
	}
	adv, err := ix.bleve.Advanced()
	if err != nil {
		return nil, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	p := &parsed{q: q}
	termAt := map[string]int{}
	unitAt := map[int]int{} // byte offset in q → unit
	addUnit := func(offset int, u unit) int {
		if i, ok := unitAt[offset]; ok {
			p.units[i].known = p.units[i].known || u.known
			return i
		}
		unitAt[offset] = len(p.units)
		p.units = append(p.units, u)
		return len(p.units) - 1
	}
	var latin []*analysis.Token
	for _, tok := range tokens {
		text := string(tok.Term)
		ti, ok := termAt[text]
		if !ok {
			dfs, err := ix.docFreq(ctx, r, tok.Term)
			if err != nil {
				return nil, err
			}
			ti = len(p.terms)
			termAt[text] = ti
			p.terms = append(p.terms, term{text: text, dfs: dfs, df: sum(dfs[:])})
		}
		t := &p.terms[ti]
		switch tok.Type {
		case analysis.Double, analysis.Single, analysis.Ideographic:
			for off, c := range q[tok.Start:tok.End] {
				df := ix.chars[c]
				// A character counts as known when the corpus has the
				// word it is part of (a bigram) or, standing alone, the
				// character itself.
				known := t.df > 0 || (tok.Type == analysis.Single && df > 0)
				u := unit{weight: idf(ix.passages, df), known: known, start: tok.Start + off, end: tok.Start + off + utf8.RuneLen(c)}
				t.units = append(t.units, addUnit(tok.Start+off, u))
			}
		default:
			u := unit{weight: wordUnits * idf(ix.passages, t.df), known: t.df > 0, start: tok.Start, end: tok.End}
			t.units = append(t.units, addUnit(tok.Start, u))
			latin = append(latin, tok)
		}
	}
	look := func(text string) ([]term, error) { return ix.inCorpus(ctx, r, text) }
	segs := ix.zh.Segment(q)
	if err := ix.alternatives(p, latin, unitAt, termAt, segs, look); err != nil {
		return nil, err
	}
	ix.reweigh(p, segs)
	if len(p.onlyEnglish) > 0 {
		for _, t := range p.terms {
			if !p.onlyEnglish[t.text] {
				p.native = append(p.native, t)
			}
		}
	}
	return p, nil
}

// docFreq counts the passages that hold a term, in each field. Counts are cached: the index never changes, and the same
// terms (大模型, 创业) come back in most questions, while each count costs
// a dictionary look-up per field and segment.
func (ix *Index) docFreq(ctx context.Context, r index.IndexReader, t []byte) (dfs [len(fields)]int, err error) {
	if dfs, ok := ix.dfCache.Load(string(t)); ok {
		return dfs, nil
	}
	for i, f := range fields {
		tfr, err := r.TermFieldReader(ctx, t, f, false, false, false)
		if err != nil {
			return dfs, err
		}
		dfs[i] = int(tfr.Count())
		tfr.Close()
	}
	ix.dfCache.Store(string(t), dfs)
	return dfs, nil
}

func sum(ns []int) int {
	t := 0
	for _, n := range ns {
		t += n
	}
	return t
}

// maxDFCache bounds the document frequency cache; past it, counts are
// looked up every time.
const maxDFCache = 100_000

// maxAnalysed bounds the passages kept analysed, about 1 KB each (4,096
// passages of the 10,000-section benchmark corpus: 4.2 MB): all of a
// group's notes, and the first hit in a large corpus.
const maxAnalysed = 4096

// idf is BM25's inverse document frequency over n passages.
func idf(n, df int) float64 {
	return math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
}

// posting is one term in one field: the unit a Bleve term query reads.
type posting struct {
	term  string
	field int // index into fields
	df    int
	alt   bool // a reading of a question word, not one of its own
}

// postingQuery matches passages holding any of the terms in their fields,
// headings and lead terms boosted over running text.
func (ix *Index) postingQuery(ps []posting) query.Query {
	p := ix.params
	boosts := [...]float64{p.TitleBoost, p.QuestionBoost, p.LeadBoost, p.TextBoost, p.AliasBoost}
	qs := make([]query.Query, len(ps))
	for i, ps := range ps {
		tq := query.NewTermQuery(ps.term)
		tq.SetField(fields[ps.field])
		boost := boosts[ps.field]
		if ps.alt {
			boost *= p.AlternativeBoost
		}
		tq.SetBoost(boost)
		qs[i] = tq
	}
	return query.NewDisjunctionQuery(qs)
}

// hits finds and scores the passages that match the question. Only the
// most selective postings (a term in a field), as many as fit in
// PostingBudget and at least one, are searched; the common ones (大模型 in
// the text of every section) count towards coverage where rank finds them
// in the hits (matchedTerms). Without that, Bleve would score most of the
// index for every question. A corpus whose postings all fit the budget is
// searched in one exact step.
//
// A reading of a word the corpus has itself ("Redis", read as 缓存) is
// searched with less weight: passages that say the question's own words
// must not be crowded out of the few fetched by passages that only say
// what they may stand for.
func (ix *Index) hits(ctx context.Context, pq *parsed) (search.DocumentMatchCollection, error) {
	weak := pq.redundantReadings()
	var all []posting
	for _, t := range pq.terms {
		for f, df := range t.dfs {
			if df > 0 {
				all = append(all, posting{t.text, f, df, weak[t.text]})
			}
		}
	}
	if len(all) == 0 {
		return nil, nil
	}
	slices.SortStableFunc(all, func(a, b posting) int { return cmp.Compare(a.df, b.df) })
	n, total := 0, 0
	for n < len(all) && (n == 0 || total+all[n].df <= ix.params.PostingBudget) {
		total += all[n].df
		n++
	}
	first := all[:n]

	req := bleve.NewSearchRequestOptions(ix.postingQuery(first), ix.params.Hits, 0, false)
	sr, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	return sr.Hits, nil
}

// matchedTerms adds to matched the question's terms that a hit's passage
// holds, from the passage as the index analysed it. Bleve could report
// where the terms it searched are, but building those locations was a
// fifth of what a search allocated, and the common terms left out of its
// search must be found here anyway. A question has tens of terms and a
// passage hundreds of tokens, so the question's terms are looked up in the
// passage's sorted set, not the other way round.
func (ix *Index) matchedTerms(docID string, terms []term, matched ...map[string]bool) {
	set := ix.passageTerms(docID).set
	for _, t := range terms {
		if _, ok := slices.BinarySearch(set, t.text); ok {
			for _, m := range matched {
				m[t.text] = true
			}
		}
	}
}

// analysedPassage is a passage's fields as the index analysed them.
type analysedPassage struct {
	fields []fieldTerms
	set    []string // its distinct terms, sorted
}

// fieldTerms are the analysed terms of one field of a passage.
type fieldTerms struct {
	field  string
	tokens []passageToken
}

type passageToken struct {
	term            string
	pos, start, end int
}

// passageTerms is a passage's fields as the index analysed them, kept
// once worked out: the same passages come back in most questions.
func (ix *Index) passageTerms(docID string) analysedPassage {
	if ap, ok := ix.analysed.Load(docID); ok {
		return ap
	}
	id, n, ok := parseDocID(docID)
	if !ok {
		return analysedPassage{}
	}
	ps := ix.table[id]
	if n < 0 || n >= len(ps) {
		return analysedPassage{}
	}
	var ap analysedPassage
	for _, f := range fields {
		text := ps[n].field(f)
		if text == "" {
			continue
		}
		toks := ix.analyzer.Analyze([]byte(text))
		ft := fieldTerms{field: f, tokens: make([]passageToken, len(toks))}
		for i, tok := range toks {
			ft.tokens[i] = passageToken{string(tok.Term), tok.Position, tok.Start, tok.End}
			ap.set = append(ap.set, ft.tokens[i].term)
		}
		ap.fields = append(ap.fields, ft)
	}
	slices.Sort(ap.set)
	ap.set = slices.Compact(ap.set)
	ix.analysed.Store(docID, ap)
	return ap
}

// sectionHits gathers the passage hits of one section.
type sectionHits struct {
	section  *corpus.Section
	best     *search.DocumentMatch // passage with the highest rank score
	bestN    int
	bestRank float64
	bm25     float64 // Bleve score of that passage
	// bestCoverage is the plain coverage of that passage.
	bestCoverage float64
	matched      map[string]bool // query terms found in any of its passages
	maxBM25      float64         // Bleve score of its best-scoring passage
}

// rank aggregates passage hits into sections. A passage ranks by how much
// of the question it covers, with Bleve's BM25 score as a tie-breaker; a
// section ranks by its best passage plus a share of what all its passages
// cover together. Coverage comes first because BM25 sums term scores: a
// short heading that repeats the shared words (大模型, 挑战) otherwise beats
// the passage that covers the whole question.
func (ix *Index) rank(pq *parsed, hits search.DocumentMatchCollection) []Match {
	p := ix.params
	want := make(map[string]bool, len(pq.terms))
	for _, t := range pq.terms {
		want[t.text] = true
	}
	native := want // what a section not written in English shows matched
	if pq.native != nil {
		native = make(map[string]bool, len(pq.native))
		for _, t := range pq.native {
			native[t.text] = true
		}
	}
	bySection := map[string]*sectionHits{}
	var order []*sectionHits
	topScore := 0.0
	for _, h := range hits {
		topScore = max(topScore, h.Score)
	}
	for _, h := range hits {
		id, n, ok := parseDocID(h.ID)
		if !ok {
			continue
		}
		sh := bySection[id]
		if sh == nil {
			s, ok := ix.corpus.Section(id)
			if !ok {
				continue
			}
			sh = &sectionHits{section: s, bestRank: -1, matched: map[string]bool{}}
			bySection[id] = sh
			order = append(order, sh)
		}
		terms := map[string]bool{}
		ix.matchedTerms(h.ID, ix.termsFor(pq, id), terms, sh.matched)
		sh.maxBM25 = max(sh.maxBM25, h.Score)
		cov := coverage(pq, terms)
		r := cov + p.BM25Weight*h.Score/topScore
		if ix.copies[h.ID] {
			r *= p.SummaryCopyFactor
		}
		if r > sh.bestRank {
			sh.best, sh.bestN, sh.bestRank, sh.bm25, sh.bestCoverage = h, n, r, h.Score, cov
		}
	}
	matches := make([]Match, 0, len(order))
	for _, sh := range order {
		score := sh.bestRank + p.SectionCoverageWeight*coverage(pq, sh.matched)
		m := Match{Section: sh.section, Score: score, Coverage: ix.confidence(pq, sh.matched),
			passageCoverage: sh.bestCoverage, passageN: sh.bestN, matched: sh.matched}
		if topScore > 0 {
			m.bm25Share = sh.maxBM25 / topScore
		}
		shown := native
		if ix.english[sh.section.ID] {
			shown = want
		}
		ix.describe(&m, sh, shown)
		matches = append(matches, m)
	}
	slices.SortStableFunc(matches, func(a, b Match) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.Section.ID, b.Section.ID))
	})
	if len(matches) > MaxMatches {
		matches = matches[:MaxMatches]
	}
	return matches
}

// coverage is the weighted share of the question's units that the matched
// terms cover.
func coverage(pq *parsed, matched map[string]bool) float64 {
	covered := coveredUnits(pq, matched)
	var got, total float64
	for i, u := range pq.units {
		total += u.weight
		if covered[i] {
			got += u.weight
		}
	}
	if total == 0 {
		return 0
	}
	return got / total
}

func coveredUnits(pq *parsed, matched map[string]bool) []bool {
	covered := make([]bool, len(pq.units))
	for _, t := range pq.terms {
		if matched[t.text] {
			for _, u := range t.units {
				covered[u] = true
			}
		}
	}
	for _, a := range pq.alts {
		if !slices.ContainsFunc(a.terms, func(t string) bool { return !matched[t] }) {
			for _, u := range a.units {
				covered[u] = true
			}
		}
	}
	return covered
}

// confidence is like coverage, except that units left uncovered count
// against it in full only when the corpus lacks them (a topic it does not
// treat) and in part when the corpus has them elsewhere (a paraphrase or a
// filler word).
func (ix *Index) confidence(pq *parsed, matched map[string]bool) float64 {
	covered := coveredUnits(pq, matched)
	missing := missingPhrases(pq, covered)
	var got, total float64
	for i, u := range pq.units {
		switch {
		case covered[i]:
			got += u.weight
			total += u.weight
		case missing[i]:
			total += u.weight * ix.params.MissingPhraseWeight
		case u.known:
			total += u.weight * ix.params.KnownWeight
		default:
			total += u.weight
		}
	}
	if total == 0 {
		return 0
	}
	return got / total
}

// signals measures how well the best of the ranked matches fits.
func (ix *Index) signals(pq *parsed, ms []Match) Signals {
	best := ms[0]
	s := Signals{Coverage: best.Coverage, Passage: best.passageCoverage, Margin: 1, Units: len(pq.units),
		Gap: best.Coverage, Score: best.Score, BM25: best.bm25Share}
	if best.passageN == 0 {
		s.Heading = 1
	}
	if len(ms) > 1 && best.Score > 0 {
		s.Margin = (best.Score - ms[1].Score) / best.Score
		s.Gap = best.Coverage - ms[1].Coverage
	}
	text := ix.sectionText(best.Section.ID)
	covered := coveredUnits(pq, best.matched)
	var total, unknown, chars float64
	var uncovered [numClasses]float64
	for i, u := range pq.units {
		total += u.weight
		if !u.known {
			unknown += u.weight
		}
		if !covered[i] {
			uncovered[u.class] += u.weight
		}
		if covered[i] || strings.Contains(text, pq.q[u.start:u.end]) {
			chars += u.weight
		}
	}
	// Missing phrases are those no section covers: with nothing covered,
	// every unknown unit is a candidate.
	missing := missingPhrases(pq, make([]bool, len(pq.units)))
	var miss float64
	for i, m := range missing {
		if m {
			miss += pq.units[i].weight
		}
	}
	if total > 0 {
		s.Unknown, s.Missing, s.Chars = unknown/total, miss/total, chars/total
		s.UncoveredNoun = uncovered[classNoun] / total
		s.UncoveredVerb = uncovered[classVerb] / total
		s.UncoveredAdjective = uncovered[classAdjective] / total
		s.UncoveredOther = uncovered[classOther] / total
	}
	if !strings.ContainsFunc(pq.q, isHanRune) && strings.ContainsFunc(text, isHanRune) {
		s.CrossLingual = 1
	}
	return s
}

func isHanRune(r rune) bool { return unicode.Is(unicode.Han, r) }

// sectionText is every field of a section's passages, lower case, as one
// string.
func (ix *Index) sectionText(id string) string {
	if text, ok := ix.texts.Load(id); ok {
		return text
	}
	text := ix.joinSection(id)
	ix.texts.Store(id, text)
	return text
}

func (ix *Index) joinSection(id string) string {
	var b strings.Builder
	for _, p := range ix.table[id] {
		for _, f := range fields {
			b.WriteString(strings.ToLower(p.field(f)))
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// missingPhrases marks the units that belong to a run of at least
// minMissingRun adjacent units the corpus lacks: a whole term it does not
// treat (协同过滤, 开源工具), as opposed to a filler character or two.
func missingPhrases(pq *parsed, covered []bool) []bool {
	idx := make([]int, 0, len(pq.units))
	for i, u := range pq.units {
		if !covered[i] && !u.known {
			idx = append(idx, i)
		}
	}
	slices.SortFunc(idx, func(a, b int) int { return cmp.Compare(pq.units[a].start, pq.units[b].start) })
	missing := make([]bool, len(pq.units))
	for i := 0; i < len(idx); {
		j := i + 1
		for j < len(idx) && pq.units[idx[j]].start <= pq.units[idx[j-1]].end {
			j++
		}
		if j-i >= minMissingRun {
			for _, k := range idx[i:j] {
				missing[k] = true
			}
		}
		i = j
	}
	return missing
}

const minMissingRun = 4

// wordUnits is what an English word weighs against a Han character. The
// field's English terms become Chinese ones (gpu → 计算资源, four units),
// so without it the words a question keeps in English ("the best GPU for
// gaming") count for little beside those it translates. Measured: 1.5
// answers two more off-topic questions of eval.jsonl correctly than 1 and
// one held-out English question fewer; 2 cost three held-out questions.
const wordUnits = 1.5

// describe fills in the passage that matched best and the spans of it that
// matched, from the field of that passage with the most matched text.
func (ix *Index) describe(m *Match, sh *sectionHits, want map[string]bool) {
	ps := ix.table[sh.section.ID]
	if sh.best == nil || sh.bestN < 0 || sh.bestN >= len(ps) {
		return
	}
	bestField, bestLen := "", -1
	var bestSpans []Span
	for _, ft := range ix.passageTerms(sh.best.ID).fields {
		var spans []Span
		l := 0
		for _, tok := range ft.tokens {
			if want[tok.term] {
				spans = append(spans, Span{tok.start, tok.end})
				l += tok.end - tok.start
			}
		}
		if len(spans) == 0 {
			continue
		}
		// The heading and question read better than the alias list
		// beside them: the aliases show only when nothing else matched.
		if ft.field == fieldAlias {
			l = 0
		}
		if l > bestLen || (l == bestLen && ft.field < bestField) {
			bestField, bestLen, bestSpans = ft.field, l, spans
		}
	}
	if bestField == "" {
		return
	}
	m.Passage = ps[sh.bestN].field(bestField)
	m.Spans = mergeSpans(bestSpans)
}

// mergeSpans sorts spans and merges the overlapping ones: the bigrams 大模
// and 模型 become one span over 大模型.
func mergeSpans(spans []Span) []Span {
	slices.SortFunc(spans, func(a, b Span) int { return cmp.Compare(a.Start, b.Start) })
	var out []Span
	for _, s := range spans {
		if n := len(out); n > 0 && s.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}
