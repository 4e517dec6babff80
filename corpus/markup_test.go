package corpus_test

import (
	"slices"
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

// TestEditorMarkup reads notes as their editor shows them: the markup of
// Typora, Obsidian, Feishu, web pages and pandoc is not in the section,
// and what it held is.
func TestEditorMarkup(t *testing.T) {
	section := func(lines ...string) string {
		return doc(append([]string{"# 笔记", "## 1. 端口"}, lines...)...)
	}
	tests := []struct {
		name, src     string
		title, answer string // want; "" when not checked
		analysis      string
	}{
		{
			name:   "Typora's scaled image (an image, its alt a file name) and Obsidian's comments",
			src:    section("**题目：** 如何查看端口占用？", "**答案：** 用 ss -lntp。", "", `<img src="assets/image-2023.png" alt="image-2023" style="zoom:50%;" />`, "", "%%考前再看一遍%%", "**解析：** %%TODO%% 比 netstat 快。"),
			answer: "用 ss -lntp。\n[image-2023.png]", analysis: "比 netstat 快。",
		},
		{
			name:   "colour, underline, keys and highlights",
			src:    section("**题目：** 如何查看端口占用？", `**答案：** 推荐 <font color=red>ss</font>，按 <kbd>Ctrl</kbd>+<kbd>C</kbd> 退出；==硬链接==共享 inode，==`+"`lsof -i`"+`== 也行。`, `**解析：** <u>删除源文件后</u><span style="color: rgb(216, 57, 49)">仍可访问</span>。`),
			answer: "推荐 ss，按 Ctrl+C 退出；硬链接共享 inode，`lsof -i` 也行。", analysis: "删除源文件后仍可访问。",
		},
		{
			name:   "spaces as entities and a comment across lines",
			src:    section("**题目：**&nbsp;什么是类型擦除？", "**答案：**&nbsp;List 擦除为原始类型。<!-- 补充 -->", "", "<!--", "以后补图", "-->", "**解析：** 拿不到 T&nbsp;的类型。"),
			answer: "List 擦除为原始类型。", analysis: "拿不到 T 的类型。",
		},
		{
			name:   "an HTML page's entities",
			src:    doc("# Java", "<h2>1. 类型擦除</h2>", "<p><strong>题目：</strong>什么是类型擦除？</p>", "<p><strong>答案：</strong>List&lt;Integer&gt; 擦除为 List，A &amp; B 相同。</p>", "<p><strong>解析：</strong>拿不到 &quot;T&quot;。</p>"),
			answer: "List<Integer> 擦除为 List，A & B 相同。", analysis: `拿不到 "T"。`,
		},
		{
			name:   "a page in HTML",
			src:    doc("# 操作系统", "<h2>1. 进程和线程的区别</h2>", "<p><strong>题目：</strong>进程和线程有什么区别？</p>", "<p><strong>答案：</strong>进程分配资源，线程被调度。</p>", "<ul>", "<li>线程共享地址空间；</li>", "<li>线程切换开销小。</li>", "</ul>", "<div><b>解析：</b>可补充协程。</div>"),
			title:  "进程和线程的区别",
			answer: "进程分配资源，线程被调度。\n线程共享地址空间；\n线程切换开销小。", analysis: "可补充协程。",
		},
		{
			name:   "pandoc's escapes and attributes",
			src:    doc("# 计网", "## 1. TIME\\_WAIT 有什么用？ {#time-wait .unnumbered}", "**题目：** TIME\\_WAIT 持续多久？", "**答案：** 2MSL\\[1\\]，见 [RFC 793]{.underline}。[]{#_Toc123 .anchor}", "**解析：** 3\\~4 分钟，\\*不是\\* 固定值。"),
			title:  "TIME_WAIT 有什么用？",
			answer: "2MSL\\[1\\]，见 RFC 793。", analysis: `3\~4 分钟，\*不是\* 固定值。`,
		},
		{
			name:  "a heading typed with Chinese input on",
			src:   doc("# 笔记", "##　1. 端口", "**题目：** 如何查看端口占用？", "**答案：** 用 ss。"),
			title: "端口", answer: "用 ss。",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			art := parseArticle(t, "a.md", tt.src)
			if len(art.Sections) != 1 {
				t.Fatalf("%d sections, want 1", len(art.Sections))
			}
			s := art.Sections[0]
			if tt.title != "" && s.Title != tt.title {
				t.Errorf("title %q, want %q", s.Title, tt.title)
			}
			if got := s.Answer.PlainText(); tt.answer != "" && got != tt.answer {
				t.Errorf("answer %q, want %q", got, tt.answer)
			}
			if tt.analysis != "" && s.Analysis != tt.analysis {
				t.Errorf("analysis %q, want %q", s.Analysis, tt.analysis)
			}
		})
	}
}

