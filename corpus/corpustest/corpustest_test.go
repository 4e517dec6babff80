package corpustest_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/startupqa/startupqa/corpus"
	"github.com/startupqa/startupqa/corpus/corpustest"
)

func load(t *testing.T, data []byte) *corpus.Corpus {
	t.Helper()
	c, err := corpus.Load(fstest.MapFS{"synthetic.md": {Data: data}}, "gen")
	if err != nil {
		ps, _ := corpus.AsProblems(err)
		t.Fatalf("generated article does not load (%d problems): %v", len(ps), err)
	}
	return c
}

func TestGenerateParsesInSeedFormat(t *testing.T) {
	for _, tc := range []struct {
		sections int
		seed     int64
	}{{1, 0}, {7, 1}, {100, 42}, {500, -3}} {
		t.Run(fmt.Sprintf("%d-sections-seed-%d", tc.sections, tc.seed), func(t *testing.T) {
			data := corpustest.Generate(tc.sections, tc.seed)
			art, problems := corpus.Parse("synthetic.md", data)
			if len(problems) != 0 {
				t.Fatalf("Parse: %d problems, first %v", len(problems), problems[0])
			}
			if !strings.HasPrefix(art.Title, "合成语料") {
				t.Errorf("title = %q", art.Title)
			}
			c := load(t, data)
			if len(c.Sections) != tc.sections {
				t.Fatalf("got %d sections, want %d", len(c.Sections), tc.sections)
			}
			for i, s := range c.Sections {
				if s.Number != i+1 || s.ID != fmt.Sprintf("synthetic/%d", i+1) {
					t.Errorf("section %d: number %d id %q", i, s.Number, s.ID)
				}
				if s.Title == "" || s.Question == "" || s.Analysis == "" {
					t.Errorf("%s: empty title, question or analysis: %+v", s.ID, s)
				}
				blocks := s.Answer.Blocks
				if len(blocks) < 2 || blocks[0].Kind != corpus.Paragraph || blocks[1].Kind != corpus.List {
					t.Fatalf("%s: answer is not an intro paragraph then a list: %+v", s.ID, blocks)
				}
				if n := len(blocks[1].Items); n < 3 || n > 7 {
					t.Errorf("%s: list has %d items, want 3-7", s.ID, n)
				}
				for _, it := range s.Answer.Items() {
					if it.Lead == "" || it.Text == "" {
						t.Errorf("%s: item without a lead term or text: %+v", s.ID, it)
					}
				}
			}
		})
	}
}

func TestGenerateMixesOrderedAndUnorderedLists(t *testing.T) {
	c := load(t, corpustest.Generate(200, 7))
	var ordered, unordered, closing int
	for _, s := range c.Sections {
		if s.Answer.Blocks[1].Ordered {
			ordered++
		} else {
			unordered++
		}
		if len(s.Answer.Blocks) > 2 {
			closing++
		}
	}
	if ordered < 50 || unordered < 50 {
		t.Errorf("ordered %d, unordered %d of 200: want both common", ordered, unordered)
	}
	if closing == 0 {
		t.Error("no section has a closing paragraph after its list")
	}
}

func TestGenerateIsDeterministic(t *testing.T) {
	a := corpustest.Generate(300, 42)
	b := corpustest.Generate(300, 42)
	if !bytes.Equal(a, b) {
		t.Fatal("Generate(300, 42) differs between calls")
	}
	if bytes.Equal(a, corpustest.Generate(300, 43)) {
		t.Error("seeds 42 and 43 give the same article")
	}
	// Sections are generated in order from one stream, so a shorter
	// article with the same seed is a prefix of a longer one.
	short := corpustest.Generate(10, 42)
	if !bytes.HasPrefix(a, short) {
		t.Error("Generate(10, 42) is not a prefix of Generate(300, 42)")
	}
}

