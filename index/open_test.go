package index

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	bolt "go.etcd.io/bbolt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/startupqa/startupqa/corpus"
)

// openQuestions are compared across indexes that should search alike.
var openQuestions = []string{
	"什么是大模型？", "LLM 的训练过程", "大模型一般有多少参数", "模型解释性差有什么影响",
	"大模型创业公司如何制定创新策略", "OpenAI", "今天天气怎么样", "", "推荐系统",
}

func open(t *testing.T, c *corpus.Corpus, dir string) (*Index, bool) {
	t.Helper()
	ix, rebuilt, err := Open(context.Background(), c, dir)
	if err != nil {
		t.Fatalf("Open(%s): %v", dir, err)
	}
	return ix, rebuilt
}

// sameResults checks that two indexes of the same corpus search alike.
func sameResults(t *testing.T, want, got *Index) {
	t.Helper()
	for _, q := range openQuestions {
		w, g := ask(t, want, q), ask(t, got, q)
		if w.Answered != g.Answered || !sameConfidence(w, g) || len(w.Matches) != len(g.Matches) {
			t.Errorf("%q: answered=%v confidence %v %d matches, want %v %v %d",
				q, g.Answered, g.Confidence, len(g.Matches), w.Answered, w.Confidence, len(w.Matches))
			continue
		}
		for i := range w.Matches {
			wm, gm := w.Matches[i], g.Matches[i]
			if wm.Section.ID != gm.Section.ID || math.Abs(wm.Score-gm.Score) > 1e-9 ||
				wm.Fragment("[", "]") != gm.Fragment("[", "]") {
				t.Errorf("%q match %d: %s %.6f %q, want %s %.6f %q", q, i,
					gm.Section.ID, gm.Score, gm.Fragment("[", "]"), wm.Section.ID, wm.Score, wm.Fragment("[", "]"))
			}
		}
	}
}

func TestOpenBuildsThenReuses(t *testing.T) {
	c := defaultCorpus(t)
	mem := build(t, c)
	for _, tc := range []struct {
		name string
		dir  func(t *testing.T) string
	}{
		{"new directory", func(t *testing.T) string { return filepath.Join(t.TempDir(), "a", "b") }},
		{"empty directory", func(t *testing.T) string { return t.TempDir() }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := tc.dir(t)
			ix, rebuilt := open(t, c, dir)
			if !rebuilt {
				t.Error("first Open: rebuilt = false")
			}
			if ix.Corpus() != c {
				t.Error("Corpus() is not the corpus opened")
			}
			sameResults(t, mem, ix)
			if err := ix.Close(); err != nil {
				t.Fatal(err)
			}
			if leftovers, _ := filepath.Glob(filepath.Join(dir, "bleve-build-*")); len(leftovers) > 0 {
				t.Errorf("build leftovers: %v", leftovers)
			}

			for i := range 2 {
				ix, rebuilt = open(t, c, dir)
				if rebuilt {
					t.Errorf("Open %d with the same corpus: rebuilt = true", i+2)
				}
				sameResults(t, mem, ix)
				if err := ix.Close(); err != nil {
					t.Fatal(err)
				}
			}

			// A corpus loaded again from the same bytes is the same
			// corpus.
			ix, rebuilt = open(t, defaultCorpus(t), dir)
			defer ix.Close()
			if rebuilt {
				t.Error("Open with the same corpus loaded again: rebuilt = true")
			}
		})
	}
}

