package main

import (
	"context"
	"fmt"
	"strings"
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
	// Ids are padded by display columns: a slug from a Chinese file name
	// takes two columns a character.
	width := 16
	for _, s := range c.Sections {
		width = max(width, displayWidth(s.ID))
	}
	for _, s := range c.Sections {
		pad := strings.Repeat(" ", width-displayWidth(s.ID))
		// One line a section, whatever lines a question holds.
		fmt.Fprintf(a.stdout, "%s%s %s — %s\n", s.ID, pad, s.Title, strings.Join(strings.Fields(s.Question), " "))
	}
	return nil
}
