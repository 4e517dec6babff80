package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/startupqa/startupqa/corpus"
)

// check validates a corpus and lists every problem as file:line: message.
func (a *app) check(_ context.Context, args []string) error {
	fs := a.newFlagSet("check", "[dir]")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 1 {
		fmt.Fprintln(a.stderr, "startupqa check: give at most one directory")
		return usageError{}
	}
	dir := a.cfg.CorpusDir
	if len(rest) == 1 {
		dir = rest[0]
	}
	c, err := loadCorpus(dir)
	if err != nil {
		if ps, ok := corpus.AsProblems(err); ok {
			for _, p := range ps {
				fmt.Fprintln(a.stdout, p)
			}
			fmt.Fprintf(a.stderr, "%d problem(s)\n", len(ps))
			return failed{}
		}
		return err
	}
	name := dir
	if name == "" {
		name = "built-in corpus"
	}
	fmt.Fprintf(a.stdout, "%s: ok, %d article(s), %d section(s)\n", name, len(c.Articles), len(c.Sections))
	for _, art := range c.Articles {
		fmt.Fprintf(a.stdout, "  %s: %d section(s)%s\n", art.File, len(art.Sections), readAs(art))
	}
	for _, art := range c.Skipped {
		fmt.Fprintf(a.stdout, "  %s: skipped, no notes in it: %s\n", art.File, art.Skipped)
	}
	return nil
}

// readAs says how an article was read when it is not the corpus format's
// labelled, numbered sections, so that an author can tell whether the
// parser read the notes as meant.
func readAs(art *corpus.Article) string {
	var how []string
	if art.Encoding != "" {
		how = append(how, "read as "+art.Encoding+", not UTF-8")
	}
	if art.FreeForm {
		how = append(how, "free-form: each heading with text under it is a section, the text its answer")
	}
	if art.OneQuestion {
		how = append(how, "one question: the file's title or name asks it, its text answers it")
	}
	if art.QuestionList {
		how = append(how, "a list of questions: each listed question and its answer is a section")
	}
	if art.NumberedInOrder {
		how = append(how, "numbered in order: inserting a section renumbers those after it")
	}
	if len(how) == 0 {
		return ""
	}
	return ", " + strings.Join(how, "; ")
}
