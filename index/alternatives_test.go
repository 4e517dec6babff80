package index

import (
	"context"
	"slices"
	"testing"
)

// Two small Chinese-only corpora that read "order" differently: one in the
// sense of sequence (顺序), one of a purchase (订单).
var (
	queueArticle = []byte(`# 消息队列

## 1. 顺序消息

**题目：** 如何保证消息的顺序？

**答案：** 同一个分区内的消息按顺序消费：

- **单分区：** 需要保证顺序的消息发往同一个分区。
- **单线程消费：** 一个分区只由一个线程处理。

**解析：** 全局顺序代价高，通常只保证局部顺序。

## 2. 缓存穿透

**题目：** 什么是缓存穿透？如何应对？

**答案：** 缓存穿透指查询不存在的数据，请求直接打到数据库：

- **布隆过滤器：** 先判断数据是否可能存在。
- **缓存空值：** 不存在的数据也缓存一个短期空值。

**解析：** 穿透会让数据库承受全部压力。
`)
	shopArticle = []byte(`# 电商系统

## 1. 订单系统

**题目：** 订单系统如何设计？

**答案：** 订单系统负责下单与支付：

- **订单状态：** 待支付、已支付、已发货、已完成。
- **超时关闭：** 未支付的订单超时自动关闭。

**解析：** 订单是交易的核心数据。

## 2. 库存扣减

**题目：** 库存如何扣减才不会超卖？

**答案：** 扣减库存要防止并发超卖：

- **预扣库存：** 下单时锁定库存，支付后确认。
- **乐观锁：** 用版本号防止并发覆盖。

**解析：** 超卖会直接损害用户体验。
`)
)

func TestEnglishQuestionsOverChineseNotes(t *testing.T) {
	queue := build(t, loadFS(t, map[string][]byte{"queue.md": queueArticle}))
	shop := build(t, loadFS(t, map[string][]byte{"shop.md": shopArticle}))
	tests := []struct {
		ix   *Index
		q    string
		want string
	}{
		{queue, "how to keep messages in order", "queue/1"},
		{queue, "what is cache penetration", "queue/2"},
		{queue, "bloom filter", "queue/2"},
		{shop, "how to design an order system", "shop/1"},
		{shop, "how to avoid overselling inventory", "shop/2"},
	}
	for _, tt := range tests {
		r, err := tt.ix.Search(context.Background(), tt.q)
		if err != nil {
			t.Fatal(err)
		}
		if got := topID(r); got != tt.want {
			t.Errorf("%q: first match %q (confidence %.2f), want %q", tt.q, got, r.Confidence, tt.want)
		}
	}
}

// A question word the corpus lacks is read through its synonyms, but only
// those the corpus uses: the same question finds nothing in a corpus that
// has neither word.
func TestSynonymsTheCorpusUses(t *testing.T) {
	ix := build(t, loadFS(t, map[string][]byte{"queue.md": queueArticle}))
	pq, err := ix.parse(context.Background(), normalizeQuery("缓存穿透怎么解决"))
	if err != nil {
		t.Fatal(err)
	}
	if !hasTerm(pq, "应对") {
		t.Errorf("解决 was not read as the corpus's 应对: terms %v", termTexts(pq))
	}
	pq, err = ix.parse(context.Background(), normalizeQuery("区块链的难点"))
	if err != nil {
		t.Fatal(err)
	}
	if hasTerm(pq, "挑战") {
		t.Errorf("难点 was read as 挑战, which the corpus never says: terms %v", termTexts(pq))
	}
}

func hasTerm(pq *parsed, text string) bool {
	for _, t := range pq.terms {
		if t.text == text {
			return true
		}
	}
	return false
}

func termTexts(pq *parsed) []string {
	var out []string
	for _, t := range pq.terms {
		out = append(out, t.text)
	}
	return out
}

// An English word none of whose translations the corpus uses is read
// through their synonyms: "conclusion" is 结论, which notes call 总结.
func TestEnglishThroughSynonyms(t *testing.T) {
	article := append(slices.Clone(queueArticle), []byte(`
## 3. 总结

**题目：** 消息队列的要点有哪些？

**答案：** 顺序、可靠与幂等是三个要点。

**解析：** 面试时按这三点回答。
`)...)
	ix := build(t, loadFS(t, map[string][]byte{"queue.md": article}))
	r, err := ix.Search(context.Background(), "what is the conclusion")
	if err != nil {
		t.Fatal(err)
	}
	if got := topID(r); got != "queue/3" {
		t.Errorf("first match %q, want queue/3 (总结)", got)
	}
}

// An English word inside a Chinese question is read only through the
// field's list: "Tire" there is a product, not 疲倦. Asked in English, the
// same word still reaches the notes' 疲倦 through the general dictionary.
func TestEnglishWordsInChineseQuestions(t *testing.T) {
	ix := build(t, loadFS(t, map[string][]byte{"study.md": []byte(`# 学习

## 1. 学习疲倦

**题目：** 学习疲倦了怎么办？

**答案：** 疲倦时先休息，再换一种学法。
`)}))
	for _, tt := range []struct {
		q    string
		want bool
	}{
		{"Tire 品牌的保养周期", false},
		{"what to do when I tire of studying", true},
		{"what to do when I tire of studying 高等数学", true}, // English naming a Chinese term
	} {
		pq, err := ix.parse(context.Background(), normalizeQuery(tt.q))
		if err != nil {
			t.Fatal(err)
		}
		if got := hasTerm(pq, "疲倦"); got != tt.want {
			t.Errorf("%q read as 疲倦: %v, want %v (terms %v)", tt.q, got, tt.want, termTexts(pq))
		}
	}
}

// In a question mostly in Chinese, an English word the field's list lacks
// is not read through its base word either: "banner" is not ban (禁止),
// "better" not bet (押注).
func TestEnglishWordsInChineseQuestionsKeepTheirOwnSense(t *testing.T) {
	ix := build(t, loadFS(t, map[string][]byte{"ops.md": []byte(`# 运营

## 1. 封禁用户

**题目：** 怎么禁止违规用户登录？

**答案：** 禁止登录前先记录原因，封禁期满自动解除。

## 2. 发新版本

**题目：** 新版本怎么发布？

**答案：** 先灰度发布，观察指标，再全量发布。

## 3. 押注

**题目：** 创业公司押注一个方向前要看什么？

**答案：** 看市场规模和团队能力，押注前做小规模验证。
`)}))
	for _, tt := range []struct{ q, bad string }{
		{"首页 banner 轮播图怎么做", "禁止"},
		{"哪种排版 better 一点", "押注"},
	} {
		pq, err := ix.parse(context.Background(), normalizeQuery(tt.q))
		if err != nil {
			t.Fatal(err)
		}
		if hasTerm(pq, tt.bad) {
			t.Errorf("%q: read with %s (terms %v)", tt.q, tt.bad, termTexts(pq))
		}
	}
}

func TestMostlyChinese(t *testing.T) {
	for _, tt := range []struct {
		q    string
		want bool
	}{
		{"Vary 响应头有什么作用", true},
		{"OT pay 的 base salary 应该按哪个工资来算", true},
		{"Kafka 的 consumer group rebalance 是怎么触发的", true},
		{"what to do when I tire of studying", false},
		{"what to do when I tire of studying 高等数学", false},
		{"12345", false},
	} {
		if got := mostlyChinese(tt.q); got != tt.want {
			t.Errorf("mostlyChinese(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}
