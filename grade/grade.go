// Package grade scores a member's answer against the key points of a
// section's 答案 the way a teacher reads one. Answers are read like
// questions (width folding, traditional characters mapped to simplified,
// CJK bigrams) and also by their words (package words): a lead term is
// named by its words, not by characters it shares with another (反向传播
// does not name 前向传播); an English word or a synonym counts where the key
// points use what it stands for (算力 for 计算资源); a word that only one
// point's explanation has names that point (数据清洗 for 数据预处理); and a
// list of key words with nothing said of them earns little. Each term
// weighs by its rarity among all key points, so that copying the question
// back or repeating one word scores near zero. There is no Discord in it.
package grade

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/startupqa/startupqa/corpus"
)

// Point is one key point of an answer: a list item (its lead term plus its
// explanation) or, for an answer without a list, one sentence.
type Point struct {
	Name string // the lead term, or the start of the sentence
	Lead string // the bold lead term; "" for a sentence
	Text string // the whole point
}

// KeyPoints returns the key points of a section's answer.
func KeyPoints(s *corpus.Section) []Point {
	var ps []Point
	items := s.Answer.Items()
	todos := 0
	for _, it := range items {
		if _, ok := it.ToDo(); ok {
			todos++
		}
	}
	// To-dos beside other items or prose are the reader's ("[x] 已背");
	// an answer that is nothing but a checklist is written as one.
	checklist := todos == len(items) && len(s.Answer.Paragraphs()) == 0
	for _, it := range items {
		if text, ok := it.ToDo(); ok {
			if !checklist {
				continue
			}
			it.Text = text // an answer written as a checklist
		}
		name := it.Lead
		if name == "" {
			name = head(it.Text)
		}
		ps = append(ps, Point{Name: name, Lead: it.Lead, Text: it.String()})
	}
	if len(ps) > 0 {
		return ps
	}
	for _, p := range s.Answer.Paragraphs() {
		for _, sent := range sentences(p) {
			ps = append(ps, Point{Name: head(sent), Text: sent})
		}
	}
	return ps
}

// sentences splits a paragraph after 。！？!? and ; and at its line breaks
// (one term and its definition a line), except after a colon: a term on
// a line of its own (过拟合：) belongs with the line that explains it.
func sentences(p string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if s := strings.TrimSpace(b.String()); s != "" {
			out = append(out, s)
		}
		b.Reset()
	}
	lines := strings.Split(p, "\n")
	for i, line := range lines {
		if i > 0 {
			// A line that ends in a colon introduces the next: a term on
			// a line of its own joins its definition (过拟合： then what
			// it is), and an introduction (相关术语：) of lines that each
			// name a term of their own is no point.
			if t := strings.TrimSpace(b.String()); strings.HasSuffix(t, "：") || strings.HasSuffix(t, ":") {
				if strings.ContainsAny(line, "：:") {
					b.Reset()
				} else if strings.HasSuffix(t, ":") {
					b.WriteByte(' ')
				}
			} else {
				flush()
			}
		}
		sentencesOf(line, &b, flush)
	}
	if t := strings.TrimSpace(b.String()); utf8.RuneCountInString(t) > 1 && !isIntroduction(t) {
		flush()
	}
	return out
}

// sentencesOf writes one line of a paragraph to b, flushing after each
// sentence it ends.
func sentencesOf(line string, b *strings.Builder, flush func()) {
	for _, r := range line {
		b.WriteRune(r)
		switch r {
		case '。', '！', '？', '!', '?', '；', ';':
			flush()
		}
	}
}

// isIntroduction reports whether a paragraph's last sentence only says
// that something follows ("主要有两个原因：", "对比如下："): short, and
// ending in a colon. A longer one says what the code or table after it
// shows ("排查：JOIN 前先检查关联键在两边是否唯一：") and is a point.
func isIntroduction(s string) bool {
	return (strings.HasSuffix(s, "：") || strings.HasSuffix(s, ":")) && utf8.RuneCountInString(s) <= 10
}

// head names a point without a lead term by its first words.
func head(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	s = strings.TrimRight(s, "。！？!?；;：:，, ")
	if r := []rune(s); len(r) > 16 {
		return string(r[:16]) + "…"
	}
	return s
}

