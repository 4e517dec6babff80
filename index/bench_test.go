package index

import (
	"context"
	"fmt"
	"github.com/startupqa/startupqa/zh"
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/startupqa/startupqa/corpus"
	"github.com/startupqa/startupqa/corpus/corpustest"
)

// Run with
//
//	go test -run '^$' -bench 'Search' -benchmem -benchtime 2000x ./index
//	go test -run '^$' -bench 'Build10k' -benchmem -benchtime 3x ./index
//
// The search benchmarks report the 50th and 99th percentile of the
// per-search latency next to the mean (ns/op).

// defaultBenchQuestions are varied questions about the built-in corpus:
// in scope, paraphrased, English, mixed, off-topic and degenerate.
var defaultBenchQuestions = []string{
	"什么是大模型？",
	"大模型一般有多少参数",
	"LLM 的训练过程",
	"请简要描述大模型的训练过程",
	"模型解释性差有什么影响",
	"大模型创业有哪些难点",
	"数据质量为什么重要",
	"如何保护用户隐私",
	"大模型创业公司如何制定创新策略",
	"请简述一个成功的大模型创业案例",
	"OpenAI 是怎么赚钱的",
	"GPT-3 是谁开发的",
	"大模型创业面临哪些创新与挑战？如何应对？",
	"what are the challenges of LLM startups",
	"how to train a large language model",
	"反向传播和梯度下降",
	"今天天气怎么样",
	"how do I cook rice",
	"😀",
	"什么是大模型？请简述大模型的特点和应用场景。大模型在创业过程中面临哪些挑战？创业公司如何制定创新策略？",
}

func BenchmarkSearch(b *testing.B) {
	ix := build(b, defaultCorpus(b))
	benchSearch(b, ix, defaultBenchQuestions)
}

func BenchmarkSearch10k(b *testing.B) {
	ix := synthetic10k(b).index
	benchSearch(b, ix, synthBenchQuestions())
}

// BenchmarkBuild10k indexes the synthetic corpus of 10,000 sections. It
// builds with a simplifier, as startupqa does: the corpus is simplified,
// so this measures what checking for traditional characters costs.
func BenchmarkBuild10k(b *testing.B) {
	c := synthetic10k(b).corpus
	conv, err := zh.New()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		ix, err := Build(ctx, c, WithSimplifier(conv.Simplified))
		if err != nil {
			b.Fatal(err)
		}
		ix.Close()
	}
	b.ReportMetric(float64(len(c.Sections)), "sections")
}

// benchSearch cycles through the questions, timing every search, and
// reports the latency percentiles.
func benchSearch(b *testing.B, ix *Index, questions []string) {
	ctx := context.Background()
	// One round untimed, so that first-use costs (lazy segment loading,
	// caches) do not land in the percentiles.
	for _, q := range questions {
		if _, err := ix.Search(ctx, q); err != nil {
			b.Fatal(err)
		}
	}
	times := make([]time.Duration, 0, max(b.N, 1))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		q := questions[i%len(questions)]
		i++
		start := time.Now()
		if _, err := ix.Search(ctx, q); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
	}
	slices.Sort(times)
	b.ReportMetric(ms(percentile(times, 50)), "p50-ms")
	b.ReportMetric(ms(percentile(times, 99)), "p99-ms")
}

// percentile is the nearest-rank percentile of sorted durations.
func percentile(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := (p*len(sorted) + 99) / 100 // ceil(p/100 · n)
	return sorted[max(rank, 1)-1]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

type synthIndex struct {
	corpus *corpus.Corpus
	index  *Index
}

var (
	synthOnce sync.Once
	synth     synthIndex
	synthErr  error
)

// synthetic10k is the 10,000-section generated corpus (100 files of 100
// sections, written with corpustest.WriteDir and loaded with LoadDir) and
// its in-memory index, built once per test binary, outside any timer.
func synthetic10k(b *testing.B) synthIndex {
	b.Helper()
	b.StopTimer()
	defer b.StartTimer()
	synthOnce.Do(func() {
		dir, err := os.MkdirTemp("", "startupqa-bench-")
		if err != nil {
			synthErr = err
			return
		}
		defer os.RemoveAll(dir)
		if err := corpustest.WriteDir(dir, 10000, 100, 1); err != nil {
			synthErr = err
			return
		}
		c, err := corpus.LoadDir(dir)
		if err != nil {
			synthErr = err
			return
		}
		start := time.Now()
		ix, err := Build(context.Background(), c)
		if err != nil {
			synthErr = err
			return
		}
		fmt.Fprintf(os.Stderr, "synthetic corpus: %d sections in %d articles, index built in %v\n",
			len(c.Sections), len(c.Articles), time.Since(start).Round(time.Millisecond))
		synth = synthIndex{corpus: c, index: ix}
	})
	if synthErr != nil {
		b.Fatal(synthErr)
	}
	return synth
}

// synthBenchQuestions are questions in the generator's vocabulary, from its
// most frequent terms (the longest posting lists) to its rarest, in the
// shapes the generator asks them, plus off-topic ones.
func synthBenchQuestions() []string {
	terms := corpustest.Terms()
	aspects := corpustest.Aspects()
	n := len(terms)
	var qs []string
	shapes := []string{
		"什么是%[1]s？",
		"%[1]s的%[3]s",
		"请简述%[1]s在%[2]s中的%[3]s。",
		"创业公司如何利用%[1]s提升%[2]s？",
		"%[1]s和%[2]s有什么关系",
	}
	// Ranks spread over the vocabulary: head, middle and tail.
	for k, rank := range []int{0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, n / 2, n - 30, n - 1} {
		t1 := terms[rank]
		t2 := terms[(rank+7*k+3)%n]
		qs = append(qs, fmt.Sprintf(shapes[k%len(shapes)], t1, t2, aspects[k%len(aspects)]))
		qs = append(qs, t1)
	}
	qs = append(qs,
		"大模型 数据 模型训练 创业公司 算力 用户 商业模式 推理 微调 应用场景 成本 产品",
		"今天天气怎么样",
		"how do I cook rice",
		"比特币价格走势",
		"推荐一部电影",
		"what is the capital of France",
		"😀🚀",
		"",
	)
	return qs
}