// TestEditorMarkupInCode: code shows markup as it is written.
func TestEditorMarkupInCode(t *testing.T) {
	src := doc("## 1. HTML", "**题目：** 如何写高亮和注释？", "**答案：** 写 `<mark>重点</mark>`、`&nbsp;` 和 `a == b`：", "", "```html", "<!-- 注释 -->", "<font color=red>红</font> ==高亮== TIME\\_WAIT", "```")
	art := parseArticle(t, "a.md", src)
	got := art.Sections[0].Answer.Markdown()
	for _, want := range []string{"`<mark>重点</mark>`", "`&nbsp;`", "<!-- 注释 -->", "<font color=red>红</font> ==高亮== TIME\\_WAIT"} {
		if !strings.Contains(got, want) {
			t.Errorf("answer %q lost %q", got, want)
		}
	}
}

// TestWordNumbersThroughPandoc reads the numbers Word's numbered list
// leaves in bold ("**1.** 什么是三次握手？") as numbered bold questions.
func TestWordNumbersThroughPandoc(t *testing.T) {
	src := doc("# 网络", "", "**1.** 什么是三次握手？", "", "客户端发 SYN，服务端回 SYN+ACK。", "", "**2.** TIME\\_WAIT 有什么用？", "", "让旧报文消失。")
	art := parseArticle(t, "a.md", src)
	if got, want := sectionTitles(art), []string{"什么是三次握手？", "TIME_WAIT 有什么用？"}; !slices.Equal(got, want) {
		t.Errorf("titles %q, want %q", got, want)
	}
}

// TestMarkupNotesTalkAbout leaves alone what only looks like an editor's
// markup: notes on HTML name tags, notes on Java and TypeScript write
// type parameters, notes on JavaScript compare with ==, notes on C, SQL
// and MATLAB write %%, and notes on regular expressions and LaTeX escape.
// Each case was read wrongly by a first version of exportMarkup.
func TestMarkupNotesTalkAbout(t *testing.T) {
	tests := []struct{ name, title, answer string }{
		{"tags named in a heading and a list", "<div> 和 <span> 的区别？", "常见的行内元素：<span>、<a>、<b>、<strong>。"},
		{"a heading that is a tag", "<section>", "表示文档中的一个区域。"},
		{"type parameters", "React.FC<P> 和 Optional<U> 有什么区别？", "public <U> Optional<U> map；<S extends T> S save(S entity)；Pair<A, B> 的 <B>。"},
		{"equality operators", "==和===的区别？", "null==undefined 为 true，但 null===undefined 为 false；浏览器==>DNS==>Nginx。"},
		{"printf, batch and SQL", "%% 有什么用？", `用 %% 输出一个 %，例如 printf("完成率 50%%\n")；for %%i in (*.txt)；LIKE '%%abc%%'。`},
		{"escapes that are the point", "正则里括号怎么转义？", `写成 \(\d+\)，否则 (\d+) 是捕获组；\" 是双引号；$a\!b$。`},
		{"an entity named in prose", "&nbsp; 和普通空格有什么区别？", "&nbsp; 是不换行空格；把 < 转义为 &lt;。"},
		{"a C++ header", "C++20 有什么新头文件？", "#include <span> 提供 std::span<T>。"},
		{"a time in a heading", "10:30 的面试问了什么？", "问了 Redis。"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			oneSection(t, doc("# 笔记", "## 1. "+tt.title, "**题目：** "+tt.title, "**答案：** "+tt.answer), tt.title, tt.title, tt.answer)
		})
	}
}

