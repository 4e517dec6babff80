package index

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/startupqa/startupqa/corpus"
	"github.com/startupqa/startupqa/internal/memo"
	"github.com/startupqa/startupqa/lang"
	"github.com/startupqa/startupqa/words"
)

// batchSize is how many passages go into one Bleve batch. An in-memory
// index keeps one segment per batch and never merges them, and every
// search looks terms up in every segment: on the synthetic 10,000-section
// corpus (82,654 passages) batches of 2000 built in 3.5 s but made search
// p99 15 ms; 5000 builds in 3.3 s (no _all field) with p99 under 4 ms.
const batchSize = 5000

// passageVersion changes whenever passages() or the scoring fields change,
// so that persisted indexes built the old way are rebuilt.
const passageVersion = "5"

// Index is a searchable corpus. It is safe for concurrent use.
type Index struct {
	corpus   *corpus.Corpus
	bleve    bleve.Index
	analyzer analysis.Analyzer
	params   Params
	// chars counts the passages each character occurs in, for weighing
	// the characters of a question.
	chars    map[rune]int // character → passages it occurs in
	passages int
	// copies holds the list items that repeat, in fewer words, an item of
	// another section with the same lead term: the points a summary
	// section restates. Questions about such a point should get the
	// fuller original.
	copies map[string]bool      // passage doc id
	table  map[string][]passage // section id → its passages (allPassages)

	dfCache *memo.Map[[len(fields)]int] // term → passages holding it, by field
	// texts keeps sectionText of the sections that came first in a
	// search: at most the corpus again, lower-cased.
	texts *memo.Map[string] // section id → its text
	// wordCache keeps inCorpus's answers: the candidate words of a
	// question's English terms and synonyms (模型, 成本) come back in most
	// questions, and each costs an analysis and a count per term. The
	// terms are shared and never changed.
	wordCache *memo.Map[[]term] // word → its terms, nil when the corpus lacks it
	// analysed keeps the passages searches have hit, analysed: where
	// the question's terms are in them (see matchedTerms).
	analysed *memo.Map[analysedPassage] // document id → its analysis

	simplify func(string) string // traditional → simplified; nil: none
	readings func(string) []string
	// zh segments questions and knows general Chinese word weights; lex
	// maps English terms and paraphrases to words the corpus may use.
	zh  *words.Chinese
	lex *words.Lexicon
	// english holds the sections written in English, if any: a
	// Chinese question's words are then also read in English.
	english map[string]bool // section id → true
}

// Option configures an index.
type Option func(*settings)

// settings are what the options set; Build and Open need them before the
// index exists.
type settings struct {
	simplify func(string) string
	readings func(string) []string
	progress func(done, total int)
}

// WithProgress reports how many sections of how many are indexed, after
// each batch, so that a large corpus does not build in silence.
func WithProgress(f func(done, total int)) Option {
	return func(s *settings) { s.progress = f }
}

// WithSimplifier maps text in traditional characters to simplified
// (zh.Converter.Simplified): questions before searching, so that
// 大模型的訓練過程 finds the same sections as 大模型的训练过程, and the
// corpus before indexing, so that an article written in traditional
// characters answers questions in either script.
func WithSimplifier(f func(string) string) Option {
	return func(s *settings) { s.simplify = f }
}

// WithReadings gives the ways a question may be read in simplified
// characters (zh.Converter.Readings), the simplifier's first; a question
// is searched in each and answered by the reading the notes cover most
// of. Taiwan's words are the reason: 指標 is 指针 ("pointer")
// in a programmer's Taiwan and 指标 ("indicator") everywhere, and only the
// notes can tell which one the asker means. Without it, a question is
// read with the simplifier alone.
func WithReadings(f func(string) []string) Option {
	return func(s *settings) { s.readings = f }
}

// Build indexes a corpus in memory.
func Build(ctx context.Context, c *corpus.Corpus, opts ...Option) (*Index, error) {
	m, err := newMapping()
	if err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	bi, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	o := options(opts)
	table := passageTable(c, o.simplify)
	if err := indexCorpus(ctx, bi, c, table, o.progress); err != nil {
		bi.Close()
		return nil, fmt.Errorf("build index: %w", err)
	}
	return newIndex(c, bi, m, o, table)
}

