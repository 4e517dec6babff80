package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/startupqa/startupqa/bot"
)

var update = flag.Bool("update", false, "rewrite golden files")

// runCLI runs the program with args and stdin in dir (the test's working
// directory when ""), and returns stdout, stderr and the exit code.
func runCLI(t *testing.T, stdin string, env map[string]string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	lookup := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
	err := run(context.Background(), args, strings.NewReader(stdin), &out, &errOut, lookup)
	if err != nil && err.Error() != "" { // as main prints it
		fmt.Fprintln(&errOut, "startupqa:", err)
	}
	return out.String(), errOut.String(), exitCode(err)
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (go test -update rewrites it):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestAskGolden(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"ask_zh", []string{"ask", "什么是大模型？"}},
		{"ask_detail", []string{"ask", "--top", "2", "模型解释性差有什么影响"}},
		{"ask_mixed_json", []string{"ask", "LLM 的训练过程", "--json"}},
		{"ask_traditional", []string{"ask", "--top", "1", "大模型的訓練過程是什麼"}},
		{"ask_en", []string{"ask", "--top", "1", "how", "is", "a", "large", "model", "trained"}},
		{"ask_abstain_zh", []string{"ask", "今天天气怎么样"}},
		{"ask_abstain_en", []string{"ask", "how", "do", "I", "cook", "rice"}},
		{"ask_abstain_json", []string{"ask", "--json", "红烧肉怎么做"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runCLI(t, "", nil, tt.args...)
			if code != 0 {
				t.Fatalf("exit %d, stderr: %s", code, errOut)
			}
			golden(t, tt.name, out)
		})
	}
}

func TestAskJSONShape(t *testing.T) {
	out, _, code := runCLI(t, "", nil, "ask", "--json", "--top", "2", "大模型的训练过程")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	var got jsonResult
	if err := dec.Decode(&got); err != nil {
		t.Fatal(err)
	}
	if dec.More() {
		t.Errorf("more than one JSON value in %q", out)
	}
	if !got.Answered || len(got.Matches) != 2 || got.Matches[0].ID != "llm-startup/2" || got.Matches[0].Title != "大模型的训练过程" {
		t.Errorf("got %+v, want answered with llm-startup/2 「大模型的训练过程」 first and 2 matches", got)
	}
}

func TestAskBadInput(t *testing.T) {
	long := "大模型的训练过程" + strings.Repeat("啊", 10000)
	tests := []struct {
		name       string
		stdin      string
		args       []string
		wantOut    string
		wantErr    string
		wantStatus int
	}{
		{"empty arg", "", []string{"ask", "--json", ""}, `"answered":false`, "", 0},
		{"whitespace", "", []string{"ask", "   \t "}, "问题是空的", "", 0},
		{"emoji only", "", []string{"ask", "🤔🤔🚀"}, "没有找到", "", 0},
		{"invalid utf-8", "", []string{"ask", "\xff\xfe大模型\xff的训练过程"}, "大模型的训练过程", "", 0},
		{"too long", "", []string{"ask", long}, "大模型的训练过程", "只用了前 300 个字符", 0},
		{"stdin", "大模型一般有多少参数\n", []string{"ask", "--json"}, `"id":"llm-startup/1"`, "", 0},
		{"bad top", "", []string{"ask", "--top", "0", "x"}, "", "--top must be at least 1", 2},
		{"unknown flag", "", []string{"ask", "--nope", "x"}, "", "flag provided but not defined", 2},
		{"missing corpus", "", []string{"ask", "--corpus", "/does/not/exist", "x"}, "", "", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runCLI(t, tt.stdin, nil, tt.args...)
			if code != tt.wantStatus {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.wantStatus, errOut)
			}
			if !strings.Contains(out, tt.wantOut) {
				t.Errorf("stdout %q does not contain %q", out, tt.wantOut)
			}
			if !strings.Contains(errOut, tt.wantErr) {
				t.Errorf("stderr %q does not contain %q", errOut, tt.wantErr)
			}
		})
	}
}

