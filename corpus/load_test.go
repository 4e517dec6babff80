package corpus_test

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/startupqa/startupqa/corpus"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

const validArticle = "# 标题\n\n## 1. 节\n\n**题目：** 问？\n\n**答案：** 答。\n"

// writeFiles creates the named files in a new temporary directory.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// loadProblems loads dir, which must be refused with Problems, and returns
// them formatted in the order Load reports them.
func loadProblems(t *testing.T, dir string) []string {
	t.Helper()
	c, err := corpus.LoadDir(dir)
	if err == nil {
		t.Fatalf("LoadDir(%s) = %d sections, nil error; want problems", dir, len(c.Sections))
	}
	ps, ok := corpus.AsProblems(err)
	if !ok {
		t.Fatalf("LoadDir(%s): error %q (%T) carries no Problems", dir, err, err)
	}
	if c != nil {
		t.Errorf("LoadDir(%s) returned a corpus along with problems", dir)
	}
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	if err.Error() != strings.Join(lines, "\n") {
		t.Errorf("Error() = %q, want the problems one a line", err.Error())
	}
	return lines
}

func TestLoadDirValid(t *testing.T) {
	c, err := corpus.LoadDir("testdata/valid")
	if err != nil {
		t.Fatalf("LoadDir: %v", err)
	}
	var files []string
	for _, a := range c.Articles {
		files = append(files, a.File)
	}
	// README.md (at any depth), notes.txt and the hidden .drafts/ are not
	// articles; c-third.MD and topics/d-fourth.markdown are.
	if want := []string{"testdata/valid/a-first.md", "testdata/valid/b-second.md", "testdata/valid/c-third.MD", "testdata/valid/topics/d-fourth.markdown"}; !slices.Equal(files, want) {
		t.Errorf("articles %q, want %q", files, want)
	}
	var got []string
	for _, s := range c.Sections {
		got = append(got, fmt.Sprintf("%s %s:%d %s", s.ID, s.File, s.Line, s.Source()))
	}
	want := []string{
		"a-first/2 testdata/valid/a-first.md:5 第一篇 § 2",
		"a-first/1 testdata/valid/a-first.md:11 第一篇 § 1",
		"b-second/1 testdata/valid/b-second.md:1 b-second § 1",
		"c-third/1 testdata/valid/c-third.MD:3 Third § 1",
		"d-fourth/1 testdata/valid/topics/d-fourth.markdown:3 第四篇 § 1",
	}
	if !slices.Equal(got, want) {
		t.Errorf("sections:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
	for _, s := range c.Sections {
		if got, ok := c.Section(s.ID); !ok || got != s {
			t.Errorf("Section(%q) = %v, %v", s.ID, got, ok)
		}
	}
}

// TestLoadDirBroken: every problem of every file at once, sorted by file
// and line; README.md and valid files add none.
func TestLoadDirBroken(t *testing.T) {
	got := strings.Join(loadProblems(t, "testdata/broken"), "\n") + "\n"
	golden := filepath.Join("testdata", "broken.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("LoadDir(testdata/broken) problems:\n%s\nwant (%s):\n%s", got, golden, want)
	}
}

func TestLoadProblemsSorted(t *testing.T) {
	// Parse finds "no 答案" at the end of a section, after the typo below
	// it; Load must still list the file's problems by line.
	dir := writeFiles(t, map[string]string{
		"b.md": "## 1. 节\n**题目：** 问？\n**答按：** 答。\n",
		"a.md": "## 1. 节\n**题目：** 问？\n",
	})
	got := loadProblems(t, dir)
	want := []string{
		filepath.ToSlash(dir) + "/a.md:1: section 1 has no 答案 (answer)",
		filepath.ToSlash(dir) + "/b.md:1: section 1 has no 答案 (answer)",
		filepath.ToSlash(dir) + `/b.md:3: unknown label "答按": did you mean "答案"?`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

func TestLoadDirFileSize(t *testing.T) {
	pad := func(n int) string {
		// One long line of spaces keeps the article valid.
		return validArticle + strings.Repeat(" ", n-len(validArticle))
	}
	t.Run("at the limit", func(t *testing.T) {
		dir := writeFiles(t, map[string]string{"max.md": pad(corpus.MaxFileSize)})
		if _, err := corpus.LoadDir(dir); err != nil {
			t.Errorf("file of exactly MaxFileSize bytes: %v", err)
		}
	})
	t.Run("over the limit", func(t *testing.T) {
		dir := writeFiles(t, map[string]string{"big.md": pad(corpus.MaxFileSize + 1), "ok.md": validArticle})
		got := loadProblems(t, dir)
		want := []string{filepath.ToSlash(dir) + "/big.md:1: file is 1048577 bytes; the limit is 1048576 (1 MiB)"}
		if !slices.Equal(got, want) {
			t.Errorf("problems %q, want %q", got, want)
		}
	})
}

func TestLoadDirDuplicateSlug(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"LLM Startup.md": validArticle,
		"llm_startup.md": validArticle,
		"other.md":       validArticle,
	})
	got := loadProblems(t, dir)
	d := filepath.ToSlash(dir)
	want := []string{fmt.Sprintf(`%s/llm_startup.md:1: article slug "llm-startup" is already used by %s/LLM Startup.md; rename one file`, d, d)}
	if !slices.Equal(got, want) {
		t.Errorf("problems %q, want %q", got, want)
	}
}

// TestLoadSameNameInTwoFolders: notes kept one folder a subject may name
// their files alike; those files' slugs then carry their folders.
func TestLoadSameNameInTwoFolders(t *testing.T) {
	en := "# Basics\n\n## 1. Index\n\n**Question:** Why a B+ tree?\n\n**Answer:** Few levels.\n"
	c, err := corpus.Load(fstest.MapFS{
		"网络/基础.md":     {Data: []byte(validArticle)},
		"数据库/基础.md":    {Data: []byte(validArticle)},
		"数据库/基础.en.md": {Data: []byte(en)},
		"数据库/索引.md":    {Data: []byte(validArticle)},
	}, "notes")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, s := range c.Sections {
		ids = append(ids, s.ID+" "+s.ArticleSlug)
	}
	slices.Sort(ids)
	want := []string{"数据库-基础/1 数据库-基础", "索引/1 索引", "网络-基础/1 网络-基础"}
	if !slices.Equal(ids, want) {
		t.Errorf("sections %q, want %q", ids, want)
	}
	if s, _ := c.Section("数据库-基础/1"); s == nil || s.In("en").Question != "Why a B+ tree?" {
		t.Error("the companion in 数据库/ does not translate 数据库/基础.md")
	}
}

// TestLoadNotionExport: the id Notion puts after an exported page's title
// stays out of its slug, unless two pages would then share one.
func TestLoadNotionExport(t *testing.T) {
	tests := []struct {
		name  string
		files []string
		want  []string // slugs, sorted
	}{
		{"ids dropped", []string{"Redis 面试题 3f2a1b4c5d6e7f8091a2b3c4d5e6f708.md", "JVM 0123456789abcdef0123456789abcdef.md"},
			[]string{"jvm", "redis-面试题"}},
		{"two pages of one title", []string{"笔记 3f2a1b4c5d6e7f8091a2b3c4d5e6f708.md", "笔记 0123456789abcdef0123456789abcdef.md"},
			[]string{"笔记-0123456789abcdef0123456789abcdef", "笔记-3f2a1b4c5d6e7f8091a2b3c4d5e6f708"}},
		{"a page named as a file", []string{"redis.md", "Redis 3f2a1b4c5d6e7f8091a2b3c4d5e6f708.md"},
			[]string{"redis", "redis-3f2a1b4c5d6e7f8091a2b3c4d5e6f708"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for _, f := range tt.files {
				fsys[f] = &fstest.MapFile{Data: []byte(validArticle)}
			}
			c, err := corpus.Load(fsys, "notion")
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, a := range c.Articles {
				got = append(got, a.Slug)
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("slugs %q, want %q", got, tt.want)
			}
		})
	}
}

// A file skipped for holding no notes (a table of contents) does not make
// an article's name one that two folders share: its ids stay.
func TestLoadSameNameAsASkippedFile(t *testing.T) {
	c, err := corpus.Load(fstest.MapFS{
		"java/notes.md": {Data: []byte(validArticle)},
		"go/notes.md":   {Data: []byte("# 目录\n\n- [并发](concurrency.md)\n- [内存](memory.md)\n")},
	}, "notes")
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Skipped) != 1 || len(c.Sections) != 1 || c.Sections[0].ID != "notes/1" {
		t.Errorf("%d skipped, sections %v; want go/notes.md skipped and notes/1", len(c.Skipped), c.Sections)
	}
}

func TestLoadDirErrors(t *testing.T) {
	empty := t.TempDir()
	readmeOnly := writeFiles(t, map[string]string{"README.md": validArticle, "notes.txt": "x"})
	file := filepath.Join(writeFiles(t, map[string]string{"a.md": validArticle}), "a.md")
	missing := filepath.Join(empty, "missing")
	tests := []struct {
		name, dir, want string
	}{
		{"empty directory", empty, fmt.Sprintf("load corpus %s: no *.md articles", empty)},
		{"only README.md", readmeOnly, fmt.Sprintf("load corpus %s: no *.md articles", readmeOnly)},
		{"a file", file, fmt.Sprintf("load corpus %s: not a directory", file)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := corpus.LoadDir(tt.dir)
			if err == nil {
				t.Fatalf("LoadDir = %d sections, nil error; want %q", len(c.Sections), tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("error %q, want %q", err, tt.want)
			}
			if _, ok := corpus.AsProblems(err); ok {
				t.Errorf("error %q carries Problems; it is about the directory, not an article", err)
			}
		})
	}
	if _, err := corpus.LoadDir(missing); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing directory: error %v, want one wrapping fs.ErrNotExist", err)
	}
}