// Open returns a persisted index of c in dir, reusing what an earlier run
// built when it was built from the same corpus with the same mapping, and
// rebuilding it otherwise. rebuilt tells which happened.
func Open(ctx context.Context, c *corpus.Corpus, dir string, opts ...Option) (ix *Index, rebuilt bool, err error) {
	m, err := newMapping()
	if err != nil {
		return nil, false, fmt.Errorf("open index %s: %w", dir, err)
	}
	o := options(opts)
	want, err := fingerprint(c, m, o.simplify != nil)
	if err != nil {
		return nil, false, fmt.Errorf("open index %s: %w", dir, err)
	}
	metaPath := filepath.Join(dir, metaFile)
	bleveDir := filepath.Join(dir, "bleve")
	if got, err := os.ReadFile(metaPath); err == nil && metaMatches(string(got), want, bleveDir) {
		bi, err := openBleve(bleveDir)
		if errors.Is(err, ErrBusy) {
			// Another process has it open: neither wait for ever nor
			// rebuild, which would delete the index under it.
			return nil, false, fmt.Errorf("open index %s: %w", dir, err)
		}
		if err == nil {
			ix, err := newIndex(c, bi, m, o, passageTable(c, o.simplify))
			if err != nil {
				return nil, false, err
			}
			// Bleve opens an index whose segment files are lost
			// or damaged as an empty one rather than failing:
			// reuse it only if it holds every passage.
			if n, err := bi.DocCount(); err == nil && n == uint64(ix.passages) {
				return ix, false, nil
			}
			ix.Close()
		}
		// A damaged index is rebuilt rather than reported: it holds
		// nothing that the corpus cannot give back.
	} else if err := checkOwnDir(dir); err != nil {
		return nil, false, err
	}

	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, false, fmt.Errorf("open index: %w", err)
	}
	os.Remove(metaPath)
	if err := os.RemoveAll(bleveDir); err != nil {
		return nil, false, fmt.Errorf("open index %s: %w", dir, err)
	}
	removeStaleBuilds(dir)
	tmp, err := os.MkdirTemp(dir, buildPrefix)
	if err != nil {
		return nil, false, fmt.Errorf("open index: %w", err)
	}
	defer os.RemoveAll(tmp)
	tmpIndex := filepath.Join(tmp, "bleve")
	bi, err := bleve.NewUsing(tmpIndex, m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, false, fmt.Errorf("open index %s: %w", dir, err)
	}
	table := passageTable(c, o.simplify)
	err = indexCorpus(ctx, bi, c, table, o.progress)
	if cerr := bi.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, false, fmt.Errorf("build index %s: %w", dir, err)
	}
	if err := os.Rename(tmpIndex, bleveDir); err != nil {
		return nil, false, fmt.Errorf("open index: %w", err)
	}
	sum, err := manifest(bleveDir)
	if err != nil {
		return nil, false, fmt.Errorf("open index %s: %w", dir, err)
	}
	if err := writeFileAtomic(metaPath, []byte(want+"\n"+sum)); err != nil {
		return nil, false, fmt.Errorf("open index: %w", err)
	}
	bi, err = openBleve(bleveDir)
	if err != nil {
		return nil, false, fmt.Errorf("open index %s: %w", dir, err)
	}
	ix, err = newIndex(c, bi, m, o, table)
	return ix, true, err
}

// ErrBusy is returned (wrapped) by Open when another process holds the
// index directory open, as a running bot does.
var ErrBusy = errors.New("the index is in use by another process")

// lockWait is how long Open waits for another process to release the
// index before it reports ErrBusy; Bleve would otherwise wait for ever.
const lockWait = time.Second

// openBleve opens a persisted Bleve index read-only, giving up after
// lockWait when another process holds its lock. Read-only, Bleve neither
// merges nor persists, so the files stay as built (their manifest holds),
// and any number of processes (a bot and ask) can share them.
func openBleve(path string) (bleve.Index, error) {
	bi, err := bleve.OpenUsing(path, map[string]any{"bolt_timeout": lockWait.String(), "read_only": true})
	if errors.Is(err, bolterrors.ErrTimeout) {
		return nil, ErrBusy
	}
	return bi, err
}

// metaMatches reports whether a meta file describes the index wanted and
// the files in bleveDir are byte for byte those that were built: Bleve
// reads a damaged segment without noticing, and then answers otherwise,
// fails or panics.
func metaMatches(meta, want, bleveDir string) bool {
	fp, sum, ok := strings.Cut(meta, "\n")
	if !ok || fp != want {
		return false
	}
	got, err := manifest(bleveDir)
	return err == nil && got == sum
}

// manifest sums every file under dir, names, sizes and contents (CRC-32C,
// which the CPU computes at several GB/s), into one line.
func manifest(dir string) (string, error) {
	table := crc32.MakeTable(crc32.Castagnoli)
	h := sha256.New()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		crc := crc32.New(table)
		n, err := io.Copy(crc, f)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		fmt.Fprintf(h, "%s %d %08x\n", filepath.ToSlash(rel), n, crc.Sum32())
		return nil
	})
	if err != nil {
		return "", err
	}
	return "files " + hex.EncodeToString(h.Sum(nil)), nil
}

// metaFile holds the fingerprint of what the index in the same directory
// was built from.
const metaFile = "startupqa-index"

