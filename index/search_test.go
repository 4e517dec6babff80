package index

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

func TestSearchDefaultCorpus(t *testing.T) {
	ix := build(t, defaultCorpus(t))
	for _, tc := range []struct {
		q    string
		want string // best section
	}{
		{"什么是大模型？", "llm-startup/1"},
		{"大模型一般有多少参数", "llm-startup/1"},
		{"大模型", "llm-startup/1"},
		{"LLM 的训练过程", "llm-startup/2"},
		{"ＬＬＭ的训练过程", "llm-startup/2"}, // full-width letters
		// Not "how to train a large language model": §1 has both
		// "large language model" and 预训练 among its aliases.
		{"what are the steps of training a large model", "llm-startup/2"},
		{"反向传播是什么", "llm-startup/2"},
		{"模型解释性差有什么影响", "llm-startup/3"},
		{"数据质量为什么重要", "llm-startup/3"},
		{"what are the challenges of LLM startups", "llm-startup/3"},
		{"大模型创业公司如何制定创新策略", "llm-startup/4"},
		{"请简述一个成功的大模型创业案例", "llm-startup/5"},
		{"OpenAI 是怎么成功的", "llm-startup/5"},
		{"GPT-3", "llm-startup/5"},
		{"大模型创业面临哪些挑战？如何应对？", "llm-startup/6"},
	} {
		t.Run(tc.q, func(t *testing.T) {
			r := ask(t, ix, tc.q)
			if got := topID(r); got != tc.want || !r.Answered {
				t.Errorf("best %q answered=%v confidence %.2f, want %q answered", got, r.Answered, r.Confidence, tc.want)
			}
			best, ok := r.Best()
			if !ok || best.Section.ID != tc.want {
				t.Errorf("Best() = %v, %v", best.Section, ok)
			}
			if r.Truncated || r.Query != tc.q {
				t.Errorf("Query %q truncated=%v, want the question unchanged", r.Query, r.Truncated)
			}
		})
	}
}

func TestSearchAbstains(t *testing.T) {
	ix := build(t, defaultCorpus(t))
	for _, tc := range []struct {
		name, q string
		// noMatches: nothing in the question can match anything, so
		// not even a "did you mean" list comes back.
		noMatches bool
	}{
		{"weather", "今天天气怎么样", false},
		{"cooking", "how do I cook rice", false},
		{"bitcoin", "比特币价格", false},
		{"gibberish", "qwertyuiop", false},
		{"unknown model", "GPT-4", false},
		{"empty", "", true},
		{"spaces", "   ", true},
		{"whitespace", " \t\n\r\u3000\u00a0 ", true},
		{"emoji", "😀🚀🤖", true},
		{"emoji with variation selector", "❤️👍🏽", true},
		{"ascii punctuation", "?!.,;:()[]{}<>/\\|-_=+*&^%$#@~`'\"", true},
		{"cjk punctuation", "？！。，、；：“”‘’（）【】《》…—", true},
		{"question words only", "什么是？怎么样？为什么？", true},
		{"control characters", "\x00\x01\x1b[31m\x7f", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := ask(t, ix, tc.q)
			if r.Answered {
				t.Errorf("answered with %s (confidence %.2f)", topID(r), r.Confidence)
			}
			if _, ok := r.Best(); ok {
				t.Error("Best() ok on an unanswered search")
			}
			if tc.noMatches && (len(r.Matches) != 0 || r.Confidence != 0) {
				t.Errorf("%d matches, confidence %.2f; want none", len(r.Matches), r.Confidence)
			}
			if !utf8.ValidString(r.Query) || strings.ContainsFunc(r.Query, unicode.IsControl) {
				t.Errorf("Query %q is not clean", r.Query)
			}
		})
	}
}

func TestSearchInvalidUTF8(t *testing.T) {
	ix := build(t, defaultCorpus(t))
	for _, tc := range []struct {
		name, q string
		want    string // best section if answered, "" if not
	}{
		{"invalid prefix", "\xff\xfe什么是大模型？", "llm-startup/1"},
		{"invalid inside", "大模型的\xc0\xaf训练过程", "llm-startup/2"},
		{"cut rune", "什么是大模型\xe5\xa4", "llm-startup/1"},
		{"only invalid bytes", "\xff\xfe\xfd\x80\x80", ""},
		{"surrogate half", "\xed\xa0\x80", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := ask(t, ix, tc.q)
			if !utf8.ValidString(r.Query) {
				t.Errorf("Query %q is not valid UTF-8", r.Query)
			}
			if tc.want == "" {
				if r.Answered || len(r.Matches) != 0 {
					t.Errorf("answered=%v with %d matches, want nothing", r.Answered, len(r.Matches))
				}
				return
			}
			if !r.Answered || topID(r) != tc.want {
				t.Errorf("best %q answered=%v, want %q", topID(r), r.Answered, tc.want)
			}
		})
	}
}

