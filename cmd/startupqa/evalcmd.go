package main

import (
	"context"
	"fmt"
	"os"

	"github.com/startupqa/startupqa/engine"
	"github.com/startupqa/startupqa/eval"
)

// eval prints search quality: on a file of labelled questions against the
// configured corpus, or on a suite directory, where each corpus is
// searched with its own questions.jsonl.
func (a *app) eval(ctx context.Context, args []string) error {
	fs := a.newFlagSet("eval", "[flags] file.jsonl | suite-dir")
	verbose := fs.Bool("v", false, "also list every question the engine got wrong")
	split := fs.String("split", "", "only the questions of this split: tune or holdout (default: all)")
	library := fs.Bool("library", false, "search a suite's questions in one corpus of all its articles, as a group's notes on many topics (in-scope and far off-topic questions only)")
	ef := a.addEngineFlags(fs)
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		fmt.Fprintln(a.stderr, "startupqa eval: give one file of labelled questions (JSON Lines) or one suite directory")
		return usageError{}
	}
	if *split != "" && *split != eval.SplitTune && *split != eval.SplitHoldout {
		fmt.Fprintf(a.stderr, "startupqa eval: --split is %q; want tune or holdout\n", *split)
		return usageError{}
	}
	var rep *eval.Report
	if st, err := os.Stat(rest[0]); err == nil && st.IsDir() {
		rep, err = a.evalSuite(ctx, rest[0], *split, *library)
		if err != nil {
			return err
		}
	} else {
		if *library {
			fmt.Fprintln(a.stderr, "startupqa eval: --library needs a suite directory")
			return usageError{}
		}
		rep, err = a.evalFile(ctx, ef, rest[0], *split)
		if err != nil {
			return err
		}
	}
	if err := rep.WriteTable(a.stdout); err != nil {
		return err
	}
	if *verbose {
		for _, o := range rep.Outcomes {
			if !o.Correct() {
				fmt.Fprintf(a.stdout, "miss %s:%d [%s] %q want %v, answered=%v (%.2f), ranked %v\n",
					o.Corpus, o.Case.Line, o.Case.Kind, o.Case.Q, o.Case.Expect, o.Answered, o.Confidence, o.Ranked)
			}
		}
	}
	return nil
}

func (a *app) evalFile(ctx context.Context, ef *engineFlags, path, split string) (*eval.Report, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cases, err := eval.ReadCases(f, path)
	if err != nil {
		return nil, err
	}
	var chosen []eval.Case
	for _, c := range cases {
		if c.InSplit(split) {
			chosen = append(chosen, c)
		}
	}
	ix, err := a.openEngine(ctx, ef)
	if err != nil {
		return nil, a.corpusError(err)
	}
	defer ix.Close()
	return eval.Run(ctx, ix, chosen)
}

// evalSuite runs every corpus of a suite directory, each in an in-memory
// index of its own or, with library, all in one (see eval.Library).
func (a *app) evalSuite(ctx context.Context, dir, split string, library bool) (*eval.Report, error) {
	corpora, err := eval.LoadSuite(dir)
	if err != nil {
		return nil, err
	}
	open := func(ctx context.Context, corpusDir string) (eval.Searcher, func(), error) {
		e, err := a.openEngine(ctx, &engineFlags{corpusDir: corpusDir})
		if err != nil {
			return nil, nil, a.corpusError(err)
		}
		return e, func() { e.Close() }, nil
	}
	if library {
		tmp, err := os.MkdirTemp("", "startupqa-library-")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(tmp)
		if corpora, err = eval.Library(corpora, tmp); err != nil {
			return nil, err
		}
		e, err := a.openEngine(ctx, &engineFlags{corpusDir: tmp})
		if err != nil {
			return nil, a.corpusError(err)
		}
		defer e.Close()
		open = func(context.Context, string) (eval.Searcher, func(), error) { return e, func() {}, nil }
	}
	return eval.RunSuite(ctx, open, corpora, split)
}

var _ eval.Searcher = (*engine.Engine)(nil)