func TestOpenRebuildsChangedCorpus(t *testing.T) {
	dir := t.TempDir()
	orig := defaultArticle(t)
	extra := []byte("# 补充\n\n## 1. 向量数据库\n\n**题目：** 什么是向量数据库？\n\n" +
		"**答案：** 向量数据库存储嵌入向量，支持相似度检索：\n\n" +
		"- **近似最近邻：** 在海量向量中快速找到相似项。\n- **混合检索：** 结合关键词与向量。\n\n" +
		"**解析：** 向量数据库是检索增强生成的基础设施。\n")
	edited := bytes.Replace(orig, []byte("数十亿到数千亿"), []byte("数百亿到数万亿"), 1)
	if bytes.Equal(edited, orig) {
		t.Fatal("test setup: the edit changed nothing")
	}
	steps := []struct {
		name    string
		files   map[string][]byte
		rebuilt bool
		q, want string // a question and its best section, "" if unanswered
	}{
		{"original", map[string][]byte{"llm-startup.md": orig}, true, "什么是向量数据库", ""},
		{"same again", map[string][]byte{"llm-startup.md": orig}, false, "什么是大模型", "llm-startup/1"},
		{"article added", map[string][]byte{"llm-startup.md": orig, "vectors.md": extra}, true, "什么是向量数据库", "vectors/1"},
		{"article edited", map[string][]byte{"llm-startup.md": edited, "vectors.md": extra}, true, "数百亿到数万亿的参数", "llm-startup/1"},
		{"same edit again", map[string][]byte{"llm-startup.md": edited, "vectors.md": extra}, false, "什么是向量数据库", "vectors/1"},
		{"file renamed", map[string][]byte{"llm.md": edited, "vectors.md": extra}, true, "什么是大模型", "llm/1"},
		{"article removed", map[string][]byte{"llm-startup.md": orig}, true, "什么是向量数据库", ""},
	}
	for _, st := range steps {
		c := loadFS(t, st.files)
		ix, rebuilt := open(t, c, dir)
		if rebuilt != st.rebuilt {
			t.Errorf("%s: rebuilt = %v, want %v", st.name, rebuilt, st.rebuilt)
		}
		r := ask(t, ix, st.q)
		if got := topID(r); (st.want == "" && r.Answered) || (st.want != "" && (!r.Answered || got != st.want)) {
			t.Errorf("%s: %q → %q answered=%v, want %q", st.name, st.q, got, r.Answered, st.want)
		}
		// Every match comes from the corpus opened, not a stale index.
		for _, m := range r.Matches {
			if s, ok := c.Section(m.Section.ID); !ok || s != m.Section {
				t.Errorf("%s: match %s is not a section of the corpus", st.name, m.Section.ID)
			}
		}
		sameResults(t, build(t, c), ix)
		if err := ix.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// snapshot records every file under dir with its content.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		if d.IsDir() {
			files[rel+"/"] = ""
			return nil
		}
		data, err := os.ReadFile(path)
		files[rel] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestOpenRefusesForeignDirectory(t *testing.T) {
	c := defaultCorpus(t)
	for _, tc := range []struct {
		name  string
		files map[string]string
	}{
		{"one file", map[string]string{"notes.txt": "my notes"}},
		{"hidden file", map[string]string{".profile": "export X=1"}},
		{"empty subdirectory", map[string]string{"photos/": ""}},
		{"looks like an index but has no meta file", map[string]string{
			"bleve/index_meta.json": `{"storage":"scorch","index_type":"scorch"}`,
			"thesis.md":             "# 论文\n",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, data := range tc.files {
				p := filepath.Join(dir, name)
				if strings.HasSuffix(name, "/") {
					if err := os.MkdirAll(p, 0o755); err != nil {
						t.Fatal(err)
					}
					continue
				}
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			before := snapshot(t, dir)
			ix, rebuilt, err := Open(context.Background(), c, dir)
			if err == nil {
				ix.Close()
				t.Fatalf("Open succeeded (rebuilt=%v) in a directory that is not an index", rebuilt)
			}
			if !strings.Contains(err.Error(), dir) {
				t.Errorf("error %q does not name the directory", err)
			}
			after := snapshot(t, dir)
			if len(after) != len(before) {
				t.Errorf("files before %d, after %d", len(before), len(after))
			}
			for name, data := range before {
				if got, ok := after[name]; !ok || got != data {
					t.Errorf("%s changed or removed", name)
				}
			}
		})
	}
	t.Run("path is a file", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "index")
		if err := os.WriteFile(file, []byte("precious"), 0o644); err != nil {
			t.Fatal(err)
		}
		if ix, _, err := Open(context.Background(), c, file); err == nil {
			ix.Close()
			t.Fatal("Open succeeded on a regular file")
		}
		if data, err := os.ReadFile(file); err != nil || string(data) != "precious" {
			t.Errorf("file changed: %q, %v", data, err)
		}
	})
}

