package corpus_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/startupqa/startupqa/corpus"
)

// TestLookalikes reads notes with text that looks like a shape the parser
// knows (a bare label, an asking chapter, SiYuan's attributes, a one-
// question note, a heading's tag, an escaped number, a numbered list of
// questions) but is not one: each is read as its author wrote it.
func TestLookalikes(t *testing.T) {
	tests := []struct {
		name string
		src  string
		// want lists each section as "title | question | answer"; nil
		// when the file is skipped as holding no questions.
		want []string
	}{
		{
			name: "a problem's statement and solution in bold, with no answer label",
			src: doc("# 算法题解", "## 1. 两数之和", "**题目**", "给定数组和目标值，找出和为目标值的两个数。", "**解析**", "用哈希表。",
				"## 2. 反转链表", "**题目**", "反转单链表。", "**解析**", "三个指针迭代。"),
			want: []string{
				"两数之和 | 两数之和 | **题目**给定数组和目标值，找出和为目标值的两个数。\n**解析**用哈希表。",
				"反转链表 | 反转链表 | **题目**反转单链表。\n**解析**三个指针迭代。",
			},
		},
		{
			name: "答案 in bold twice in prose",
			src: doc("# 心得", "## 1. 开放题怎么答？", "开放题没有标准解。", "**答案** 不重要，思路重要。",
				"## 2. 算法题卡住怎么办？", "先讲暴力解。", "**答案** 写不出来时讲清思路。"),
			want: []string{
				"开放题怎么答？ | 开放题怎么答？ | 开放题没有标准解。\n**答案** 不重要，思路重要。",
				"算法题卡住怎么办？ | 算法题卡住怎么办？ | 先讲暴力解。\n**答案** 写不出来时讲清思路。",
			},
		},
		{
			name: "bare labels alone on their lines",
			src:  doc("# 网络", "## 1. 三次握手", "**题目**", "为什么要三次握手？", "**答案**", "防止失效的连接请求。", "## 2. 四次挥手", "**答案**", "全双工，各自关闭。"),
			want: []string{"三次握手 | 为什么要三次握手？ | 防止失效的连接请求。", "四次挥手 | 四次挥手 | 全双工，各自关闭。"},
		},
		{
			name: "chapters that ask over numbered questions",
			src: doc("# Java", "## 一、基础会问什么？", "### 1. HashMap 的原理", "数组加链表。", "### 2. ArrayList 的扩容", "1.5 倍。",
				"## 二、并发会问什么？", "### 3. volatile 的作用", "可见性。"),
			want: []string{"HashMap 的原理 | HashMap 的原理 | 数组加链表。", "ArrayList 的扩容 | ArrayList 的扩容 | 1.5 倍。", "volatile 的作用 | volatile 的作用 | 可见性。"},
		},
		{
			name: "Python's format spec in code and prose; SiYuan's attributes go",
			src: doc("# Python", "## 1. 右对齐", "**题目：** 如何右对齐？", "**答案：** 用 `'{: >10}'.format(s)`，格式串 {: >10} 表示右对齐。",
				`{: id="20230915101213-abc1234" updated="20230915101213"}`, "`{: id=\"20230915101213-abc1234\"}` 是思源的属性。"),
			want: []string{"右对齐 | 如何右对齐？ | 用 `'{: >10}'.format(s)`，格式串 {: >10} 表示右对齐。\n`{: id=\"20230915101213-abc1234\"}` 是思源的属性。"},
		},
		{
			name: "a reading note whose first line asks",
			src:  doc("# 《原则》读书笔记", "", "一、为什么要读这本书？", "", "朋友推荐。", "", "二、核心观点", "", "极度求真。"),
		},
		{
			name: "a diary that asks more than once",
			src:  doc("# 周末", "", "周末该做什么？", "", "去了图书馆。", "", "明天要不要早起？", "", "没想好。"),
		},
		{
			name: "a topic's note with a follow-up",
			src:  doc("# TCP 三次握手", "", "为什么需要三次握手？", "", "防止失效的请求。", "", "追问：两次不行吗？", "", "不行。"),
			want: []string{"TCP 三次握手 | 为什么需要三次握手？ | 防止失效的请求。\n追问：两次不行吗？\n不行。"},
		},
		{
			name: "marks after a title that are its text",
			src: doc("# C", "## 1. 头文件用 #include", "**题目：** 怎么引入？", "**答案：** 预处理。", "## 2. 主题色 #1e90ff", "**题目：** 什么色？", "**答案：** 蓝。",
				"## 3. 修复 Issue #42", "**题目：** 怎么修？", "**答案：** 加锁。", "## 4. Vue 的 :class 与 :style:", "**题目：** 怎么绑定？", "**答案：** 对象语法。",
				"## 5. 缓存雪崩 #高频 :fire:", "**题目：** 什么是雪崩？", "**答案：** 同时失效。"),
			want: []string{"头文件用 #include | 怎么引入？ | 预处理。", "主题色 #1e90ff | 什么色？ | 蓝。", "修复 Issue #42 | 怎么修？ | 加锁。",
				"Vue 的 :class 与 :style: | 怎么绑定？ | 对象语法。", "缓存雪崩 | 什么是雪崩？ | 同时失效。"},
		},
		{
			name: "a version number escaped in a regular expression's text",
			src:  doc("# 正则", "## 1. 版本号", "**题目：** 怎么匹配？", "**答案：** 写法：", "", `1\.2\.3 用 \d+ 匹配。`, "", `2\. 第二点`),
			want: []string{"版本号 | 怎么匹配？ | 写法：\n1\\.2\\.3 用 \\d+ 匹配。\n第二点"},
		},
		{
			name: "a report's parts numbered in words, some asking",
			src:  doc("# 项目复盘", "", "一、为什么做这个项目？", "", "留存低。", "", "二、项目背景", "", "刚拿到 A 轮。", "", "三、怎么做分层？", "", "按活跃度。"),
		},
		{
			name: "questions numbered in words",
			src:  doc("# 复盘", "", "一、为什么做这个项目？", "", "留存低。", "", "二、怎么做分层？", "", "按活跃度。"),
			want: []string{"为什么做这个项目？ | 为什么做这个项目？ | 留存低。", "怎么做分层？ | 怎么做分层？ | 按活跃度。"},
		},
		{
			name: "headings that open with a time",
			src:  doc("# 面经", "## 10:30 一面", "**题目：** 一面问了什么？", "**答案：** 项目。", "## 14:00 二面", "**题目：** 二面问了什么？", "**答案：** 设计。"),
			want: []string{"10:30 一面 | 一面问了什么？ | 项目。", "14:00 二面 | 二面问了什么？ | 设计。"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			art, ps := corpus.Parse("a.md", []byte(tt.src))
			if len(ps) > 0 {
				t.Fatalf("problems %q", problemLines(ps))
			}
			var got []string
			for _, s := range art.Sections {
				got = append(got, strings.Join([]string{s.Title, s.Question, s.Answer.PlainText()}, " | "))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("sections\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
			if tt.want == nil && art.Skipped == "" {
				t.Errorf("not skipped")
			}
		})
	}
}