// TestLoadDirHashIgnoresRoot: the same files in two directories give one
// hash, so an index can move with its corpus.
func TestLoadDirHashIgnoresRoot(t *testing.T) {
	files := map[string]string{"a.md": validArticle, "b.md": validArticle}
	c1, err1 := corpus.LoadDir(writeFiles(t, files))
	c2, err2 := corpus.LoadDir(writeFiles(t, files))
	if err1 != nil || err2 != nil {
		t.Fatalf("LoadDir: %v, %v", err1, err2)
	}
	if c1.Hash() != c2.Hash() {
		t.Errorf("Hash() differs between two directories with the same files: %s, %s", c1.Hash(), c2.Hash())
	}
	files["b.md"] = strings.Replace(validArticle, "答。", "答！", 1)
	c3, err := corpus.LoadDir(writeFiles(t, files))
	if err != nil {
		t.Fatal(err)
	}
	if c3.Hash() == c1.Hash() {
		t.Errorf("Hash() did not change when b.md changed")
	}
}

func TestLoadDirReadmeSkipped(t *testing.T) {
	for _, readme := range []string{"README.md", "readme.md", "Readme.MD", "CONTRIBUTING.md", "CHANGELOG.md"} {
		dir := writeFiles(t, map[string]string{readme: "# 如何贡献？\n\n提交一个 PR。\n", "a.md": validArticle})
		c, err := corpus.LoadDir(dir)
		if err != nil {
			t.Errorf("%s: LoadDir: %v", readme, err)
			continue
		}
		if len(c.Articles) != 1 || !strings.HasSuffix(c.Articles[0].File, "/a.md") {
			t.Errorf("%s: articles %v, want only a.md", readme, c.Articles)
		}
	}
}

