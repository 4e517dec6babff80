package main

import (
	"context"
	"fmt"
	"os"

	"github.com/startupqa/startupqa/eval"
)

// eval prints search quality on a file of labelled questions.
func (a *app) eval(ctx context.Context, args []string) error {
	fs := a.newFlagSet("eval", "[flags] file.jsonl")
	verbose := fs.Bool("v", false, "also list every question the engine got wrong")
	ef := a.addEngineFlags(fs)
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		fmt.Fprintln(a.stderr, "startupqa eval: give one file of labelled questions (JSON Lines)")
		return usageError{}
	}
	f, err := os.Open(rest[0])
	if err != nil {
		return err
	}
	defer f.Close()
	cases, err := eval.ReadCases(f, rest[0])
	if err != nil {
		return err
	}
	ix, err := a.openEngine(ctx, ef)
	if err != nil {
		return a.corpusError(err)
	}
	defer ix.Close()
	rep, err := eval.Run(ctx, ix, cases)
	if err != nil {
		return err
	}
	if err := rep.WriteTable(a.stdout); err != nil {
		return err
	}
	if *verbose {
		for _, o := range rep.Outcomes {
			if !o.Correct() {
				fmt.Fprintf(a.stdout, "miss %s:%d [%s] %q want %v, answered=%v, ranked %v\n",
					rest[0], o.Case.Line, o.Case.Kind, o.Case.Q, o.Case.Expect, o.Answered, o.Ranked)
			}
		}
	}
	return nil
}