// Analyzer turns text into terms; *index.Analyzer is one.
type Analyzer interface {
	Terms(text string) []string
}

// Grader grades answers for one corpus.
type Grader struct {
	an    Analyzer
	words *reader
	vocab map[string]bool // every content word of every key point
	// wordWeight weighs the key points' words by rarity among them.
	wordWeight map[string]float64
	simple     func(string) string // traditional → simplified
	// weight of a term: rarer among all key points of the corpus counts
	// more; a term in every point says nothing about which one an
	// answer covers.
	weight map[string]float64
	points map[string][]gradedPoint // pointsKey(section) → its points
	params Params
}

// Params are the grader's thresholds, chosen on the tests' answers.
type Params struct {
	// LeadShare is how much of a point's credit its lead term carries;
	// the rest comes from its explanation.
	LeadShare float64
	// Covered is the credit from which a point counts as covered.
	Covered float64
	// DistinctCredit is what naming a word only the point's explanation
	// has is worth.
	DistinctCredit float64
}

// DefaultParams are the measured defaults.
func DefaultParams() Params { return Params{LeadShare: 0.6, Covered: 0.4, DistinctCredit: 0.5} }

type gradedPoint struct {
	Point
	lead []string // terms of the lead
	text []string // terms of the explanation that are not in the lead
	// leadWords are the content words of a Chinese lead; distinct the
	// words of the explanation no other point of the section has.
	leadWords []leadWord
	distinct  []string
}

// New prepares a grader for every section of c. simplified maps
// traditional characters to simplified ones (zh.Converter.Simplified);
// nil leaves text as it is.
func New(c *corpus.Corpus, an Analyzer, simplified func(string) string) (*Grader, error) {
	if simplified == nil {
		simplified = func(s string) string { return s }
	}
	rd, err := newReader()
	if err != nil {
		return nil, fmt.Errorf("grader: %w", err)
	}
	g := &Grader{an: an, words: rd, vocab: map[string]bool{}, simple: simplified, weight: map[string]float64{}, points: map[string][]gradedPoint{}, params: DefaultParams()}
	df := map[string]int{}
	wdf := map[string]int{}
	n := 0
	var all []*corpus.Section
	for _, s := range c.Sections {
		all = append(all, s)
		for _, t := range s.Translations {
			all = append(all, t)
		}
	}
	for _, s := range all {
		var points []gradedPoint
		for _, p := range KeyPoints(s) {
			gp := gradedPoint{Point: p}
			if strings.ContainsFunc(p.Lead, isHan) {
				gp.leadWords = rd.leadWords(simplified(p.Lead))
			}
			for _, w := range rd.contentWords(simplified(p.Text)) {
				g.vocab[w] = true
				wdf[w]++
			}
			gp.lead = an.Terms(p.Lead)
			for _, t := range an.Terms(p.Text) {
				if !slices.Contains(gp.lead, t) {
					gp.text = append(gp.text, t)
				}
			}
			for _, t := range append(slices.Clone(gp.lead), gp.text...) {
				df[t]++
			}
			n++
			points = append(points, gp)
		}
		rd.distinctWords(s, points)
		g.points[pointsKey(s)] = points
	}
	for t, d := range df {
		g.weight[t] = math.Log(1 + float64(n)/float64(d))
	}
	g.wordWeight = wordWeights(wdf, n)
	return g, nil
}

// pointsKey tells a section's translations apart: they share its id, and
// an answer in English is graded against the English key points.
func pointsKey(s *corpus.Section) string { return s.ID + "|" + s.Lang }

// Result is the grade of one answer.
type Result struct {
	Section string       `json:"section"`
	Score   float64      `json:"score"` // share of key points covered, 0..1
	Covered []string     `json:"covered"`
	Missed  []string     `json:"missed"`
	Points  []PointGrade `json:"-"`
}

// PointGrade is the grade of one key point.
type PointGrade struct {
	Name    string
	Credit  float64 // 0..1: how much of the point the answer has
	Covered bool
}

// String is the point as a verdict line shows it: "✓ 数据质量" or
// "✗ 模型解释性".
func (p PointGrade) String() string {
	if p.Covered {
		return "✓ " + p.Name
	}
	return "✗ " + p.Name
}

