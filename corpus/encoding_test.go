package corpus_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"

	"github.com/startupqa/startupqa/corpus"
)

// TestLoadGBK reads notes saved in GBK, as Chinese Windows saves them, as
// the same notes in UTF-8, and says so.
func TestLoadGBK(t *testing.T) {
	src := doc("# 缓存", "", "## 1. 缓存穿透", "", "**题目：** 什么是缓存穿透？", "", "**答案：** 查询不存在的数据，请求打到数据库。",
		"", "## 2. 缓存雪崩", "", "**题目：** 什么是缓存雪崩？", "", "**答案：** 大量 key 同时过期。")
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	c := loadFile(t, "cache.md", gbk)
	want, _ := corpus.Parse("cache.md", []byte(src))
	var got, wantQ []string
	for _, s := range c.Sections {
		got = append(got, s.ID+" "+s.Question)
	}
	for _, s := range want.Sections {
		wantQ = append(wantQ, s.ID+" "+s.Question)
	}
	if !slices.Equal(got, wantQ) || c.Articles[0].Encoding != "GB18030" {
		t.Errorf("sections %q, encoding %q; want %q, GB18030", got, c.Articles[0].Encoding, wantQ)
	}
}

// TestLoadBig5 reads notes saved in Big5, as Taiwan's Windows saves
// them, as the same notes in UTF-8, not as GBK nonsense.
func TestLoadBig5(t *testing.T) {
	src := doc("# 記憶體", "", "## 1. 什麼是 DRAM？", "", "**答案：** 動態隨機存取記憶體，需要定期刷新。", "",
		"## 2. NAND 與 NOR 的差別？", "", "**答案：** NAND 容量大、寫入快，適合大量儲存；NOR 可直接執行程式碼。")
	big5, err := traditionalchinese.Big5.NewEncoder().Bytes([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	c := loadFile(t, "memory.md", big5)
	if got := c.Sections[0].Title; got != "什麼是 DRAM？" || c.Articles[0].Encoding != "Big5" {
		t.Errorf("first title %q, encoding %q; want 什麼是 DRAM？, Big5", got, c.Articles[0].Encoding)
	}
}

// TestLoadUTF16 reads notes that Notepad saved as "Unicode", UTF-16 with
// a byte-order mark in either order, as the same notes in UTF-8.
func TestLoadUTF16(t *testing.T) {
	src := doc("# 缓存", "", "## 1. 缓存穿透", "", "**题目：** 什么是缓存穿透？", "", "**答案：** 查询不存在的数据。")
	for name, order := range map[string]xunicode.Endianness{"little-endian": xunicode.LittleEndian, "big-endian": xunicode.BigEndian} {
		t.Run(name, func(t *testing.T) {
			data, err := xunicode.UTF16(order, xunicode.UseBOM).NewEncoder().Bytes([]byte(src))
			if err != nil {
				t.Fatal(err)
			}
			c := loadFile(t, "cache.md", data)
			if s := c.Sections[0]; s.Title != "缓存穿透" || s.Question != "什么是缓存穿透？" || c.Articles[0].Encoding != "UTF-16" {
				t.Errorf("section %q %q, encoding %q; want 缓存穿透, UTF-16", s.Title, s.Question, c.Articles[0].Encoding)
			}
		})
	}
}

// TestLoadBrokenUTF8 keeps a UTF-8 article with a few bad bytes a
// problem at its lines: read as GBK, its Chinese would be nonsense.
func TestLoadBrokenUTF8(t *testing.T) {
	dir := t.TempDir()
	src := []byte(doc("# 缓存", "", "## 1. 缓存穿透", "", "**题目：** 什么是缓存穿透？", "", "**答案：** 查询不存在的数据\xff。"))
	if err := os.WriteFile(filepath.Join(dir, "cache.md"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := corpus.LoadDir(dir)
	ps, ok := corpus.AsProblems(err)
	if !ok || len(ps) != 1 || ps[0].Line != 7 || ps[0].Message != "invalid UTF-8" {
		t.Errorf("err = %v, want invalid UTF-8 at line 7", err)
	}
}

// loadFile loads a corpus of one file, written as given, from a
// directory of its own.
func loadFile(t *testing.T, name string, data []byte) *corpus.Corpus {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := corpus.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