func TestSearchLongQuestionIsCut(t *testing.T) {
	ix := build(t, defaultCorpus(t))
	runes := func(s string, n int) string { return string([]rune(s)[:n]) }
	for _, tc := range []struct {
		name      string
		q         string
		truncated bool
		want      string
	}{
		{"question repeated", runes(strings.Repeat("什么是大模型？", 2000), 10000), true, "llm-startup/1"},
		{"question then filler", runes("大模型的训练过程"+strings.Repeat("嗯", 10000), 10000), true, "llm-startup/2"},
		{"exactly the limit", runes(strings.Repeat("什么是大模型？", 100), MaxQueryRunes), false, "llm-startup/1"},
		{"one over the limit", runes(strings.Repeat("什么是大模型？", 100), MaxQueryRunes+1), true, "llm-startup/1"},
		// Spaces fold before the limit applies: they do not count.
		{"spaces fold first", "什么是" + strings.Repeat(" ", 10000) + "大模型", false, "llm-startup/1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			r := ask(t, ix, tc.q)
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("search took %v", d)
			}
			if r.Truncated != tc.truncated {
				t.Errorf("Truncated = %v, want %v", r.Truncated, tc.truncated)
			}
			n := utf8.RuneCountInString(r.Query)
			if tc.truncated && n != MaxQueryRunes {
				t.Errorf("Query has %d runes, want %d", n, MaxQueryRunes)
			}
			if n > MaxQueryRunes {
				t.Errorf("Query has %d runes, more than %d", n, MaxQueryRunes)
			}
			if !strings.HasPrefix(tc.q, r.Query) && tc.name != "spaces fold first" {
				t.Errorf("Query is not a prefix of the question")
			}
			if !r.Answered || topID(r) != tc.want {
				t.Errorf("best %q answered=%v, want %q", topID(r), r.Answered, tc.want)
			}
		})
	}
}

// TestSearchCancelled pins what Search does with a context that has already
// ended: a question with something to search fails with the context's error
// and a nil result; a question with nothing to search never reaches the
// index and gets its empty, unanswered result.
func TestSearchCancelled(t *testing.T) {
	ix := build(t, defaultCorpus(t))
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	expired, cancel2 := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel2()
	for _, tc := range []struct {
		name string
		ctx  context.Context
		want error
	}{
		{"cancelled", cancelled, context.Canceled},
		{"deadline", expired, context.DeadlineExceeded},
	} {
		for _, q := range []string{"什么是大模型？", "how to train a large language model", "OpenAI GPT-3"} {
			t.Run(tc.name+"/"+q, func(t *testing.T) {
				r, err := ix.Search(tc.ctx, q)
				if !errors.Is(err, tc.want) {
					t.Errorf("err = %v, want %v", err, tc.want)
				}
				if r != nil {
					t.Errorf("result %+v with error", r)
				}
			})
		}
		t.Run(tc.name+"/empty", func(t *testing.T) {
			r, err := ix.Search(tc.ctx, "？？")
			if err != nil {
				t.Fatalf("err = %v, want the empty result", err)
			}
			if r == nil || r.Answered || len(r.Matches) != 0 {
				t.Errorf("result %+v, want empty", r)
			}
		})
	}
	// The index still works afterwards.
	if r := ask(t, ix, "什么是大模型？"); topID(r) != "llm-startup/1" {
		t.Errorf("after cancelled searches: best %q", topID(r))
	}
}

// TestResultInvariants checks, on the built-in corpus and on a synthetic one
// large enough to fill MaxMatches, that confidences are in [0, 1], matches
// come best first and no more than MaxMatches, and Answered agrees with the
// best match's confidence.
func TestResultInvariants(t *testing.T) {
	synth := syntheticCorpus(t, 300, 11)
	var synthQuestions []string
	for _, s := range synth.Sections[:40] {
		synthQuestions = append(synthQuestions, s.Title, s.Question, s.Answer.Items()[0].Lead)
	}
	for _, tc := range []struct {
		name      string
		ix        *Index
		questions []string
	}{
		{"default", build(t, defaultCorpus(t)), invariantQuestions},
		{"synthetic", build(t, synth), append(synthQuestions, invariantQuestions...)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			full := 0
			for _, q := range tc.questions {
				r := ask(t, tc.ix, q)
				checkInvariants(t, tc.ix, q, r)
				if len(r.Matches) == MaxMatches {
					full++
				}
			}
			if tc.name == "synthetic" && full == 0 {
				t.Error("no search filled MaxMatches; the corpus does not test the cap")
			}
		})
	}
}

