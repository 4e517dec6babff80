package main

import (
	"context"
	"fmt"
)

// topics lists the sections of the corpus with their questions.
func (a *app) topics(_ context.Context, args []string) error {
	fs := a.newFlagSet("topics", "[flags]")
	ef := a.addEngineFlags(fs)
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	c, err := loadCorpus(ef.corpusDir)
	if err != nil {
		return a.corpusError(err)
	}
	for _, s := range c.Sections {
		fmt.Fprintf(a.stdout, "%-16s %s — %s\n", s.ID, s.Title, s.Question)
	}
	return nil
}
