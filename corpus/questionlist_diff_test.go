package corpus_test

import (
	"strings"
	"testing"

	"github.com/startupqa/startupqa/corpus"
)

// Differential regressions: a third review wrote 64 cases of notes as
// study groups write them and read each with the session's first build
// (1b4beee~1) and a later one; these are the notes the first build read
// as meant and the later one read worse. Each test states the intended
// reading. One more is left as it is (see the README): a runbook's
// checklist of numbered questions with indented answers under a topic
// heading is read as a list of questions.

// diffregSection is what a section should read as; empty fields are not
// checked.
type diffregSection struct {
	number    int
	title     string
	question  string
	answerHas []string // substrings of the answer's Markdown
}

func diffregCheck(t *testing.T, file, src string, want []diffregSection) *corpus.Article {
	t.Helper()
	art := parseArticle(t, file, src)
	got := sectionHeads(art)
	if len(art.Sections) != len(want) {
		t.Fatalf("got %d sections %q, want %d", len(art.Sections), got, len(want))
	}
	for i, w := range want {
		s := art.Sections[i]
		if w.number != 0 && s.Number != w.number {
			t.Errorf("section %d: number %d, want %d (sections %q)", i, s.Number, w.number, got)
		}
		if w.title != "" && s.Title != w.title {
			t.Errorf("section %d: title %q, want %q", i, s.Title, w.title)
		}
		if w.question != "" && s.Question != w.question {
			t.Errorf("section %d: question %q, want %q", i, s.Question, w.question)
		}
		md := s.Answer.Markdown()
		for _, sub := range w.answerHas {
			if !strings.Contains(md, sub) {
				t.Errorf("section %d (%s): answer lacks %q:\n%s", i, s.Title, sub, md)
			}
		}
	}
	return art
}

// 1. A problem's approach and code folded under <summary>思路</summary> and
// <summary>代码</summary> right under its heading: the folds are not
// questions, and the problem keeps its number and title.
func TestDiffregFoldedApproachAndCode(t *testing.T) {
	src := doc(
		"# 146. LRU 缓存",
		"",
		"## 146. LRU 缓存",
		"",
		"<details>",
		"<summary>思路</summary>",
		"",
		"哈希表 + 双向链表，最近访问的放表头，满了删表尾。",
		"",
		"</details>",
		"",
		"<details>",
		"<summary>代码</summary>",
		"",
		"```python",
		"class LRUCache: ...",
		"```",
		"",
		"</details>",
	)
	diffregCheck(t, "0146-lru-cache.md", src, []diffregSection{
		{number: 146, title: "LRU 缓存", answerHas: []string{"哈希表 + 双向链表", "class LRUCache"}},
	})
}

// 1b. The same with code folded per language under topic headings.
func TestDiffregFoldedPerLanguage(t *testing.T) {
	src := doc(
		"# 排序算法模板",
		"",
		"## 快速排序",
		"",
		"<details>",
		"<summary>Go</summary>",
		"",
		"```go",
		"func quickSort(a []int, l, r int) {}",
		"```",
		"",
		"</details>",
		"",
		"<details>",
		"<summary>Python</summary>",
		"",
		"```python",
		"def quick_sort(a, l, r): pass",
		"```",
		"",
		"</details>",
	)
	diffregCheck(t, "sort.md", src, []diffregSection{
		{number: 1, title: "快速排序", answerHas: []string{"func quickSort", "def quick_sort"}},
	})
}

// 2. Sections numbered in digits whose 问/答 is followed by a follow-up 问/答
// in most of them: the numbers are the ids (an English companion and
// labelled questions refer to them), and the follow-ups stay in their
// section.
func TestDiffregNumberedSectionsWithFollowUps(t *testing.T) {
	src := doc(
		"# 缓存三大问题",
		"",
		"## 1. 缓存穿透",
		"",
		"问：什么是缓存穿透？",
		"答：查询一个数据库里也不存在的数据，每次都穿过缓存打到数据库。",
		"",
		"问：布隆过滤器误判了怎么办？",
		"答：误判只会把不存在的 key 当成存在，最多多查一次数据库，可以接受。",
		"",
		"## 2. 缓存击穿",
		"",
		"问：什么是缓存击穿？",
		"答：一个热点 key 过期的瞬间，大量并发请求同时打到数据库。",
		"",
		"问：互斥锁和逻辑过期怎么选？",
		"答：互斥锁保证一致性但有等待；逻辑过期性能好但会返回旧数据。",
		"",
		"## 3. 缓存雪崩",
		"",
		"问：什么是缓存雪崩？",
		"答：大量 key 同时过期或者 Redis 宕机，请求全部打到数据库。",
	)
	diffregCheck(t, "cache.md", src, []diffregSection{
		{number: 1, title: "缓存穿透", question: "什么是缓存穿透？", answerHas: []string{"布隆过滤器误判了怎么办？"}},
		{number: 2, title: "缓存击穿", question: "什么是缓存击穿？", answerHas: []string{"互斥锁和逻辑过期怎么选？"}},
		{number: 3, title: "缓存雪崩", question: "什么是缓存雪崩？"},
	})
}

