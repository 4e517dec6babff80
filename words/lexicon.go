package words

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
)

//go:embed en_zh.txt
var enZHText string

//go:embed field.txt
var fieldText string

// Lexicon maps English terms to Chinese words and Chinese words to their
// synonyms. Its lists offer candidates; the index keeps those its corpus
// uses, so that a term ambiguous in general ("order": 顺序, 订单, 命令) is
// read as the notes at hand read it.
type Lexicon struct {
	cedict  sortedLines
	fieldEN map[string][]string
	// groups are field.txt's synonym groups and inGroups, for each word,
	// the groups it is in: Synonyms is asked of few words per question,
	// so the other words are found then, not at start-up.
	groups   [][]string
	inGroups map[string][]int32
}

// NewLexicon returns the embedded lexicon: CC-CEDICT's glosses and the
// field's terms and synonym groups of field.txt.
func NewLexicon() (*Lexicon, error) {
	entries, err := readField(fieldText)
	if err != nil {
		return nil, err
	}
	return newLexicon(entries), nil
}

func newLexicon(entries []fieldEntry) *Lexicon {
	l := &Lexicon{cedict: sortedLines(enZHText), fieldEN: make(map[string][]string, len(entries)), inGroups: make(map[string][]int32, 4*len(entries))}
	for _, e := range entries {
		if e.english != "" {
			l.fieldEN[e.english] = appendNew(l.fieldEN[e.english], e.chinese...)
			continue
		}
		g := int32(len(l.groups))
		l.groups = append(l.groups, e.chinese)
		for _, w := range e.chinese {
			if w = strings.TrimSpace(w); w != "" {
				l.inGroups[w] = append(l.inGroups[w], g)
			}
		}
	}
	return l
}

// fieldEntry is a line of field.txt: an English term and the Chinese words
// it may stand for, or, with english empty, a group of Chinese words that
// say the same thing.
type fieldEntry struct {
	english string
	chinese []string
}

// readField reads field.txt's lines, up to the first malformed one.
func readField(text string) ([]fieldEntry, error) {
	var out []fieldEntry
	n := 0
	for line := range strings.Lines(text) {
		n++
		line = strings.TrimRight(line, "\r\n")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		switch {
		case f[0] == "en" && len(f) == 3:
			out = append(out, fieldEntry{strings.Join(strings.Fields(strings.ToLower(f[1])), " "), strings.Split(f[2], "|")})
		case f[0] == "zh" && len(f) == 2:
			out = append(out, fieldEntry{"", strings.Split(f[1], "|")})
		default:
			return out, fmt.Errorf("field.txt:%d: want en<TAB>term<TAB>words or zh<TAB>words", n)
		}
	}
	return out, nil
}
func appendNew(list []string, ws ...string) []string {
	for _, w := range ws {
		if w = strings.TrimSpace(w); w != "" && !slices.Contains(list, w) {
			list = append(list, w)
		}
	}
	return list
}

// Chinese returns the Chinese words an English word or phrase may stand
// for, the field's first. A phrase is looked up as written and with its
// last word's inflection taken off (caches, cached, caching → cache).
func (l *Lexicon) Chinese(phrase string) []string {
	phrase = strings.Join(strings.Fields(strings.ToLower(phrase)), " ")
	var out []string
	for _, k := range inflections(phrase) {
		out = appendNew(out, l.fieldEN[k]...)
	}
	for _, k := range inflections(phrase) {
		if v, ok := l.cedict.find(k); ok {
			out = appendNew(out, strings.Split(v, "|")...)
		}
	}
	return out
}

// inflections returns the phrase and the forms of it with its last word's
// regular English ending removed.
func inflections(phrase string) []string {
	out := []string{phrase}
	head, last := "", phrase
	if i := strings.LastIndexByte(phrase, ' '); i >= 0 {
		head, last = phrase[:i+1], phrase[i+1:]
	}
	add := func(w string) {
		if len(w) >= 2 && !slices.Contains(out, head+w) {
			out = append(out, head+w)
		}
	}
	switch {
	case strings.HasSuffix(last, "ies"):
		add(strings.TrimSuffix(last, "ies") + "y")
	case strings.HasSuffix(last, "es"):
		add(strings.TrimSuffix(last, "es"))
		add(strings.TrimSuffix(last, "s"))
	case strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss"):
		add(strings.TrimSuffix(last, "s"))
	case strings.HasSuffix(last, "ing"):
		stem := strings.TrimSuffix(last, "ing")
		add(stem)
		add(stem + "e")
		if n := len(stem); n >= 2 && stem[n-1] == stem[n-2] {
			add(stem[:n-1]) // running → run
		}
	case strings.HasSuffix(last, "ed"):
		stem := strings.TrimSuffix(last, "ed")
		add(stem)
		add(stem + "e")
		if n := len(stem); n >= 2 && stem[n-1] == stem[n-2] {
			add(stem[:n-1])
		}
	}
	return out
}

// Synonyms returns the words that field.txt groups with w.
func (l *Lexicon) Synonyms(w string) []string {
	var out []string
	for _, g := range l.inGroups[w] {
		for _, other := range l.groups[g] {
			if other = strings.TrimSpace(other); other != w {
				out = appendNew(out, other)
			}
		}
	}
	return out
}
