package engine

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/startupqa/startupqa/corpus"
)

const article = `# 学习笔记

## 1. 什么是向量数据库

**题目：** 什么是向量数据库？

**答案：** 向量数据库存储嵌入向量，支持相似度检索。

**解析：** 检索增强生成常用它。
`

const extra = `

## 2. 什么是提示工程

**题目：** 什么是提示工程？

**答案：** 提示工程是设计输入提示以引导模型输出的方法。
`

func write(t *testing.T, dir, text string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, "notes.md"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func answered(t *testing.T, e *Engine, q, want string) {
	t.Helper()
	res, err := e.Search(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	best, ok := res.Best()
	got := ""
	if ok {
		got = best.Section.ID
	}
	if got != want {
		t.Errorf("%q answered by %q, want %q", q, got, want)
	}
}

func TestReload(t *testing.T) {
	for _, persisted := range []bool{false, true} {
		t.Run(map[bool]string{false: "memory", true: "persisted"}[persisted], func(t *testing.T) {
			dir := t.TempDir()
			write(t, dir, article)
			cfg := Config{CorpusDir: dir}
			if persisted {
				cfg.IndexDir = filepath.Join(t.TempDir(), "idx")
			}
			e, err := Open(context.Background(), cfg, slog.New(slog.DiscardHandler))
			if err != nil {
				t.Fatal(err)
			}
			defer e.Close()
			answered(t, e, "提示工程是什么", "")

			write(t, dir, article+extra)
			if n, err := e.Reload(context.Background()); err != nil || n != 2 {
				t.Fatalf("Reload = %d, %v", n, err)
			}
			answered(t, e, "提示工程是什么", "notes/2")

			// A broken corpus is refused with file:line problems and the
			// current index goes on answering.
			write(t, dir, article+extra+"\n## 2. 重复\n\n**题目：** x\n\n**答案：** y\n")
			_, err = e.Reload(context.Background())
			ps, ok := corpus.AsProblems(err)
			if !ok || len(ps) == 0 || !strings.Contains(ps[0].String(), "notes.md:") {
				t.Fatalf("Reload of a broken corpus = %v", err)
			}
			answered(t, e, "提示工程是什么", "notes/2")
		})
	}
}

func TestWatch(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, article)
	e := watched(t, dir)

	write(t, dir, article+extra)
	deadline := time.Now().Add(5 * time.Second)
	for len(e.Corpus().Sections) != 2 {
		if time.Now().After(deadline) {
			t.Fatal("the change was not picked up within 5 s")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestWatchSubdirectory: notes kept in folders by subject are articles
// too, and an article added to a folder is picked up.
func TestWatchSubdirectory(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, article)
	sub := filepath.Join(dir, "prompting")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	e := watched(t, dir)

	prompting := strings.Replace(extra, "## 2.", "# 提示\n\n## 1.", 1)
	if err := os.WriteFile(filepath.Join(sub, "prompts.md"), []byte(prompting), 0o644); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for len(e.Corpus().Sections) != 2 {
		if time.Now().After(deadline) {
			t.Fatal("an article added to a subdirectory was not picked up within 5 s")
		}
		time.Sleep(10 * time.Millisecond)
	}
	answered(t, e, "提示工程是什么", "prompts/1")
}

// TestWatchBehindSymlinks watches a corpus laid out as Kubernetes mounts a
// ConfigMap: each file is a link through ..data, a link to a hidden
// directory that an update replaces in one rename. The links themselves
// never change.
func TestWatchBehindSymlinks(t *testing.T) {
	dir := t.TempDir()
	version := func(name, text string) {
		t.Helper()
		if err := os.Mkdir(filepath.Join(dir, name), 0o755); err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(dir, name), text)
		tmp := filepath.Join(dir, "..data_tmp")
		if err := os.Symlink(name, tmp); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, filepath.Join(dir, "..data")); err != nil {
			t.Fatal(err)
		}
	}
	version("..2026_12_01_a", article)
	if err := os.Symlink(filepath.Join("..data", "notes.md"), filepath.Join(dir, "notes.md")); err != nil {
		t.Fatal(err)
	}
	e := watched(t, dir)

	version("..2026_12_01_b", article+extra)
	deadline := time.Now().Add(5 * time.Second)
	for len(e.Corpus().Sections) != 2 {
		if time.Now().After(deadline) {
			t.Fatal("the update behind the links was not picked up within 5 s")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// watched opens the corpus in dir and watches it every 20 ms until the
// test ends.
func watched(t *testing.T, dir string) *Engine {
	t.Helper()
	e, err := Open(context.Background(), Config{CorpusDir: dir}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { e.Watch(ctx, 20*time.Millisecond); close(done) }()
	t.Cleanup(func() {
		cancel()
		<-done
		e.Close()
	})
	return e
}

// Searches running while the index is swapped never fail.
func TestSearchDuringReload(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, article+extra)
	e, err := Open(context.Background(), Config{CorpusDir: dir}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				if _, err := e.Search(context.Background(), "向量数据库"); err != nil {
					t.Errorf("search during reload: %v", err)
					return
				}
			}
		}()
	}
	reloads := 0
	for ctx.Err() == nil {
		if _, err := e.Reload(context.Background()); err != nil {
			t.Fatal(err)
		}
		reloads++
	}
	wg.Wait()
	if reloads < 2 {
		t.Errorf("only %d reloads", reloads)
	}
}

// A reload whose index directory fails (here replaced by a file, as a
// full or read-only disk would fail it) keeps answering, from memory
// (issue 11, item 2): the corpus is valid, only the directory is not.
func TestReloadIndexDirFails(t *testing.T) {
	corpusDir, indexDir := t.TempDir(), filepath.Join(t.TempDir(), "idx")
	write(t, corpusDir, article)
	e, err := Open(context.Background(), Config{CorpusDir: corpusDir, IndexDir: indexDir}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	answered(t, e, "向量数据库是什么", "notes/1")

	if err := os.RemoveAll(indexDir); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(indexDir, []byte("not a directory"), 0o644); err != nil {
		t.Fatal(err)
	}
	write(t, corpusDir, article+extra)
	if n, err := e.Reload(context.Background()); err != nil || n != 2 {
		t.Fatalf("Reload = %d, %v; want the new corpus's 2 sections, from memory", n, err)
	}
	answered(t, e, "向量数据库是什么", "notes/1")
	answered(t, e, "提示工程是什么", "notes/2")
}

// ask --index on the directory a running bot holds answers from memory
// instead of waiting for the bot to stop (issue 11, item 4).
func TestOpenIndexDirInUse(t *testing.T) {
	corpusDir, indexDir := t.TempDir(), filepath.Join(t.TempDir(), "idx")
	write(t, corpusDir, article)
	cfg := Config{CorpusDir: corpusDir, IndexDir: indexDir}
	bot, err := Open(context.Background(), cfg, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	defer bot.Close()
	done := make(chan struct{})
	go func() {
		defer close(done)
		e, err := Open(context.Background(), cfg, slog.New(slog.DiscardHandler))
		if err != nil {
			t.Errorf("second Open: %v", err)
			return
		}
		defer e.Close()
		answered(t, e, "向量数据库是什么", "notes/1")
	}()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("a second engine on a held index directory waited for ever")
	}
	answered(t, bot, "向量数据库是什么", "notes/1")
}
