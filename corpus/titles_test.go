package corpus_test

import (
	"slices"
	"testing"
)

// TestQuestionNumbersLeaveTitles: the number a heading gives its question
// ("Q1.", "第1题") is not part of its title, and a heading that is nothing
// else takes its question as the title.
func TestQuestionNumbersLeaveTitles(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // "title | question"
	}{{
		name: "Q numbers",
		src: doc("# ML", "## Q1. Bias vs variance", "**Question:** What is the tradeoff?", "**Answer:** Less of one, more of the other.",
			"## Q2：Overfitting", "**Question:** How do you spot it?", "**Answer:** Validation loss rises."),
		want: []string{"Bias vs variance | What is the tradeoff?", "Overfitting | How do you spot it?"},
	}, {
		name: "headings that are only a number",
		src: doc("# 网络", "### 第1题", "**题目：** TCP 三次握手的过程是什么？", "**答案：** SYN，SYN-ACK，ACK。",
			"### 第二题", "**题目：** TCP 和 UDP 的区别？", "**答案：** 连接与否。"),
		want: []string{"TCP 三次握手的过程是什么？ | TCP 三次握手的过程是什么？", "TCP 和 UDP 的区别？ | TCP 和 UDP 的区别？"},
	}, {
		name: "剑指 Offer's numbers",
		src:  doc("# 剑指 Offer", "## 面试题 3：数组中重复的数字", "**答案：** 原地交换。", "## 面试题 5：替换空格", "**答案：** 从后往前。"),
		want: []string{"数组中重复的数字 | 数组中重复的数字", "替换空格 | 替换空格"},
	}, {
		name: "questions asked in the heading",
		src:  doc("# 题库", "## 问题1：什么是进程？", "**答案：** 资源分配的单位。"),
		want: []string{"什么是进程？ | 什么是进程？"},
	}, {
		name: "titles that start like one stay",
		src: doc("# 财报", "## Q3营收", "**题目：** 三季度营收多少？", "**答案：** 一百亿。",
			"## Q4 2024 earnings", "**题目：** 四季度呢？", "**答案：** 两百亿。",
			"## 第一题与第二题的区别", "**题目：** 有何不同？", "**答案：** 难度。",
			"## 第一问题解析", "**题目：** 怎么解？", "**答案：** 拆开。"),
		want: []string{"Q3营收 | 三季度营收多少？", "Q4 2024 earnings | 四季度呢？", "第一题与第二题的区别 | 有何不同？", "第一问题解析 | 怎么解？"},
	}, {
		name: "a space after the number",
		src: doc("# 面试", "## Q1 What is overfitting?", "**答案：** Fitting noise.",
			"## 问题2 什么是线程？", "**答案：** 调度的单位。", "## 第3题什么是进程？", "**答案：** 资源分配的单位。"),
		want: []string{"What is overfitting? | What is overfitting?", "什么是线程？ | 什么是线程？", "什么是进程？ | 什么是进程？"},
	}, {
		name: "an outline's full-width numbers",
		src: doc("# 操作系统", "## １．１ 进程", "**题目：** 进程是什么？", "**答案：** 资源分配的单位。",
			"## １．２ 线程", "**题目：** 线程是什么？", "**答案：** 调度的单位。"),
		want: []string{"进程 | 进程是什么？", "线程 | 线程是什么？"},
	}, {
		name: "free-form headings that link to their source",
		src:  doc("# Go", "## [什么是 goroutine？](https://go.dev/doc/effective_go#goroutines)", "轻量级线程。"),
		want: []string{"什么是 goroutine？ | 什么是 goroutine？"},
	}, {
		name: "numbered headings with links",
		src: doc("# Go", "## 2. [channel](https://go.dev/ref/spec) 的缓冲", "**题目：** 有缓冲和无缓冲的区别？", "**答案：** 是否同步。",
			"## 3. [Go](https://en.wikipedia.org/wiki/Go_(programming_language)) 的特点", "**题目：** 有何特点？", "**答案：** 简单。",
			"## 4. [Rust](https://rust-lang.org \"官网\") 与 ![logo](x.png) Go", "**题目：** 比较？", "**答案：** 各有所长。"),
		want: []string{"channel 的缓冲 | 有缓冲和无缓冲的区别？", "Go 的特点 | 有何特点？", "Rust 与 logo Go | 比较？"},
	}, {
		name: "a numbered heading with a question number too",
		src:  doc("# 内存", "## 2. Q2：页面置换算法", "**题目：** 有哪些？", "**答案：** FIFO、LRU。"),
		want: []string{"页面置换算法 | 有哪些？"},
	}, {
		name: "tags after a title",
		src: doc("# MySQL", "## 1. 事务的四大特性是什么？（高频）", "**答案：** ACID。",
			"## 2. MVCC 是怎么实现的？⭐⭐⭐", "**答案：** 版本链。", "## 3. 间隙锁【必考】 ⭐", "**答案：** 防幻读。",
			"## 4. 难（中）", "**答案：** 中。", "## 5. ⭐", "**答案：** 星。", "## 6. 回表⭐️⭐️", "**答案：** 查两次。",
			"## 7. ![](logo.png) Redis 持久化", "**答案：** RDB 与 AOF。"),
		want: []string{"事务的四大特性是什么？ | 事务的四大特性是什么？", "MVCC 是怎么实现的？ | MVCC 是怎么实现的？",
			"间隙锁 | 间隙锁", "难 | 难", "⭐ | ⭐", "回表 | 回表", "Redis 持久化 | Redis 持久化"},
	}, {
		name: "tags after a labelled question",
		src:  doc("# JS", "## 1. 闭包", "**题目：** 什么是闭包？⭐⭐⭐", "**答案：** 函数和它的作用域。", "## 2. 事件循环", "**题目：** 说一下事件循环（高频）", "**答案：** 宏任务、微任务。"),
		want: []string{"闭包 | 什么是闭包？", "事件循环 | 说一下事件循环"},
	}, {
		name: "第N题 then a space",
		src:  doc("# 网络", "### 第3题 TCP 握手", "**题目：** 为什么三次？", "**答案：** 确认收发。"),
		want: []string{"TCP 握手 | 为什么三次？"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range parseArticle(t, "a.md", tt.src).Sections {
				got = append(got, s.Title+" | "+s.Question)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("sections %q, want %q", got, tt.want)
			}
		})
	}
}

