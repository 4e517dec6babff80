package index

import (
	"context"
	"os"
	"slices"
	"strings"
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
	if len(ix.english) == 0 {
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
	if len(build(t, defaultCorpus(t)).english) > 0 {
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
	if len(ix.english) == 0 {
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

// TestMixedLanguageNotes: in notes partly written in English, a Chinese
// question whose words the Chinese articles also use is still read in
// English, so an English article answers it; those readings count in
// English sections only, so a Chinese section's own English words (GET in
// an article on HTTP) do not match the translation of a common word (拿到:
// get) that its Chinese text lacks.
func TestMixedLanguageNotes(t *testing.T) {
	en, err := os.ReadFile("../testdata/crosslingual/system-design/message-queue.md")
	if err != nil {
		t.Fatal(err)
	}
	zh := []byte("# 网络与日志\n\n" +
		"## 1. GET 与 POST 的区别\n\n**题目：** GET 和 POST 请求有什么区别？\n\n**答案：** GET 把参数放在 URL 里，可以缓存；POST 把参数放在请求体里，用来提交数据。\n\n**解析：** 面试常问。\n\n" +
		"## 2. 日志的顺序写\n\n**题目：** 为什么数据库的日志要顺序写？\n\n**答案：** 顺序写磁盘比随机写快得多，每条消息追加到文件末尾。\n\n**解析：** 结合 WAL 讲。\n\n" +
		"## 3. 服务拿到请求后怎么处理\n\n**题目：** 服务拿到请求以后，处理流程是怎样的？\n\n**答案：** 先鉴权，再限流，最后交给业务逻辑处理。\n\n**解析：** 说清楚每一步的目的。\n")
	ix := build(t, loadFS(t, map[string][]byte{"message-queue.md": en, "network.md": zh}))
	for _, tt := range []struct{ q, want string }{
		// 消息 and 顺序 are in the Chinese article too.
		{"怎么保证消息的顺序", "message-queue/5"},
		{"服务拿到请求以后怎么处理", "network/3"},
	} {
		r := ask(t, ix, tt.q)
		if got := topID(r); got != tt.want {
			t.Errorf("%q: first %q (confidence %.2f), want %s", tt.q, got, r.Confidence, tt.want)
		}
	}

	// Nor is it shown matched there.
	r := ask(t, ix, "怎么拿到 URL 里的参数")
	for _, m := range r.Matches {
		if m.Section.ID != "network/1" {
			continue
		}
		for _, sp := range m.Spans {
			if strings.EqualFold(m.Passage[sp.Start:sp.End], "get") {
				t.Errorf("network/1 shows GET matched in %q, for a question that says 拿到", m.Passage)
			}
		}
	}

	pq, err := ix.parse(context.Background(), normalizeQuery("拿到数据"))
	if err != nil {
		t.Fatal(err)
	}
	if !pq.onlyEnglish["get"] {
		t.Fatalf("拿到 was not read as get in English sections: English-only terms %v", pq.onlyEnglish)
	}
	for _, tt := range []struct {
		section string
		counts  bool
	}{{"network/1", false}, {"message-queue/1", true}} {
		has := slices.ContainsFunc(ix.termsFor(pq, tt.section), func(t term) bool { return t.text == "get" })
		if has != tt.counts {
			t.Errorf("get counts in %s: %v, want %v", tt.section, has, tt.counts)
		}
	}
}

// TestCrossLingualSignal tells the confidence model when a question
// without Chinese found a section written in Chinese: its coverage is
// read through translations, and means more than it would in one language.
func TestCrossLingualSignal(t *testing.T) {
	ix := build(t, loadFS(t, map[string][]byte{"mq.md": []byte("# 消息队列\n\n## 1. 为什么要用消息队列？\n\n**题目：** 为什么要用消息队列？\n\n**答案：** 解耦、异步、削峰。\n")}))
	for _, tt := range []struct {
		q    string
		want float64
	}{
		{"why use a message queue", 1},
		{"为什么要用消息队列", 0},
		{"消息队列 why", 0},
	} {
		if got := ask(t, ix, tt.q).Signals.CrossLingual; got != tt.want {
			t.Errorf("%q: CrossLingual %v, want %v", tt.q, got, tt.want)
		}
	}
}