// checkOwnDir refuses to clear a directory that holds anything but an
// index of ours: --index pointed at the wrong place must not delete files.
func checkOwnDir(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("open index: %w", err)
	}
	foreign := false
	for _, e := range entries {
		switch {
		case e.Name() == metaFile:
			return nil
		case e.IsDir() && strings.HasPrefix(e.Name(), buildPrefix):
			// A build of ours, interrupted or under way in another
			// process: the directory is ours all the same.
		default:
			foreign = true
		}
	}
	if foreign {
		return fmt.Errorf("open index %s: directory is not empty and holds no startupqa index; choose an empty or new directory", dir)
	}
	return nil
}

// buildPrefix names the temporary directories an index is built in before
// it is moved into place.
const buildPrefix = "bleve-build-"

// staleBuild is the age from which a build directory is taken for one a
// killed process left behind: a build of 10,000 sections takes seconds.
const staleBuild = 10 * time.Minute

// removeStaleBuilds deletes the build directories that interrupted runs
// left in dir; a younger one may be another process's build under way.
func removeStaleBuilds(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), buildPrefix) {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > staleBuild {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
}

func fingerprint(c *corpus.Corpus, m *mapping.IndexMappingImpl, simplified bool) (string, error) {
	mj, err := json.Marshal(m)
	if err != nil {
		return "", fmt.Errorf("fingerprint mapping: %w", err)
	}
	h := sha256.New()
	fmt.Fprintf(h, "passages %s\nsimplified %t\ncorpus %s\nmapping ", passageVersion, simplified, c.Hash())
	h.Write(mj)
	return hex.EncodeToString(h.Sum(nil)), nil
}

func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp-")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// indexCorpus adds every passage of every section, in batches.
func indexCorpus(ctx context.Context, bi bleve.Index, c *corpus.Corpus, table map[string][]passage, progress func(done, total int)) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if progress == nil {
		progress = func(int, int) {}
	}
	b := bi.NewBatch()
	for i, s := range c.Sections {
		for n, p := range table[s.ID] {
			if err := b.Index(docID(s.ID, n), p); err != nil {
				return fmt.Errorf("index %s: %w", s.ID, err)
			}
		}
		if b.Size() >= batchSize {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := bi.Batch(b); err != nil {
				return fmt.Errorf("index batch: %w", err)
			}
			b.Reset()
			progress(i+1, len(c.Sections))
		}
	}
	if b.Size() > 0 {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := bi.Batch(b); err != nil {
			return fmt.Errorf("index batch: %w", err)
		}
	}
	progress(len(c.Sections), len(c.Sections))
	return nil
}

func options(opts []Option) settings {
	var s settings
	for _, opt := range opts {
		opt(&s)
	}
	return s
}

func newIndex(c *corpus.Corpus, bi bleve.Index, m *mapping.IndexMappingImpl, o settings, table map[string][]passage) (*Index, error) {
	a := m.AnalyzerNamed(analyzerName)
	if a == nil {
		bi.Close()
		return nil, fmt.Errorf("index: analyzer %s missing", analyzerName)
	}
	lex, err := words.NewLexicon()
	if err != nil {
		bi.Close()
		return nil, fmt.Errorf("index: %w", err)
	}
	chars, n := corpusChars(c, table)
	return &Index{
		corpus: c, bleve: bi, analyzer: a, params: DefaultParams(), table: table,
		chars: chars, passages: n, copies: summaryCopies(c, table),
		zh: words.NewChinese(), lex: lex,
		dfCache:   memo.New[[len(fields)]int](maxDFCache),
		texts:     memo.New[string](len(table)),
		wordCache: memo.New[[]term](maxDFCache),
		analysed:  memo.New[analysedPassage](maxAnalysed),
		simplify:  o.simplify,
		readings:  o.readings,
		english:   inEnglish(c),
	}, nil
}

// writtenInEnglish reports whether any article of the corpus is written in
// English, not as a companion of a Chinese one: only then are a Chinese
// question's words read as English. In Chinese notes, the English words
// are names and acronyms (Redis, KOL) that a Chinese word would reach
// wrongly, and a companion's passages answer Chinese questions already.
func inEnglish(c *corpus.Corpus) map[string]bool {
	var en map[string]bool
	for _, s := range c.Sections {
		if s.Lang == "" && lang.Of(s.Title+s.Question) == lang.English {
			if en == nil {
				en = map[string]bool{}
			}
			en[s.ID] = true
		}
	}
	return en
}

// Close releases the index.
func (ix *Index) Close() error { return ix.bleve.Close() }

// Corpus returns the corpus the index was built from.
func (ix *Index) Corpus() *corpus.Corpus { return ix.corpus }

