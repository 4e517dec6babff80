package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"runtime/debug"

	"github.com/startupqa/startupqa/corpus"
	"github.com/startupqa/startupqa/engine"
	"github.com/startupqa/startupqa/index"
	"github.com/startupqa/startupqa/zh"
)

const usage = `startupqa answers questions from a Q&A corpus of Markdown articles.

Usage:
  startupqa ask [flags] [question]     answer a question (stdin or a prompt if none)
  startupqa check [dir]                validate a corpus directory
  startupqa topics [flags]             list the sections of the corpus
  startupqa section [flags] ID|N       show one section in full
  startupqa grade [flags] ID|N         grade an answer read from stdin
  startupqa challenge [flags]          a quiz in the terminal: answer, get graded
  startupqa serve [flags]              run the Discord bot (needs DISCORD_TOKEN)
  startupqa register                   register the slash commands with Discord and exit
  startupqa unanswered [flags]         questions the bot could not answer, most asked first
  startupqa healthcheck [--ready]      ask a running serve's health check (METRICS_ADDR)
  startupqa migrate-store [--from F]   copy the SQLite file's scores into DATABASE_URL
  startupqa eval [flags] file|dir      measure search quality on labelled questions
  startupqa help [command]             show help
  startupqa version                    show the version (also --version)
  startupqa completion bash|zsh|fish   print a shell completion script

The built-in corpus is the article 大模型创业的创新与挑战; --corpus DIR (or
CORPUS_DIR) replaces it with a directory of *.md articles. Settings are read
from the environment and from a .env file; see .env.example.
`

// run is the whole program behind main, testable with fake input and
// output. It returns an error whose exit code exitCode gives.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, env lookupFunc) error {
	cfg, err := loadConfig(env, ".env")
	if err != nil {
		return err
	}
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return usageError{}
	}
	cmd, rest := args[0], args[1:]
	app := &app{cfg: cfg, stdin: stdin, stdout: stdout, stderr: stderr, log: newLogger(stderr, cfg)}
	for _, arg := range rest {
		if arg == "--" {
			break
		}
		if arg == "-h" || arg == "-help" || arg == "--help" {
			app.helpAsked = true
		}
	}
	if f, ok := app.commands()[cmd]; ok {
		return f(ctx, rest)
	}
	switch cmd {
	case "help", "-h", "-help", "--help":
		return app.help(ctx, rest)
	case "completion":
		return app.completion(ctx, rest)
	case "version", "-version", "--version":
		fmt.Fprintln(stdout, version())
		return nil
	}
	fmt.Fprintf(stderr, "startupqa: unknown command %q\n\n%s", cmd, usage)
	return usageError{}
}

// version names the build: the module version and, for a build from a
// git checkout, the commit and whether it had local changes.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "startupqa (unknown build)"
	}
	v := "startupqa " + info.Main.Version
	var rev, dirty, at string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+changes"
			}
		case "vcs.time":
			at = s.Value
		}
	}
	if rev != "" {
		v += fmt.Sprintf(" (commit %.12s%s, %s)", rev, dirty, at)
	}
	return v + " " + info.GoVersion
}

// app holds what every command needs.
type app struct {
	cfg    config
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	log    *slog.Logger
	zh     *zh.Converter // set by openEngine
	// helpAsked is set when the command line asks for help, which then
	// goes to stdout.
	helpAsked bool
}

func newLogger(w io.Writer, cfg config) *slog.Logger {
	opts := &slog.HandlerOptions{Level: cfg.LogLevel}
	if cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// commands are the subcommands by name.
func (a *app) commands() map[string]func(context.Context, []string) error {
	return map[string]func(context.Context, []string) error{
		"ask":           a.ask,
		"check":         a.check,
		"eval":          a.eval,
		"topics":        a.topics,
		"section":       a.section,
		"serve":         a.serve,
		"grade":         a.grade,
		"challenge":     a.challengeCmd,
		"unanswered":    a.unanswered,
		"healthcheck":   a.healthcheck,
		"migrate-store": a.migrateStore,
		"register":      a.register,
	}
}

// help prints the usage, or a command's flags.
func (a *app) help(ctx context.Context, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(a.stdout, usage)
		return nil
	}
	switch args[0] {
	case "help":
		fmt.Fprint(a.stdout, usage)
		return nil
	case "completion":
		fmt.Fprint(a.stdout, completionUsage)
		return nil
	}
	if f, ok := a.commands()[args[0]]; ok {
		a.helpAsked = true
		return f(ctx, []string{"-h"})
	}
	fmt.Fprintf(a.stderr, "startupqa: no help for %q\n", args[0])
	return usageError{}
}

