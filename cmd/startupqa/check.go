package main

import (
	"context"
	"fmt"

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
	return nil
}
