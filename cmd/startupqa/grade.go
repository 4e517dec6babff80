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
	"github.com/startupqa/startupqa/lang"
	"github.com/startupqa/startupqa/zh"
)

// grade scores an answer read from stdin against a section's key points.
func (a *app) grade(_ context.Context, args []string) error {
	fs := a.newFlagSet("grade", "[--section] N [--lang en] [--json] < answer.txt")
	section := fs.String("section", "", "section `number` (of the built-in corpus) or id such as llm-startup/3")
	asJSON := fs.Bool("json", false, "print one JSON object instead of text")
	corpusDir := fs.String("corpus", a.cfg.CorpusDir, "corpus `dir`ectory of *.md articles (default: built-in)")
	langFlag := fs.String("lang", "zh", "`language` of the question and the key points: zh, or en for a section's English companion")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if *section == "" && len(rest) == 1 {
		*section, rest = rest[0], nil
	}
	if len(rest) > 0 || *section == "" {
		fmt.Fprintln(a.stderr, "startupqa grade: give a section (grade 3 or --section llm-startup/3) and the answer on stdin")
		return usageError{}
	}
	l, ok := parseLang(*langFlag)
	if !ok {
		fmt.Fprintf(a.stderr, "startupqa grade: --lang is %q; want zh or en\n", *langFlag)
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
	s = sectionIn(s, l)
	if isTerminal(a.stdin) {
		fmt.Fprintf(a.stderr, "%s\n%s\n", s.Question, txtAnswerEOF.In(l))
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
	_, err = io.WriteString(a.stdout, formatGrade(s, res, l))
	return err
}

// msg is a message of the terminal commands in Chinese and English.
type msg = lang.Text

var (
	txtAnswerEOF = msg{"写下你的答案，按 Ctrl-D 结束：", "Type your answer, then Ctrl-D:"}
	txtGradeLine = msg{"%s (%s)：覆盖 %d/%d 个要点，得分 %.0f%%\n", "%s (%s): %d of %d key points covered, score %.0f%%\n"}
)

// parseLang reads --lang.
func parseLang(s string) (lang.Lang, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "zh", "cn", "chinese", "中文":
		return lang.Chinese, true
	case "en", "english":
		return lang.English, true
	}
	return lang.Chinese, false
}

// sectionIn is a section in the language asked for: its English
// companion for English, when it has one.
func sectionIn(s *corpus.Section, l lang.Lang) *corpus.Section {
	if l == lang.English {
		return s.In("en")
	}
	return s
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
func formatGrade(s *corpus.Section, r grade.Result, l lang.Lang) string {
	var b strings.Builder
	fmt.Fprintf(&b, txtGradeLine.In(l), s.Title, s.ID, len(r.Covered), len(r.Points), 100*r.Score)
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