// engineFlags are the flags of every command that searches a corpus.
type engineFlags struct {
	corpusDir string
	indexDir  string
}

func (a *app) addEngineFlags(fs *flag.FlagSet) *engineFlags {
	ef := &engineFlags{}
	fs.StringVar(&ef.corpusDir, "corpus", a.cfg.CorpusDir, "corpus `dir`ectory of *.md articles (default: built-in)")
	fs.StringVar(&ef.indexDir, "index", a.cfg.IndexDir, "persist the index in `dir` and reuse it while the corpus is unchanged")
	return ef
}

// loadCorpus loads the configured corpus, or the built-in one.
func loadCorpus(dir string) (*corpus.Corpus, error) {
	if dir == "" {
		return corpus.Default()
	}
	return corpus.LoadDir(dir)
}

// openEngine loads the corpus and indexes it, in memory or in a
// directory. An invalid corpus is refused whole, with every problem
// listed.
func (a *app) openEngine(ctx context.Context, ef *engineFlags) (*engine.Engine, error) {
	conv, err := zh.New()
	if err != nil {
		return nil, err
	}
	a.zh = conv
	opts := []index.Option{index.WithSimplifier(conv.Simplified), index.WithReadings(conv.Readings)}
	if isTerminal(a.stderr) {
		opts = append(opts, index.WithProgress(a.showProgress))
	}
	return engine.Open(ctx, engine.Config{
		CorpusDir: ef.corpusDir,
		IndexDir:  ef.indexDir,
		Options:   opts,
	}, a.log)
}

// progressFrom is the corpus size from which building its index shows
// progress: smaller ones take under a second.
const progressFrom = 1000

// showProgress keeps one line on a terminal's stderr up to date while a
// large corpus is indexed, and clears it when done.
func (a *app) showProgress(done, total int) {
	if total < progressFrom {
		return
	}
	if done == total {
		fmt.Fprint(a.stderr, "\r\x1b[K")
		return
	}
	fmt.Fprintf(a.stderr, "\rindexing %d of %d sections…", done, total)
}

// newFlagSet returns a flag set that reports errors instead of exiting.
// Its usage goes to stdout when it was asked for (-h, help cmd), so that
// "startupqa help ask | less" works, and to stderr after a bad command
// line.
func (a *app) newFlagSet(name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(a.stderr)
	fs.Usage = func() {
		w := a.stderr
		if a.helpAsked {
			w = a.stdout
		}
		fmt.Fprintf(w, "Usage: startupqa %s %s\n", name, synopsis)
		hasFlags := false
		fs.VisitAll(func(*flag.Flag) { hasFlags = true })
		if hasFlags {
			fmt.Fprintln(w, "\nFlags:")
			fs.SetOutput(w)
			fs.PrintDefaults()
			fs.SetOutput(a.stderr)
		}
	}
	return fs
}

// parseFlags parses flags wherever they stand among the arguments, so that
// "ask 问题 --json" works as well as "ask --json 问题", and returns the
// other arguments in order.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, helpShown{}
			}
			return nil, usageError{}
		}
		args = fs.Args()
		if len(args) == 0 {
			return rest, nil
		}
		if args[0] == "--" {
			return append(rest, args[1:]...), nil
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}

// usageError is a command line that makes no sense; the message has been
// printed already.
type usageError struct{}

func (usageError) Error() string { return "" }

// helpShown ends a command after -h printed its usage.
type helpShown struct{}

func (helpShown) Error() string { return "" }

// failed ends a command whose output already says what went wrong, such as
// check listing problems.
type failed struct{}

func (failed) Error() string { return "" }

// exitCode maps run's error to the process exit status: 0 for help, 2 for
// a bad command line, 1 for everything else.
func exitCode(err error) int {
	switch {
	case err == nil, errors.As(err, new(helpShown)):
		return 0
	case errors.As(err, new(usageError)):
		return 2
	}
	return 1
}
