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

//go:embed field_zh.txt
var fieldZHText string

//go:embed field_en.txt
var fieldENText string

//go:embed field_spoken.txt
var fieldSpokenText string

//go:embed zh_en.txt
var zhENText string

//go:embed en_forms.txt
var enFormsText string

//go:embed en_syn.txt
var enSynText string

//go:embed en_deriv.txt
var enDerivText string

// Lexicon maps English terms to Chinese words and Chinese words to their
// synonyms. Its lists offer candidates; the index keeps those its corpus
// uses, so that a term ambiguous in general ("order": 顺序, 订单, 命令) is
// read as the notes at hand read it.
type Lexicon struct {
	cedict  sortedLines
	fieldEN sortedLines // field_en.txt
	fieldZH sortedLines // field_zh.txt
	spoken  sortedLines // field_spoken.txt
	forms   sortedLines // en_forms.txt: made → make, criteria → criterion
	synEN   sortedLines // en_syn.txt: choose → select, pick
	derivEN sortedLines // en_deriv.txt: elastic → elasticity
	zhEN    sortedLines // zh_en.txt: 缓存 → cache
}

// NewLexicon returns the embedded lexicon: CC-CEDICT's glosses and the
// field's terms and synonym groups of field.txt. It builds nothing: the
// lists are searched where they lie.
func NewLexicon() (*Lexicon, error) {
	return &Lexicon{
		cedict:  sortedLines(enZHText),
		fieldEN: sortedLines(fieldENText),
		fieldZH: sortedLines(fieldZHText),
		spoken:  sortedLines(fieldSpokenText),
		forms:   sortedLines(enFormsText),
		synEN:   sortedLines(enSynText),
		derivEN: sortedLines(enDerivText),
		zhEN:    sortedLines(zhENText),
	}, nil
}

// fieldEntry is a line of field.txt: an English term and the Chinese words
// it may stand for, or, with english empty, a group of Chinese words that
// say the same thing; spoken when the group is in the block under a
// heading of spoken question wording.
type fieldEntry struct {
	english string
	chinese []string
	spoken  bool
}

// readField reads field.txt's lines, up to the first malformed one.
func readField(text string) ([]fieldEntry, error) {
	var out []fieldEntry
	n := 0
	spoken := false
	for line := range strings.Lines(text) {
		n++
		line = strings.TrimRight(line, "\r\n")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			// A heading of spoken wording marks the block of groups
			// under it; a blank line or another comment ends it.
			spoken = strings.HasPrefix(line, "# zh:") && strings.Contains(strings.ToLower(line), "spoken")
			continue
		}
		f := strings.Split(line, "\t")
		switch {
		case f[0] == "en" && len(f) == 3:
			out = append(out, fieldEntry{english: strings.Join(strings.Fields(strings.ToLower(f[1])), " "), chinese: strings.Split(f[2], "|")})
		case f[0] == "zh" && len(f) == 2:
			out = append(out, fieldEntry{chinese: strings.Split(f[1], "|"), spoken: spoken})
		default:
			return out, fmt.Errorf("field.txt:%d: want en<TAB>term<TAB>words or zh<TAB>words", n)
		}
	}
	return out, nil
}