func TestPrompt(t *testing.T) {
	ix, err := (&app{log: slog.New(slog.DiscardHandler)}).openEngine(context.Background(), &engineFlags{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	var buf bytes.Buffer
	a := &answerer{ix: ix, w: &buf, stderr: &buf, top: 1}
	lines := &scriptedLines{w: &buf, lines: []string{"什么是大模型", "", "LLM 的训练过程", "exit", "大模型的挑战"}}
	if err := a.prompt(context.Background(), lines); err != nil {
		t.Fatal(err)
	}
	got := buf.String()
	for _, want := range []string{"什么是大模型？\n====", "大模型的训练过程\n====", "问题> "} {
		if !strings.Contains(got, want) {
			t.Errorf("prompt output lacks %q", want)
		}
	}
	if strings.Contains(got, "大模型的挑战\n====") {
		t.Error("prompt went on after exit")
	}
	if strings.Join(lines.history, "|") != "什么是大模型|LLM 的训练过程" {
		t.Errorf("history %q, want the questions asked", lines.history)
	}
}

// scriptedLines is a lineSource that types the given lines.
type scriptedLines struct {
	w       io.Writer
	lines   []string
	history []string
}

func (s *scriptedLines) Prompt(p string) (string, error) {
	fmt.Fprint(s.w, p)
	if len(s.lines) == 0 {
		return "", io.EOF
	}
	l := s.lines[0]
	s.lines = s.lines[1:]
	return l, nil
}

func (s *scriptedLines) AppendHistory(l string) { s.history = append(s.history, l) }

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "good.md", "# T\n\n## 1. A\n\n**题目：** q\n\n**答案：** a\n")
	bad := t.TempDir()
	writeFile(t, bad, "a.md", "# T\n\n## 1. A\n\n**题目：** q\n\n## 1. B\n\n**答按：** x\n")
	free := t.TempDir()
	writeFile(t, free, "os.md", "# 操作系统\n\n## 进程\n\n资源分配的单位。\n\n## 线程\n\n调度的单位。\n")

	tests := []struct {
		name     string
		args     []string
		env      map[string]string
		wantOut  string
		wantCode int
	}{
		{"built-in", []string{"check"}, nil, "built-in corpus: ok, 1 article(s), 6 section(s)", 0},
		{"dir", []string{"check", dir}, nil, "ok, 1 article(s), 1 section(s)", 0},
		{"env dir", []string{"check"}, map[string]string{"CORPUS_DIR": dir}, "ok, 1 article(s), 1 section(s)", 0},
		{"bad", []string{"check", bad}, nil, filepath.Join(bad, "a.md") + ":3: section 1 has no 答案 (answer)", 1},
		// How each article was read, when not as labelled, numbered sections.
		{"labelled", []string{"check", dir}, nil, filepath.Join(dir, "good.md") + ": 1 section(s)\n", 0},
		{"free-form", []string{"check", free}, nil, filepath.Join(free, "os.md") + ": 2 section(s), free-form: each heading with text under it is a section, the text its answer; numbered in order", 0},
		{"two dirs", []string{"check", dir, bad}, nil, "", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runCLI(t, "", tt.env, tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.wantCode, errOut)
			}
			if !strings.Contains(out, tt.wantOut) {
				t.Errorf("stdout %q does not contain %q", out, tt.wantOut)
			}
		})
	}
	// Every problem of the broken file is listed, not just the first.
	out, _, _ := runCLI(t, "", nil, "check", bad)
	for _, want := range []string{":7: duplicate section number 1 (first at line 3)", `:9: unknown label "答按": did you mean "答案"?`} {
		if !strings.Contains(out, want) {
			t.Errorf("check output lacks %q:\n%s", want, out)
		}
	}
	// ask refuses an invalid corpus with the same messages.
	_, errOut, code := runCLI(t, "", nil, "ask", "--corpus", bad, "q")
	if code != 1 || !strings.Contains(errOut, "duplicate section number 1") {
		t.Errorf("ask on an invalid corpus: exit %d, stderr %q", code, errOut)
	}
}

func TestIndexDirReused(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	for i := range 2 {
		out, errOut, code := runCLI(t, "", map[string]string{"INDEX_DIR": dir, "LOG_LEVEL": "debug"}, "ask", "--json", "大模型的训练过程")
		if code != 0 || !strings.Contains(out, `"id":"llm-startup/2"`) {
			t.Fatalf("run %d: exit %d, out %q, err %q", i, code, out, errOut)
		}
		want := []string{"rebuilt=true", "rebuilt=false"}[i]
		if !strings.Contains(errOut, want) {
			t.Errorf("run %d: log %q lacks %s", i, errOut, want)
		}
	}
}

