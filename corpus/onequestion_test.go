package corpus_test

import (
	"cmp"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/startupqa/startupqa/corpus"
)

// TestParseOneQuestionPerFile reads a note that holds one question, as
// Obsidian vaults of atomic notes and Notion databases keep them: its
// title or its file name asks, its text answers.
func TestParseOneQuestionPerFile(t *testing.T) {
	tests := []struct {
		name, file, src         string
		title, question, answer string // want; title "" for a file still skipped, question "" for the title
	}{
		{
			name: "a title that asks", file: "MVCC.md",
			src:   doc("# 什么是 MVCC？ #数据库", "", "用 undo log 版本链和 ReadView 实现。"),
			title: "什么是 MVCC？", answer: "用 undo log 版本链和 ReadView 实现。",
		},
		{
			name: "a file name that asks, Notion's id dropped", file: "什么是回表 3f2a9c0b1d4e4f5a8b7c6d5e4f3a2b1c.md",
			src:   doc("二级索引找到主键后回聚簇索引取整行。", "", "覆盖索引可以避免回表。"),
			title: "什么是回表", answer: "二级索引找到主键后回聚簇索引取整行。\n覆盖索引可以避免回表。",
		},
		{
			name: "a Notion database page and its properties", file: "MVCC 原理 8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b.md",
			src:   doc("# MVCC 原理", "", "分类: MySQL", "难度: 困难", "", "版本链加 ReadView。"),
			title: "MVCC 原理", answer: "版本链加 ReadView。",
		},
		{
			name: "a title that names a topic over a question", file: "TCP三次握手.md",
			src:   doc("# TCP 三次握手", "", "为什么建立连接需要三次握手？", "", "防止失效的请求。"),
			title: "TCP 三次握手", question: "为什么建立连接需要三次握手？", answer: "防止失效的请求。",
		},
		{name: "a reading note", file: "principles.md", src: doc("# 《原则》读书笔记", "", "很有启发。")},
		{name: "a daily note", file: "2024-03-01.md", src: doc("今天复习了 JVM。")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			art, ps := corpus.Parse(tt.file, []byte(tt.src))
			if len(ps) > 0 {
				t.Fatalf("problems %q", problemLines(ps))
			}
			if tt.title == "" {
				if len(art.Sections) > 0 || art.Skipped == "" {
					t.Errorf("%d sections, skipped %q; want it skipped", len(art.Sections), art.Skipped)
				}
				return
			}
			if len(art.Sections) != 1 || !art.OneQuestion {
				t.Fatalf("%d sections, skipped %q, OneQuestion %v; want 1 section", len(art.Sections), art.Skipped, art.OneQuestion)
			}
			s := art.Sections[0]
			question := cmp.Or(tt.question, tt.title)
			if s.Title != tt.title || s.Question != question || art.Title != tt.title {
				t.Errorf("title %q, question %q, article %q; want %q, %q", s.Title, s.Question, art.Title, tt.title, question)
			}
			if got := s.Answer.PlainText(); got != tt.answer {
				t.Errorf("answer %q, want %q", got, tt.answer)
			}
		})
	}
}

// TestLoadVaultOfAtomicNotes loads a folder of one-question notes as a
// corpus, where it was refused for having no section headings.
func TestLoadVaultOfAtomicNotes(t *testing.T) {
	dir := t.TempDir()
	for name, src := range map[string]string{
		"MVCC.md":       doc("# 什么是 MVCC？", "", "多版本并发控制。"),
		"回表.md":         doc("# 什么是回表？", "", "回聚簇索引取整行。"),
		"2024-03-01.md": doc("今天复习了 JVM。"),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, err := corpus.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, s := range c.Sections {
		ids = append(ids, s.ID)
	}
	slices.Sort(ids)
	if want := []string{"mvcc/1", "回表/1"}; !slices.Equal(ids, want) {
		t.Errorf("sections %q, want %q", ids, want)
	}
	if len(c.Skipped) != 1 {
		t.Errorf("%d files skipped, want the daily note", len(c.Skipped))
	}
}

// TestOneQuestionSkipsWhatIsNoNote keeps skipping the files a vault keeps
// beside its notes, and reads a note's own lines as its answer (each
// read wrongly by a first version of oneQuestion).
func TestOneQuestionSkipsWhatIsNoNote(t *testing.T) {
	for _, tt := range []struct{ name, file, src string }{
		{"a table of contents", "目录.md", doc("# 题目分类", "", "- [[Redis]]", "- [[MySQL]]", "- [[JVM]]")},
		{"a schedule", "面试流程.md", doc("# 字节面试流程", "", "一面：算法", "二面：项目")},
		{"a how-to", "guide.md", doc("# How to contribute", "", "Fork the repo.")},
		{"a daily note that asks", "2024-03-02.md", doc("# 2024-03-02 今天学了什么？", "", "上午看了 Redis。")},
		{"a topic with no aspect", "binary.md", doc("# 二分查找的实现", "", "每次取中点。")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			art, ps := corpus.Parse(tt.file, []byte(tt.src))
			if len(ps) > 0 || len(art.Sections) > 0 || art.Skipped == "" {
				t.Errorf("problems %q, %d sections, skipped %q; want it skipped", problemLines(ps), len(art.Sections), art.Skipped)
			}
		})
	}
	t.Run("definitions are no Notion properties", func(t *testing.T) {
		art := parseArticle(t, "cap.md", doc("# 什么是 CAP 定理？", "", "一致性: 数据相同", "可用性: 总有响应", "", "三者最多满足两个。"))
		if got := art.Sections[0].Answer.PlainText(); !strings.Contains(got, "一致性") {
			t.Errorf("answer %q lost its definitions", got)
		}
	})
	t.Run("front matter is no answer", func(t *testing.T) {
		art := parseArticle(t, "什么是MVCC.md", doc("---", "tags: [mysql]", "created: 2023-09-01", "---", "", "多版本并发控制。"))
		if got := art.Sections[0].Answer.PlainText(); got != "多版本并发控制。" {
			t.Errorf("answer %q, want the note's text alone", got)
		}
	})
}