// MaxAnswerRunes bounds what is read of an answer; longer text is noise.
const MaxAnswerRunes = 4000

// Grade scores an answer to section s, against the key points of its
// language: s.In("en") grades against the English translation's.
func (g *Grader) Grade(s *corpus.Section, answer string) Result {
	if r := []rune(answer); len(r) > MaxAnswerRunes {
		answer = string(r[:MaxAnswerRunes])
	}
	answer = strings.ToLower(g.simple(answer))
	have := map[string]bool{}
	for _, t := range g.an.Terms(answer) {
		have[t] = true
	}
	english := g.words.englishWords(answer)
	for _, zh := range english {
		// The English words' Chinese readings count where the key
		// points use them.
		if terms := g.an.Terms(zh); len(terms) > 0 && !slices.ContainsFunc(terms, func(t string) bool { return g.weight[t] == 0 }) {
			for _, t := range terms {
				have[t] = true
			}
		}
	}
	said := g.words.answerWords(answer, english, g.vocab)
	for w := range said {
		if g.vocab[w] {
			for _, t := range g.an.Terms(w) {
				have[t] = true
			}
		}
	}
	salad := g.words.salad(answer)
	res := Result{Section: s.ID, Covered: []string{}, Missed: []string{}}
	points := g.points[pointsKey(s)]
	for _, p := range points {
		credit := g.credit(p, answer, have, said)
		if salad {
			credit *= saladFactor
		}
		pg := PointGrade{Name: p.Name, Credit: credit, Covered: credit >= g.params.Covered}
		res.Points = append(res.Points, pg)
		if pg.Covered {
			res.Covered = append(res.Covered, p.Name)
		} else {
			res.Missed = append(res.Missed, p.Name)
		}
	}
	if len(points) > 0 {
		res.Score = float64(len(res.Covered)) / float64(len(points))
	}
	return res
}

// credit combines the share of the lead the answer names and the
// weighted share of the explanation's terms; an answer that names a word
// only this point's explanation has (数据清洗 for 数据预处理, whose
// explanation says 清洗) earns at least DistinctCredit.
func (g *Grader) credit(p gradedPoint, answer string, have, said map[string]bool) float64 {
	lead := g.leadShare(p.lead, have)
	if len(p.leadWords) > 0 {
		// A Chinese lead is named by its words: 反向传播 shares the
		// characters 向传播 with 前向传播 but not the word 前向.
		lead = g.wordShare(p.leadWords, answer, said)
	}
	text := g.share(p.text, have)
	var c float64
	switch {
	case len(p.lead) == 0:
		c = text
	case len(p.text) == 0:
		c = lead
	default:
		c = g.params.LeadShare*lead + (1-g.params.LeadShare)*text
	}
	for _, w := range p.distinct {
		if said[w] || strings.Contains(answer, w) {
			c = max(c, g.params.DistinctCredit)
			break
		}
	}
	return c
}

// leadShare is the share of a lead term's characters covered by the
// bigrams the answer shares with it, each weighed by its term's rarity
// among the key points. Counting characters rather than bigrams forgives
// the bigram that straddles two words: "模型 初始化" covers all of 模型初始化
// though it lacks 型初. An English word counts as two characters, so that
// "scalability" covers most of "Model scalability": "model" is in many
// points and weighs little.
func (g *Grader) leadShare(terms []string, have map[string]bool) float64 {
	all, got := map[string]float64{}, map[string]bool{}
	for _, t := range terms {
		w := g.weight[t]
		units := []string{t, t + "\x00"}
		if strings.ContainsFunc(t, isHan) {
			units = strings.Split(t, "")
		}
		for _, u := range units {
			all[u] = max(all[u], w)
			if have[t] {
				got[u] = true
			}
		}
	}
	var sum, covered float64
	for u, w := range all {
		sum += w
		if got[u] {
			covered += w
		}
	}
	if sum == 0 {
		return 0
	}
	return covered / sum
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

func (g *Grader) share(terms []string, have map[string]bool) float64 {
	var got, total float64
	for _, t := range terms {
		w := g.weight[t]
		total += w
		if have[t] {
			got += w
		}
	}
	if total == 0 {
		return 0
	}
	return got / total
}
