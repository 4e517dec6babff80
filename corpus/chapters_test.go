package corpus_test

import (
	"slices"
	"testing"
	"testing/fstest"

	"github.com/startupqa/startupqa/corpus"
)

// TestChapters checks which chapter each section sits under, and that only
// notes whose titles repeat under two chapters (aspects of topics) carry
// the chapter in their titles.
func TestChapters(t *testing.T) {
	tests := []struct {
		name string
		src  string
		// want lists each section as "chapter | title | question".
		want []string
	}{{
		name: "aspects of topics",
		src: doc("# Redis 笔记", "",
			"## 缓存穿透", "", "### 是什么", "", "查不存在的数据，请求打到数据库。", "",
			"### 怎么解决", "", "布隆过滤器，缓存空值。", "",
			"## 缓存雪崩", "", "### 是什么", "", "大量 key 同时过期。", "",
			"### 怎么解决", "", "过期时间加随机值。"),
		want: []string{
			"缓存穿透 | 缓存穿透 › 是什么 | 缓存穿透 › 是什么",
			"缓存穿透 | 缓存穿透 › 怎么解决 | 缓存穿透 › 怎么解决",
			"缓存雪崩 | 缓存雪崩 › 是什么 | 缓存雪崩 › 是什么",
			"缓存雪崩 | 缓存雪崩 › 怎么解决 | 缓存雪崩 › 怎么解决",
		},
	}, {
		name: "chapters that group sections keep their titles",
		src: doc("# Java 笔记", "",
			"## 一、集合", "", "### HashMap 的结构", "", "数组加链表。", "",
			"## 二、并发", "", "### volatile 的作用", "", "可见性与禁止重排。"),
		want: []string{
			"一、集合 | HashMap 的结构 | HashMap 的结构",
			"二、并发 | volatile 的作用 | volatile 的作用",
		},
	}, {
		name: "a deeper chapter ends at its parent's next chapter",
		src: doc("# 笔记", "",
			"## 网络", "", "### TCP", "", "#### 握手", "", "三次。", "",
			"## 存储", "", "#### 索引", "", "B+ 树。"),
		want: []string{
			"TCP | 握手 | 握手",
			"存储 | 索引 | 索引",
		},
	}, {
		name: "labelled sections under a numbered chapter",
		src: doc("# 面试题", "",
			"## 1.2 基础", "",
			"### 1. 什么是进程", "", "**答案：** 资源分配的单位。", "",
			"### 2. 什么是线程", "", "**答案：** 调度的单位。"),
		want: []string{
			"基础 | 什么是进程 | 什么是进程",
			"基础 | 什么是线程 | 什么是线程",
		},
	}, {
		name: "sections without chapters",
		src:  doc("# 笔记", "", "## 1. 进程", "", "**题目：** 什么是进程？", "", "**答案：** 资源分配的单位。"),
		want: []string{" | 进程 | 什么是进程？"},
	}, {
		name: "free-form notes whose chapters are \"# \" headings, the first one too",
		src: doc("# 缓存穿透", "",
			"## 是什么", "", "查不存在的数据。", "",
			"## 怎么解决", "", "布隆过滤器。", "",
			"# 缓存雪崩", "",
			"## 是什么", "", "大量 key 同时过期。", "",
			"## 怎么解决", "", "随机过期。"),
		want: []string{
			"缓存穿透 | 缓存穿透 › 是什么 | 缓存穿透 › 是什么",
			"缓存穿透 | 缓存穿透 › 怎么解决 | 缓存穿透 › 怎么解决",
			"缓存雪崩 | 缓存雪崩 › 是什么 | 缓存雪崩 › 是什么",
			"缓存雪崩 | 缓存雪崩 › 怎么解决 | 缓存雪崩 › 怎么解决",
		},
	}, {
		name: "a heading beside a table of questions sits under no chapter",
		src: doc("# 缓存", "",
			"## 缓存穿透", "", "| 问题 | 答案 |", "|---|---|",
			"| 什么是缓存穿透 | 查询不存在的数据 |", "| 怎么解决 | 布隆过滤器 |", "",
			"## 缓存雪崩", "", "大量 key 同时过期。"),
		want: []string{
			"缓存穿透 | 什么是缓存穿透 | 什么是缓存穿透",
			"缓存穿透 | 怎么解决 | 怎么解决",
			" | 缓存雪崩 | 缓存雪崩",
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			art := parseArticle(t, "a.md", tt.src)
			var got []string
			for _, s := range art.Sections {
				got = append(got, s.Chapter+" | "+s.Title+" | "+s.Question)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("sections:\n\t%q\nwant:\n\t%q", got, tt.want)
			}
		})
	}
}

// A translation that covers only some of an article's aspects repeats no
// title under two chapters itself, but its sections are aspects as the
// original's are, and its titles carry their chapter too.
func TestCompanionTitlesFollowTheOriginal(t *testing.T) {
	zh := doc("# Redis", "",
		"## 缓存穿透", "",
		"### 1. 是什么", "", "**答案：** 查不存在的数据。", "",
		"### 2. 怎么解决", "", "**答案：** 布隆过滤器。", "",
		"## 缓存雪崩", "",
		"### 3. 是什么", "", "**答案：** 大量 key 同时过期。", "",
		"### 4. 怎么解决", "", "**答案：** 随机过期。")
	en := doc("# Redis", "",
		"## Cache penetration", "",
		"### 1. What is it", "", "**Answer:** Reads of data that does not exist.", "",
		"### 2. How to fix it", "", "**Answer:** A Bloom filter.")
	c, err := corpus.Load(fstest.MapFS{"r.md": {Data: []byte(zh)}, "r.en.md": {Data: []byte(en)}}, "x")
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]string{"r/1": "Cache penetration › What is it", "r/2": "Cache penetration › How to fix it"} {
		s, ok := c.Section(id)
		if !ok {
			t.Fatalf("no section %s", id)
		}
		if got := s.In("en").Title; got != want {
			t.Errorf("%s: English title %q, want %q (original %q)", id, got, want, s.Title)
		}
	}
}
