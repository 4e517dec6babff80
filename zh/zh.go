// Package zh converts between simplified and traditional Chinese with
// OpenCC's dictionaries (github.com/longbridgeapp/opencc, pure Go), so
// that members who write traditional characters are understood and
// answered in their own script.
package zh

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/longbridgeapp/opencc"

	"github.com/startupqa/startupqa/internal/memo"
)

// Converter converts text between the two scripts. It is safe for
// concurrent use.
type Converter struct {
	// t2s and tw2sp are loaded on first use (about 8 ms together, a
	// tenth of what `ask` takes): most text, every simplified question
	// and a simplified corpus, has no traditional character, and
	// traditionalChars tells so without them.
	t2s func() (*opencc.OpenCC, error)
	// tw2sp also maps Taiwan's words to the mainland's (資料 → 数据,
	// 演算法 → 算法). It is used on text with traditional characters, and
	// only after 么 is written 麼: its variant table reads simplified 么
	// as Taiwan's variant of 幺.
	tw2sp func() (*opencc.OpenCC, error)
	// traditional marks, one bit a character below maxRemembered, the
	// characters that t2s changes (traditional.txt).
	traditional *[maxRemembered / 64]uint64
	// s2t and s2twp are loaded on first use too: each takes ~95 ms, and
	// only answers to traditional questions need them. s2twp also uses
	// Taiwan's words (数据 → 資料, 算法 → 演算法).
	s2t, s2twp *cachedConverter
}

// cachedConverter converts to traditional and remembers its conversions:
// replies are made of the corpus's text, so the same answers come back
// again and again, and converting one costs about 0.5 ms.
type cachedConverter struct {
	load func() (*opencc.OpenCC, error)
	text *memo.Map[string] // text → converted
}

func newCached(config string) *cachedConverter {
	return &cachedConverter{
		load: loader(config),
		text: memo.New[string](maxCached),
	}
}

// loader loads an OpenCC configuration once, when first asked for.
func loader(config string) func() (*opencc.OpenCC, error) {
	return sync.OnceValues(func() (*opencc.OpenCC, error) {
		conv, err := opencc.New(config)
		if err != nil {
			return nil, fmt.Errorf("load OpenCC dictionary %s: %w", config, err)
		}
		return conv, nil
	})
}

// convert returns text converted; should the dictionary fail to load,
// text comes back unchanged.
func (c *cachedConverter) convert(text string) string {
	if out, ok := c.text.Load(text); ok {
		return out
	}
	out, err := convertWith(c.load, text)
	if err != nil {
		return text
	}
	c.text.Store(text, out)
	return out
}

// maxCached bounds the conversions remembered; past it, text is converted
// every time.
const maxCached = 10_000

//go:embed traditional.txt
var traditionalText string

// New returns a converter. Its dictionaries load when text first needs
// them; should one fail to load, that text comes back unconverted.
func New() (*Converter, error) {
	c := &Converter{t2s: loader("t2s"), tw2sp: loader("tw2sp"), s2t: newCached("s2t"), s2twp: newCached("s2twp"),
		traditional: new([maxRemembered / 64]uint64)}
	for _, r := range traditionalText {
		if r < maxRemembered && r != '\n' {
			c.traditional[r/64] |= 1 << (r % 64)
		}
	}
	return c, nil
}

// Simplified returns text in simplified characters, with Taiwan's words
// for the field's terms replaced by the mainland's (資料 → 数据); text
// without traditional characters comes back unchanged.
//
// It converts until nothing changes, at most a few times: OpenCC's
// variant table maps some characters onto traditional ones (薴 → 苧, whose
// simplified form is 苎), and text read twice must read the same.
func (c *Converter) Simplified(text string) string {
	for range maxPasses {
		out := c.simplifyOnce(text)
		if out == text {
			break
		}
		text = out
	}
	return text
}

// maxPasses bounds Simplified's passes; two settle every chain in
// OpenCC's tables, the third is margin.
const maxPasses = 3

func (c *Converter) simplifyOnce(text string) string {
	if !c.hasTraditional(text) {
		return text
	}
	if out, err := convertWith(c.tw2sp, strings.ReplaceAll(text, "么", "麼")); err == nil {
		return out
	}
	if out, err := convertWith(c.t2s, text); err == nil {
		return out
	}
	return text
}

