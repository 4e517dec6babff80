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
		name: "labelled notes whose chapters are \"# \" headings",
		src: doc("# 面试笔记", "",
			"# 第一部分 网络", "",
			"## 1. 握手", "", "**题目：** TCP 为什么三次握手？", "", "**答案：** 确认收发能力。", "",
			"# 第二部分 数据库", "",
			"## 2. 索引", "", "**题目：** 为什么用 B+ 树？", "", "**答案：** 层数低。"),
		want: []string{
			"第一部分 网络 | 握手 | TCP 为什么三次握手？",
			"第二部分 数据库 | 索引 | 为什么用 B+ 树？",
		},
	}, {
		name: "an indented \"# \" or \"## \" line is text, not a chapter or a section",
		src: doc("# 运维笔记", "", "## 1. 怎么装 Nginx？", "", "**答案：** 在 Ubuntu 上：", "",
			"    # 更新软件源", "    sudo apt-get update", "", "装好后启动。", "",
			"## 2. 怎么看端口？", "", "**答案：** 用 ss -lntp。", "",
			"- 看监听", "  # 不是章", "", "## 3. 怎么看日志？", "", "**答案：** journalctl。", "",
			"    ## 不是节", "    journalctl -u nginx", "",
			"- 看输出", "", " ## 4. 怎么看进程？", "", "**答案：** ps。"),
		want: []string{" | 怎么装 Nginx？ | 怎么装 Nginx？", " | 怎么看端口？ | 怎么看端口？", " | 怎么看日志？ | 怎么看日志？", " | 怎么看进程？ | 怎么看进程？"},
	}, {
		name: "a second \"# \" heading before any section is the first chapter",
		src:  doc("# 甲", "# 乙", "## 1. 节", "**题目：** 问？", "**答案：** 答。"),
		want: []string{"乙 | 节 | 问？"},
	}, {
		name: "\"# \" headings after sections with no title above them",
		src: doc("## 1. 节", "**题目：** 问？", "**答案：** 答。",
			"# 乙", "## 2. 又一节", "**题目：** 又问？", "**答案：** 又答。"),
		want: []string{" | 节 | 问？", "乙 | 又一节 | 又问？"},
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

// TestChaptersNumberedOnTheirOwn: notes that number each chapter's
// sections from 1 are numbered by position, so that no section is lost as
// a duplicate and every ID is its own.
func TestChaptersNumberedOnTheirOwn(t *testing.T) {
	tests := []struct {
		name, file, src string
		want            []string // "id chapter title"
	}{{
		name: "\"# \" chapters",
		file: "notes.md",
		src: doc("# 面试笔记", "",
			"# 网络", "",
			"## 1. UDP", "", "**题目：** UDP 是什么？", "", "**答案：** 无连接的协议。", "",
			"## 2. HTTP", "", "**题目：** HTTP 是什么？", "", "**答案：** 超文本传输协议。", "",
			"# 系统", "",
			"## 1. 进程", "", "**题目：** 进程是什么？", "", "**答案：** 资源分配的单位。", "",
			"## 2. 内存", "", "**题目：** 虚拟内存是什么？", "", "**答案：** 独立的地址空间。"),
		want: []string{"notes/1 网络 UDP", "notes/2 网络 HTTP", "notes/3 系统 进程", "notes/4 系统 内存"},
	}, {
		name: "\"## \" chapters over \"### \" sections",
		file: "java.md",
		src: doc("# Java 面试题", "",
			"## 一、集合", "",
			"### 1. HashMap", "", "**题目：** HashMap 的结构？", "", "**答案：** 数组加链表。", "",
			"### 2. ArrayList", "", "**题目：** ArrayList 怎么扩容？", "", "**答案：** 1.5 倍。", "",
			"## 二、并发", "",
			"### 1. volatile", "", "**题目：** volatile 的作用？", "", "**答案：** 可见性。"),
		want: []string{"java/1 一、集合 HashMap", "java/2 一、集合 ArrayList", "java/3 二、并发 volatile"},
	}, {
		// The third chapter's 3 is not the second's first, renumbered.
		name: "a later chapter longer than the first",
		file: "m.md",
		src: doc("# 笔记", "",
			"# 一", "", "## 1. 甲", "", "**答案：** 甲。", "", "## 2. 乙", "", "**答案：** 乙。", "",
			"# 二", "", "## 1. 丙", "", "**答案：** 丙。", "", "## 2. 丁", "", "**答案：** 丁。", "", "## 3. 戊", "", "**答案：** 戊。"),
		want: []string{"m/1 一 甲", "m/2 一 乙", "m/3 二 丙", "m/4 二 丁", "m/5 二 戊"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			art := parseArticle(t, tt.file, tt.src)
			var got []string
			for _, s := range art.Sections {
				got = append(got, s.ID+" "+s.Chapter+" "+s.Title)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("sections %q, want %q", got, tt.want)
			}
			if !art.NumberedInOrder {
				t.Error("NumberedInOrder = false, want true: inserting a section renumbers those after it")
			}
		})
	}
}

// TestSourceNamesTheChapter: a section's source names its chapter unless
// its title already does, or the chapter is the article's title.
func TestSourceNamesTheChapter(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{{
		name: "chapters that group sections",
		src: doc("# Java 笔记", "",
			"## 一、集合", "", "### HashMap 的结构", "", "数组加链表。", "",
			"## 二、并发", "", "### volatile 的作用", "", "可见性与禁止重排。"),
		want: []string{"Java 笔记 › 一、集合 § 1", "Java 笔记 › 二、并发 § 2"},
	}, {
		name: "\"# \" chapters, the first one the title",
		src: doc("# 第一章 需求", "", "## 1. 需求定律", "", "**题目：** 什么是需求定律？", "", "**答案：** 价格升，需求降。", "",
			"# 第二章 弹性", "", "## 1. 需求价格弹性", "", "**题目：** 怎么算？", "", "**答案：** 需求变动率除以价格变动率。"),
		want: []string{"第一章 需求 § 1", "第一章 需求 › 第二章 弹性 § 2"},
	}, {
		name: "aspects whose titles show their chapter",
		src: doc("# Redis", "",
			"## 缓存穿透", "", "### 是什么", "", "查不存在的数据。", "",
			"## 缓存雪崩", "", "### 是什么", "", "大量 key 同时过期。"),
		want: []string{"Redis § 1", "Redis § 2"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := corpus.Load(fstest.MapFS{"a.md": {Data: []byte(tt.src)}}, "x")
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range c.Sections {
				got = append(got, s.Source())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("sources %q, want %q", got, tt.want)
			}
		})
	}
}
