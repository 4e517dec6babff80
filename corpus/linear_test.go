package corpus_test

import (
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/startupqa/startupqa/corpus"
)

// TestParseIsLinear: the work Parse does grows linearly with its input, so a
// file at MaxFileSize parses as fast as a few small ones. Bytes allocated
// measure the work without depending on the speed of the machine: parsing
// four times the lines may allocate about four times the bytes, where
// copying a growing paragraph on every line would allocate sixteen times.
func TestParseIsLinear(t *testing.T) {
	shapes := []struct {
		name  string
		shape func(n int) string
	}{
		{"answer paragraph", func(n int) string {
			return answerDoc(strings.Repeat("word\n", n))
		}},
		{"Chinese answer paragraph", func(n int) string {
			return answerDoc(strings.Repeat("中文\n", n))
		}},
		{"Chinese sentences a line", func(n int) string {
			return answerDoc(strings.Repeat("中文。\n", n))
		}},
		{"list item with lazy lines", func(n int) string {
			return answerDoc("- **lead：** text\n" + strings.Repeat("more\n", n))
		}},
		{"nested items", func(n int) string {
			return answerDoc("- top\n" + strings.Repeat("  - nested\n", n))
		}},
		{"question", func(n int) string {
			return doc("## 1. 节", "**题目：**") + strings.Repeat("问\n", n) + doc("**答案：** 答。")
		}},
		{"analysis", func(n int) string {
			return doc("## 1. 节", "**题目：** 问？", "**答案：** 答。", "**解析：**") + strings.Repeat("析\n", n)
		}},
		{"many sections", func(n int) string {
			var b strings.Builder
			for i := range n / 4 {
				b.WriteString(doc("## "+strconv.Itoa(i+1)+". 节", "**题目：** 问？", "**答案：** 答。", ""))
			}
			return b.String()
		}},
	}
	const n = 4000
	for _, sh := range shapes {
		name := sh.name
		small, large := []byte(sh.shape(n)), []byte(sh.shape(4*n))
		parse := func(data []byte) func() {
			return func() {
				if _, ps := corpus.Parse("a.md", data); len(ps) > 0 {
					t.Fatalf("%s: problems %v", name, problemLines(ps))
				}
			}
		}
		a, b := allocated(parse(small)), allocated(parse(large))
		// 8 is halfway, on a log scale, between linear (4) and quadratic (16).
		if ratio := float64(b) / float64(a); ratio > 8 {
			t.Errorf("%s: %d lines allocate %d bytes, %d lines %d bytes: %.1f times as much, want about 4",
				name, n, a, 4*n, b, ratio)
		}
	}
}

// allocated returns the bytes f allocates on the heap.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}
