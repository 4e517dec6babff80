package corpus_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/startupqa/startupqa/corpus"
)

// TestFlashCards: notes of flash cards (正面, then 背面) read each card as a
// question and its answer; 正面 and 背面 elsewhere are words.
func TestFlashCards(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // "title | question | answer"
	}{{
		name: "cards exported from Anki",
		src: doc("# 网络卡片", "", "## 卡片 1", "", "正面：HTTP 和 HTTPS 的区别？", "", "背面：HTTPS 加了 TLS。", "",
			"## 卡片 2", "", "正面：DNS 解析过程？", "", "背面：逐级查询。"),
		want: []string{"HTTP 和 HTTPS 的区别？ | HTTP 和 HTTPS 的区别？ | HTTPS 加了 TLS。", "DNS 解析过程？ | DNS 解析过程？ | 逐级查询。"},
	}, {
		name: "English cards",
		src: doc("# Cards", "", "## Card 1", "", "Front: What is TLS?", "", "Back: Transport security.", "",
			"## Card 2", "", "Front: What is DNS?", "", "Back: Name resolution."),
		want: []string{"What is TLS? | What is TLS? | Transport security.", "What is DNS? | What is DNS? | Name resolution."},
	}, {
		name: "sides inside answers",
		src: doc("# 概率", "", "## 1. 硬币", "", "**题目：** 各面的概率？", "", "**答案：**", "", "正面：1/2", "", "背面：1/2", "",
			"## 2. 偏币", "", "**题目：** 偏币呢？", "", "**答案：**", "", "正面：2/3", "", "背面：1/3"),
		want: []string{"硬币 | 各面的概率？ | 正面：1/2\n背面：1/2", "偏币 | 偏币呢？ | 正面：2/3\n背面：1/3"},
	}, {
		name: "a coin's two faces",
		src:  doc("# 硬币", "", "## 硬币的两面", "", "正面：国徽。", "", "背面：面值。", "", "## 纸币", "", "印有防伪线。"),
		want: []string{"硬币的两面 | 硬币的两面 | 正面：国徽。\n背面：面值。", "纸币 | 纸币 | 印有防伪线。"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range parseArticle(t, "a.md", tt.src).Sections {
				got = append(got, s.Title+" | "+s.Question+" | "+s.Answer.PlainText())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("sections %q, want %q", got, tt.want)
			}
		})
	}
}

// TestInlineQuestionAndAnswer: a question and its answer typed on one line
// are read as two; problems point at the file's own lines.
func TestInlineQuestionAndAnswer(t *testing.T) {
	src := doc("# Python", "", "## 1. 列表与元组", "", "Q：列表和元组有什么区别？ A：列表可变，元组不可变。", "",
		"## 2. GIL", "", "**问：** 什么是 GIL？ **答：** 全局解释器锁。")
	var got []string
	for _, s := range parseArticle(t, "a.md", src).Sections {
		got = append(got, s.Question+" | "+s.Answer.PlainText())
	}
	want := []string{"列表和元组有什么区别？ | 列表可变，元组不可变。", "什么是 GIL？ | 全局解释器锁。"}
	if !slices.Equal(got, want) {
		t.Errorf("sections %q, want %q", got, want)
	}

	// Bold labels of every field on one line, after a space or Yuque's
	// <br />, each begin a line; a bold one-letter choice does not.
	src = doc("# 产品", "## 1. MVP", "**题目：** 解释 MVP。 **答案：** 最小可行产品。", "## 2. PMF",
		"**题目：** 什么是 PMF<br />**答案：** 产品与市场匹配。<br/>**解析：** 先有留存，再谈增长。",
		"## 3. 选择", "**题目：** 哪个是北极星指标？ **A：** 日活 **B：** 预订晚数", "**答案：** B")
	got = nil
	for _, s := range parseArticle(t, "a.md", src).Sections {
		got = append(got, s.Question+" | "+s.Answer.PlainText()+" | "+s.Analysis)
	}
	want = []string{"解释 MVP。 | 最小可行产品。 | ", "什么是 PMF | 产品与市场匹配。 | 先有留存，再谈增长。", "哪个是北极星指标？ **A：** 日活 **B：** 预订晚数 | B | "}
	if !slices.Equal(got, want) {
		t.Errorf("sections\n%q\nwant\n%q", got, want)
	}

	// Bold words of an answer that are also labels stay in it: with the
	// colon after the bold, or a field again or out of order.
	src = doc("# 面试", "## 1. STAR", "**题目：** 如何回答行为面试题？", "**答案：** 用 STAR 法：**分析**：先理解情境；**回答**：给出行动。",
		"## 2. 数据分析", "**题目：** 什么是数据分析？", "**答案：** 分两步。<br />**分析：** 建模；<br />**解释：** 讲清结论。<br />**题目：** 不是新题。")
	got = nil
	for _, s := range parseArticle(t, "a.md", src).Sections {
		got = append(got, s.Answer.PlainText()+" | "+s.Analysis)
	}
	want = []string{"用 STAR 法：**分析**：先理解情境；**回答**：给出行动。 | ", "分两步。 | 建模；\n**解释：** 讲清结论。\n**题目：** 不是新题。"}
	if !slices.Equal(got, want) {
		t.Errorf("sections\n%q\nwant\n%q", got, want)
	}

	// An exchange quoted in free-form prose, and a choice, stay.
	for _, src := range []string{
		doc("# Networking", "## TCP handshake", "The handshake takes three steps. A classic exchange:", "Q: Why not two? A: The server must know its SYN arrived.", "## UDP", "UDP has no handshake."),
		doc("# 进程", "## 1. 进程", "题目：下列哪个是进程间通信方式？ A：管道 B：线程 C：栈", "答案：A"),
	} {
		art := parseArticle(t, "a.md", src)
		if s := art.Sections[0]; !strings.Contains(s.Question+s.Answer.PlainText(), "A：管道 B：线程") && !strings.Contains(s.Answer.PlainText(), "Q: Why not two? A: The server") {
			t.Errorf("question %q, answer %q: the line was split", s.Question, s.Answer.PlainText())
		}
	}

	// A line split in two still counts as one for the lines after it.
	bad := doc("# Python", "", "## 1. 列表", "", "Q：区别？ A：可变。", "", "## 2. 元组", "", "Q：为什么？")
	_, ps := corpus.Parse("a.md", []byte(bad))
	if got := problemLines(ps); len(got) != 1 || !strings.HasPrefix(got[0], "a.md:7:") {
		t.Errorf("problems %q, want one at a.md:7", got)
	}
}
