package index

import (
	"context"
	"math"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/startupqa/startupqa/lang"
	"github.com/startupqa/startupqa/words"
)

// maxAlternatives bounds the corpus words one question word may stand for.
const maxAlternatives = 4

// alternatives reads the words of a question that the corpus lacks in the
// corpus's own words. An English word or phrase ("gross margin", "cache")
// may stand for Chinese words (毛利率, 缓存), and a Chinese word for its
// synonyms (难点 for 挑战); those that the corpus uses become more terms of
// the question, covering the units of the word they stand for. Lists offer
// candidates and the corpus chooses among them, so an ambiguous word
// ("order": 顺序, 订单) is read as these notes read it.
func (ix *Index) alternatives(p *parsed, latin []*analysis.Token, unitAt map[int]int, termAt map[string]int, segs []words.Word, look func(string) ([]term, error)) error {
	q := p.q
	// record makes each reading's terms the question's and the reading
	// one of its alternatives; onlyEnglish marks the terms it brings as
	// counting in sections written in English alone (see
	// parsed.onlyEnglish).
	record := func(alts [][]term, units []int, onlyEnglish bool) {
		for _, terms := range alts {
			a := alternative{units: units}
			for _, t := range terms {
				if _, ok := termAt[t.text]; !ok {
					termAt[t.text] = len(p.terms)
					p.terms = append(p.terms, t)
					if onlyEnglish {
						if p.onlyEnglish == nil {
							p.onlyEnglish = map[string]bool{}
						}
						p.onlyEnglish[t.text] = true
					}
				}
				a.terms = append(a.terms, t.text)
			}
			p.alts = append(p.alts, a)
		}
	}
	add := func(alts [][]term, units []int) {
		record(alts, units, false)
		// A word read through the corpus's words weighs what those
		// words weigh in the corpus: "cache" read as 缓存 in notes that
		// say 缓存 everywhere says little about which section.
		w := 0.0
		for _, terms := range alts {
			for _, t := range terms {
				w = max(w, idf(ix.passages, t.df))
			}
		}
		for _, u := range units {
			p.units[u].known = true
			f := 1.0
			if !isHanUnit(q[p.units[u].start:p.units[u].end]) {
				f = wordUnits
			}
			p.units[u].weight = min(p.units[u].weight, f*w)
		}
	}
	candidates := func(ws []string) ([][]term, error) {
		var out [][]term
		for _, w := range ws {
			terms, err := look(w)
			if err != nil {
				return nil, err
			}
			if terms != nil {
				out = append(out, terms)
				if len(out) == maxAlternatives {
					break
				}
			}
		}
		return out, nil
	}

	// In a question mostly in Chinese, an English word the notes lack as
	// it is names a thing (a tool, a product: "Helm", "Tire") more often
	// than it says a common word, and the general dictionary and English
	// synonyms read it as one the notes use for something else (舵旁,
	// 疲倦): only the field's list ("severance pay", 经济补偿) reads it
	// there. Refitted, the line fell from 0.776 to 0.763, and held-out
	// top-1 rose 72.7 → 73.6 % (abstention 96.5 → 95.9 %).
	chinese := mostlyChinese(q)
	// English: the longest phrase of up to three adjacent words first.
	for i := 0; i < len(latin); {
		done := 1
		for n := min(3, len(latin)-i); n >= 1; n-- {
			run := latin[i : i+n]
			if !adjacent(run) {
				continue
			}
			// Even a word the corpus has as it is ("LLM" in an alias)
			// is read in the corpus's Chinese too: it means what 大模型
			// means there, and weighs no more.
			units := make([]int, 0, n)
			for _, tok := range run {
				units = append(units, unitAt[tok.Start])
			}
			phrase := q[run[0].Start:run[n-1].End]
			zh := ix.lex.Chinese(phrase)
			if chinese {
				zh = ix.lex.FieldChinese(phrase)
			}
			alts, err := candidates(zh)
			if err != nil {
				return err
			}
			if len(alts) == 0 {
				// None of its translations is the corpus's word:
				// their synonyms may be ("conclusion": 结论, which
				// notes may call 总结).
				var syns []string
				for _, w := range zh[:min(len(zh), maxAlternatives)] {
					syns = append(syns, ix.lex.Synonyms(w)...)
				}
				if alts, err = candidates(syns); err != nil {
					return err
				}
			}
			if len(alts) == 0 && n == 1 && !chinese {
				// Nor theirs: an English synonym's may be ("commence":
				// begin, 开始).
				if alts, err = candidates(ix.lex.Related(q[run[0].Start:run[0].End])); err != nil {
					return err
				}
			}
			if len(alts) > 0 {
				add(alts, units)
				done = n
				break
			}
		}
		i += done
	}

	// Chinese: a word of the question none of whose bigrams the corpus
	// has, read through its synonyms.
	for _, w := range segs {
		if !w.Known || len([]rune(w.Text)) < 2 {
			continue
		}
		var units []int
		known := true
		for off := w.Start; off < w.End; {
			u, ok := unitAt[off]
			if !ok {
				break
			}
			units = append(units, u)
			known = known && p.units[u].known
			off = p.units[u].end
		}
		if len(units) == 0 {
			continue
		}
		if known {
			// In notes partly written in English, a word the Chinese
			// notes have may be what an English article says in
			// English (买卖价差, bid-ask spread): its translations
			// cover it there too, without changing what it weighs.
			if len(ix.english) > 0 {
				alts, err := candidates(ix.lex.English(w.Text))
				if err != nil {
					return err
				}
				record(alts, units, true) // known already: weights stay
			}
			continue
		}
		alts, err := candidates(ix.lex.Synonyms(w.Text))
		if err != nil {
			return err
		}
		if len(alts) == 0 && len(ix.english) > 0 {
			if err := ix.readInEnglish(w.Text, units, candidates, add); err != nil {
				return err
			}
			continue
		}
		if len(alts) > 0 {
			add(alts, units)
		}
	}
	return nil
}

