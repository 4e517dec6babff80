package index

import (
	"context"
	"io"
	"log"
	"os"
	"testing"
	"testing/fstest"

	"github.com/startupqa/startupqa/corpus"
	"github.com/startupqa/startupqa/corpus/corpustest"
)

// defaultCorpus loads the built-in corpus.
func defaultCorpus(t testing.TB) *corpus.Corpus {
	t.Helper()
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// build indexes c in memory and closes the index when the test ends.
func build(t testing.TB, c *corpus.Corpus) *Index {
	t.Helper()
	ix, err := Build(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// syntheticCorpus is a generated article of the given number of sections.
func syntheticCorpus(t testing.TB, sections int, seed int64) *corpus.Corpus {
	t.Helper()
	c, err := corpus.Load(fstest.MapFS{"synthetic.md": {Data: corpustest.Generate(sections, seed)}}, "synthetic")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// defaultArticle is the built-in article's source, for corpora that change it.
func defaultArticle(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile("../corpus/default/llm-startup.md")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// loadFS loads a corpus of the given files.
func loadFS(t testing.TB, files map[string][]byte) *corpus.Corpus {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: data}
	}
	c, err := corpus.Load(fsys, "test")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func ask(t testing.TB, ix *Index, q string) *Result {
	t.Helper()
	r, err := ix.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("Search(%q): %v", q, err)
	}
	if r == nil {
		t.Fatalf("Search(%q) returned a nil result and no error", q)
	}
	return r
}

func topID(r *Result) string {
	if len(r.Matches) == 0 {
		return ""
	}
	return r.Matches[0].Section.ID
}

// quietBleveLog silences the standard logger, which Bleve uses to report
// the damaged segments that tests make on purpose, until the test ends.
// Tests that call it must not run in parallel.
func quietBleveLog(t testing.TB) {
	out := log.Writer()
	log.SetOutput(io.Discard)
	t.Cleanup(func() { log.SetOutput(out) })
}
