package eval

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/startupqa/startupqa/corpus"
)

// Library puts the articles of several suite corpora in one directory,
// each corpus's under its name, and returns the corpora with their
// questions asked of that one corpus: what a study group's notes look
// like, dozens of articles on many topics, where a suite corpus alone has
// two or three. Searching it asks whether the engine still finds the
// section among sections of every other topic, and whether its confidence
// still means what it says.
//
// Each corpus keeps its in-scope questions, their expected sections
// renamed to the library's ids, and its far off-topic questions
// (kind offtopic-far). Its other off-topic questions are left out: a
// question near one corpus's topic may be another corpus's.
//
// Every returned corpus has dir as its Dir, so an Opener that keeps one
// index per directory builds the library once.
func Library(corpora []SuiteCorpus, dir string) ([]SuiteCorpus, error) {
	type place struct {
		file string // relative to the library
		line int
	}
	for _, c := range corpora {
		if err := os.CopyFS(filepath.Join(dir, c.Name), os.DirFS(c.Dir)); err != nil {
			return nil, fmt.Errorf("library: copy %s: %w", c.Name, err)
		}
	}
	lib, err := corpus.LoadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("library: %w", err)
	}
	ids := map[place]string{}
	for _, s := range lib.Sections {
		rel, err := filepath.Rel(dir, s.File)
		if err != nil {
			return nil, fmt.Errorf("library: %w", err)
		}
		ids[place{rel, s.Line}] = s.ID
	}
	out := make([]SuiteCorpus, 0, len(corpora))
	for _, c := range corpora {
		own, err := corpus.LoadDir(c.Dir)
		if err != nil {
			return nil, fmt.Errorf("library: %w", err)
		}
		rename := map[string]string{}
		for _, s := range own.Sections {
			rel, err := filepath.Rel(c.Dir, s.File)
			if err != nil {
				return nil, fmt.Errorf("library: %w", err)
			}
			id, ok := ids[place{filepath.Join(c.Name, rel), s.Line}]
			if !ok {
				return nil, fmt.Errorf("library: %s: section %s is not in the library", c.Name, s.ID)
			}
			rename[s.ID] = id
		}
		lc := SuiteCorpus{Name: c.Name, Dir: dir}
		for _, k := range c.Cases {
			if !k.InScope() && k.Kind != "offtopic-far" {
				continue
			}
			expect := make([]string, 0, len(k.Expect))
			for _, id := range k.Expect {
				renamed, ok := rename[id]
				if !ok {
					return nil, fmt.Errorf("library: %s line %d: no section %s", c.Name, k.Line, id)
				}
				expect = append(expect, renamed)
			}
			k.Expect = expect
			lc.Cases = append(lc.Cases, k)
		}
		out = append(out, lc)
	}
	return out, nil
}