// TestUnclosedCommentIsText: a line "%%" or "<!--" that nothing closes
// before the next heading (a MATLAB cell, an unfinished comment) does not
// take the notes after it.
func TestUnclosedCommentIsText(t *testing.T) {
	for _, open := range []string{"%%", "%% 第一节：读数据", "<!--"} {
		art := parseArticle(t, "a.md", doc("# MATLAB", "## 1. 如何读数据？", "用 readtable。", "", open, "data = readtable(f);",
			"## 2. 如何向量化循环？", "用矩阵运算。", "## 3. cellfun 和 arrayfun 的区别？", "一个对元胞。"))
		if got := len(art.Sections); got != 3 {
			t.Errorf("%q: %d sections, want 3", open, got)
		}
	}
}

// TestVuePressContainers reads a container titled by a label as that
// label ("::: tip 题目", "::: details 点击查看答案"), and keeps another's
// title as text ("::: warning 注意").
func TestVuePressContainers(t *testing.T) {
	art := parseArticle(t, "vue.md", doc("# Vue", "## 1. computed 和 watch 的区别？", "::: tip 题目", "computed 和 watch 有什么区别？", ":::", "",
		"::: details 点击查看答案", "computed 有缓存。", ":::", "", "::: warning 注意", "computed 里不能写异步。", ":::"))
	if len(art.Sections) != 1 {
		t.Fatalf("%d sections, want 1", len(art.Sections))
	}
	s := art.Sections[0]
	if s.Question != "computed 和 watch 有什么区别？" {
		t.Errorf("question %q", s.Question)
	}
	if got, want := s.Answer.PlainText(), "computed 有缓存。\n注意：\ncomputed 里不能写异步。"; got != want {
		t.Errorf("answer %q, want %q", got, want)
	}
}

// TestMarkupSecondReview covers what a second review found a later
// version of exportMarkup read wrongly.
func TestMarkupSecondReview(t *testing.T) {
	tests := []struct{ name, title, src, answer string }{
		{"powers and indexes", "复杂度是多少？",
			"最坏 O(n<sup>2</sup>)，2<sup>10</sup> = 1024，不超过 2log<sub>2</sub>(n+1)。",
			"最坏 O(n^2)，2^10 = 1024，不超过 2log_2(n+1)。"},
		{"a link keeps its target", "在哪里看文档？",
			`见 <a href="https://redis.io/docs">Redis 官方文档</a>。`,
			"见 Redis 官方文档 (https://redis.io/docs)。"},
		{"a closing tag named in a heading", "忘写 </p> 会怎样？", "</p> 可以省略。", "</p> 可以省略。"},
		{"an HTML heading and list shown as examples", "无序列表怎么写？",
			"<h2>第一章</h2>\n<ul>\n<li>苹果</li>", "<h2>第一章</h2> <ul> <li>苹果</li>"},
		{"a backslash that ends a line", "Windows 的路径分隔符是什么？", `Windows 用反斜杠 \`, `Windows 用反斜杠 \`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			oneSection(t, doc("# 笔记", "## 1. "+tt.title, tt.src), tt.title, tt.title, tt.answer)
		})
	}
}

// TestThirdSweepShapes reads the shapes a third sweep of exports found
// read wrongly: SiYuan's kramdown attributes, super blocks and block
// references, GitBook's and Hugo's template tags, numbers a converter
// escaped, labels spaced to align, bold labels without a colon, and
// headings decorated around their number and title.
func TestThirdSweepShapes(t *testing.T) {
	tests := []struct {
		name, src        string
		titles           []string
		answer, analysis string // of the first section; "" when not checked
	}{
		{
			name: "SiYuan's kramdown",
			src: doc("# Redis", `{: id="20230915101213-abc1234" type="doc"}`, "", "## 1. Redis 为什么快？", `{: id="20230915101214-def5678"}`, "", "{{{row", "**题目：** 为什么快？", `{: id="20230915101215-ghi9012"}`,
				"**答案：**", "", `* {: id="20230915101217-mno7890"}基于内存。`, "}}}", "", `**解析：** 见 ((20230915101299-zzz1234 "缓存穿透"))。`),
			titles: []string{"Redis 为什么快？"}, answer: "基于内存。", analysis: "见 缓存穿透。",
		},
		{
			name:   "GitBook's and Hugo's template tags",
			src:    doc("# Go", "## 1. 什么是 goroutine？", `{% hint style="info" %}`, "轻量级线程。", "{% endhint %}", "{{< alert >}}", "由运行时调度。", "{{< /alert >}}"),
			titles: []string{"什么是 goroutine？"}, answer: "轻量级线程。\n由运行时调度。",
		},
		{
			name:   "numbers a converter escaped",
			src:    doc("# Java", `## 1\. HashMap 的底层结构是什么？`, "数组加链表。", `## 2\. 为什么线程不安全？`, "并发扩容。"),
			titles: []string{"HashMap 的底层结构是什么？", "为什么线程不安全？"},
		},
		{
			name:   "labels spaced to align, and bold labels without a colon",
			src:    doc("# 组成原理", "## 1. 流水线", "**题　目：** 什么是流水线？", "**答 案：** 重叠执行。", "## 2. DMA", "**题目**", "什么是 DMA？", "**答案** 直接访存。", "**解析** 不经 CPU。"),
			titles: []string{"流水线", "DMA"}, answer: "重叠执行。",
		},
		{
			name: "headings decorated around their number and title",
			src: doc("# Go", "## **1. 什么是 goroutine？**", "轻量级线程。", "## ② 什么是 channel？ #高频 :fire::fire:", "管道。", "## 3️⃣ 什么是 GMP？", "调度模型。",
				"## #4 defer 的顺序？", "后进先出。", `## 5 - map 并发安全吗？ <Badge text="必考"/>`, "不安全。"),
			titles: []string{"什么是 goroutine？", "什么是 channel？", "什么是 GMP？", "defer 的顺序？", "map 并发安全吗？"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			art := parseArticle(t, "a.md", tt.src)
			if got := sectionTitles(art); !slices.Equal(got, tt.titles) {
				t.Fatalf("titles %q, want %q", got, tt.titles)
			}
			s := art.Sections[0]
			if got := s.Answer.PlainText(); tt.answer != "" && got != tt.answer {
				t.Errorf("answer %q, want %q", got, tt.answer)
			}
			if tt.analysis != "" && s.Analysis != tt.analysis {
				t.Errorf("analysis %q, want %q", s.Analysis, tt.analysis)
			}
		})
	}
}