func TestOpenRebuildsCorruptedIndex(t *testing.T) {
	quietBleveLog(t)
	c := defaultCorpus(t)
	mem := build(t, c)
	removeAll := func(pattern string) func(t *testing.T, bleveDir string) {
		return func(t *testing.T, bleveDir string) {
			matches, err := filepath.Glob(filepath.Join(bleveDir, pattern))
			if err != nil || len(matches) == 0 {
				t.Fatalf("test setup: nothing matches %s in %s", pattern, bleveDir)
			}
			for _, m := range matches {
				if err := os.RemoveAll(m); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	for _, tc := range []struct {
		name    string
		corrupt func(t *testing.T, bleveDir string)
	}{
		{"index_meta.json deleted", removeAll("index_meta.json")},
		{"store deleted", removeAll("store")},
		{"segments deleted", removeAll("store/*.zap")},
		{"root.bolt deleted", removeAll("store/root.bolt")},
		{"every file deleted", func(t *testing.T, bleveDir string) {
			err := filepath.WalkDir(bleveDir, func(path string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				return os.Remove(path)
			})
			if err != nil {
				t.Fatal(err)
			}
		}},
		{"bleve directory deleted", removeAll("")},
		{"root.bolt truncated", func(t *testing.T, bleveDir string) {
			if err := os.Truncate(filepath.Join(bleveDir, "store", "root.bolt"), 100); err != nil {
				t.Fatal(err)
			}
		}},
		// Damage Bleve itself does not notice: it would read the
		// segment and answer otherwise, fail or panic (issue 11,
		// item 3). The manifest in the meta file catches it.
		{"one byte of a segment changed", func(t *testing.T, bleveDir string) {
			zaps, _ := filepath.Glob(filepath.Join(bleveDir, "store", "*.zap"))
			if len(zaps) == 0 {
				t.Fatal("test setup: no segment")
			}
			data, err := os.ReadFile(zaps[0])
			if err != nil {
				t.Fatal(err)
			}
			data[len(data)/2] ^= 0x5a
			if err := os.WriteFile(zaps[0], data, 0o644); err != nil {
				t.Fatal(err)
			}
		}},
		{"segment zeroed", func(t *testing.T, bleveDir string) {
			zaps, _ := filepath.Glob(filepath.Join(bleveDir, "store", "*.zap"))
			if len(zaps) == 0 {
				t.Fatal("test setup: no segment")
			}
			for _, z := range zaps {
				info, err := os.Stat(z)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(z, make([]byte, info.Size()), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}},
	} {
		// Whether Bleve fails to open a damaged index or opens it
		// empty varies from run to run: try each damage a few times.
		for run := range 4 {
			t.Run(fmt.Sprintf("%s/%d", tc.name, run), func(t *testing.T) {
				dir := t.TempDir()
				ix, _ := open(t, c, dir)
				ix.Close()
				tc.corrupt(t, filepath.Join(dir, "bleve"))

				ix, rebuilt, err := Open(context.Background(), c, dir)
				if err != nil {
					t.Fatalf("Open of a corrupted index: %v", err)
				}
				if !rebuilt {
					t.Error("rebuilt = false")
				}
				sameResults(t, mem, ix)
				ix.Close()

				ix, rebuilt = open(t, c, dir)
				defer ix.Close()
				if rebuilt {
					t.Error("Open after the repair: rebuilt = true")
				}
			})
		}
	}
}

// TestOpenMetaFileDamaged: an index whose fingerprint file is missing or
// wrong is rebuilt, not trusted.
func TestOpenMetaFileDamaged(t *testing.T) {
	c := defaultCorpus(t)
	for _, tc := range []struct {
		name   string
		damage func(path string) error
	}{
		{"emptied", func(p string) error { return os.WriteFile(p, nil, 0o644) }},
		{"other fingerprint", func(p string) error { return os.WriteFile(p, []byte(strings.Repeat("0", 64)), 0o644) }},
		{"trailing newline", func(p string) error {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(p, append(data, '\n'), 0o644)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			ix, _ := open(t, c, dir)
			ix.Close()
			if err := tc.damage(filepath.Join(dir, metaFile)); err != nil {
				t.Fatal(err)
			}
			ix, rebuilt := open(t, c, dir)
			defer ix.Close()
			if !rebuilt {
				t.Error("rebuilt = false")
			}
		})
	}
	t.Run("removed", func(t *testing.T) {
		// Without its meta file the directory is no longer recognisably
		// ours, so Open must refuse rather than delete it.
		dir := t.TempDir()
		ix, _ := open(t, c, dir)
		ix.Close()
		if err := os.Remove(filepath.Join(dir, metaFile)); err != nil {
			t.Fatal(err)
		}
		if ix, _, err := Open(context.Background(), c, dir); err == nil {
			ix.Close()
			t.Error("Open succeeded in a directory with a bleve index but no meta file")
		}
		if _, err := os.Stat(filepath.Join(dir, "bleve", "index_meta.json")); err != nil {
			t.Errorf("the index was touched: %v", err)
		}
	})
}

// TestOpenCancelled: a build cut short by its context fails with the
// context's error, leaves no half-built index behind, and the next Open
// builds a working one.
func TestOpenCancelled(t *testing.T) {
	c := syntheticCorpus(t, 400, 9)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()

	if ix, err := Build(ctx, c); !errors.Is(err, context.Canceled) {
		if ix != nil {
			ix.Close()
		}
		t.Errorf("Build with a cancelled context: %v, want context.Canceled", err)
	}

	dir := t.TempDir()
	if ix, _, err := Open(ctx, c, dir); !errors.Is(err, context.Canceled) {
		if ix != nil {
			ix.Close()
		}
		t.Fatalf("Open with a cancelled context: %v, want context.Canceled", err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		t.Errorf("left behind after a cancelled build: %s", e.Name())
	}

	ix, rebuilt := open(t, c, dir)
	defer ix.Close()
	if !rebuilt {
		t.Error("Open after a cancelled build: rebuilt = false")
	}
	s := c.Sections[0]
	if r := ask(t, ix, s.Question); len(r.Matches) == 0 {
		t.Errorf("%q: no match after rebuilding", s.Question)
	}
}

// TestOpenRebuildsIndexMissingASegment: an index of several segments that
// lost one of them is rebuilt; Bleve may fall back to an older snapshot
// that holds only some of the passages.
func TestOpenRebuildsIndexMissingASegment(t *testing.T) {
	quietBleveLog(t)
	c := syntheticCorpus(t, 600, 4) // several batches, so several segments
	mem := build(t, c)
	dir := t.TempDir()
	ix, _ := open(t, c, dir)
	ix.Close()
	zaps, err := filepath.Glob(filepath.Join(dir, "bleve", "store", "*.zap"))
	if err != nil || len(zaps) == 0 {
		t.Fatalf("no segments: %v", err)
	}
	t.Logf("segments: %d", len(zaps))
	if err := os.Remove(zaps[len(zaps)-1]); err != nil {
		t.Fatal(err)
	}
	ix, rebuilt, err := Open(context.Background(), c, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if !rebuilt {
		t.Error("rebuilt = false")
	}
	for _, s := range c.Sections[len(c.Sections)-5:] {
		w, g := ask(t, mem, s.Question), ask(t, ix, s.Question)
		if topID(w) != topID(g) || !sameConfidence(w, g) {
			t.Errorf("%q: best %s (%.3f), in memory %s (%.3f)", s.Question, topID(g), g.Confidence, topID(w), w.Confidence)
		}
	}
}

// sameConfidence compares two searches' confidence to within 0.02. BM25,
// which picks the passages a search reads and is one of the confidence
// model's inputs, scores slightly differently in an index whose segments
// merged otherwise (in memory, in the background; on disk, into one), so
// two indexes of one corpus may differ in the second decimal.
func sameConfidence(a, b *Result) bool { return math.Abs(a.Confidence-b.Confidence) < 0.02 }

// A build that was killed leaves its temporary directory behind; the next
// run must not take the directory for someone else's (issue 11, item 1),
// and clears what is old enough to be abandoned.
func TestOpenAfterInterruptedBuild(t *testing.T) {
	quietBleveLog(t)
	c := defaultCorpus(t)
	dir := t.TempDir()
	stale := filepath.Join(dir, buildPrefix+"123")
	fresh := filepath.Join(dir, buildPrefix+"456")
	for _, d := range []string{stale, fresh} {
		if err := os.MkdirAll(filepath.Join(d, "bleve"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-2 * staleBuild)
	if err := os.Chtimes(stale, old, old); err != nil {
		t.Fatal(err)
	}
	ix, rebuilt, err := Open(context.Background(), c, dir)
	if err != nil {
		t.Fatalf("Open after an interrupted build: %v", err)
	}
	defer ix.Close()
	if !rebuilt {
		t.Error("rebuilt = false")
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("the abandoned build %s is still there (%v)", stale, err)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("a build that may be under way was removed: %v", err)
	}
}

// Two processes on one index directory (a bot serving from it while
// someone runs ask --index) share it: indexes are opened read-only (issue
// 11, item 4).
func TestOpenSharedDirectory(t *testing.T) {
	quietBleveLog(t)
	c := defaultCorpus(t)
	dir := t.TempDir()
	first, _ := open(t, c, dir)
	defer first.Close()
	second, rebuilt := open(t, c, dir)
	defer second.Close()
	if rebuilt {
		t.Error("the second Open rebuilt a shared index")
	}
	for _, ix := range []*Index{first, second} {
		if r := ask(t, ix, "大模型的训练过程"); topID(r) != "llm-startup/2" {
			t.Errorf("an index answers %s", topID(r))
		}
	}
}

// A writer's lock on the index (a process that opened it for writing)
// makes Open report ErrBusy after a second rather than wait for ever, and
// build nothing that would delete the index under its owner.
func TestOpenBusyDirectory(t *testing.T) {
	quietBleveLog(t)
	c := defaultCorpus(t)
	dir := t.TempDir()
	ix, _ := open(t, c, dir)
	ix.Close()
	db, err := bolt.Open(filepath.Join(dir, "bleve", "store", "root.bolt"), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	start := time.Now()
	ix, _, err = Open(context.Background(), c, dir)
	if err == nil {
		ix.Close()
		t.Fatal("Open of a directory a writer holds succeeded")
	}
	if !errors.Is(err, ErrBusy) {
		t.Fatalf("Open: %v, want ErrBusy", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Open took %v", d)
	}
	for _, name := range []string{metaFile, "bleve"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s is gone: %v", name, err)
		}
	}
	if builds, _ := filepath.Glob(filepath.Join(dir, buildPrefix+"*")); len(builds) > 0 {
		t.Errorf("Open started a build: %v", builds)
	}
}

// A build reports its progress after each batch and once at the end, so
// that a large corpus does not index in silence (issue 14, item 9).
func TestBuildProgress(t *testing.T) {
	c := syntheticCorpus(t, 1000, 2) // more passages than one batch holds
	var calls [][2]int
	ix, err := Build(context.Background(), c, WithProgress(func(done, total int) { calls = append(calls, [2]int{done, total}) }))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if len(calls) < 2 {
		t.Fatalf("progress called %d times, want once per batch and at the end: %v", len(calls), calls)
	}
	for i, c := range calls {
		if c[1] != 1000 || (i > 0 && c[0] < calls[i-1][0]) {
			t.Errorf("progress %v: want totals of 1000, never going back", calls)
			break
		}
	}
	if last := calls[len(calls)-1]; last[0] != 1000 {
		t.Errorf("last progress %v, want 1000 of 1000", last)
	}
}