// The loader trusts nothing of the file system (issue 11, item 7): a FIFO
// would block a reload for ever, a link to /dev/zero would fill memory,
// and an editor's lock file is a dangling link named like an article.
func TestLoadDistrustsFileSystem(t *testing.T) {
	dir := t.TempDir()
	good := "# 笔记\n\n## 1. 标题\n\n**题目：** 问题？\n\n**答案：** 答案。\n"
	if err := os.WriteFile(filepath.Join(dir, "notes.md"), []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("alice@host.1234", filepath.Join(dir, ".#notes.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "gone"), filepath.Join(dir, "gone.md")); err != nil {
		t.Fatal(err)
	}
	c, err := corpus.LoadDir(dir)
	if err != nil || len(c.Sections) != 1 {
		t.Fatalf("dangling links: LoadDir = %v, %v; want the one article", c, err)
	}

	if err := os.Symlink("/dev/zero", filepath.Join(dir, "zero.md")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	big := make([]byte, 2*corpus.MaxFileSize)
	if err := os.WriteFile(filepath.Join(dir, "big.md"), big, 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { _, err := corpus.LoadDir(dir); done <- err }()
	select {
	case err = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("LoadDir blocked on a FIFO")
	}
	ps, ok := corpus.AsProblems(err)
	if !ok {
		t.Fatalf("LoadDir = %v, want problems", err)
	}
	got := ps.Error()
	for _, want := range []string{"pipe.md:1: not a regular file", "zero.md:1: not a regular file", "big.md:1: file is 2097152 bytes"} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
}

// A file rewritten in place while it is loaded is never accepted half
// written (issue 11, item 6): every load that succeeds has all sections
// of one version or the other.
func TestLoadWhileRewritten(t *testing.T) {
	dir := t.TempDir()
	version := func(tag string) []byte {
		var b strings.Builder
		b.WriteString("# 笔记\n")
		for n := 1; n <= 6; n++ {
			fmt.Fprintf(&b, "\n## %d. 标题%s%d\n\n**题目：** 问题%s%d？\n\n**答案：** 答案%s%d，%s。\n", n, tag, n, tag, n, tag, n, strings.Repeat("内容", 40))
		}
		return []byte(b.String())
	}
	a, b := version("甲"), version("乙")
	path := filepath.Join(dir, "notes.md")
	if err := os.WriteFile(path, a, 0o644); err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			data := a
			if i%2 == 1 {
				data = b
			}
			f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0o644)
			if err != nil {
				t.Error(err)
				return
			}
			half := len(data) / 2
			f.Write(data[:half])
			time.Sleep(time.Duration(i%3) * time.Millisecond)
			f.Write(data[half:])
			f.Close()
			time.Sleep(30 * time.Millisecond) // the editor is idle a while
		}
	}()
	deadline := time.Now().Add(1500 * time.Millisecond)
	loads, partial := 0, 0
	for time.Now().Before(deadline) {
		c, err := corpus.LoadDir(dir)
		if err != nil {
			continue // refused: problems, or kept changing; never half
		}
		loads++
		if len(c.Sections) != 6 {
			partial++
		}
	}
	close(stop)
	<-done
	if partial > 0 {
		t.Errorf("%d of %d loads accepted a half-written file", partial, loads)
	}
	if loads == 0 {
		t.Error("no load succeeded between the writes")
	}
	t.Logf("%d loads succeeded", loads)
}

// TestLoadSkipsReadmeMarkdown (from a review): *.markdown files are read like *.md
// (ArticleFiles), so README.markdown, like README.md, is a folder's
// description and not an article, at any depth and in any case. Read as
// one it has no sections, and the whole corpus is refused.
func TestLoadSkipsReadmeMarkdown(t *testing.T) {
	article := []byte("# 机器学习\n\n## 1. 过拟合\n\n**题目：** 什么是过拟合？\n\n**答案：** 模型在训练集上表现好，在新数据上表现差。\n")
	readme := []byte("# ML notes\n\nOne file per topic; add yours here.\n")
	for _, name := range []string{"README.markdown", "ml/README.markdown", "ml/readme.markdown", "ml/ReadMe.MARKDOWN"} {
		fsys := fstest.MapFS{
			"ml/overfitting.md": {Data: article},
			name:                {Data: readme},
		}
		names, err := corpus.ArticleFiles(fsys)
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{"ml/overfitting.md"}; !slices.Equal(names, want) {
			t.Errorf("with %s: ArticleFiles = %q, want %q (a README is not an article)", name, names, want)
		}
		c, err := corpus.Load(fsys, "notes")
		if err != nil {
			t.Errorf("with %s: Load refused the corpus: %v", name, err)
			continue
		}
		if len(c.Articles) != 1 || len(c.Sections) != 1 {
			t.Errorf("with %s: %d article(s), %d section(s), want 1 and 1", name, len(c.Articles), len(c.Sections))
		}
	}
}
