// Package zh converts between simplified and traditional Chinese with
// OpenCC's dictionaries (github.com/longbridgeapp/opencc, pure Go), so
// that members who write traditional characters are understood and
// answered in their own script.
package zh

import (
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/longbridgeapp/opencc"
)

// Converter converts text between the two scripts. It is safe for
// concurrent use.
type Converter struct {
	t2s *opencc.OpenCC
	// tw2sp also maps Taiwan's words to the mainland's (資料 → 数据,
	// 演算法 → 算法). It is only for text with traditional characters:
	// its variant table reads simplified 么 as Taiwan's variant of 幺.
	tw2sp *opencc.OpenCC
	// s2t is loaded on first use: it takes ~95 ms against ~5 ms for t2s,
	// and only answers to traditional questions need it.
	s2t func() (*opencc.OpenCC, error)
	// traditional remembers conversions to traditional: replies are made
	// of the corpus's text, so the same answers come back again and again,
	// and converting one costs about 0.5 ms.
	traditional       sync.Map // string → string
	traditionalCached atomic.Int64
}

// maxCached bounds the conversions remembered; past it, text is converted
// every time.
const maxCached = 10_000

// New loads the traditional→simplified dictionary.
func New() (*Converter, error) {
	t2s, err := opencc.New("t2s")
	if err != nil {
		return nil, fmt.Errorf("load traditional→simplified dictionary: %w", err)
	}
	tw2sp, err := opencc.New("tw2sp")
	if err != nil {
		return nil, fmt.Errorf("load Taiwan→mainland dictionary: %w", err)
	}
	return &Converter{t2s: t2s, tw2sp: tw2sp, s2t: sync.OnceValues(func() (*opencc.OpenCC, error) {
		return opencc.New("s2t")
	})}, nil
}

// Simplified returns text in simplified characters, with Taiwan's words
// for the field's terms replaced by the mainland's (資料 → 数据); text that
// is already simplified, or not Chinese, comes back unchanged.
func (c *Converter) Simplified(text string) string {
	out, err := c.t2s.Convert(text)
	if err != nil || out == text {
		return text
	}
	if phrased, err := c.tw2sp.Convert(text); err == nil {
		return phrased
	}
	return out
}

// Traditional returns text in traditional characters; should the
// dictionary fail to load, text comes back unchanged.
func (c *Converter) Traditional(text string) string {
	if v, ok := c.traditional.Load(text); ok {
		return v.(string)
	}
	s2t, err := c.s2t()
	if err != nil {
		return text
	}
	out, err := s2t.Convert(text)
	if err != nil {
		return text
	}
	if c.traditionalCached.Add(1) <= maxCached {
		c.traditional.Store(text, out)
	}
	return out
}

// IsTraditional reports whether text uses traditional characters that
// differ from their simplified forms.
func (c *Converter) IsTraditional(text string) bool {
	return c.Simplified(text) != text
}
