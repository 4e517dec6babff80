package index

import (
	"testing"

	"github.com/startupqa/startupqa/corpus"
)

// TestHeadingQuestion: a section whose heading is its question (free-form
// notes) has its first paragraph in the heading passage's question, not
// the heading twice; a section with a question of its own keeps it.
func TestHeadingQuestion(t *testing.T) {
	answer := corpus.Answer{Blocks: []corpus.Block{{Kind: corpus.Paragraph, Text: "进程是资源分配的单位。"}}}
	items := corpus.Answer{Blocks: []corpus.Block{{Kind: corpus.List, Items: []corpus.Item{{Text: "互斥"}}}}}
	tests := []struct {
		name string
		s    corpus.Section
		want string
	}{
		{"free-form", corpus.Section{Title: "进程", Question: "进程", Answer: answer}, "进程是资源分配的单位。"},
		{"free-form, list first", corpus.Section{Title: "死锁", Question: "死锁", Answer: items}, ""},
		{"labelled", corpus.Section{Title: "进程", Question: "什么是进程？", Answer: answer}, "什么是进程？"},
	}
	for _, tt := range tests {
		ps := passages(&tt.s)
		if ps[0].Title != tt.s.Title || ps[0].Question != tt.want {
			t.Errorf("%s: heading passage %q / %q, want %q / %q", tt.name, ps[0].Title, ps[0].Question, tt.s.Title, tt.want)
		}
	}
}