// TestHeadingArithmetic: a heading that opens with arithmetic is no
// "1 - title" numbering.
func TestHeadingArithmetic(t *testing.T) {
	art := parseArticle(t, "a.md", doc("# 数学", "## 3 - 2 = 1 怎么推导？", "减法。", "## 为什么 1 + 1 = 2？", "皮亚诺公理。"))
	if got, want := sectionTitles(art), []string{"3 - 2 = 1 怎么推导？", "为什么 1 + 1 = 2？"}; !slices.Equal(got, want) {
		t.Errorf("titles %q, want %q", got, want)
	}
}

// TestJinjaTagsStay: a note on Jinja shows its tags outside code; only
// GitBook's, Hexo's and Hugo's own tags go.
func TestJinjaTagsStay(t *testing.T) {
	art := parseArticle(t, "a.md", doc("# Flask", "## 1. Jinja 怎么写条件？", "{% if user %}", "你好", "{% endif %}"))
	if got, want := art.Sections[0].Answer.PlainText(), "{% if user %}你好{% endif %}"; got != want {
		t.Errorf("answer %q, want %q", got, want)
	}
}

// oneSection parses src and checks that it holds one section with the
// title, question and answer (as plain text) given.
func oneSection(t *testing.T, src, title, question, answer string) {
	t.Helper()
	art := parseArticle(t, "a.md", src)
	if len(art.Sections) != 1 {
		t.Fatalf("%d sections, want 1", len(art.Sections))
	}
	s := art.Sections[0]
	if s.Title != title || s.Question != question {
		t.Errorf("title %q, question %q; want %q, %q", s.Title, s.Question, title, question)
	}
	if got := s.Answer.PlainText(); got != answer {
		t.Errorf("answer %q, want %q", got, answer)
	}
}
