package words

import (
	"fmt"
	"slices"
	"strings"
)

// field.txt is written for people; what the lexicon and the segmenter
// look up in it is derived once, when it changes, into two sorted lists
// searched in place like zh.txt, so that start-up builds nothing from it:
//
//	field_zh.txt  every Chinese word of field.txt, with the other words
//	              of its synonym groups ("word<TAB>syn|syn")
//	field_en.txt  every English term, with its Chinese words
//	field_spoken.txt  every word of the spoken-Mandarin groups
//
// `go test ./words -run TestFieldIndex -update` rewrites them; the test
// fails while they differ from what field.txt gives.

// fieldIndexHeader heads both derived files.
const fieldIndexHeader = "# Derived from field.txt by `go test ./words -run TestFieldIndex -update`; do not edit.\n"

// buildFieldIndex derives field_zh.txt, field_en.txt and field_spoken.txt
// from field.txt.
func buildFieldIndex(text string) (zh, en, spokenWords string, err error) {
	entries, err := readField(text)
	if err != nil {
		return "", "", "", err
	}
	synonyms := map[string][]string{}
	english := map[string][]string{}
	spoken := map[string][]string{}
	for _, e := range entries {
		words := make([]string, 0, len(e.chinese))
		for _, w := range e.chinese {
			if w = strings.TrimSpace(w); w != "" && !strings.ContainsAny(w, "\t\n") {
				words = append(words, w)
			}
		}
		if e.english != "" {
			english[e.english] = appendNew(english[e.english], words...)
			for _, w := range words {
				synonyms[w] = appendNew(synonyms[w])
			}
			continue
		}
		for _, w := range words {
			for _, other := range words {
				if other != w {
					synonyms[w] = appendNew(synonyms[w], other)
				}
			}
			synonyms[w] = appendNew(synonyms[w])
			if e.spoken {
				spoken[w] = nil
			}
		}
	}
	return sortedText(synonyms), sortedText(english), sortedText(spoken), nil
}

// sortedText writes m as lines "key<TAB>v|v", sorted by key, after
// fieldIndexHeader.
func sortedText(m map[string][]string) string { return sortedTextUnder(fieldIndexHeader, m) }

// sortedTextUnder writes m as lines "key<TAB>v|v", sorted by key, after
// header.
func sortedTextUnder(header string, m map[string][]string) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	b.WriteString(header)
	for _, k := range keys {
		fmt.Fprintf(&b, "%s\t%s\n", k, strings.Join(m[k], "|"))
	}
	return b.String()
}

// splitWords splits a derived list's value, "" into none.
func splitWords(v string) []string {
	if v == "" {
		return nil
	}
	return strings.Split(v, "|")
}
