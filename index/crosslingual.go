package index

import "unicode/utf8"

// readInEnglish reads a Chinese word that notes written in English lack
// through its English (缓存 → cache), or its synonyms' (难点 → 挑战 →
// challenge), or, for a compound the lists give no English for (重复消费),
// its two halves' (重复 → duplicate, 消费 → consume), each covering its
// own characters. units are the word's units, one a character.
func (ix *Index) readInEnglish(w string, units []int, candidates func([]string) ([][]term, error), add func([][]term, []int)) error {
	alts, err := candidates(ix.lex.English(w))
	if err != nil || len(alts) > 0 {
		if len(alts) > 0 {
			add(alts, units)
		}
		return err
	}
	var viaSynonyms []string
	for _, syn := range ix.lex.Synonyms(w) {
		viaSynonyms = append(viaSynonyms, ix.lex.English(syn)...)
	}
	if alts, err = candidates(viaSynonyms); err != nil || len(alts) > 0 {
		if len(alts) > 0 {
			add(alts, units)
		}
		return err
	}
	n := utf8.RuneCountInString(w)
	if n < 4 || len(units) != n {
		return nil
	}
	// A split into two halves of two characters or more whose both
	// halves the notes say (分布式 | 系统, not 分布 | 式系统, where only
	// 分布 reaches "distribution"), else the first with either half.
	type half struct {
		alts  [][]term
		units []int
	}
	var split []half
	for k := 2; k <= n-2; k++ {
		cut := len(string([]rune(w)[:k]))
		left, err := candidates(ix.lex.English(w[:cut]))
		if err != nil {
			return err
		}
		right, err := candidates(ix.lex.English(w[cut:]))
		if err != nil {
			return err
		}
		halves := []half{{left, units[:k]}, {right, units[k:]}}
		if len(left) > 0 && len(right) > 0 {
			split = halves
			break
		}
		if split == nil && (len(left) > 0 || len(right) > 0) {
			split = halves
		}
	}
	for _, h := range split {
		if len(h.alts) > 0 {
			add(h.alts, h.units)
		}
	}
	return nil
}