// Spoken reports whether w is a word of field.txt's groups of spoken
// question wording (the "# zh:" sections whose heading says spoken: 靠谱,
// 咋办, 难处, and the written words they stand for, 可靠, 怎么办): how a
// question is put rather than what it asks about.
func (l *Lexicon) Spoken(w string) bool {
	_, ok := l.spoken.find(w)
	return ok
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
func (l *Lexicon) Chinese(phrase string) []string { return l.chinese(phrase, true) }

// FieldChinese is Chinese without the general dictionary: the field's own
// translations of a term (field.txt) alone. A word the dictionary has is
// still a word of its own, not read through its base ("banner" is not
// "ban").
func (l *Lexicon) FieldChinese(phrase string) []string { return l.chinese(phrase, false) }

// chinese looks phrase up in the field's list and, if general, in
// CC-CEDICT.
func (l *Lexicon) chinese(phrase string, general bool) []string {
	phrase = strings.Join(strings.Fields(strings.ToLower(phrase)), " ")
	var out []string
	listed := false // the word itself is in a list, used or not
	field := func(k string) {
		if v, ok := l.fieldEN.find(k); ok {
			out, listed = appendNew(out, splitWords(v)...), true
		}
	}
	cedict := func(k string) {
		if v, ok := l.cedict.find(k); ok {
			listed = true
			if general {
				out = appendNew(out, strings.Split(v, "|")...)
			}
		}
	}
	for _, k := range inflections(phrase) {
		field(k)
	}
	for _, k := range inflections(phrase) {
		cedict(k)
	}
	if listed {
		return out
	}
	// Dictionaries list "typical" and "small" but seldom "typically" and
	// "smaller"; those are read through their base word, and only when the
	// word itself is missing, so that "power" never turns into "pow".
	for _, k := range l.derivations(phrase) {
		field(k)
		cedict(k)
	}
	return out
}

// derivations returns the base words the phrase's last word may come from:
// an irregular verb's (made → make), an adverb's (-ly), a comparative's
// (-er) or a superlative's (-est).
func (l *Lexicon) derivations(phrase string) []string {
	head, last := "", phrase
	if i := strings.LastIndexByte(phrase, ' '); i >= 0 {
		head, last = phrase[:i+1], phrase[i+1:]
	}
	var out []string
	if base, ok := l.forms.find(last); ok {
		out = append(out, head+base)
	}
	for _, suffix := range []string{"ly", "er", "est"} {
		stem, ok := strings.CutSuffix(last, suffix)
		if !ok || len(stem) < 3 {
			continue
		}
		forms := []string{stem, stem + "e"} // finally → final, later → late
		switch n := len(stem); {
		case stem[n-1] == 'i':
			forms = append(forms, stem[:n-1]+"y") // easily, easier → easy
		case stem[n-1] == stem[n-2]:
			forms = append(forms, stem[:n-1]) // bigger → big
		case suffix == "ly" && strings.HasSuffix(stem, "al"):
		case suffix == "ly" && stem[n-1] == 'b':
			forms = append(forms, stem+"le") // possibly → possible
		}
		for _, f := range forms {
			if !slices.Contains(out, head+f) {
				out = append(out, head+f)
			}
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

// Related returns Chinese words for an English word or phrase through its
// English synonyms and the words of its stem in other parts of speech
// (WordNet's, in its commonest senses): "commence" through "begin" reaches
// 开始, which the dictionary gives for "begin" only, and "volatile"
// through "volatility" 波动性, where the dictionary knows "volatile" as
// 挥发. It is a last resort, for a word none of whose own translations
// serve.
func (l *Lexicon) Related(phrase string) []string {
	phrase = strings.Join(strings.Fields(strings.ToLower(phrase)), " ")
	var out []string
	for _, k := range append(inflections(phrase), l.derivations(phrase)...) {
		syn, okSyn := l.synEN.find(k)
		der, okDer := l.derivEN.find(k)
		if !okSyn && !okDer {
			continue
		}
		for _, w := range append(splitWords(syn), splitWords(der)...) {
			zh := l.Chinese(w)
			out = appendNew(out, zh[:min(relatedPerSynonym, len(zh))]...)
		}
		break
	}
	return out
}

// relatedPerSynonym is how many of a synonym's translations, commonest
// first, Related offers: further ones are rarer senses of the synonym.
const relatedPerSynonym = 3

// English returns the English words and phrases a Chinese word may stand
// for in notes written in English, the field's terms first.
func (l *Lexicon) English(w string) []string {
	v, _ := l.zhEN.find(w)
	return splitWords(v)
}

// Synonyms returns the words that field.txt groups with w.
func (l *Lexicon) Synonyms(w string) []string {
	v, _ := l.fieldZH.find(w)
	return splitWords(v)
}
