package words

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// zh_en.txt is the other direction of field_en.txt and en_zh.txt: a
// Chinese word and the English words that say it, so that a question in
// Chinese finds notes written in English ("缓存雪崩" → cache avalanche). It
// is derived like field_en.txt, by `go test ./words -run TestFieldIndex
// -update`, and searched in place.

// maxEnglish bounds the English words kept for one Chinese word: the
// dictionary's glosses go on to rarer senses.
const maxEnglish = 6

// reverseHeader heads zh_en.txt. It names CC-CEDICT, whose licence the
// derivative carries.
const reverseHeader = "# Derived from field_en.txt and en_zh.txt (CC-CEDICT, CC BY-SA 4.0) by `go test ./words -run TestFieldIndex -update`; do not edit.\n"

// buildReverse derives zh_en.txt from field_en.txt and en_zh.txt: for each
// Chinese word, the field's English terms first, then the dictionary's
// English words, those for which the Chinese word is the commoner
// rendering first, shorter before longer.
func buildReverse(fieldEN, enZH string) string {
	type cand struct {
		en          string
		field       bool
		rank, words int
	}
	byWord := map[string][]cand{}
	for _, src := range []struct {
		text  string
		field bool
	}{{fieldEN, true}, {enZH, false}} {
		for line := range strings.Lines(src.text) {
			line = strings.TrimRight(line, "\r\n")
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			en, zh, ok := strings.Cut(line, "\t")
			if !ok || en == "" {
				continue
			}
			for i, w := range splitWords(zh) {
				// A single character is too many words to say which
				// (行: row, line, go, OK); the index reads only words.
				if utf8.RuneCountInString(w) >= 2 {
					byWord[w] = append(byWord[w], cand{en, src.field, i, strings.Count(en, " ") + 1})
				}
			}
		}
	}
	out := make(map[string][]string, len(byWord))
	for w, cs := range byWord {
		slices.SortStableFunc(cs, func(a, b cand) int {
			if a.field != b.field {
				if a.field {
					return -1
				}
				return 1
			}
			return cmp.Or(cmp.Compare(a.rank, b.rank), cmp.Compare(a.words, b.words), cmp.Compare(len(a.en), len(b.en)), strings.Compare(a.en, b.en))
		})
		var ens []string
		for _, c := range cs {
			if ens = appendNew(ens, c.en); len(ens) == maxEnglish {
				break
			}
		}
		out[w] = ens
	}
	return sortedTextUnder(reverseHeader, out)
}
