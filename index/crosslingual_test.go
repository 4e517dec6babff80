package index

import (
	"os"
	"testing"
)

// TestChineseQuestionsOverEnglishNotes: notes written in English answer
// Chinese questions through the words' English, their synonyms' and, for
// a compound the lists give none for, its halves'; Chinese notes with a
// companion do not read Chinese questions in English.
func TestChineseQuestionsOverEnglishNotes(t *testing.T) {
	en, err := os.ReadFile("../testdata/crosslingual/system-design/message-queue.md")
	if err != nil {
		t.Fatal(err)
	}
	ix := build(t, loadFS(t, map[string][]byte{"message-queue.md": en}))
	if !ix.english {
		t.Fatal("notes written in English were not seen as such")
	}
	for _, tt := range []struct{ q, want string }{
		{"为什么要引入消息队列", "message-queue/1"}, // 消息队列 → message queue
		{"怎么保证消息顺序", "message-queue/5"},   // 顺序 → order
		{"消息重复消费了怎么办", "message-queue/4"}, // 重复消费: 重复 + 消费
	} {
		r := ask(t, ix, tt.q)
		if got := topID(r); got != tt.want {
			t.Errorf("%q: first %q (confidence %.2f), want %s", tt.q, got, r.Confidence, tt.want)
		}
	}
	if r := ask(t, ix, "天使轮融资的估值怎么算"); r.Answered {
		t.Errorf("a question about funding was answered from notes on message queues: %s at %.2f", topID(r), r.Confidence)
	}

	// The built-in corpus is Chinese with an English companion: its
	// Chinese questions are not read in English.
	if build(t, defaultCorpus(t)).english {
		t.Error("the built-in corpus, Chinese with an English companion, was seen as written in English")
	}
}
