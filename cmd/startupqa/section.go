package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/startupqa/startupqa/corpus"
	"github.com/startupqa/startupqa/lang"
)

// section prints one section in full, by id (llm-startup/3) or by number,
// as /section does in Discord.
func (a *app) section(_ context.Context, args []string) error {
	fs := a.newFlagSet("section", "[--corpus DIR] [--en] ID|N")
	en := fs.Bool("en", false, "show the English translation, where the corpus has one, with English labels")
	corpusDir := fs.String("corpus", a.cfg.CorpusDir, "corpus `dir`ectory of *.md articles (default: built-in)")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		fmt.Fprintln(a.stderr, "startupqa section: give one section, by id (llm-startup/3) or number (3)")
		return usageError{}
	}
	c, err := loadCorpus(*corpusDir)
	if err != nil {
		return a.corpusError(err)
	}
	s, ok := findSection(c, rest[0])
	if !ok {
		fmt.Fprintf(a.stderr, "startupqa section: no section %q; %s lists them\n", rest[0], topicsCommand(*corpusDir))
		return failed{}
	}
	labels := "" // Chinese labels
	if *en {
		s, labels = s.In("en"), "in English"
	} else if writtenInEnglish(s) {
		labels = "in English"
	}
	var b strings.Builder
	writeSection(&b, labels, s)
	out := b.String()
	if t, ok := terminalOf(a.stdout, a.cfg.NoColor); ok {
		out = t.render(out)
	}
	_, err = fmt.Fprint(a.stdout, out)
	return err
}

// writtenInEnglish reports whether a section is written mostly in English:
// more English words than Chinese characters in its title, question and
// answer (see lang.Count), so that English notes with a Chinese gloss or
// two count, and a Chinese answer under an English title does not.
func writtenInEnglish(s *corpus.Section) bool {
	han, words := lang.Count(s.Title + "\n" + s.Question + "\n" + s.Answer.PlainText())
	return words > han
}
