package eval

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// QuestionsFile is the name of a suite corpus's questions, beside its
// articles.
const QuestionsFile = "questions.jsonl"

// SuiteCorpus is one corpus of a suite: a directory of articles and the
// questions asked of it.
type SuiteCorpus struct {
	Name  string // the directory's name
	Dir   string
	Cases []Case
}

// LoadSuite reads the corpora of a suite. A directory holding
// questions.jsonl is one corpus; otherwise each of its subdirectories that
// holds one is, in name order.
func LoadSuite(dir string) ([]SuiteCorpus, error) {
	if c, err := loadSuiteCorpus(dir); err == nil {
		return []SuiteCorpus{c}, nil
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("load suite: %w", err)
	}
	var cs []SuiteCorpus
	for _, e := range entries {
		path := filepath.Join(dir, e.Name())
		if !e.IsDir() {
			// A suite made of links to corpora kept elsewhere.
			if st, err := os.Stat(path); e.Type()&fs.ModeSymlink == 0 || err != nil || !st.IsDir() {
				continue
			}
		}
		c, err := loadSuiteCorpus(path)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		cs = append(cs, c)
	}
	if len(cs) == 0 {
		return nil, fmt.Errorf("load suite %s: no %s in it or in its subdirectories", dir, QuestionsFile)
	}
	slices.SortFunc(cs, func(a, b SuiteCorpus) int { return cmp.Compare(a.Name, b.Name) })
	return cs, nil
}

func loadSuiteCorpus(dir string) (SuiteCorpus, error) {
	path := filepath.Join(dir, QuestionsFile)
	f, err := os.Open(path)
	if err != nil {
		return SuiteCorpus{}, err
	}
	defer f.Close()
	cases, err := ReadCases(f, path)
	if err != nil {
		return SuiteCorpus{}, err
	}
	return SuiteCorpus{Name: filepath.Base(dir), Dir: dir, Cases: cases}, nil
}

// Opener builds a searcher over the corpus in dir; close releases it.
type Opener func(ctx context.Context, dir string) (s Searcher, close func(), err error)

// RunSuite searches each corpus's questions of one split ("" for all) in
// an index of that corpus alone, and reports them together.
func RunSuite(ctx context.Context, open Opener, corpora []SuiteCorpus, split string) (*Report, error) {
	var outs []Outcome
	for _, c := range corpora {
		var cases []Case
		for _, k := range c.Cases {
			if k.InSplit(split) {
				cases = append(cases, k)
			}
		}
		if len(cases) == 0 {
			continue
		}
		s, closeFn, err := open(ctx, c.Dir)
		if err != nil {
			return nil, fmt.Errorf("corpus %s: %w", c.Name, err)
		}
		o, err := search(ctx, s, cases, c.Name)
		closeFn()
		if err != nil {
			return nil, fmt.Errorf("corpus %s: %w", c.Name, err)
		}
		outs = append(outs, o...)
	}
	if len(outs) == 0 {
		return nil, fmt.Errorf("no questions in split %q", split)
	}
	return NewReport(outs), nil
}