// TestUncoveredByClass checks that what the best section leaves unmatched
// is told apart by its words' class: a noun of another topic from the
// asker's verbs and adjectives.
func TestUncoveredByClass(t *testing.T) {
	ix := build(t, defaultCorpus(t))
	for _, tc := range []struct {
		q               string
		noun, verbOrAdj bool
	}{
		{"大模型的训练过程", false, false},
		{"大模型的训练过程和区块链", true, false},
		{"大模型的训练过程好纠结", false, true},
	} {
		s := ask(t, ix, tc.q).Signals
		if got := s.UncoveredNoun > 0; got != tc.noun {
			t.Errorf("%q: uncovered noun %.3f, want some: %v (%+v)", tc.q, s.UncoveredNoun, tc.noun, s)
		}
		if got := s.UncoveredVerb+s.UncoveredAdjective > 0; got != tc.verbOrAdj {
			t.Errorf("%q: uncovered verb %.3f and adjective %.3f, want some: %v (%+v)", tc.q, s.UncoveredVerb, s.UncoveredAdjective, tc.verbOrAdj, s)
		}
	}
}

var invariantQuestions = []string{
	"什么是大模型？", "大模型的训练过程", "大模型创业有哪些挑战", "数据质量", "模型解释性差有什么影响",
	"创业公司如何融资", "推荐系统", "今天天气怎么样", "how do I cook rice", "GPT-4", "OpenAI",
	"计算资源需求大怎么办", "模型 数据 创业 训练 参数 挑战 策略 商业模式", "",
}

func checkInvariants(t *testing.T, ix *Index, q string, r *Result) {
	t.Helper()
	if len(r.Matches) > MaxMatches {
		t.Errorf("%q: %d matches, more than MaxMatches %d", q, len(r.Matches), MaxMatches)
	}
	if r.Confidence < 0 || r.Confidence > 1 {
		t.Errorf("%q: result confidence %v outside [0, 1]", q, r.Confidence)
	}
	seen := map[string]bool{}
	for i, m := range r.Matches {
		if m.Coverage < 0 || m.Coverage > 1 {
			t.Errorf("%q: match %s coverage %v outside [0, 1]", q, m.Section.ID, m.Coverage)
		}
		if i > 0 && m.Score > r.Matches[i-1].Score {
			t.Errorf("%q: match %d (%s, %.4f) scores above match %d (%.4f)", q, i, m.Section.ID, m.Score, i-1, r.Matches[i-1].Score)
		}
		if seen[m.Section.ID] {
			t.Errorf("%q: section %s listed twice", q, m.Section.ID)
		}
		seen[m.Section.ID] = true
		checkSpans(t, q, m)
	}
	if len(r.Matches) == 0 {
		if r.Answered || r.Confidence != 0 {
			t.Errorf("%q: answered=%v confidence %v with no matches", q, r.Answered, r.Confidence)
		}
		return
	}
	// The signals but the lead describe the first ranking's best, as
	// the question reads before the reranker; the lead is the
	// reranker's share of the chance between its first two matches.
	if !slices.Contains(firstRankingSignals(t, ix, q), withoutLead(r.Signals)) {
		t.Errorf("%q: signals %+v are not the first ranking's best's", q, r.Signals)
	}
	lead := 1.0
	if len(r.Matches) > 1 {
		lead = r.Matches[0].Score / (r.Matches[0].Score + r.Matches[1].Score)
	}
	if math.Abs(r.Signals.Lead-lead) > 1e-9 {
		t.Errorf("%q: signals' lead %v, the first two matches' shares say %v", q, r.Signals.Lead, lead)
	}
	total := 0.0
	for _, m := range r.Matches {
		total += m.Score
	}
	if math.Abs(total-1) > 1e-9 {
		t.Errorf("%q: matches' shares add up to %v", q, total)
	}
	s := r.Signals
	// The section covers at least what its best passage covers.
	if left := s.UncoveredNoun + s.UncoveredVerb + s.UncoveredAdjective + s.UncoveredOther; left < 0 || left > 1-s.Passage+1e-9 {
		t.Errorf("%q: uncovered by class %.4f, more than the %.4f its best passage leaves: %+v", q, left, 1-s.Passage, s)
	}
	cal := ix.Params().Calibration
	if got := cal.Confidence(r.Signals); got != r.Confidence {
		t.Errorf("%q: confidence %v, the model says %v for %+v", q, r.Confidence, got, r.Signals)
	}
	if want := r.Confidence >= cal.Abstain; r.Answered != want {
		t.Errorf("%q: answered=%v with confidence %.3f (abstain below %.3f)", q, r.Answered, r.Confidence, cal.Abstain)
	}
}