// passageTable holds every section's passages, built once so that a
// search does not rebuild them for each hit.
//
// With simplify, every field is converted before it is indexed, so that a
// corpus written in traditional characters is searched like a simplified
// one; its fragments then show the simplified text.
func passageTable(c *corpus.Corpus, simplify func(string) string) map[string][]passage {
	t := make(map[string][]passage, len(c.Sections))
	for _, s := range c.Sections {
		ps := allPassages(s)
		if simplify != nil {
			for i, p := range ps {
				ps[i] = passage{
					Title: simplify(p.Title), Question: simplify(p.Question),
					Lead: simplify(p.Lead), Text: simplify(p.Text), Alias: simplify(p.Alias),
				}
			}
		}
		t[s.ID] = ps
	}
	return t
}

// corpusChars counts the passages each character occurs in.
func corpusChars(c *corpus.Corpus, table map[string][]passage) (chars map[rune]int, passageCount int) {
	chars = map[rune]int{}
	seen := map[rune]bool{}
	for _, s := range c.Sections {
		for _, p := range table[s.ID] {
			passageCount++
			clear(seen)
			for _, f := range fields {
				for _, r := range p.field(f) {
					if !seen[r] {
						seen[r] = true
						chars[r]++
					}
				}
			}
		}
	}
	return chars, passageCount
}

// summaryCopies finds the list items that restate a longer item of another
// section under the same lead term with mostly the same words.
func summaryCopies(c *corpus.Corpus, table map[string][]passage) map[string]bool {
	type item struct {
		doc  string
		text string
	}
	byLead := map[string][]item{}
	for _, s := range c.Sections {
		for n, p := range table[s.ID] {
			if p.Lead != "" {
				byLead[p.Lead] = append(byLead[p.Lead], item{docID(s.ID, n), p.Text})
			}
		}
	}
	copies := enumerations(c, table)
	for _, items := range byLead {
		if len(items) < 2 || len(items) > maxLeadGroup {
			continue
		}
		for _, a := range items {
			for _, b := range items {
				if a.doc != b.doc && sectionOf(a.doc) != sectionOf(b.doc) &&
					len(a.text) < len(b.text) && overlap(a.text, b.text) >= 0.6 {
					copies[a.doc] = true
				}
			}
		}
	}
	return copies
}

// enumerations finds the passages that list the points of another section
// by their lead terms ("挑战：计算资源需求、数据质量、模型解释性 …"): a
// summary's pointers to where each point is explained.
func enumerations(c *corpus.Corpus, table map[string][]passage) map[string]bool {
	sectionsByLead := map[string][]string{}
	for _, s := range c.Sections {
		for _, p := range table[s.ID] {
			l := strings.ToLower(p.Lead)
			// Sections come in order, so a repeat is the last one added.
			if ids := sectionsByLead[l]; l != "" && (len(ids) == 0 || ids[len(ids)-1] != s.ID) {
				sectionsByLead[l] = append(ids, s.ID)
			}
		}
	}
	found := map[string]bool{}
	named := map[string]int{}
	for _, s := range c.Sections {
		for n, p := range table[s.ID] {
			clear(named)
			for _, piece := range strings.FieldsFunc(p.Text, isListSeparator) {
				piece = listItem(piece)
				ids := sectionsByLead[piece]
				if len(ids) > maxLeadGroup {
					continue // a common word, not a pointer to one section
				}
				for _, id := range ids {
					if id != s.ID {
						named[id]++
					}
				}
			}
			for _, k := range named {
				if k >= minEnumerated {
					found[docID(s.ID, n)] = true
					break
				}
			}
		}
	}
	return found
}

// minEnumerated is how many of another section's lead terms a passage must
// list to count as a summary of it.
const minEnumerated = 3

// listItem is a piece of an enumeration as a lead term would read: "数据质量等。"
// → "数据质量", "security and privacy, etc." → "security and privacy".
func listItem(piece string) string {
	piece = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(piece), "等.。 "))
	piece = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(piece, "and "), "etc"))
	return strings.ToLower(piece)
}

func isListSeparator(r rune) bool {
	switch r {
	case '、', '，', ',', '；', ';', '：', ':':
		return true
	}
	return false
}

// maxLeadGroup bounds the pairwise comparison of items under one lead:
// past that many, a lead is a common word rather than a restated point.
const maxLeadGroup = 20

func sectionOf(doc string) string {
	id, _, _ := parseDocID(doc)
	return id
}

// overlap is the share of the character bigrams of a found in b.
func overlap(a, b string) float64 {
	grams := func(s string) map[string]bool {
		rs := []rune(s)
		g := map[string]bool{}
		for i := 0; i+1 < len(rs); i++ {
			g[string(rs[i:i+2])] = true
		}
		return g
	}
	ga, gb := grams(a), grams(b)
	if len(ga) == 0 {
		return 0
	}
	n := 0
	for g := range ga {
		if gb[g] {
			n++
		}
	}
	return float64(n) / float64(len(ga))
}
