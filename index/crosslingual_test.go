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

// TestCompoundSplitBothHalves (from a review): a Chinese compound that
// notes written in English have no single English word for is read
// through its two halves, a split whose both halves the notes say first
// (readInEnglish). 分布式系统 (distributed system)
// must split as 分布式 | 系统 (distributed, system), both of which the
// notes use, not stop at 分布 | 式系统 because 分布 alone reaches
// "distribution" (stemmed like "distributed") while 式系统 reaches
// nothing, which leaves 式系统 unread and the question unanswered.
func TestCompoundSplitBothHalves(t *testing.T) {
	notes := []byte("# Distributed Systems\n\n" +
		"## 1. CAP theorem\n\nA distributed system cannot guarantee consistency, availability and partition tolerance at once.\n\n" +
		"## 2. Caching\n\nA cache keeps hot data in memory to cut latency.\n\n" +
		"## 3. MapReduce\n\nDistributed computing splits a job into map and reduce tasks that run on many machines.\n")
	ix := build(t, loadFS(t, map[string][]byte{"systems.md": notes}))
	if !ix.english {
		t.Fatal("notes written in English were not seen as such")
	}
	for _, tt := range []struct{ q, want string }{
		{"分布式系统", "systems/1"}, // 分布式 → distributed, 系统 → system
		{"什么是分布式系统", "systems/1"},
		{"分布式计算", "systems/3"}, // 分布式 → distributed, 计算 → compute
	} {
		r := ask(t, ix, tt.q)
		if got := topID(r); got != tt.want || !r.Answered || r.Matches[0].Coverage < 0.99 {
			cov := 0.0
			if len(r.Matches) > 0 {
				cov = r.Matches[0].Coverage
			}
			t.Errorf("%q: first %q, answered %v (confidence %.2f), coverage %.2f; want %s answered with every character read (coverage 1)",
				tt.q, got, r.Answered, r.Confidence, cov, tt.want)
		}
	}
}