// 3. Bold questions under topic headings where one asks only "怎么解决？":
// that follow-up is no section of its own.
func TestDiffregEllipticalFollowUpStays(t *testing.T) {
	src := doc(
		"# 消息队列常见问题",
		"",
		"## 消息丢失",
		"",
		"**消息可能在哪些环节丢失？**",
		"",
		"生产者发送时网络抖动、broker 刷盘前宕机、消费者处理失败却提交了 offset。",
		"",
		"**怎么解决？**",
		"",
		"生产者开启确认机制，broker 同步刷盘加多副本，消费者处理完再手动提交。",
		"",
		"## 重复消费",
		"",
		"**为什么会重复消费？**",
		"",
		"消费者处理完还没提交 offset 就挂了，重启后会重新拉到这批消息。",
		"",
		"**怎么保证幂等？**",
		"",
		"用业务唯一 ID 做去重表，或者数据库唯一索引、Redis setnx。",
	)
	art, _ := corpus.Parse("mq.md", []byte(src))
	for _, s := range art.Sections {
		if s.Title == "怎么解决？" {
			t.Errorf("section %s is the bare follow-up %q, cut off from what it asks about", s.ID, s.Title)
		}
	}
	diffregCheck(t, "mq.md", src, []diffregSection{
		{title: "消息丢失", answerHas: []string{"怎么解决？", "同步刷盘"}},
		{title: "重复消费", answerHas: []string{"怎么保证幂等？"}},
	})
}

// 4. Sections numbered in Chinese numerals read as those numbered in
// digits: a follow-up 问/答 in one of them stays in it.
func TestDiffregChineseNumberedSectionWithFollowUp(t *testing.T) {
	src := doc(
		"# 操作系统期末复习",
		"",
		"## 一、进程管理",
		"",
		"问：进程和线程有什么区别？",
		"",
		"答：进程是资源分配的基本单位，线程是 CPU 调度的基本单位。",
		"",
		"问：那协程和线程又有什么不同？",
		"",
		"答：协程是用户态的轻量级线程，切换不需要陷入内核。",
		"",
		"## 二、死锁",
		"",
		"问：死锁产生的四个必要条件是什么？",
		"",
		"答：互斥、占有并等待、不可抢占、循环等待。",
		"",
		"## 三、内存管理",
		"",
		"问：分页和分段的区别？",
		"",
		"答：分页是物理划分，页大小固定；分段是逻辑划分，段长可变。",
	)
	diffregCheck(t, "os.md", src, []diffregSection{
		{number: 1, title: "进程管理", question: "进程和线程有什么区别？", answerHas: []string{"那协程和线程又有什么不同？"}},
		{number: 2, title: "死锁", question: "死锁产生的四个必要条件是什么？"},
		{number: 3, title: "内存管理", question: "分页和分段的区别？"},
	})
}

// 5. An English follow-up ("How do you prevent it?") stays with the
// question it refers to.
func TestDiffregEnglishFollowUpStays(t *testing.T) {
	src := doc(
		"# Caching interview prep",
		"",
		"## Cache stampede",
		"",
		"Q: What is a cache stampede?",
		"A: Many requests miss the same expired key at once and all hit the database.",
		"",
		"Q: How do you prevent it?",
		"A: Use a mutex so only one request rebuilds the key, or refresh it early in the background.",
		"",
		"## Write policies",
		"",
		"Q: Write-through vs write-back?",
		"A: Write-through writes cache and store together; write-back writes the cache and flushes later.",
	)
	diffregCheck(t, "caching.md", src, []diffregSection{
		{number: 1, title: "Cache stampede", question: "What is a cache stampede?", answerHas: []string{"How do you prevent it?", "mutex"}},
		{number: 2, title: "Write policies", question: "Write-through vs write-back?"},
	})
}

