package corpus_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/startupqa/startupqa/corpus"
)

// TestParseSkipsFilesWithoutNotes leaves out, without a problem, the files
// a repository or a vault keeps beside its articles: nothing in them looks
// like a question.
func TestParseSkipsFilesWithoutNotes(t *testing.T) {
	tests := []struct{ name, src string }{
		{"empty", ""},
		{"GitBook's SUMMARY.md", doc("# Summary", "", "* [JVM](jvm.md)", "* [集合](collections.md)")},
		{"docsify's _sidebar.md", doc("- [JVM](jvm.md)", "- [集合](collections.md)")},
		{"a daily note", doc("# 2024-03-01", "", "今天复习了 JVM。", "- [ ] 看 GC 日志")},
		{"headings without text", doc("# 笔记", "## 甲", "## 乙")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			art, ps := corpus.Parse("a.md", []byte(tt.src))
			if len(ps) > 0 || len(art.Sections) > 0 || art.Skipped == "" {
				t.Errorf("problems %q, %d sections, skipped %q; want it skipped", problemLines(ps), len(art.Sections), art.Skipped)
			}
		})
	}
}

// TestLoadSkipsFilesWithoutNotes loads a folder of notes with a table of
// contents beside them, lists the table as skipped, and refuses a folder
// with nothing but such files.
func TestLoadSkipsFilesWithoutNotes(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("SUMMARY.md", doc("# Summary", "", "* [JVM](jvm.md)"))
	c, err := corpus.LoadDir(dir)
	if err == nil || !strings.Contains(err.Error(), "no article has sections") || !strings.Contains(err.Error(), ".md: no ") {
		t.Fatalf("a folder of a table of contents only: corpus %v, err %v; want no article has sections", c, err)
	}
	write("jvm.md", doc("# JVM", "", "## 1. 运行时数据区", "", "**题目：** 怎么划分？", "", "**答案：** 堆、栈、方法区。"))
	c, err = corpus.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var skipped []string
	for _, art := range c.Skipped {
		skipped = append(skipped, filepath.Base(art.File))
	}
	if len(c.Sections) != 1 || !slices.Equal(skipped, []string{"SUMMARY.md"}) {
		t.Errorf("%d sections, skipped %q; want 1 section and SUMMARY.md skipped", len(c.Sections), skipped)
	}
}
