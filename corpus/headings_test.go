package corpus

import (
	"strings"
	"testing"
)

func TestHanNumber(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"一", 1}, {"两", 2}, {"九", 9}, {"十", 10}, {"十一", 11}, {"二十", 20},
		{"九十九", 99}, {"一百", 100}, {"一百零五", 105}, {"一百一十", 110},
		{"三百二十一", 321},
		// Not numbers a heading would use, or not numbers at all.
		{"零", 0}, {"一二", 0}, {"十十", 0}, {"一百五", 0}, {"百", 0},
		{"十一百", 0}, {"一千", 0}, {"一十二三", 0}, {"", 0},
	}
	for _, tt := range tests {
		if got := hanNumber(tt.in); got != tt.want {
			t.Errorf("hanNumber(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestSectionLevel(t *testing.T) {
	tests := []struct {
		name       string
		lines      []string
		want       int
		unnumbered bool
	}{
		{"sections at ##", []string{"# T", "## 1. a", "**题目：** q", "### 1. sub", "text"}, 2, false},
		{"chapters above ###", []string{"## 基础", "### 1. a", "**题目：** q", "## 进阶", "### 2. b", "**Question:** q"}, 3, false},
		{"numbered chapters", []string{"## 一、基础", "### 1. a", "题目：q"}, 3, false},
		{"no question labels", []string{"## 1. a", "text"}, 2, false},
		{"no headings", []string{"**题目：** q"}, 2, false},
		{"deepest is not shallowest", []string{"### 1. a", "**题目：** q", "## 2. b", "**题目：** q"}, 2, false},
		// With bold labels, a plain one is text: a chapter's intro
		// that opens with 问题： does not make the chapter a section.
		{"chapter intro", []string{"## 一、基础", "问题：本章讨论缓存。", "### 1. 穿透", "**题目：** 问？"}, 3, false},
		{"no numbers", []string{"## 缓存击穿", "**题目：** q", "## 缓存穿透", "**题目：** q"}, 2, true},
		{"no numbers under chapters", []string{"## 缓存", "### 击穿", "**题目：** q", "### 穿透", "**题目：** q"}, 3, true},
		{"one number is numbering", []string{"## 前言", "**题目：** q", "## 1. a", "**题目：** q"}, 2, false},
		// Free-form notes are numbered only when every section says
		// its number: "01 背包" is a title that opens with digits.
		{"free-form, all numbered", []string{"## 1. 背包", "text", "## 2. 区间", "text"}, 2, false},
		{"free-form, one opens with digits", []string{"## 01 背包", "text", "## 完全背包", "text"}, 2, true},
		{"free-form, an empty divider unnumbered", []string{"## 1. 背包", "text", "## 附录", "## 2. 区间", "text"}, 2, false},
	}
	for _, tt := range tests {
		got, unnumbered := sectionLevel(tt.lines, !boldLabels(tt.lines), !hasLabels(tt.lines))
		if got != tt.want || unnumbered != tt.unnumbered {
			t.Errorf("%s: sectionLevel = %d, %v; want %d, %v", tt.name, got, unnumbered, tt.want, tt.unnumbered)
		}
	}
}

func TestSectionLevelIgnoresCode(t *testing.T) {
	lines := []string{"```", "## 1. a", "**题目：** q", "```", "### 1. b", "**题目：** q"}
	if got, _ := sectionLevel(lines, false, false); got != 3 {
		t.Errorf("sectionLevel = %d, want 3: the ## heading is inside a fence", got)
	}
}

func TestUnnumberedTitle(t *testing.T) {
	tests := []struct{ heading, want string }{
		{"## 1.1 进程", "进程"},
		{"## 3. 缓存", "缓存"},
		{"## 3、缓存", "缓存"},
		{"## 01 背包：为什么倒序？", "01 背包：为什么倒序？"},
		{"## 5G 网络", "5G 网络"},
		{"## 2024", "2024"},
		{"### Q: 什么是死锁？", "什么是死锁？"},
		{"## 问题：什么是缓存穿透？", "什么是缓存穿透？"},
		{"## Q&A", "Q&A"},
	}
	for _, tt := range tests {
		if got := unnumberedTitle(tt.heading); got != tt.want {
			t.Errorf("unnumberedTitle(%q) = %q, want %q", tt.heading, got, tt.want)
		}
	}
}

// TestSectionNumberAfterEmoji reads the number of a heading that an emoji
// or a mark opens, as notes mark their favourite questions.
func TestSectionNumberAfterEmoji(t *testing.T) {
	tests := []struct {
		heading string
		number  int
		title   string
		ok      bool
	}{
		{"## 🔥 1. 什么是闭包？", 1, "什么是闭包？", true},
		{"## ✅ 3. var、let、const 的区别？", 3, "var、let、const 的区别？", true},
		{"## ⭐️ 12、事件循环", 12, "事件循环", true},
		{"## 🔥 闭包", 0, "", false},
		{"## 📌 1 分钟总结", 0, "", false},
		{"## 📅 2024 年复盘", 0, "", false},
		{"## 2. Q: 什么是死锁？", 2, "什么是死锁？", true},
	}
	for _, tt := range tests {
		n, _, title, ok := sectionNumber(tt.heading)
		if n != tt.number || title != tt.title || ok != tt.ok {
			t.Errorf("sectionNumber(%q) = %d, %q, %v; want %d, %q, %v", tt.heading, n, title, ok, tt.number, tt.title, tt.ok)
		}
	}
}

func TestAskingParents(t *testing.T) {
	lines := strings.Split("# 消息队列\n## 1. 如何保证消息不丢失？\n### 回答要点\n同步刷盘。\n### 追问\n会重复消费吗？—— 会。\n## 2. 消息积压了怎么办？\n### 回答要点\n扩容消费者。", "\n")
	if level, unnumbered := sectionLevel(lines, true, true); level != 2 || unnumbered {
		t.Errorf("level %d, unnumbered %v; want the questions' level 2, numbered", level, unnumbered)
	}
	// Parts that ask are sections of their own: a topic's questions.
	lines = strings.Split("# Redis\n## 持久化\n### 什么是 RDB？\n快照。\n### 什么是 AOF？\n日志。\n## 缓存\n### 什么是缓存穿透？\n查不存在的。", "\n")
	if level, _ := sectionLevel(lines, true, true); level != 3 {
		t.Errorf("level %d, want the questions' level 3", level)
	}
}
