package corpus_test

import (
	"slices"
	"testing"
)

// TestParseAdmonitions reads MkDocs' admonitions that ask as questions
// over their answers, not as code indented under a heading.
func TestParseAdmonitions(t *testing.T) {
	art := parseArticle(t, "redis.md", doc("# Redis", "## 数据结构", "", `??? question "Redis 有哪些基本数据类型？"`, "",
		"    五种基本类型。", "", `    !!! tip "面试技巧"`, "        说出底层编码。", "",
		`???+ question "ZSet 为什么用跳表？"`, "", "    - 实现简单", "    - 范围查询方便", "", "```", `??? question "代码里的不算？"`, "```"))
	if got, want := sectionTitles(art), []string{"Redis 有哪些基本数据类型？", "ZSet 为什么用跳表？"}; !slices.Equal(got, want) {
		t.Fatalf("titles %q, want %q", got, want)
	}
	if got, want := art.Sections[0].Answer.PlainText(), "五种基本类型。\n面试技巧：\n说出底层编码。"; got != want {
		t.Errorf("answer %q, want %q", got, want)
	}
	if got := art.Sections[1].Answer.Items(); len(got) != 2 {
		t.Errorf("items %v, want the two points", got)
	}
}