// TestTitlesThatOpenWithANumber: one heading whose title opens with what
// looks like a question number keeps it; numbers without a separator leave
// titles only where the article's headings number their questions so.
func TestTitlesThatOpenWithANumber(t *testing.T) {
	for _, title := range []string{"第1题与第2题的区别", "问 3 个线程交替打印", "题目 1 的解法", "Card 2 的作用", "Q3 营收分析", "Q4 2024 earnings"} {
		src := doc("# 笔记", "## 1. "+title, "**题目：** 问？", "**答案：** 答。", "## 2. 别的", "**题目：** 又问？", "**答案：** 又答。")
		if got := parseArticle(t, "a.md", src).Sections[0].Title; got != title {
			t.Errorf("title %q, want %q", got, title)
		}
	}
}

// TestFrontMatterTitle titles a blog post by its front matter when no
// heading does, in YAML or TOML; a heading wins.
func TestFrontMatterTitle(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"YAML", doc("---", `title: "Go 面试题汇总（一）"`, "tags:", "  - Go", "---", "## 1. 什么是 goroutine？", "轻量级线程。"), "Go 面试题汇总（一）"},
		{"TOML", doc("+++", `title = "Kubernetes 面试题"`, "+++", "## 1. 什么是 Pod？", "最小调度单元。"), "Kubernetes 面试题"},
		{"a heading", doc("---", "title: 旧标题", "---", "# Go 面试", "## 1. 什么是 goroutine？", "轻量级线程。"), "Go 面试"},
		{"no front matter", doc("## 1. 什么是 goroutine？", "title: 不是标题", "轻量级线程。"), "post"},
		{"folded", doc("---", "title: >-", "  MySQL 面试题", "---", "## 1. 什么是回表？", "再查一次。"), "MySQL 面试题"},
		{"quoted, with a comment", doc("---", `title: "MySQL 面试题" # TODO`, "---", "## 1. 什么是回表？", "再查一次。"), "MySQL 面试题"},
		{"a comment, unquoted", doc("---", "title: MySQL 面试题 # 草稿", "---", "## 1. 什么是回表？", "再查一次。"), "MySQL 面试题"},
		{"a nested title", doc("---", "seo:", "  title: 搜索标题", "title: MySQL 面试题", "---", "## 1. 什么是回表？", "再查一次。"), "MySQL 面试题"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := parseArticle(t, "post.md", tt.src).Title; got != tt.want {
				t.Errorf("title %q, want %q", got, tt.want)
			}
		})
	}
}

// TestHeadingsNumberedInBrackets reads the numbers notes put in brackets
// or after "No." as the sections' (they were problems: "section heading
// without a number"), and one style mixed with another.
func TestHeadingsNumberedInBrackets(t *testing.T) {
	src := doc("# 微服务", "## 1. 什么是限流？", "**题目：** 什么是限流？", "**答案：** 控制速率。",
		"## (2) 什么是熔断？", "**题目：** 什么是熔断？", "**答案：** 快速失败。",
		"## （3）什么是重试？", "**题目：** 什么是重试？", "**答案：** 再试一次。",
		"## 【4】什么是降级？", "**题目：** 什么是降级？", "**答案：** 保核心。",
		"## No.5 什么是灰度发布？", "**题目：** 什么是灰度发布？", "**答案：** 逐步放量。")
	art := parseArticle(t, "ms.md", src)
	want := []string{"ms/1 | 什么是限流？", "ms/2 | 什么是熔断？", "ms/3 | 什么是重试？", "ms/4 | 什么是降级？", "ms/5 | 什么是灰度发布？"}
	if got := sectionHeads(art); !slices.Equal(got, want) {
		t.Errorf("sections\n%q\nwant\n%q", got, want)
	}
}