func TestEvalCommand(t *testing.T) {
	out, errOut, code := runCLI(t, "", nil, "eval", "../../testdata/eval.jsonl")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"top-1", "offtopic", "all "} {
		if !strings.Contains(out, want) {
			t.Errorf("eval output lacks %q:\n%s", want, out)
		}
	}
}

// TestEvalLibrary: --library asks each corpus's questions of one corpus
// of all the suite's articles, and reports each corpus and the kinds it
// keeps (far off-topic, not near).
func TestEvalLibrary(t *testing.T) {
	suite := t.TempDir()
	for _, c := range []string{"consulting-en", "quant-en"} {
		if err := os.CopyFS(filepath.Join(suite, c), os.DirFS(filepath.Join("../../testdata/corpora", c))); err != nil {
			t.Fatal(err)
		}
	}
	out, errOut, code := runCLI(t, "", nil, "eval", "--library", suite)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"consulting-en ", "quant-en ", "offtopic-far ", "all "} {
		if !strings.Contains(out, want) {
			t.Errorf("eval --library output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "offtopic-near") {
		t.Errorf("eval --library kept near off-topic questions, which another corpus may answer:\n%s", out)
	}
}

// Help that was asked for goes to stdout, so that it can be paged; every
// command has it, help included (issue 14, item 6).
func TestHelpOnStdout(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"help", "ask"}, {"ask", "-h"}, {"help", "check"}, {"help", "help"}, {"eval", "--help"}} {
		out, errOut, code := runCLI(t, "", nil, args...)
		if code != 0 || !strings.Contains(out, "Usage") || errOut != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want the usage on stdout", args, code, out, errOut)
		}
	}
	if out, _, _ := runCLI(t, "", nil, "help", "check"); strings.Contains(out, "Flags:") {
		t.Errorf("help check lists an empty Flags: section:\n%s", out)
	}
	if out, errOut, code := runCLI(t, "", nil, "ask", "--bogus"); code != 2 || out != "" || !strings.Contains(errOut, "Usage") {
		t.Errorf("a bad flag: exit %d, stdout %q, stderr %q; want the usage on stderr", code, out, errOut)
	}
}

