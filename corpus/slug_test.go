package corpus_test

import (
	"testing"

	"github.com/startupqa/startupqa/corpus"
)

func TestSlug(t *testing.T) {
	tests := []struct{ file, want string }{
		{"llm-startup.md", "llm-startup"},
		{"articles/LLM Startup.md", "llm-startup"},
		{"/abs/path/to/notes.md", "notes"},
		{`articles\LLM Startup.md`, "llm-startup"},
		{`C:\corpus\Week_01 Notes.md`, "week-01-notes"},
		{"大模型 创业.md", "大模型-创业"},
		{"文章/大模型创业.md", "大模型创业"},
		{"Ünïcode Ärticle.MD", "ünïcode-ärticle"},
		{"tab\tand\u3000ideographic space.md", "tab-and-ideographic-space"},
		{"  padded  .md", "padded"},
		{"v1.2.md", "v1.2"},
		{"no-extension", "no-extension"},
		{"builtin/llm-startup.md", "llm-startup"},
	}
	for _, tt := range tests {
		if got := corpus.Slug(tt.file); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.file, got, tt.want)
		}
	}
}

// TestSlugInSectionIDs: section ids are "<slug>/<N>" whatever directory
// the file is read from.
func TestSlugInSectionIDs(t *testing.T) {
	src := []byte("## 3. 节\n**题目：** 问？\n**答案：** 答。\n")
	for _, file := range []string{"Week_01 Notes.md", "a/b/Week_01 Notes.md", `a\Week_01 Notes.md`} {
		art, ps := corpus.Parse(file, src)
		if len(ps) > 0 || len(art.Sections) != 1 {
			t.Fatalf("Parse(%q): %d sections, problems %v", file, len(art.Sections), problemLines(ps))
		}
		if got := art.Sections[0].ID; got != "week-01-notes/3" {
			t.Errorf("Parse(%q): ID %q, want week-01-notes/3", file, got)
		}
	}
}
