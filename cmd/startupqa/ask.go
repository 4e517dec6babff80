package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/peterh/liner"
	"golang.org/x/sys/unix"

	"github.com/startupqa/startupqa/corpus"
	"github.com/startupqa/startupqa/index"
	"github.com/startupqa/startupqa/zh"
)

// maxStdinQuestion bounds how much of stdin is read as one question; the
// index cuts questions far shorter than this anyway.
const maxStdinQuestion = 64 << 10

func (a *app) ask(ctx context.Context, args []string) error {
	fs := a.newFlagSet("ask", "[flags] [question]")
	asJSON := fs.Bool("json", false, "print one JSON object instead of text")
	top := fs.Int("top", 3, "list at most `n` matches")
	ef := a.addEngineFlags(fs)
	words, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if *top < 1 {
		fmt.Fprintln(a.stderr, "startupqa ask: --top must be at least 1")
		return usageError{}
	}
	ix, err := a.openEngine(ctx, ef)
	if err != nil {
		return a.corpusError(err)
	}
	defer ix.Close()
	out := &answerer{ix: ix, zh: a.zh, w: a.stdout, stderr: a.stderr, json: *asJSON, top: *top, topics: topicsCommand(ef.corpusDir)}
	if t, ok := terminalOf(a.stdout, a.cfg.NoColor); ok {
		out.term = &t
	}

	if len(words) > 0 {
		return out.answer(ctx, strings.Join(words, " "))
	}
	if isTerminal(a.stdin) && !*asJSON {
		lines, done := terminalLines()
		defer done()
		return out.prompt(ctx, lines)
	}
	q, err := io.ReadAll(io.LimitReader(a.stdin, maxStdinQuestion))
	if err != nil {
		return fmt.Errorf("read question from stdin: %w", err)
	}
	return out.answer(ctx, string(q))
}

// topicsCommand is the command line that lists the sections of the corpus
// in dir: an abstention points there.
func topicsCommand(dir string) string {
	if dir == "" {
		return "startupqa topics"
	}
	return "startupqa topics --corpus " + shellQuote(dir)
}

// shellQuote quotes s for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if s != "" && !strings.ContainsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("/._-+:,@%", r) || r > 0x7f)
	}) {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// answerer searches and prints, as text or JSON.
type answerer struct {
	ix     searcher
	zh     *zh.Converter // answers a traditional question in traditional characters
	w      io.Writer
	stderr io.Writer
	json   bool
	top    int
	topics string    // the command that lists this corpus's sections
	term   *terminal // set when answers go to a terminal
}

func (o *answerer) answer(ctx context.Context, q string) error {
	res, err := o.ix.Search(ctx, q)
	if err != nil {
		return err
	}
	if res.Truncated {
		fmt.Fprintln(o.stderr, tr(res.Query,
			fmt.Sprintf("（问题太长，只用了前 %d 个字符）", index.MaxQueryRunes),
			fmt.Sprintf("(question too long: only its first %d characters were used)", index.MaxQueryRunes)))
	}
	if o.json {
		return writeJSON(o.w, res, o.top)
	}
	out := formatResult(res, o.top, o.topics)
	if o.zh != nil && o.zh.IsTraditional(res.Query) {
		if o.zh.UsesTaiwanWords(res.Query) {
			out = o.zh.TraditionalTaiwan(out)
		} else {
			out = o.zh.Traditional(out)
		}
	}
	if o.term != nil {
		out = o.term.render(out)
	}
	_, err = io.WriteString(o.w, out)
	return err
}

// lineSource reads the lines the prompt answers: a terminal with line
// editing and history, or, in tests, plain text.
type lineSource interface {
	Prompt(prompt string) (string, error) // io.EOF at the end
	AppendHistory(line string)
}

// terminalLines reads lines at a terminal with line editing and a history
// kept between runs (arrow keys, Ctrl-R). Closing it saves the history and
// gives the terminal back.
func terminalLines() (*liner.State, func()) {
	line := liner.NewLiner()
	line.SetCtrlCAborts(true)
	history := historyFile()
	if f, err := os.Open(history); err == nil {
		line.ReadHistory(f)
		f.Close()
	}
	return line, func() {
		if history != "" && os.MkdirAll(filepath.Dir(history), 0o700) == nil {
			if f, err := os.OpenFile(history, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600); err == nil {
				line.WriteHistory(f)
				f.Close()
			}
		}
		line.Close()
	}
}

// prompt answers question after question, until end of input, Ctrl-C or
// "exit".
func (o *answerer) prompt(ctx context.Context, lines lineSource) error {
	fmt.Fprintln(o.w, "输入问题，回车提问；↑↓ 翻看历史；Ctrl-D 或 exit 退出。 Type a question and press Enter; ↑↓ for history; Ctrl-D or exit to quit.")
	for {
		q, err := lines.Prompt("问题> ")
		switch {
		case errors.Is(err, io.EOF), errors.Is(err, liner.ErrPromptAborted):
			fmt.Fprintln(o.w)
			return nil
		case err != nil:
			return fmt.Errorf("read question: %w", err)
		}
		q = strings.TrimSpace(q)
		switch q {
		case "":
			continue
		case "exit", "quit", "退出":
			return nil
		}
		lines.AppendHistory(q)
		if err := o.answer(ctx, q); err != nil {
			return err
		}
		if ctx.Err() != nil {
			return nil
		}
		fmt.Fprintln(o.w)
	}
}

// historyFile is where the prompt keeps its history: the user's cache
// directory; "" when there is none.
func historyFile() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "startupqa", "history")
}

// searcher is what answering needs of the engine.
type searcher interface {
	Search(ctx context.Context, q string) (*index.Result, error)
}

// jsonResult is the documented shape of "ask --json".
type jsonResult struct {
	Query      string      `json:"query"`
	Answered   bool        `json:"answered"`
	Confidence float64     `json:"confidence"`
	Truncated  bool        `json:"truncated,omitempty"`
	Matches    []jsonMatch `json:"matches"`
}

type jsonMatch struct {
	ID    string  `json:"id"`
	Title string  `json:"title"`
	Score float64 `json:"score"`
}

func writeJSON(w io.Writer, res *index.Result, top int) error {
	out := jsonResult{
		Query:      res.Query,
		Answered:   res.Answered,
		Confidence: round(res.Confidence),
		Truncated:  res.Truncated,
		Matches:    []jsonMatch{},
	}
	for i, m := range res.Matches {
		if i == top {
			break
		}
		out.Matches = append(out.Matches, jsonMatch{ID: m.Section.ID, Title: m.Section.Title, Score: round(m.Score)})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func round(f float64) float64 {
	return float64(int64(f*1000+0.5)) / 1000
}

// isTerminal reports whether r, a standard stream, is an interactive
// terminal.
func isTerminal(r any) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	// A character device is not enough: /dev/null is one. A terminal
	// answers the terminal's own ioctl.
	_, err := unix.IoctlGetTermios(int(f.Fd()), unix.TCGETS)
	return err == nil
}

// corpusError prints every problem of an invalid corpus, one per line, and
// returns an error that says how many there were.
func (a *app) corpusError(err error) error {
	ps, ok := corpus.AsProblems(err)
	if !ok {
		return err
	}
	for _, p := range ps {
		fmt.Fprintln(a.stderr, p)
	}
	return fmt.Errorf("corpus is invalid: %d problem(s); run \"startupqa check\" after fixing them", len(ps))
}
