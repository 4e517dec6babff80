package corpus_test

import (
	"slices"
	"testing"

	"github.com/startupqa/startupqa/corpus"
)

// TestSetextHeadings reads notes whose headings are underlined, and leaves
// rules under text alone where the notes have headings of the usual kind
// or the text is a label's.
func TestSetextHeadings(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		titles []string
	}{
		{"underlined", doc("操作系统", "========", "", "什么是虚拟内存？", "----------------", "", "独占地址空间的假象。", "", "什么是 TLB？", "---", "", "缓存页表项。"),
			[]string{"什么是虚拟内存？", "什么是 TLB？"}},
		{"rules among usual headings", doc("# 网络", "## 1. TCP", "**题目：** 为什么三次握手？", "**答案：** 防止旧连接。", "", "小结", "---", "## 2. UDP", "**题目：** UDP 可靠吗？", "**答案：** 不可靠。"),
			[]string{"TCP", "UDP"}},
		{"rules between bold questions", doc("**1. 什么是进程？**", "", "资源分配的单位。", "---", "**2. 什么是线程？**", "", "调度的单位。", "---", "**3. 什么是协程？**", "", "用户态线程。"),
			[]string{"什么是进程？", "什么是线程？", "什么是协程？"}},
		{"a rule in labelled notes", doc("题目：什么是进程？", "答案：资源分配的单位。", "", "补充说明：进程有独立地址空间", "---", "题目：什么是线程？", "答案：调度的单位。"),
			[]string{"什么是进程？", "什么是线程？"}},
		{"a rule under an answer's label", doc("网络", "===", "", "Q: 为什么三次握手？", "", "A: 防止旧连接。", "---", "", "Q: UDP 可靠吗？", "", "A: 不可靠。", "---"),
			[]string{"为什么三次握手？", "UDP 可靠吗？"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			art, _ := corpus.Parse("a.md", []byte(tt.src))
			var got []string
			for _, s := range art.Sections {
				got = append(got, s.Title)
			}
			if !slices.Equal(got, tt.titles) {
				t.Errorf("titles %q, want %q", got, tt.titles)
			}
		})
	}
}
