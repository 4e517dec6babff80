package words

import (
	_ "embed"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/startupqa/startupqa/internal/memo"
)

//go:embed zh.txt
var zhText string

// Word is what the dictionary knows of a Chinese word.
type Word struct {
	Text string
	// IDF is the word's inverse document frequency in general Chinese
	// (jieba's table): about 1 for 的, 4 for 问题, 11 for 缓存. A word the
	// dictionary lacks gets UnknownIDF.
	IDF float64
	// Function is true for particles, prepositions, conjunctions,
	// pronouns, adverbs, numerals and measure words.
	Function bool
	// Class is the word's part of speech, coarsely: Noun, Verb,
	// Adjective, Function or Other; Other for a word the dictionary lacks.
	Class Class
	// Known is false for a run the dictionary lacks, segmented as single
	// characters.
	Known bool
	// Start and End are the word's byte range in the text Segment split.
	Start, End int
}

// Class is a coarse part of speech.
type Class byte

// The classes of words.
const (
	Other     Class = 'c'
	Noun      Class = 'n'
	Verb      Class = 'v'
	Adjective Class = 'a'
	Function  Class = 'f'
)

// UnknownIDF is the IDF of a word the dictionary lacks: as rare as its
// rarest words, since a term it has never seen (代持, 科创板) is a term of
// some field.
const UnknownIDF = 14.0

// unknownCost is the segmentation cost of a character the dictionary
// lacks: above every word's, so that known words are preferred.
const unknownCost = 250

// Chinese is the Chinese dictionary and segmenter.
type Chinese struct {
	lines sortedLines
	// field holds the words added to jieba's, the field's (field_zh.txt).
	field sortedLines
	// memo keeps look-ups: segmenting a question looks up every run of up
	// to maxWord characters, each a bisection of the 267,000 lines, and
	// questions share most of their runs (大模型, 什么, 创业).
	memo *memo.Map[entryResult]
}

// entryResult is what entry found for a word.
type entryResult struct {
	cost       int
	idf        float64
	class      Class
	ok, longer bool
}

// maxMemo bounds the look-ups kept: a few megabytes.
const maxMemo = 50_000

// NewChinese returns the embedded Chinese dictionary, with the words of
// field.txt added: jieba's dictionary predates 算力 and 大模型.
func NewChinese() *Chinese {
	return &Chinese{lines: sortedLines(zhText), field: sortedLines(fieldZHText), memo: memo.New[entryResult](maxMemo)}
}

// isAddedWord reports whether a word of field.txt joins the segmenter's
// dictionary: Han characters only, two to maxWord of them.
func isAddedWord(w string) bool {
	n := utf8.RuneCountInString(w)
	return n >= 2 && n <= maxWord && isHanString(w)
}

func isHanString(s string) bool {
	for _, r := range s {
		if !isHan(r) {
			return false
		}
	}
	return s != ""
}

// Costs and weights of a word added to jieba's: as likely as a common
// word, so that the segmenter keeps it whole, and as rare as a term of a
// field.
const (
	extraCost = 100
	extraIDF  = 10
)

// Lookup returns what the dictionary knows of w.
func (c *Chinese) Lookup(w string) (Word, bool) {
	_, idf, class, ok, _ := c.entry(w)
	if !ok {
		return Word{Text: w, IDF: UnknownIDF, Class: Other}, false
	}
	return Word{Text: w, IDF: idf, Function: class == Function, Class: class, Known: true}, true
}

// entry looks w up; longer reports whether a longer word starts with w,
// in jieba's list or among the added words.
func (c *Chinese) entry(w string) (cost int, idf float64, class Class, ok, longer bool) {
	if e, hit := c.memo.Load(w); hit {
		return e.cost, e.idf, e.class, e.ok, e.longer
	}
	cost, idf, class, ok, longer = c.lookup(w)
	c.memo.Store(w, entryResult{cost, idf, class, ok, longer})
	return cost, idf, class, ok, longer
}

