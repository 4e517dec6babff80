package corpus_test

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/startupqa/startupqa/corpus"
)

// FuzzParse checks what holds for any input: Parse does not panic, takes
// time linear in its input, locates every problem on a line of the input
// and returns sections with well-formed, unique ids.
//
//	go test -run='^$' -fuzz=FuzzParse -fuzztime=60s ./corpus
func FuzzParse(f *testing.F) {
	seed, err := os.ReadFile(seedFile)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte(strings.ReplaceAll(string(seed), "\n", "\r\n")))
	for _, s := range []string{
		"",
		"\n",
		"\r\n\r\n",
		"\uFEFF",
		"\uFEFF# 标题\r\n## 1. 节\r\n**题目：** 问？\r\n**答案：** 答。\r\n",
		"##",
		"## ",
		"## 0.",
		"## -1. 负数",
		"## 99999999999999999999. 太大",
		"## 1.\n## 1.\n## 1.",
		"# 甲\n# 乙\n## 1. 节\n# 丙",
		"**题目：** 前言里的标签\n## 1. 节",
		"## 什么是大模型？\n**题目：** 问？\n**答案：** 答。",
		"## 1. 节\n**题目：**\n**答案：**\n**解析：**",
		"## 1. 节\n**题目：** 问\n**答按：** 答\n**anwser:** x\n**注意：** y",
		"## 1. 节\n**题目：** 问\n**答案：**\n- **a：** b\n  - c\n\t- d\n  lazy\n\n  indented\n\n1. e\n1) f\n1、g\n1．h\n+ i\n* j",
		"## 1. 节\n**题目：** 问\n**答案：**\n- **\n- ****\n- **：**\n- **:** x\n-\n- \n1.\n",
		"## 1. 节\n**题目：** \xff\xfe\n**答案：** \xe5\xa4\n",
		"**" + strings.Repeat("长", 30) + "：** x",
		"**" + strings.Repeat("*", 30) + "：** x",
		"## 1. 节\n**题目：** 问\n**答案：**\n" + strings.Repeat("  - x\n", 50),
		"## 1. 节\r**题目：** 问\r**答案：** 答\r",
		// Shapes read since the fifteenth session: an interview write-up
		// with unanswered questions, bracketed numbers, Obsidian's cards
		// and callouts, Setext headings, Yuque's markup.
		"# 面经\n1、自我介绍\n2、为什么？\n因为。\n（3）怎么做？\n这样。\n② 何时？\n现在。\n4、反问",
		"# 卡 #flashcards\n甲？::乙\n丙？:::丁\n\n戊？\n?\n己\n> [!question]- 问？\n> 答\n> [!faq] 再问？\n> 再答",
		"标题\n===\n\n问？\n---\n答。\n\n又问？\n--\n又答。",
		"<a name=\"x\"></a>\n## 1. 节\n:::info\n提示\n:::\n**题目：** 问<br />**答案：** 答<br/>**解析：** 析",
		"## 🔥 1. Q: 问？⭐⭐\n**题目：** 问？（高频）\n**答案：** 答",
		// Editors' markup, read since the sixteenth session.
		"<h2>1. 节</h2>\n<p><strong>题目：</strong>问&nbsp;</p>\n<ol><li>甲</li><li>乙</li></ol>\n<!--\n注\n-->\n%%\n注\n%%\n**答案：** ==重点== <font color=red>红</font> TIME\\_WAIT [x]{.underline}\n##　2. 节 {#id}",
	} {
		f.Add([]byte(s))
	}

	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		art, ps := corpus.Parse("fuzz.md", data)
		// Linear parsing handles 1 MiB in well under a second; allow a
		// generous margin for instrumented fuzzing on a busy machine.
		if d, limit := time.Since(start), time.Second+time.Duration(len(data))*time.Microsecond; d > limit {
			t.Errorf("Parse took %v for %d bytes, over %v", d, len(data), limit)
		}
		if art == nil {
			t.Fatal("Parse returned a nil article")
		}
		if art.Slug != "fuzz" || art.File != "fuzz.md" {
			t.Errorf("Slug %q, File %q; want fuzz, fuzz.md", art.Slug, art.File)
		}
		lines := strings.Count(string(data), "\n") + 1
		for _, p := range ps {
			if p.File != "fuzz.md" || p.Line < 1 || p.Line > lines+1 || p.Message == "" {
				t.Errorf("problem %q: want file fuzz.md, line in [1, %d] and a message", p, lines+1)
			}
		}
		ids := map[string]bool{}
		for _, s := range art.Sections {
			if s.Number <= 0 || s.ID != fmt.Sprintf("%s/%d", art.Slug, s.Number) {
				t.Errorf("section with Number %d has ID %q, want fuzz/<N> with N > 0", s.Number, s.ID)
			}
			if ids[s.ID] {
				t.Errorf("two sections have ID %q", s.ID)
			}
			ids[s.ID] = true
			if s.Line < 1 || s.Line > lines {
				t.Errorf("%s: Line %d, want one of the input's %d lines", s.ID, s.Line, lines)
			}
		}
		// An article without problems is one a reader can use: it has
		// sections, and each has a question and an answer.
		if len(ps) == 0 {
			if len(art.Sections) == 0 && art.Skipped == "" {
				t.Error("no problems, no sections, and not skipped")
			}
			if len(art.Sections) > 0 && art.Skipped != "" {
				t.Errorf("%d sections, but skipped: %s", len(art.Sections), art.Skipped)
			}
			for _, s := range art.Sections {
				if strings.TrimSpace(s.Question) == "" || s.Answer.IsEmpty() {
					t.Errorf("no problems, but %s has Question %q and answer:\n%s", s.ID, s.Question, describe(s.Answer.Blocks))
				}
			}
		}
	})
}