func TestUsage(t *testing.T) {
	tests := []struct {
		args     []string
		wantCode int
		wantIn   string
	}{
		{nil, 2, "Usage:"},
		{[]string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{[]string{"help"}, 0, "startupqa ask"},
		{[]string{"--help"}, 0, "startupqa ask"},
		{[]string{"help", "ask"}, 0, "-json"},
		{[]string{"ask", "-h"}, 0, "-top"},
		{[]string{"eval"}, 2, "give one file"},
		{[]string{"version"}, 0, "startupqa "},
		{[]string{"--version"}, 0, "go1."},
		{[]string{"eval", "--split", "train", "x.jsonl"}, 2, "want tune or holdout"},
		{[]string{"eval", "--library", "x.jsonl"}, 2, "needs a suite directory"},
	}
	for _, tt := range tests {
		out, errOut, code := runCLI(t, "", nil, tt.args...)
		if code != tt.wantCode {
			t.Errorf("%v: exit %d, want %d", tt.args, code, tt.wantCode)
		}
		if !strings.Contains(out+errOut, tt.wantIn) {
			t.Errorf("%v: output lacks %q:\n%s%s", tt.args, tt.wantIn, out, errOut)
		}
	}
}

func TestConfigPrecedence(t *testing.T) {
	dir := t.TempDir()
	dotenv := filepath.Join(dir, ".env")
	writeFile(t, dir, ".env", "CORPUS_DIR=/from/dotenv\nINDEX_DIR=/idx/dotenv\nLOG_FORMAT=json\n")
	env := map[string]string{"CORPUS_DIR": "/from/env"}
	cfg, err := loadConfig(func(k string) (string, bool) { v, ok := env[k]; return v, ok }, dotenv)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.CorpusDir != "/from/env" || cfg.IndexDir != "/idx/dotenv" || cfg.LogFormat != "json" {
		t.Errorf("got %+v: want env over .env, .env over defaults", cfg)
	}
	if _, err := loadConfig(func(k string) (string, bool) { return "loud", k == "LOG_LEVEL" }, dotenv); err == nil {
		t.Error("LOG_LEVEL=loud accepted")
	}
	// Empty settings are unset ones (issue 14): every key of
	// .env.example may be left empty.
	empty := func(string) (string, bool) { return "", true }
	cfg, err = loadConfig(empty, filepath.Join(dir, "missing.env"))
	if err != nil {
		t.Fatalf("every setting empty: %v", err)
	}
	if cfg.LogLevel != slog.LevelWarn || cfg.LogFormat != "text" || cfg.Cooldown != 3*time.Second || cfg.DatabasePath != "startupqa.db" {
		t.Errorf("every setting empty gave %+v, want the defaults", cfg)
	}
	for _, tt := range []struct{ key, value, wantIn string }{
		{"LOG_LEVEL", "verbose", "debug, info, warn or error"},
		{"ASK_COOLDOWN_SECONDS", "NaN", "from 0 to 86400"},
		{"ASK_COOLDOWN_SECONDS", "Inf", "from 0 to 86400"},
		{"ASK_COOLDOWN_SECONDS", "1e300", "from 0 to 86400"},
		{"ASK_COOLDOWN_SECONDS", "-1", "from 0 to 86400"},
		{"DATABASE_URL", "mysql://u:pw@h/db", "must be a PostgreSQL URL"},
	} {
		_, err := loadConfig(func(k string) (string, bool) { return tt.value, k == tt.key }, filepath.Join(dir, "missing.env"))
		if err == nil || !strings.Contains(err.Error(), tt.wantIn) {
			t.Errorf("%s=%s: error %v, want one that says %q", tt.key, tt.value, err, tt.wantIn)
		}
		if err != nil && strings.Contains(err.Error(), tt.value) && tt.key == "DATABASE_URL" {
			t.Errorf("DATABASE_URL error %v repeats the URL, password and all", err)
		}
	}
	noEnv := func(string) (string, bool) { return "", false }
	if _, err := loadConfig(noEnv, filepath.Join(dir, "missing.env")); err != nil {
		t.Errorf("a missing .env is an error: %v", err)
	}
}

func writeFile(t *testing.T, dir, name, content string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// section shows one section by id or number, as /section does; an
// abstention on another corpus points at that corpus's topics (issue 14,
// item 5).
func TestSectionCommand(t *testing.T) {
	for _, tt := range []struct {
		args   []string
		code   int
		wantIn string
	}{
		{[]string{"section", "3"}, 0, "大模型的挑战"},
		{[]string{"section", "llm-startup/2"}, 0, "反向传播"},
		{[]string{"section", "--en", "3"}, 0, "Challenges of Large Models"},
		{[]string{"section", "--corpus", "../../testdata/corpora/quant-en", "probability-stats/1"}, 0, "Question: "},
		{[]string{"section", "99"}, 1, `no section "99"; startupqa topics lists them`},
		{[]string{"section"}, 2, "give one section"},
	} {
		out, errOut, code := runCLI(t, "", nil, tt.args...)
		if code != tt.code || !strings.Contains(out+errOut, tt.wantIn) {
			t.Errorf("%v: exit %d, output %q%q; want exit %d and %q", tt.args, code, out, errOut, tt.code, tt.wantIn)
		}
	}
	dir := t.TempDir()
	writeFile(t, dir, "notes.md", "# 笔记\n\n## 1. 向量数据库\n\n**题目：** 什么是向量数据库？\n\n**答案：** 存储嵌入向量的数据库。\n")
	out, _, _ := runCLI(t, "", nil, "ask", "--corpus", dir, "红烧肉怎么做")
	if !strings.Contains(out, "startupqa topics --corpus "+dir) {
		t.Errorf("an abstention on --corpus does not point at its topics:\n%s", out)
	}
}

// /dev/null is a character device but no terminal: ask < /dev/null must
// not prompt (issue 14, item 8).
func TestDevNullIsNoTerminal(t *testing.T) {
	f, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if isTerminal(f) {
		t.Error("isTerminal(/dev/null) = true")
	}
}

// section labels English notes in English, and Chinese notes under an
// English title in Chinese.
func TestSectionLabelsByLanguage(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "java.md", "# Java\n\n## 1. HashMap vs ConcurrentHashMap\n\n**答案：** 后者线程安全，前者不是；后者分段加锁。\n")
	writeFile(t, dir, "ml.md", "# ML\n\n## 1. Overfitting\n\n**Answer:** The model fits noise (过拟合) and fails on new data.\n")
	for id, want := range map[string]string{"java/1": "答案：", "ml/1": "Answer:"} {
		out, errOut, code := runCLI(t, "", nil, "section", "--corpus", dir, id)
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("section %s: exit %d, want %q in:\n%s%s", id, code, want, out, errOut)
		}
	}
}

