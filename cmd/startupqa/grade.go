package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/startupqa/startupqa/corpus"
	"github.com/startupqa/startupqa/grade"
	"github.com/startupqa/startupqa/index"
	"github.com/startupqa/startupqa/zh"
)

// grade scores an answer read from stdin against a section's key points.
func (a *app) grade(_ context.Context, args []string) error {
	fs := a.newFlagSet("grade", "--section N [--json] < answer.txt")
	section := fs.String("section", "", "section `number` (of the built-in corpus) or id such as llm-startup/3")
	asJSON := fs.Bool("json", false, "print one JSON object instead of text")
	corpusDir := fs.String("corpus", a.cfg.CorpusDir, "corpus `dir`ectory of *.md articles (default: built-in)")
	if rest, err := parseFlags(fs, args); err != nil {
		return err
	} else if len(rest) > 0 || *section == "" {
		fmt.Fprintln(a.stderr, "startupqa grade: give --section and the answer on stdin")
		return usageError{}
	}
	c, err := loadCorpus(*corpusDir)
	if err != nil {
		return a.corpusError(err)
	}
	s, ok := findSection(c, *section)
	if !ok {
		fmt.Fprintf(a.stderr, "startupqa grade: no section %q; startupqa topics lists them\n", *section)
		return usageError{}
	}
	answer, err := io.ReadAll(io.LimitReader(a.stdin, 4*grade.MaxAnswerRunes*4))
	if err != nil {
		return fmt.Errorf("read answer: %w", err)
	}
	g, err := newGrader(c)
	if err != nil {
		return err
	}
	res := g.Grade(s, string(answer))
	if *asJSON {
		enc := json.NewEncoder(a.stdout)
		enc.SetEscapeHTML(false)
		res.Score = round(res.Score)
		return enc.Encode(res)
	}
	_, err = io.WriteString(a.stdout, formatGrade(s, res))
	return err
}

// findSection takes a section number (of the first article that has it)
// or a full id.
func findSection(c *corpus.Corpus, key string) (*corpus.Section, bool) {
	if s, ok := c.Section(key); ok {
		return s, true
	}
	n, err := strconv.Atoi(strings.TrimSpace(key))
	if err != nil {
		return nil, false
	}
	return c.SectionNumber(n)
}

func newGrader(c *corpus.Corpus) (*grade.Grader, error) {
	an, err := index.NewAnalyzer()
	if err != nil {
		return nil, err
	}
	conv, err := zh.New()
	if err != nil {
		return nil, err
	}
	return grade.New(c, an, conv.Simplified)
}

// formatGrade is the readable verdict: ✓ or ✗ per key point.
func formatGrade(s *corpus.Section, r grade.Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s)：覆盖 %d/%d 个要点，得分 %.0f%%\n", s.Title, s.ID, len(r.Covered), len(r.Points), 100*r.Score)
	for _, p := range r.Points {
		fmt.Fprintf(&b, "  %s\n", p)
	}
	return b.String()
}

// readAnswer reads a multi-line answer that ends with an empty line or the
// end of input.
func readAnswer(sc *bufio.Scanner) (string, bool) {
	var lines []string
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			return strings.Join(lines, "\n"), true
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n"), len(lines) > 0
}