// Readings returns the ways text may be read in simplified characters:
// Simplified's, and when it differs, the characters' own simplified forms
// without Taiwan's words replaced. Taiwan's words are mostly the field's
// (資料 → 数据), but some mean one thing in Taiwan's computing and another
// everywhere else: 指標 is a pointer to Simplified and an indicator in
// notes on finance or medicine. Text without traditional characters has
// one reading, itself.
func (c *Converter) Readings(text string) []string {
	first := c.Simplified(text)
	if first == text {
		return []string{text}
	}
	plain, err := convertWith(c.t2s, text)
	if err != nil || plain == first {
		return []string{first}
	}
	return []string{first, plain}
}

// hasTraditional reports whether text may have traditional characters:
// one whose simplified form differs from it, or one of phraseOnly. It errs
// on the side of yes (乾隆 is simplified too); IsTraditional is exact.
func (c *Converter) hasTraditional(text string) bool {
	for _, r := range text {
		if r >= 0x2E80 && (c.isTraditional(r) || strings.ContainsRune(phraseOnly, r)) { // below: ASCII, Latin, punctuation
			return true
		}
	}
	return false
}

// phraseOnly are characters that OpenCC converts only inside some words:
// alone they are simplified too, but 瞭解, 藉由, 回覆 and 沈默 are
// traditional spellings of 了解, 借由, 回复 and 沉默.
const phraseOnly = "瞭藉覆沈衹牴"

// maxRemembered bounds the characters traditional.txt covers: the BMP and
// CJK Extension B. OpenCC converts none beyond.
const maxRemembered = 0x30000

// isTraditional reports whether t2s changes the character alone.
func (c *Converter) isTraditional(r rune) bool {
	return r < maxRemembered && c.traditional[r/64]&(1<<(r%64)) != 0
}

// Traditional returns text in traditional characters; should the
// dictionary fail to load, text comes back unchanged.
func (c *Converter) Traditional(text string) string { return c.s2t.convert(text) }

// TraditionalTaiwan is Traditional with Taiwan's words for the field's
// terms (数据 → 資料, 算法 → 演算法, 软件 → 軟體), which a reader in
// Taiwan expects where Hong Kong keeps 數據 and 算法.
func (c *Converter) TraditionalTaiwan(text string) string { return c.s2twp.convert(text) }

// UsesTaiwanWords reports whether text, in traditional characters, uses
// Taiwan's words for terms the mainland says otherwise (資料, 演算法):
// its asker reads Taiwan's words best.
func (c *Converter) UsesTaiwanWords(text string) bool {
	if !c.hasTraditional(text) {
		return false
	}
	tw, err1 := convertWith(c.tw2sp, strings.ReplaceAll(text, "么", "麼"))
	plain, err2 := convertWith(c.t2s, text)
	return err1 == nil && err2 == nil && tw != plain
}

// IsTraditional reports whether text uses traditional characters that
// differ from their simplified forms. Words such as 乾隆, whose characters
// are traditional only elsewhere, do not count.
func (c *Converter) IsTraditional(text string) bool {
	if !c.hasTraditional(text) {
		return false
	}
	out, err := convertWith(c.t2s, text)
	return err == nil && out != text
}

// convertWith runs the dictionary load gives over text.
func convertWith(load func() (*opencc.OpenCC, error), text string) (string, error) {
	conv, err := load()
	if err != nil {
		return "", err
	}
	return convert(conv, text)
}

// convert runs conv over text. OpenCC's dictionaries match U+0001 as part
// of a word ("\x01瞭" came back "瞭瞭", found by FuzzConvert), so text that
// holds it is converted piece by piece between its U+0001s, which stay as
// they are.
func convert(conv *opencc.OpenCC, text string) (string, error) {
	if !strings.Contains(text, "\x01") {
		return conv.Convert(text)
	}
	parts := strings.Split(text, "\x01")
	for i, p := range parts {
		out, err := conv.Convert(p)
		if err != nil {
			return "", err
		}
		parts[i] = out
	}
	return strings.Join(parts, "\x01"), nil
}