// mostlyChinese reports whether a question is written mostly in Chinese
// (see lang.Count).
func mostlyChinese(q string) bool {
	han, words := lang.Count(q)
	return han > 0 && han >= words
}

// adjacent reports whether tokens follow one another in the question.
func adjacent(run []*analysis.Token) bool {
	for i := 1; i < len(run); i++ {
		if run[i].Position != run[i-1].Position+1 {
			return false
		}
	}
	return true
}

// inCorpus returns the terms of a word as the index analyses it when the
// corpus has every one of them, and nil when it lacks one.
func (ix *Index) inCorpus(ctx context.Context, r index.IndexReader, w string) ([]term, error) {
	if terms, ok := ix.wordCache.Load(w); ok {
		return terms, nil
	}
	terms, err := ix.lookUpWord(ctx, r, w)
	if err == nil {
		ix.wordCache.Store(w, terms)
	}
	return terms, err
}

// lookUpWord is inCorpus without the cache: the word analysed as the
// corpus was, and each of its terms counted.
func (ix *Index) lookUpWord(ctx context.Context, r index.IndexReader, w string) ([]term, error) {
	toks := ix.analyzer.Analyze([]byte(strings.ToLower(w)))
	if len(toks) == 0 {
		return nil, nil
	}
	terms := make([]term, 0, len(toks))
	for _, tok := range toks {
		dfs, err := ix.docFreq(ctx, r, tok.Term)
		if err != nil {
			return nil, err
		}
		df := sum(dfs[:])
		if df == 0 {
			return nil, nil
		}
		terms = append(terms, term{text: string(tok.Term), dfs: dfs, df: df})
	}
	return terms, nil
}

// reweigh weighs what the corpus cannot: a unit the corpus lacks weighs by
// how rare its word is in general Chinese (jieba's IDF) rather than as the
// rarest unit of all, so that spoken filler (纠结, 搞定) counts for less
// than a term of another field (科创板, 区块链), and a quarter of that when
// the lexicon knows it as a way of putting a question; an English word by its
// commonest translation; a function word counts for little whether the
// corpus has it or not.
func (ix *Index) reweigh(p *parsed, segs []words.Word) {
	top := idf(ix.passages, 0)
	// general is the weight general language gives a word of that IDF.
	general := func(wordIDF float64) float64 {
		return top * max(min(wordIDF/words.UnknownIDF, 1), minUnknownShare)
	}
	byStart := map[int]int{}
	for i, u := range p.units {
		byStart[u.start] = i
	}
	for _, w := range segs {
		for off := w.Start; off < w.End; {
			i, ok := byStart[off]
			if !ok {
				break
			}
			u := &p.units[i]
			han := isHanUnit(p.q[u.start:u.end])
			if han && !w.Function {
				u.class = classOf(w)
			}
			switch {
			case w.Function:
				u.weight *= functionWeight
			case han && w.Known && !u.known && ix.lex.Spoken(w.Text):
				u.weight = general(w.IDF) * spokenWeight
			case han && w.Known && !u.known:
				u.weight = general(w.IDF)
			case han && w.Known:
				// What a small corpus says of a character's rarity is
				// blended with what general Chinese says of its word's.
				u.weight = ix.blend(u.weight, general(w.IDF))
			case !han:
				// An English word weighs as general Chinese weighs its
				// commonest translation: "really" (非常) little, "routing"
				// (路由) much; blended with the corpus's weight when the
				// corpus has it ("main", 主要, says little). A word with no
				// translation keeps its weight.
				zh := ix.lex.Chinese(p.q[u.start:u.end])
				if len(zh) == 0 {
					break
				}
				t, _ := ix.zh.Lookup(zh[0])
				if u.known {
					u.weight = ix.blend(u.weight, wordUnits*general(t.IDF))
				} else {
					u.weight = wordUnits * general(t.IDF)
				}
			}
			off = u.end
		}
	}
}

// classOf is the class of a Chinese content word. A run the dictionary
// lacks is other: it holds every single character, so such runs hardly
// occur.
func classOf(w words.Word) wordClass {
	switch {
	case w.Class == words.Noun:
		return classNoun
	case w.Class == words.Verb:
		return classVerb
	case w.Class == words.Adjective:
		return classAdjective
	}
	return classOther
}

// blend mixes a weight from the corpus with one from general language, by
// Params.GeneralWeight, geometrically: both are logarithms of rarity.
func (ix *Index) blend(corpus, general float64) float64 {
	g := ix.params.GeneralWeight
	return math.Pow(corpus, 1-g) * math.Pow(general, g)
}

const (
	// functionWeight scales the units of a function word (pronouns,
	// adverbs, measure words) that the question-phrase list left.
	functionWeight = 0.3
	// spokenWeight scales a word of the lexicon's spoken question wording
	// that the corpus lacks (靠谱, 咋办; 可靠, 怎么办): it says how the
	// question is put, not what it asks about, and notes are written
	// otherwise. Chosen on the tuning questions against 1, 0.5 and 0.1
	// (see README.md).
	spokenWeight = 0.25
	// minUnknownShare is the least share of the top weight an unknown
	// word keeps, however common it is in general.
	minUnknownShare = 0.2
)

func isHanUnit(s string) bool {
	for _, r := range s {
		return r >= 0x3400
	}
	return false
}