// lookup is entry without the memo.
func (c *Chinese) lookup(w string) (cost int, idf float64, class Class, ok, longer bool) {
	v, ok, longer := c.lines.search(w)
	added := false
	if !ok || !longer {
		// The field's words are searched only for what jieba's list did
		// not settle: most look-ups find a word with longer ones after it.
		var longerAdded bool
		_, added, longerAdded = c.field.search(w)
		longer = longer || longerAdded
	}
	if !ok {
		if added && isAddedWord(w) {
			return extraCost, extraIDF, Noun, true, longer
		}
		return 0, 0, 0, false, longer
	}
	f := strings.Split(v, "\t")
	if len(f) != 3 || len(f[2]) != 1 {
		return 0, 0, 0, false, longer
	}
	cost, err1 := strconv.Atoi(f[0])
	i, err2 := strconv.Atoi(f[1])
	if err1 != nil || err2 != nil {
		return 0, 0, 0, false, longer
	}
	class = Class(f[2][0])
	if modalVerbs[w] {
		class = Function
	}
	return cost, float64(i) / 10, class, true, longer
}

// modalVerbs are the auxiliaries jieba tags as content words (应该
// "should", 能够 "can", and alone 能, 会, 要, 想, 可) although they say how,
// not what: a question that shares only 应该 with a section shares nothing
// with it. Its tags already make 可以, 必须, 务必 and 该 function words.
var modalVerbs = map[string]bool{
	"应该": true, "应当": true, "理应": true, "能够": true, "得以": true,
	"能": true, "会": true, "要": true, "想": true, "可": true,
}

// maxWord is the longest word, in characters, the dictionary holds.
const maxWord = 6

// Segment splits text into words: runs of Han characters by the
// dictionary, choosing the most probable split (jieba's method without its
// model of unknown words), and every other run of letters or digits as
// one word. Punctuation and spaces separate words and are dropped.
func (c *Chinese) Segment(text string) []Word {
	var out []Word
	for at := 0; at < len(text); {
		r, size := utf8.DecodeRuneInString(text[at:])
		switch {
		case isHan(r):
			end := at + size
			for end < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[end:])
				if !isHan(r2) {
					break
				}
				end += s2
			}
			out = append(out, c.segmentHan(text[at:end], at)...)
			at = end
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			end := at + size
			for end < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[end:])
				if isHan(r2) || !(unicode.IsLetter(r2) || unicode.IsDigit(r2) || r2 == '-' || r2 == '_' || r2 == '.') {
					break
				}
				end += s2
			}
			w := strings.TrimRight(text[at:end], "-_.")
			out = append(out, Word{Text: w, IDF: UnknownIDF, Class: Other, Start: at, End: at + len(w)})
			at = end
		default:
			at += size
		}
	}
	return out
}

func isHan(r rune) bool { return r >= 0x3400 && unicode.Is(unicode.Han, r) }

// segmentHan splits a run of Han characters by dynamic programming: the
// split whose words' costs (-ln P) sum lowest.
func (c *Chinese) segmentHan(run string, offset int) []Word {
	rs := []rune(run)
	n := len(rs)
	best := make([]int, n+1) // best[i]: lowest cost of rs[i:]
	next := make([]int, n+1)
	for i := n - 1; i >= 0; i-- {
		best[i], next[i] = unknownCost+best[i+1], i+1
		for j := i + 1; j <= min(n, i+maxWord); j++ {
			cost, _, _, ok, longer := c.entry(string(rs[i:j]))
			if ok && cost+best[j] < best[i] {
				best[i], next[i] = cost+best[j], j
			}
			if !longer {
				break
			}
		}
	}
	var out []Word
	for i := 0; i < n; i = next[i] {
		text := string(rs[i:next[i]])
		w, _ := c.Lookup(text)
		w.Start, w.End = offset, offset+len(text)
		offset = w.End
		out = append(out, w)
	}
	return out
}
