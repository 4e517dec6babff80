package zh

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzConvert converts arbitrary text both ways: no input may panic,
// valid UTF-8 stays valid, valid text without Han characters passes unchanged,
// and converting twice changes nothing more than converting once.
//
//	go test -run='^$' -fuzz=FuzzConvert -fuzztime=60s ./zh
func FuzzConvert(f *testing.F) {
	for _, s := range []string{"大模型的训练过程", "大模型的訓練過程", "數據質量與算法", "GPT-3 與 LLM", "", "\xff\xfe", "🙂後", "乾隆 干净 幹活"} {
		f.Add(s)
	}
	c, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		simp, trad := c.Simplified(s), c.Traditional(s)
		if utf8.ValidString(s) && (!utf8.ValidString(simp) || !utf8.ValidString(trad)) {
			t.Fatalf("%q became invalid UTF-8: %q, %q", s, simp, trad)
		}
		if utf8.ValidString(s) && !strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) && (simp != s || trad != s) {
			t.Errorf("%q without Han characters became %q, %q", s, simp, trad)
		}
		if again := c.Simplified(simp); again != simp {
			t.Errorf("Simplified(%q) = %q, then %q", s, simp, again)
		}
		_ = c.IsTraditional(s)
	})
}
