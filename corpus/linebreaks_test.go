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
		name:   "English lines are wrapped text",
		answer: []string{"The model fits the training set.", "It fails on new data."},
		want:   []corpus.Block{para("The model fits the training set. It fails on new data.")},
	}, {
		name:   "HTML breaks in a paragraph",
		answer: []string{"singleton：单例 <br/>prototype：每次新建<BR>request：每个请求一个"},
		want:   []corpus.Block{para("singleton：单例\nprototype：每次新建\nrequest：每个请求一个")},
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
