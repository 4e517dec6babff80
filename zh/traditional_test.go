package zh

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/longbridgeapp/opencc"
)

var update = flag.Bool("update", false, "rewrite traditional.txt from OpenCC's t2s dictionary")

// traditionalChars lists, 64 to a line, the characters below
// maxRemembered that OpenCC's t2s changes when converted alone.
func traditionalChars(t *testing.T) string {
	t.Helper()
	t2s, err := opencc.New("t2s")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	n := 0
	for r := rune(0x2E80); r < maxRemembered; r++ {
		if r >= 0xD800 && r < 0xE000 {
			continue // surrogates are not characters
		}
		out, err := convert(t2s, string(r))
		if err != nil || out == string(r) {
			continue
		}
		b.WriteRune(r)
		if n++; n%64 == 0 {
			b.WriteByte('\n')
		}
	}
	b.WriteByte('\n')
	return b.String()
}

// TestTraditionalChars fails while traditional.txt differs from what the
// dictionary gives: `go test ./zh -run TestTraditionalChars -update`
// rewrites it after an OpenCC upgrade.
func TestTraditionalChars(t *testing.T) {
	want := traditionalChars(t)
	if *update {
		if err := os.WriteFile("traditional.txt", []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if traditionalText != want {
		t.Error("traditional.txt is stale: go test ./zh -run TestTraditionalChars -update")
	}
}
