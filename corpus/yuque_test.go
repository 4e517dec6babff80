package corpus_test

import (
	"strings"
	"testing"
)

// TestYuqueExport reads a Yuque export without its anchors and container
// lines: the answer ends where its author ended it.
func TestYuqueExport(t *testing.T) {
	src := doc(`<a name="Xk2pL"></a>`, "# 产品", `<a name="aB3dE"></a>`, "## 1. 北极星指标", ":::info", "高频题", ":::",
		"**题目：** 北极星指标是什么？<br />**答案：** 反映用户价值的唯一关键指标。", `<a name="Yt7Qw"></a>`, "## 2. MVP",
		"**题目：** 解释 MVP。", "**答案：** 最小可行产品。", "::: tip 提示", "先验证假设。", ":::")
	art := parseArticle(t, "a.md", src)
	if len(art.Sections) != 2 {
		t.Fatalf("%d sections, want 2", len(art.Sections))
	}
	for _, s := range art.Sections {
		text := s.Title + s.Question + s.Answer.PlainText()
		if strings.Contains(text, "<a") || strings.Contains(text, ":::") {
			t.Errorf("section %s keeps the export's markup: %q", s.ID, text)
		}
	}
	if got := art.Sections[1].Answer.PlainText(); !strings.Contains(got, "先验证假设。") {
		t.Errorf("answer %q lost what the container held", got)
	}
}

// TestYuqueMarkupInCode: an anchor shown in inline code, and a container
// in an indented code block, are what the answer shows.
func TestYuqueMarkupInCode(t *testing.T) {
	src := doc("## 1. 锚点", "**题目：** 如何创建页内锚点？", "**答案：** 在目标处写 `<a name=\"top\"></a>`，再链接到 #top。",
		"## 2. 容器", "**题目：** 提示容器怎么写？", "**答案：** 这样：", "", "    ::: tip", "    内容", "    :::")
	art := parseArticle(t, "a.md", src)
	if len(art.Sections) != 2 {
		t.Fatalf("%d sections, want 2", len(art.Sections))
	}
	if got := art.Sections[0].Answer.PlainText(); !strings.Contains(got, `<a name="top"></a>`) {
		t.Errorf("answer %q lost the anchor it shows in code", got)
	}
	if got := art.Sections[1].Answer.PlainText(); strings.Count(got, ":::") != 2 {
		t.Errorf("answer %q lost its code's container lines", got)
	}
}