// TestGenerateTermFrequenciesAreZipfLike checks that the vocabulary is used
// unevenly: the most common terms occur in many sections, the median term in
// few, and no term in every section.
func TestGenerateTermFrequenciesAreZipfLike(t *testing.T) {
	const n = 1000
	c := load(t, corpustest.Generate(n, 1))
	terms := corpustest.Terms()
	df := make([]int, len(terms)) // sections each term occurs in
	for _, s := range c.Sections {
		text := strings.Join([]string{s.Title, s.Question, s.Answer.PlainText(), s.Analysis}, "\n")
		for i, term := range terms {
			if strings.Contains(text, term) {
				df[i]++
			}
		}
	}
	sorted := slices.Clone(df)
	slices.SortFunc(sorted, func(a, b int) int { return b - a })
	top, median := sorted[0], sorted[len(sorted)/2]
	t.Logf("section frequency: top %d, 10th %d, median %d, last %d of %d sections; %d terms",
		top, sorted[9], median, sorted[len(sorted)-1], n, len(terms))
	if top >= n {
		t.Errorf("the most common term occurs in every section")
	}
	if top < n/3 {
		t.Errorf("the most common term occurs in only %d of %d sections", top, n)
	}
	if median == 0 || top < 10*median {
		t.Errorf("top %d vs median %d: want a long tail (top ≥ 10× median > 0)", top, median)
	}
	// The head of the vocabulary is the frequent end.
	if df[0] < df[len(df)-1] || df[1] < df[len(df)/2] {
		t.Errorf("frequencies do not fall with rank: df[0]=%d df[1]=%d df[mid]=%d df[last]=%d",
			df[0], df[1], df[len(df)/2], df[len(df)-1])
	}
}

func TestWriteDir(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and parses 2,000 sections")
	}
	dir := t.TempDir()
	if err := corpustest.WriteDir(dir, 2000, 100, 1); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 20 {
		t.Fatalf("%d files, want 20", len(entries))
	}
	c, err := corpus.LoadDir(dir)
	if err != nil {
		t.Fatalf("LoadDir: %v", err)
	}
	if len(c.Sections) != 2000 || len(c.Articles) != 20 {
		t.Fatalf("%d sections in %d articles, want 2000 in 20", len(c.Sections), len(c.Articles))
	}
	first, err := os.ReadFile(filepath.Join(dir, "synthetic-0000.md"))
	if err != nil {
		t.Fatal(err)
	}
	second, err := os.ReadFile(filepath.Join(dir, "synthetic-0001.md"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(first[bytes.IndexByte(first, '\n'):], second[bytes.IndexByte(second, '\n'):]) {
		t.Error("files 0 and 1 have the same sections")
	}

	// The same arguments write the same bytes: same corpus hash.
	again := t.TempDir()
	if err := corpustest.WriteDir(again, 2000, 100, 1); err != nil {
		t.Fatal(err)
	}
	c2, err := corpus.LoadDir(again)
	if err != nil {
		t.Fatal(err)
	}
	if c.Hash() != c2.Hash() {
		t.Error("WriteDir with the same seed wrote different bytes")
	}
}

func TestWriteDirUnevenSplit(t *testing.T) {
	dir := t.TempDir()
	if err := corpustest.WriteDir(dir, 25, 10, 5); err != nil {
		t.Fatal(err)
	}
	c, err := corpus.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var sizes []int
	for _, a := range c.Articles {
		sizes = append(sizes, len(a.Sections))
	}
	if !slices.Equal(sizes, []int{10, 10, 5}) {
		t.Errorf("article sizes %v, want [10 10 5]", sizes)
	}
	for _, bad := range [][2]int{{0, 10}, {10, 0}, {-1, 1}} {
		if err := corpustest.WriteDir(t.TempDir(), bad[0], bad[1], 1); err == nil {
			t.Errorf("WriteDir(%d, %d) = nil error", bad[0], bad[1])
		}
	}
}