// checkSpans checks that a match's spans are sorted, disjoint, not adjacent
// (adjacent spans merge), inside the passage and on rune boundaries, and
// that Fragment only adds the markers.
func checkSpans(t *testing.T, q string, m Match) {
	t.Helper()
	p := m.Passage
	id := "(no section)"
	if m.Section != nil {
		id = m.Section.ID
	}
	for i, s := range m.Spans {
		if s.Start < 0 || s.End > len(p) || s.Start >= s.End {
			t.Errorf("%q %s: span %v outside passage of %d bytes", q, id, s, len(p))
			return
		}
		if !utf8.RuneStart(p[s.Start]) || (s.End < len(p) && !utf8.RuneStart(p[s.End])) {
			t.Errorf("%q %s: span %v splits a rune of %q", q, id, s, p)
		}
		if i > 0 && s.Start <= m.Spans[i-1].End {
			t.Errorf("%q %s: spans %v and %v overlap or touch", q, id, m.Spans[i-1], s)
		}
	}
	f := m.Fragment("⟦", "⟧")
	if !utf8.ValidString(f) {
		t.Errorf("%q %s: fragment is not valid UTF-8: %q", q, id, f)
	}
	if got := strings.NewReplacer("⟦", "", "⟧", "").Replace(f); got != p {
		t.Errorf("%q %s: fragment without markers %q, want passage %q", q, id, got, p)
	}
	if n := strings.Count(f, "⟦"); n != len(m.Spans) {
		t.Errorf("%q %s: %d opening markers for %d spans", q, id, n, len(m.Spans))
	}
}

func TestFragment(t *testing.T) {
	const p = "大模型的训练过程" // 3 bytes a rune
	for _, tc := range []struct {
		name  string
		spans []Span
		want  string
	}{
		{"none", nil, p},
		{"one bigram", []Span{{0, 6}}, "**大模**型的训练过程"},
		{"overlapping bigrams", []Span{{0, 6}, {3, 9}}, "**大模型**的训练过程"},
		{"chain of bigrams", []Span{{12, 18}, {15, 21}, {18, 24}}, "大模型的**训练过程**"},
		{"unsorted", []Span{{18, 24}, {0, 6}, {3, 9}, {12, 18}, {15, 21}}, "**大模型**的**训练过程**"},
		{"adjacent", []Span{{0, 6}, {6, 9}}, "**大模型**的训练过程"},
		{"duplicate", []Span{{0, 6}, {0, 6}}, "**大模**型的训练过程"},
		{"contained", []Span{{0, 12}, {3, 6}}, "**大模型的**训练过程"},
		{"whole passage", []Span{{0, 24}}, "**大模型的训练过程**"},
		{"gap of one rune", []Span{{0, 9}, {12, 24}}, "**大模型**的**训练过程**"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := Match{Passage: p, Spans: mergeSpans(append([]Span(nil), tc.spans...))}
			if got := m.Fragment("**", "**"); got != tc.want {
				t.Errorf("Fragment = %q, want %q", got, tc.want)
			}
			checkSpans(t, tc.name, m)
		})
	}
	t.Run("other markers", func(t *testing.T) {
		m := Match{Passage: p, Spans: []Span{{0, 9}}}
		if got := m.Fragment("<b>", "</b>"); got != "<b>大模型</b>的训练过程" {
			t.Errorf("Fragment = %q", got)
		}
	})
}

