package main

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"

	"github.com/startupqa/startupqa"
	"github.com/startupqa/startupqa/challenge"
	"github.com/startupqa/startupqa/lang"
	"github.com/startupqa/startupqa/sqlite"
	"github.com/startupqa/startupqa/sqlstore"
)

// The terminal's player, and its rounds' time: none to speak of, the
// quiz waits for the answer.
const (
	terminalPlayer = "you"
	terminalRound  = 24 * time.Hour
)

// scratchStore is a store for one terminal quiz, removed when closed: the
// game keeps its state in a store, and a quiz in the terminal keeps
// nothing afterwards.
func scratchStore(ctx context.Context) (*sqlstore.DB, func(), error) {
	dir, err := os.MkdirTemp("", "startupqa-challenge-")
	if err != nil {
		return nil, nil, fmt.Errorf("challenge: %w", err)
	}
	db, err := sqlite.Open(ctx, filepath.Join(dir, "quiz.db"))
	if err != nil {
		os.RemoveAll(dir)
		return nil, nil, fmt.Errorf("challenge: %w", err)
	}
	return db, func() { db.Close(); os.RemoveAll(dir) }, nil
}

// challengeCmd runs a quiz in the terminal: it asks a 题目, reads an
// answer, grades it, shows the 答案 and 解析, and totals the points.
func (a *app) challengeCmd(ctx context.Context, args []string) error {
	fs := a.newFlagSet("challenge", "[--rounds N] [--topic T] [--lang en]")
	rounds := fs.Int("rounds", 3, "number of `rounds`")
	topic := fs.String("topic", "", "ask the sections about this `topic` first")
	seed := fs.Uint64("seed", 0, "random `seed` for the order of sections (0: the clock)")
	langFlag := fs.String("lang", "zh", "`language` to play in: zh, or en for the sections' English companions")
	ef := a.addEngineFlags(fs)
	rest, err := parseFlags(fs, args)
	switch {
	case err != nil:
		return err
	case len(rest) > 0:
		fmt.Fprintf(a.stderr, "startupqa challenge: unexpected argument %q; give a topic with --topic %q\n", rest[0], rest[0])
		return usageError{}
	case *rounds < 1 || *rounds > 50:
		fmt.Fprintln(a.stderr, "startupqa challenge: --rounds takes 1 to 50")
		return usageError{}
	}
	l, ok := parseLang(*langFlag)
	if !ok {
		fmt.Fprintf(a.stderr, "startupqa challenge: --lang is %q; want zh or en\n", *langFlag)
		return usageError{}
	}
	ix, err := a.openEngine(ctx, ef)
	if err != nil {
		return a.corpusError(err)
	}
	defer ix.Close()
	if *seed == 0 {
		*seed = uint64(time.Now().UnixNano())
	}
	code := "zh"
	if l == lang.English {
		code = "en"
	}
	sections, err := challenge.Pick(ctx, ix.Corpus(), ix, *topic, code, *rounds, rand.New(rand.NewPCG(*seed, *seed>>1)))
	if err != nil {
		return err
	}
	gr, err := newGrader(ix.Corpus())
	if err != nil {
		return err
	}
	// The game is the bot's own (challenge.Service), over a store of its
	// own that lives as long as the quiz.
	store, closeStore, err := scratchStore(ctx)
	if err != nil {
		return err
	}
	defer closeStore()
	play := challenge.NewService(store, ix.Corpus, func() (challenge.Grader, error) { return gr, nil }).Solo()
	g, err := play.Start(ctx, startupqa.Challenge{ChannelID: "terminal", StarterID: terminalPlayer, Lang: code,
		Seconds: int(terminalRound.Seconds())}, sections)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(a.stdin)
	sc.Buffer(make([]byte, 4096), maxStdinQuestion)
	total, played := 0, 0
	for round := 1; round <= len(sections); round++ {
		s := g.Section(round)
		fmt.Fprintf(a.stdout, txtRound.In(l), round, len(sections), s.Title, s.Question)
		answer, ok := readAnswer(sc)
		if !ok {
			fmt.Fprintln(a.stdout, txtInputEnded.In(l))
			break
		}
		played++
		v, err := play.Answer(ctx, g.ID, round, terminalPlayer, answer)
		if err != nil {
			return err
		}
		total += v.Points
		fmt.Fprintf(a.stdout, "\n%s"+txtPoints.In(l), formatGrade(s, v.Result, l), v.Points)
		if v.Streak > 1 {
			fmt.Fprintf(a.stdout, txtStreak.In(l), v.Streak)
		}
		fmt.Fprintf(a.stdout, "\n\n"+txtAnswer.In(l), s.Answer.Markdown())
		if s.Analysis != "" {
			fmt.Fprintf(a.stdout, "\n"+txtAnalysis.In(l), s.Analysis)
		}
		if _, err := play.End(ctx, g.ID, round, false); err != nil {
			return err
		}
		if ctx.Err() != nil {
			break
		}
	}
	// The most a round can earn, counted over the rounds answered: one
	// who stops after two was not playing for three.
	fmt.Fprintf(a.stdout, txtTotal.In(l), total, played, played*challenge.MaxPoints)
	return sc.Err()
}

var (
	txtRound      = msg{"\n第 %d/%d 题 · %s\n题目：%s\n你的答案（空行结束）：\n", "\nRound %d/%d · %s\nQuestion: %s\nYour answer (an empty line ends it):\n"}
	txtInputEnded = msg{"\n（输入结束）", "\n(end of input)"}
	txtPoints     = msg{"本题 +%d 分", "+%d points"}
	txtStreak     = msg{"，连续 %d 题达标", ", a streak of %d"}
	txtAnswer     = msg{"答案：\n%s\n", "Answer:\n%s\n"}
	txtAnalysis   = msg{"解析：%s\n", "Analysis: %s\n"}
	txtTotal      = msg{"\n总分：%d（答了 %d 题，最多可得 %d 分）\n", "\nTotal: %d points (%d rounds answered, %d possible)\n"}
)
