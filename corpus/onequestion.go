package corpus

import (
	"path"
	"regexp"
	"slices"
	"strings"
)

// Notes kept one question to a file (an Obsidian vault of atomic notes,
// a Notion database exported page by page) have no section headings: the
// file's title, or its name, is the question and its text the answer.
// oneQuestion reads such a file as an article of one section, when its
// title asks something; a file of text whose title asks nothing (a table
// of contents, a daily note) is still skipped.
func oneQuestion(file string, lines []string, title string) *parser {
	h := -1 // the line of the title
	for i, opens := range fencesClosedAt(lines) {
		if !opens && headingLevel(strings.TrimSpace(lines[i])) == 1 {
			h = i
			break
		}
	}
	if h < 0 {
		title = fileTitle(file)
	}
	if !asksSomething(title) {
		return nil
	}
	withHeading := append([]string{"## " + title}, lines...)
	if h >= 0 {
		withHeading = append([]string(nil), lines...)
		withHeading[h] = "## " + title
	}
	withoutProperties(withHeading)
	p := parse(file, withHeading, nil, false)
	if len(p.art.Sections) != 1 || len(p.problems) > 0 {
		return nil
	}
	if h < 0 {
		p.art.Sections[0].Line = 1 // the line added for it
	}
	p.art.Title = title
	return p
}

// withoutProperties blanks the properties a Notion database exports
// under a page's title ("分类: MySQL", "难度: 困难", one a line): two or
// more lines of a short name, a colon and a value, before the first
// blank line after the heading.
func withoutProperties(lines []string) {
	i := slices.IndexFunc(lines, func(l string) bool { return headingLevel(strings.TrimSpace(l)) > 0 }) + 1
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	end := i
	for end < len(lines) && notionProperty.MatchString(lines[end]) {
		end++
	}
	if end-i >= 2 && (end == len(lines) || strings.TrimSpace(lines[end]) == "") {
		for ; i < end; i++ {
			lines[i] = ""
		}
	}
}

// notionProperty matches a property line of a Notion database page.
var notionProperty = regexp.MustCompile(`^[^\s:：*#>|-][^:：]{0,11}[:：] \S`)

// fileTitle is a file's name as a title: without its extension and
// without the id Notion puts after a page's title.
func fileTitle(file string) string {
	base := path.Base(strings.ReplaceAll(file, `\`, "/"))
	name := strings.TrimSuffix(base, path.Ext(base))
	return strings.TrimSpace(notionPageID.ReplaceAllString(name, ""))
}

// notionPageID matches the id after an exported Notion page's title.
var notionPageID = regexp.MustCompile(`\s+[0-9a-f]{32}$`)

// asksSomething reports whether a title asks a question: "什么是回表",
// "MVCC 怎么实现？", "How does TCP close a connection".
func asksSomething(t string) bool {
	if strings.ContainsAny(t, "？?") {
		return true
	}
	for _, w := range questionWords {
		if strings.Contains(t, w) {
			return true
		}
	}
	// A title that names an aspect of a topic asks about it: "MVCC 原理",
	// "Redis 持久化机制", "TCP 和 UDP 区别".
	for _, w := range aspectWords {
		if strings.HasSuffix(t, w) {
			return true
		}
	}
	first, _, _ := strings.Cut(strings.ToLower(t), " ")
	switch first {
	case "what", "what's", "why", "how", "when", "which", "who", "where", "explain", "describe", "is", "are", "does", "do", "can", "should":
		return true
	}
	return false
}

// aspectWords are what a title may end in when it names what to say of a
// topic rather than the topic.
var aspectWords = []string{"原理", "区别", "作用", "优缺点", "流程", "机制", "实现", "场景", "对比", "概念", "定义", "特点", "步骤", "策略", "原因", "过程", "用法", "分类"}
