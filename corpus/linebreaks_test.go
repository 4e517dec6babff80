package corpus_test

import (
	"testing"

	"github.com/startupqa/startupqa/corpus"
)

// TestParseLineBreaks: an answer keeps the line breaks its author meant (a
// sentence a line, HTML's <br>) and joins the lines of a wrapped sentence.
func TestParseLineBreaks(t *testing.T) {
	tests := []struct {
		name   string
		answer []string
		want   []corpus.Block
	}{{
		name:   "a term and its definition a line",
		answer: []string{"相关术语：", "过拟合：学到了噪声。", "欠拟合：模型太简单。"},
		want:   []corpus.Block{para("相关术语：\n过拟合：学到了噪声。\n欠拟合：模型太简单。")},
	}, {
		name:   "a sentence wrapped over two lines",
		answer: []string{"模型在训练集上表现很好，", "在测试集上表现差。"},
		want:   []corpus.Block{para("模型在训练集上表现很好，在测试集上表现差。")},
	}, {
		name:   "a wrapped line after a kept break",
		answer: []string{"Redis 是内存数据库，", "速度很快。", "常见用途", "包括缓存。"},
		want:   []corpus.Block{para("Redis 是内存数据库，速度很快。\n常见用途包括缓存。")},
	}, {
		name:   "lines that open with a term or markup",
		answer: []string{"TCP：面向连接。", "UDP：无连接。", "**过拟合**：学到了噪声。"},
		want:   []corpus.Block{para("TCP：面向连接。\nUDP：无连接。\n**过拟合**：学到了噪声。")},
	}, {
		name:   "English lines are wrapped text",
		answer: []string{"The model fits the training set.", "It fails on new data."},
		want:   []corpus.Block{para("The model fits the training set. It fails on new data.")},
	}, {
		name:   "HTML breaks in a paragraph",
		answer: []string{"singleton：单例 <br/>prototype：每次新建<BR>request：每个请求一个"},
		want:   []corpus.Block{para("singleton：单例\nprototype：每次新建\nrequest：每个请求一个")},
	}, {
		name:   "HTML breaks in code are code",
		answer: []string{"- `<br/>` 是自闭合写法<br>`<p>` 是段落", "- ```html", "  <br>", "  ```"},
		want:   []corpus.Block{ul(item("", "`<br/>` 是自闭合写法\n`<p>` 是段落"), item("", "```html\n  <br>\n  ```"))},
	}, {
		name:   "HTML breaks in an item",
		answer: []string{"- **作用域：** 单例<br>原型"},
		want:   []corpus.Block{ul(item("作用域", "单例\n原型"))},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkAnswer(t, parseOne(t, answerDoc(tt.answer...)).Answer, tt.want...)
		})
	}
}

// TestMarkdownKeepsLinesInPlace: an answer's kept line breaks render inside
// the item or quote they belong to.
func TestMarkdownKeepsLinesInPlace(t *testing.T) {
	tests := []struct {
		name   string
		answer []string
		want   string
	}{
		{"an item's lines", []string{"- **单例：** 一个实例<br>容器启动时创建", "- 原型"}, "- **单例：** 一个实例\n  容器启动时创建\n- 原型"},
		{"an ordered item's lines", []string{"1. 单例<br>一个实例"}, "1. 单例\n   一个实例"},
		{"a quote's lines", []string{"> 定义<br>查询不存在的数据"}, "> 定义\n> 查询不存在的数据"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := parseOne(t, answerDoc(tt.answer...)).Answer.Markdown(); got != tt.want {
				t.Errorf("Markdown:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestIndentedCode: a block indented four spaces after a blank line is
// code, as Markdown renders it, shown fenced; under a list item it is the
// item's text.
func TestIndentedCode(t *testing.T) {
	tests := []struct {
		name   string
		answer []string
		want   []corpus.Block
	}{{
		name:   "between paragraphs",
		answer: []string{"在 Ubuntu 上：", "", "    # 更新软件源", "    sudo apt-get update", "", "", "装好后启动。"},
		want:   []corpus.Block{para("在 Ubuntu 上："), para("```\n# 更新软件源\nsudo apt-get update\n```"), para("装好后启动。")},
	}, {
		name:   "a blank line inside, a tab, and the end of the answer",
		answer: []string{"如下：", "", "    a := 1", "", "\tb := 2"},
		want:   []corpus.Block{para("如下："), para("```\na := 1\n\nb := 2\n```")},
	}, {
		name:   "indented lines inside a fence",
		answer: []string{"如下", "", "```python", "def deco(f):", "    return f", "```", "", "用 @deco 装饰。"},
		want:   []corpus.Block{para("如下"), para("```python\ndef deco(f):\n    return f\n```"), para("用 @deco 装饰。")},
	}, {
		name:   "under a list item",
		answer: []string{"- 步骤一", "", "    继续说明。"},
		want:   []corpus.Block{ul(item("", "步骤一继续说明。"))},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkAnswer(t, parseOne(t, answerDoc(tt.answer...)).Answer, tt.want...)
		})
	}
}
