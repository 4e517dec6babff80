package corpus_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/startupqa/startupqa/corpus"
)

const zhArticle = "# 笔记\n\n## 1. 什么是大模型\n\n**题目：** 什么是大模型？\n\n**答案：** 参数很多的模型。\n\n## 2. 训练\n\n**题目：** 怎么训练？\n\n**答案：** 前向传播，反向传播。\n"
const enArticle = "# Notes\n\n## 1. What is a large model\n\n**Question:** What is a large model?\n\n**Answer:** A model with very many parameters.\n"

func TestCompanionFiles(t *testing.T) {
	c, err := corpus.Load(fstest.MapFS{
		"notes.md":    {Data: []byte(zhArticle)},
		"notes.en.md": {Data: []byte(enArticle)},
	}, "x")
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Sections) != 2 || len(c.Articles) != 1 {
		t.Fatalf("%d sections in %d articles: a translation must not add sections", len(c.Sections), len(c.Articles))
	}
	s, _ := c.Section("notes/1")
	en := s.In("en")
	if en == s || en.Title != "What is a large model" || en.ID != "notes/1" || en.Lang != "en" || en.ArticleTitle != "Notes" {
		t.Errorf("translation = %+v", en)
	}
	s2, _ := c.Section("notes/2")
	if s2.In("en") != s2 {
		t.Error("a section without translation should come back as itself")
	}

	_, err = corpus.Load(fstest.MapFS{
		"notes.md":    {Data: []byte(zhArticle)},
		"notes.en.md": {Data: []byte(enArticle + "\n## 7. Extra\n\n**Question:** q\n\n**Answer:** a\n")},
	}, "x")
	ps, ok := corpus.AsProblems(err)
	if !ok || len(ps) != 1 || !strings.Contains(ps.Error(), "x/notes.en.md:9: section 7 has no counterpart in x/notes.md") {
		t.Fatalf("problems = %v", err)
	}
}

// TestEnglishArticleWithoutOriginal: notes.en.md with no notes.md beside
// it is an English article of its own, not a translation of nothing; one
// in another folder than its namesake is too.
func TestEnglishArticleWithoutOriginal(t *testing.T) {
	unnumbered := "# Pricing\n\n## Seats or usage\n\n**Question:** Seats or usage?\n\n**Answer:** Usage, when costs follow tokens.\n"
	tests := []struct {
		name  string
		fsys  fstest.MapFS
		title map[string]string // section id → title
	}{
		{"alone", fstest.MapFS{"notes.md": {Data: []byte(zhArticle)}, "other.en.md": {Data: []byte(enArticle)}},
			map[string]string{"notes/1": "什么是大模型", "other/1": "What is a large model"}},
		{"unnumbered", fstest.MapFS{"pricing.en.md": {Data: []byte(unnumbered)}},
			map[string]string{"pricing/1": "Seats or usage"}},
		{"other folder", fstest.MapFS{"a/notes.md": {Data: []byte(zhArticle)}, "b/notes.en.md": {Data: []byte(enArticle)}},
			map[string]string{"a-notes/1": "什么是大模型", "b-notes/1": "What is a large model"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := corpus.Load(tt.fsys, "x")
			if err != nil {
				t.Fatal(err)
			}
			for id, title := range tt.title {
				s, ok := c.Section(id)
				if !ok || s.Title != title {
					t.Errorf("section %s = %v, want %q", id, s, title)
				}
			}
			if len(c.Articles) != len(tt.fsys) {
				t.Errorf("%d articles from %d files", len(c.Articles), len(tt.fsys))
			}
		})
	}
}

// A translation's headings must say which sections they translate: one
// without numbers is reported, not attached by position (a partial
// translation of section 2 would become section 1's).
func TestCompanionWithoutNumbers(t *testing.T) {
	en := "# Notes\n\n## Training\n\n**Question:** How is it trained?\n\n**Answer:** Forward and backward passes.\n"
	_, err := corpus.Load(fstest.MapFS{"notes.md": {Data: []byte(zhArticle)}, "notes.en.md": {Data: []byte(en)}}, "x")
	ps, ok := corpus.AsProblems(err)
	if !ok || len(ps) == 0 || !strings.Contains(ps[0].Message, "without a number") {
		t.Errorf("an unnumbered translation: err = %v, want a heading without a number", err)
	}
}

// TestCompanionOfChaptersNumberedOnTheirOwn: an article whose chapters
// number their sections anew is numbered by position, and so is its
// translation: a whole one attaches, a partial one is a problem rather
// than translations of the wrong sections.
func TestCompanionOfChaptersNumberedOnTheirOwn(t *testing.T) {
	zh := doc("# Java", "",
		"## 一、集合", "", "### 1. HashMap", "", "**答案：** 数组加链表。", "",
		"### 2. ArrayList", "", "**答案：** 1.5 倍扩容。", "",
		"## 二、并发", "", "### 1. volatile", "", "**答案：** 可见性。")
	whole := doc("# Java", "",
		"## Collections", "", "### 1. HashMap", "", "**Answer:** An array of lists.", "",
		"### 2. ArrayList", "", "**Answer:** Grows by half.", "",
		"## Concurrency", "", "### 1. volatile", "", "**Answer:** Visibility.")
	partial := doc("# Java", "", "## Concurrency", "", "### 1. volatile", "", "**Answer:** Visibility.")

	c, err := corpus.Load(fstest.MapFS{"java.md": {Data: []byte(zh)}, "java.en.md": {Data: []byte(whole)}}, "x")
	if err != nil {
		t.Fatal(err)
	}
	if s, _ := c.Section("java/3"); s == nil || s.In("en").Title != "volatile" || s.In("en").Question != "volatile" {
		t.Errorf("java/3 in English: %+v", s.In("en"))
	}

	_, err = corpus.Load(fstest.MapFS{"java.md": {Data: []byte(zh)}, "java.en.md": {Data: []byte(partial)}}, "x")
	ps, ok := corpus.AsProblems(err)
	if !ok || len(ps) != 1 || !strings.Contains(ps[0].Message, "this one has 1 of 3") {
		t.Errorf("a partial translation: %v, want one problem saying it has 1 of 3", err)
	}
}
