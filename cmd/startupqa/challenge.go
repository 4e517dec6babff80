package main

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/startupqa/startupqa/challenge"
)

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
	sections, err := challenge.Pick(ctx, ix.Corpus(), ix, *topic, *rounds, rand.New(rand.NewPCG(*seed, *seed>>1)))
	if err != nil {
		return err
	}
	g, err := newGrader(ix.Corpus())
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(a.stdin)
	sc.Buffer(make([]byte, 4096), maxStdinQuestion)
	total, streak, played := 0, 0, 0
	for n, s := range sections {
		s = sectionIn(s, l)
		fmt.Fprintf(a.stdout, txtRound.In(l), n+1, len(sections), s.Title, s.Question)
		answer, ok := readAnswer(sc)
		if !ok {
			fmt.Fprintln(a.stdout, txtInputEnded.In(l))
			break
		}
		played++
		res := g.Grade(s, answer)
		if res.Score >= challenge.StreakThreshold {
			streak++
		} else {
			streak = 0
		}
		points := challenge.Points(res.Score, false, streak, 0)
		total += points
		fmt.Fprintf(a.stdout, "\n%s"+txtPoints.In(l), formatGrade(s, res, l), points)
		if streak > 1 {
			fmt.Fprintf(a.stdout, txtStreak.In(l), streak)
		}
		fmt.Fprintf(a.stdout, "\n\n"+txtAnswer.In(l), s.Answer.Markdown())
		if s.Analysis != "" {
			fmt.Fprintf(a.stdout, "\n"+txtAnalysis.In(l), s.Analysis)
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
