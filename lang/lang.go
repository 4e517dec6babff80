// Package lang tells which language a user wrote in, so that replies and
// messages can answer in it.
package lang

import "unicode"

// Lang is a language startupqa can reply in.
type Lang int

const (
	Chinese Lang = iota // the default: the corpus is Chinese
	English
)

// Of returns the language of a text: English when it has Latin letters and
// no Han characters, Chinese otherwise (including text with neither, such
// as emoji, since the corpus and most users are Chinese).
func Of(text string) Lang {
	latin := false
	for _, r := range text {
		if unicode.Is(unicode.Han, r) {
			return Chinese
		}
		if r < unicode.MaxASCII && unicode.IsLetter(r) {
			latin = true
		}
	}
	if latin {
		return English
	}
	return Chinese
}

// Count counts a text's Han characters and its English words. A Chinese
// word is two characters or so, so a text with at least as many
// characters as words is mostly Chinese: a Chinese sentence naming an
// English term or two, and not an English one naming a Chinese term.
func Count(text string) (han, words int) {
	inWord := false
	for _, r := range text {
		latin := r < unicode.MaxASCII && unicode.IsLetter(r)
		if latin && !inWord {
			words++
		}
		inWord = latin
		if unicode.Is(unicode.Han, r) {
			han++
		}
	}
	return han, words
}

// Pick returns zh or en by the language of text.
func Pick(text, zh, en string) string {
	if Of(text) == English {
		return en
	}
	return zh
}

// Text is one message in both languages: Chinese, then English. An array,
// so that a table of messages reads as pairs of strings.
type Text [2]string

// In returns the message in l.
func (t Text) In(l Lang) string {
	if l == English {
		return t[1]
	}
	return t[0]
}