// 6. Double brackets that are not wiki links, in notes that never use
// any: TOML's [[bin]], bash's [[ ]], pandas' df[['a']], a LeetCode
// example's [[1]].
func TestDiffregLiteralDoubleBrackets(t *testing.T) {
	src := doc(
		"# Rust 学习笔记",
		"",
		"## 1. 一个包多个可执行文件",
		"",
		"**题目：** 一个 Cargo 项目怎么生成多个二进制文件？",
		"",
		"**答案：** 把入口放到 src/bin/ 下，或者在 Cargo.toml 里写多个 [[bin]] 表，指定 name 和 path。",
		"",
		"## 2. 条件判断",
		"",
		"**题目：** Bash 中 [ ] 和 [[ ]] 有什么区别？",
		"",
		"**答案：** [[ ]] 是 bash 的关键字，[ ] 是 test 命令。",
		"",
		"## 3. pandas 取列",
		"",
		"**题目：** pandas 里 df['a'] 和 df[['a']] 有什么区别？",
		"",
		"**答案：** df['a'] 返回 Series，df[['a']] 返回只有一列的 DataFrame。",
		"",
		"## 4. 杨辉三角",
		"",
		"**题目：** 生成杨辉三角的前 numRows 行。例如输入 numRows = 1，输出 [[1]]。",
		"",
		"**答案：** 每一行首尾是 1，中间 row[j] = prev[j-1] + prev[j]。",
	)
	diffregCheck(t, "rust.md", src, []diffregSection{
		{number: 1, answerHas: []string{"多个 [[bin]] 表"}},
		{number: 2, question: "Bash 中 [ ] 和 [[ ]] 有什么区别？", answerHas: []string{"[[ ]] 是 bash 的关键字"}},
		{number: 3, question: "pandas 里 df['a'] 和 df[['a']] 有什么区别？", answerHas: []string{"df[['a']] 返回"}},
		{number: 4, question: "生成杨辉三角的前 numRows 行。例如输入 numRows = 1，输出 [[1]]。"},
	})
}

// 7. Numbered citations written as links, "[[1]](url)", as notes copied
// from Wikipedia or a chatbot carry them.
func TestDiffregCitationLinks(t *testing.T) {
	src := doc(
		"# 大模型基础",
		"",
		"## 1. 注意力机制",
		"",
		"**题目：** Transformer 里的自注意力是怎么计算的？",
		"",
		"**答案：** 计算 softmax(QK^T / √d_k)·V [[1]](https://arxiv.org/abs/1706.03762)。",
		"",
		"- **位置编码：** 后来常用 RoPE [[2]](https://arxiv.org/abs/2104.09864)。",
	)
	diffregCheck(t, "llm.md", src, []diffregSection{
		{number: 1, answerHas: []string{"[[1]](https://arxiv.org/abs/1706.03762)", "[[2]](https://arxiv.org/abs/2104.09864)"}},
	})
}

// 8. A topic's points set as numbered bold lines ("**1. String**") beside
// another topic's bold questions: the points are no questions, and the
// topic stays one section.
func TestDiffregNumberedBoldPointsAreNoQuestions(t *testing.T) {
	src := doc(
		"# Redis 数据结构",
		"",
		"## 五种基本类型",
		"",
		"**1. String**",
		"",
		"底层是 SDS，可以存字符串、整数、二进制，最大 512MB。",
		"",
		"**2. Hash**",
		"",
		"小的时候用 listpack，大了转成 hashtable。",
		"",
		"## 常见追问",
		"",
		"**为什么 String 要用 SDS 而不是 C 字符串？**",
		"",
		"O(1) 获取长度、二进制安全、杜绝缓冲区溢出。",
		"",
		"**ZSet 为什么用跳表不用红黑树？**",
		"",
		"跳表实现简单，范围查询更方便。",
	)
	art, _ := corpus.Parse("redis-types.md", []byte(src))
	for _, s := range art.Sections {
		if s.Title == "String" || s.Title == "Hash" {
			t.Errorf("section %s is the point %q of a topic, as if it were a question", s.ID, s.Title)
		}
	}
	diffregCheck(t, "redis-types.md", src, []diffregSection{
		{number: 1, title: "五种基本类型", answerHas: []string{"**1. String**", "SDS", "listpack"}},
		{number: 2, title: "常见追问"},
	})
}

// 10. A quote whose lines are a numbered list: its items must not run
// into one another ("分配内存2. 初始化对象").
func TestDiffregQuotedListKeepsItemsApart(t *testing.T) {
	src := doc(
		"# 设计模式",
		"",
		"## 1. 单例模式",
		"",
		"**题目：** 双重检查锁的单例为什么要加 volatile？",
		"",
		"**答案：** `instance = new Singleton()` 不是原子操作，分三步：",
		"",
		"> 1. 分配内存",
		"> 2. 初始化对象",
		"> 3. 把 instance 指向内存",
		"",
		"2 和 3 可能被重排序，volatile 禁止了这种重排序。",
	)
	art := diffregCheck(t, "singleton.md", src, []diffregSection{
		{number: 1, answerHas: []string{"1. 分配内存", "初始化对象"}},
	})
	md := art.Sections[0].Answer.Markdown()
	for _, joined := range []string{"分配内存2.", "初始化对象3."} {
		if strings.Contains(md, joined) {
			t.Errorf("the quoted steps run together (%q):\n%s", joined, md)
		}
	}
}