// topics aligns its columns by display width: a slug from a Chinese file
// name takes two columns a character (issue 14, item 10); a question of
// two lines takes one.
func TestTopicsAlignsCJK(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "学习笔记.md", "# 笔记\n\n## 1. 向量数据库\n\n**题目：** 什么是向量数据库？\n\n**答案：** 存储嵌入向量。\n")
	writeFile(t, dir, "notes.md", "# Notes\n\n## 1. 提示工程\n\n**题目：** 什么是提示工程？<br>举例说明。\n\n**答案：** 设计提示。\n")
	out, errOut, code := runCLI(t, "", nil, "topics", "--corpus", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var cols []int
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		id, rest, _ := strings.Cut(line, " ")
		cols = append(cols, displayWidth(id)+len(rest)-len(strings.TrimLeft(rest, " ")))
	}
	if len(cols) != 2 || cols[0] != cols[1] {
		t.Errorf("titles start at columns %v, want one column:\n%s", cols, out)
	}
}

// The README's synopsis names every flag each command has: it is checked
// against the flags themselves, as help prints them.
func TestReadmeSynopsisNamesEveryFlag(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	synopsis := map[string]string{} // command → its synopsis lines
	inBlock := false
	for _, line := range strings.Split(string(readme), "\n") {
		switch {
		case line == "```text":
			inBlock = true
		case line == "```":
			inBlock = false
		case inBlock && strings.HasPrefix(line, "startupqa "):
			if f := strings.Fields(line); len(f) > 1 {
				synopsis[f[1]] += line + "\n"
			}
		}
	}
	for _, cmd := range []string{"ask", "check", "topics", "section", "eval", "grade", "challenge", "serve", "unanswered", "healthcheck"} {
		out, _, code := runCLI(t, "", nil, "help", cmd)
		if code != 0 {
			t.Fatalf("help %s: exit %d", cmd, code)
		}
		if synopsis[cmd] == "" {
			t.Errorf("the README's synopsis lacks %s", cmd)
			continue
		}
		for _, line := range strings.Split(out, "\n") {
			f := strings.Fields(line)
			if len(f) == 0 || !strings.HasPrefix(line, "  -") {
				continue
			}
			name := strings.TrimLeft(f[0], "-")
			if !strings.Contains(synopsis[cmd], "-"+name+" ") && !strings.Contains(synopsis[cmd], "-"+name+"]") {
				t.Errorf("the README's synopsis of %s lacks -%s:\n%s", cmd, name, synopsis[cmd])
			}
		}
	}
}

func TestParseShards(t *testing.T) {
	for _, tt := range []struct {
		count, ids string
		n          int
		want       []int
		errIn      string
	}{
		{"", "", 0, nil, ""},
		{"4", "", 4, nil, ""},
		{"auto", "", bot.AutoShards, nil, ""},
		{"AUTO", "0-1", bot.AutoShards, []int{0, 1}, ""},
		{"8", "0-3", 8, []int{0, 1, 2, 3}, ""},
		{"8", "6, 4,5,4", 8, []int{4, 5, 6}, ""},
		{"8", "0-1,6-7", 8, []int{0, 1, 6, 7}, ""},
		{"0", "", 0, nil, "from 1 to 4096"},
		{"many", "", 0, nil, "want auto or a number"},
		{"", "0-1", 0, nil, "needs SHARD_COUNT"},
		{"2", "1-2", 0, nil, "shards 0 to 1"},
		{"4", "3-1", 0, nil, "ids and ranges"},
		{"4", "a", 0, nil, "ids and ranges"},
		{"4", "-1", 0, nil, "ids and ranges"},
	} {
		n, ids, err := parseShards(tt.count, tt.ids)
		if tt.errIn != "" {
			if err == nil || !strings.Contains(err.Error(), tt.errIn) {
				t.Errorf("parseShards(%q, %q) error %v, want one saying %q", tt.count, tt.ids, err, tt.errIn)
			}
			continue
		}
		if err != nil || n != tt.n || !slices.Equal(ids, tt.want) {
			t.Errorf("parseShards(%q, %q) = %d, %v, %v; want %d, %v", tt.count, tt.ids, n, ids, err, tt.n, tt.want)
		}
	}
}