// TestSearchFragments checks the fragments real searches give: bigram hits
// merge into whole words and never split a character.
func TestSearchFragments(t *testing.T) {
	ix := build(t, defaultCorpus(t))
	for _, tc := range []struct {
		q        string
		contains []string // in the best match's fragment
		lacks    []string
	}{
		{"什么是大模型？", []string{"**大模型**"}, []string{"**大模**", "**模型**"}},
		{"LLM 的训练过程", []string{"**训练过程**", "**大模型**"}, []string{"**训练**过程"}},
		{"大模型创业公司如何制定创新策略", []string{"**大模型创业公司**", "**制定创新策略**"}, nil},
		// OpenAI matches in the alias line here; the fragment shows the question.
		{"OpenAI 是怎么成功的", []string{"**成功**"}, nil},
		{"GPT-3", []string{"**GPT-3**"}, nil},
		{"ＬＬＭ的训练过程", []string{"**训练过程**"}, nil},
		{"如何保护用户隐私", []string{"**用户隐私**"}, nil},
	} {
		t.Run(tc.q, func(t *testing.T) {
			r := ask(t, ix, tc.q)
			if len(r.Matches) == 0 {
				t.Fatal("no match")
			}
			for _, m := range r.Matches {
				checkSpans(t, tc.q, m)
				if len(m.Spans) == 0 || m.Passage == "" {
					t.Errorf("%s: no passage or spans", m.Section.ID)
				}
			}
			f := r.Matches[0].Fragment("**", "**")
			for _, s := range tc.contains {
				if !strings.Contains(f, s) {
					t.Errorf("fragment %q lacks %q", f, s)
				}
			}
			for _, s := range tc.lacks {
				if strings.Contains(f, s) {
					t.Errorf("fragment %q has %q", f, s)
				}
			}
		})
	}
}

// TestConcurrentSearch runs searches from 16 goroutines at once; run with
// -race. Every search must give what it gives alone.
func TestConcurrentSearch(t *testing.T) {
	ix := build(t, defaultCorpus(t))
	questions := append([]string{
		"什么是大模型？", "LLM 的训练过程", "大模型一般有多少参数", "模型解释性差有什么影响",
		"今天天气怎么样", "how do I cook rice", "", "😀", "\xff大模型",
		strings.Repeat("什么是大模型？", 100),
	}, invariantQuestions...)
	type outcome struct {
		best       string
		answered   bool
		confidence float64
		fragment   string
	}
	describe := func(r *Result) outcome {
		o := outcome{best: topID(r), answered: r.Answered, confidence: r.Confidence}
		if len(r.Matches) > 0 {
			o.fragment = r.Matches[0].Fragment("[", "]")
		}
		return o
	}
	want := make([]outcome, len(questions))
	for i, q := range questions {
		want[i] = describe(ask(t, ix, q))
	}
	const goroutines, rounds = 16, 5
	var wg sync.WaitGroup
	errs := make(chan error, goroutines*rounds*len(questions))
	for g := range goroutines {
		wg.Go(func() {
			for round := range rounds {
				for k := range questions {
					i := (k + g + round) % len(questions) // each goroutine in its own order
					r, err := ix.Search(context.Background(), questions[i])
					if err != nil {
						errs <- fmt.Errorf("goroutine %d: %q: %w", g, questions[i], err)
						continue
					}
					if got := describe(r); got != want[i] {
						errs <- fmt.Errorf("goroutine %d: %q: got %+v, alone %+v", g, questions[i], got, want[i])
					}
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestSearchSyntheticCorpus checks that on a larger generated corpus a
// section's own question finds it.
func TestSearchSyntheticCorpus(t *testing.T) {
	c := syntheticCorpus(t, 500, 3)
	ix := build(t, c)
	found, first := 0, 0
	const n = 50
	for _, s := range c.Sections[:n] {
		r := ask(t, ix, s.Question)
		for i, m := range r.Matches {
			// Generated questions repeat; a section asking the
			// same question is as good an answer.
			if m.Section.ID == s.ID || m.Section.Question == s.Question {
				found++
				if i == 0 {
					first++
				}
				break
			}
		}
	}
	t.Logf("own question: first for %d of %d sections, listed for %d", first, n, found)
	if found < n*9/10 || first < n*7/10 {
		t.Errorf("own question: first for %d of %d sections, listed for %d", first, n, found)
	}
}

// firstRankingSignals are the signals of the first ranking's best match
// for each reading of q, worked out without the reranker.
func firstRankingSignals(t *testing.T, ix *Index, q string) []Signals {
	t.Helper()
	ctx := context.Background()
	clean, _ := cleanQuery(q)
	var out []Signals
	for _, text := range ix.questionReadings(clean) {
		pq, err := ix.parse(ctx, normalizeQuery(text))
		if err != nil {
			t.Fatal(err)
		}
		hits, err := ix.hits(ctx, pq)
		if err != nil {
			t.Fatal(err)
		}
		if ms := ix.rank(pq, hits); len(ms) > 0 {
			out = append(out, ix.signals(pq, ms))
		}
	}
	return out
}

func withoutLead(s Signals) Signals {
	s.Lead = 0
	return s
}
