package corpus_test

import (
	"slices"
	"testing"

	"github.com/startupqa/startupqa/corpus"
)

// TestObsidianCards reads the Spaced Repetition plugin's cards and
// question callouts as questions and their answers, and leaves what only
// looks like them.
func TestObsidianCards(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // title | answer
	}{
		{"one-line cards", doc("# 操作系统 #flashcards", "", "什么是进程？::资源分配的基本单位。", "", "什么是线程？:::CPU 调度的基本单位。"),
			[]string{"什么是进程？|资源分配的基本单位。", "什么是线程？|CPU 调度的基本单位。"}},
		{"cards over several lines", doc("# 网络", "#flashcards/网络", "", "TCP 为什么三次握手？", "?", "防止旧连接。", "", "UDP 可靠吗？", "?", "不可靠，", "要自己重传。"),
			[]string{"TCP 为什么三次握手？|防止旧连接。", "UDP 可靠吗？|不可靠，要自己重传。"}},
		{"question callouts", doc("# 网络", "", "> [!question]- 什么是三次握手？", "> 客户端发 SYN，服务端回 SYN+ACK。", "", "> [!faq] 为什么要四次挥手？", "> 全双工，两个方向分别关闭。"),
			[]string{"什么是三次握手？|客户端发 SYN，服务端回 SYN+ACK。", "为什么要四次挥手？|全双工，两个方向分别关闭。"}},
		{"untagged double colons and C++ names", doc("# C++", "", "## 1. 移动", "", "**题目：** std::move 做了什么？", "", "**答案：** 转成右值::不移动任何东西。", "", "std::vector::push_back 会拷贝。"),
			[]string{"移动|转成右值::不移动任何东西。"}},
		{"question callouts in answers under headings", doc("## 什么是进程？", "", "进程是资源分配的单位。", "", "> [!question] 思考", "> 进程和线程有何区别？", "",
			"## 什么是线程？", "", "线程是调度的单位。", "", "> [!question] 思考", "> 为什么线程切换更快？"),
			[]string{"什么是进程？|进程是资源分配的单位。", "什么是线程？|线程是调度的单位。"}},
		{"C++ in a tagged note's sections", doc("#flashcards", "", "## 什么是作用域解析运算符？", "", "C++ 中用 类名::成员 访问静态成员。", "", "## 什么是进程？", "", "资源分配的单位。"),
			[]string{"什么是作用域解析运算符？|C++ 中用 类名::成员 访问静态成员。", "什么是进程？|资源分配的单位。"}},
		{"C++ names on cards, and listed cards", doc("# C++ #flashcards", "", "- 什么是作用域解析运算符？::用 `::` 访问，如 std::cout", "", "- std::vector 的扩容策略::通常翻倍"),
			[]string{"什么是作用域解析运算符？|用 `::` 访问，如 std::cout", "std::vector 的扩容策略|通常翻倍"}},
		{"one question callout in an answer", doc("## 1. 缓存", "", "**题目：** 什么是缓存？", "", "**答案：** 存一份副本。", "", "> [!question] 为什么要过期？", "> 防止数据陈旧。"),
			[]string{"缓存|存一份副本。"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			art, ps := corpus.Parse("a.md", []byte(tt.src))
			if len(ps) > 0 {
				t.Fatalf("problems: %q", problemLines(ps))
			}
			if got := titlesAndFirstBlocks(art); !slices.Equal(got, tt.want) {
				t.Errorf("sections\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

// TestTitleTags: the tags after an article's title are not part of it; a
// language's sharp is.
func TestTitleTags(t *testing.T) {
	for src, want := range map[string]string{
		doc("# C++ 卡片 #flashcards #面试", "", "什么是 RAII？::资源随对象的生命周期。", "", "什么是虚函数？::运行时多态。"): "C++ 卡片",
		doc("# Learning C#", "", "## 1. 委托", "", "**题目：** 什么是委托？", "", "**答案：** 类型安全的函数指针。"): "Learning C#",
	} {
		if art, _ := corpus.Parse("a.md", []byte(src)); art.Title != want {
			t.Errorf("title %q, want %q", art.Title, want)
		}
	}
}
