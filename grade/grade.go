// Package grade scores a member's answer against the key points of a
// section's 答案. It reads answers the way the index reads questions
// (width folding, traditional characters mapped to simplified, the field's
// English terms mapped to the corpus's words, CJK bigrams), so it tolerates
// paraphrase and word order, and it weighs each term by how rare it is
// among all key points, so that copying the question back or repeating one
// word scores near zero. There is no Discord in it.
package grade

import (
	"math"
	"regexp"
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
	for _, it := range s.Answer.Items() {
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

// sentences splits a paragraph after 。！？!? and ; …
func sentences(p string) []string {
	var out []string
	var b strings.Builder
	for _, r := range p {
		b.WriteRune(r)
		switch r {
		case '。', '！', '？', '!', '?', '；', ';':
			if s := strings.TrimSpace(b.String()); s != "" {
				out = append(out, s)
			}
			b.Reset()
		}
	}
	if s := strings.TrimSpace(b.String()); utf8.RuneCountInString(s) > 1 {
		out = append(out, s)
	}
	return out
}

// head names a point without a lead term by its first words.
func head(s string) string {
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
	an     Analyzer
	simple func(string) string // traditional → simplified
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
}

// DefaultParams are the measured defaults.
func DefaultParams() Params { return Params{LeadShare: 0.6, Covered: 0.4} }

type gradedPoint struct {
	Point
	lead []string // terms of the lead
	text []string // terms of the explanation that are not in the lead
}

// New prepares a grader for every section of c. simplified maps
// traditional characters to simplified ones (zh.Converter.Simplified);
// nil leaves text as it is.
func New(c *corpus.Corpus, an Analyzer, simplified func(string) string) *Grader {
	if simplified == nil {
		simplified = func(s string) string { return s }
	}
	g := &Grader{an: an, simple: simplified, weight: map[string]float64{}, points: map[string][]gradedPoint{}, params: DefaultParams()}
	df := map[string]int{}
	n := 0
	var all []*corpus.Section
	for _, s := range c.Sections {
		all = append(all, s)
		for _, t := range s.Translations {
			all = append(all, t)
		}
	}
	for _, s := range all {
		for _, p := range KeyPoints(s) {
			gp := gradedPoint{Point: p}
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
			g.points[pointsKey(s)] = append(g.points[pointsKey(s)], gp)
		}
	}
	for t, d := range df {
		g.weight[t] = math.Log(1 + float64(n)/float64(d))
	}
	return g
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
	have := map[string]bool{}
	for _, t := range g.an.Terms(g.simple(answer)) {
		have[t] = true
	}
	g.translate(answer, have)
	res := Result{Section: s.ID, Covered: []string{}, Missed: []string{}}
	points := g.points[pointsKey(s)]
	for _, p := range points {
		credit := g.credit(p, have)
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

// translator maps an English word or phrase to the Chinese words it may
// stand for; *index.Analyzer is one.
type translator interface {
	Chinese(phrase string) []string
}

// englishWord is a word of an answer written in English.
var englishWord = regexp.MustCompile(`[A-Za-z][A-Za-z'-]*`)

// translate adds to have the terms of the Chinese words that an answer's
// English words and phrases stand for, when the key points use those words:
// "backpropagation" answers 反向传播. The key points choose among a
// word's senses, as a corpus does in search.
func (g *Grader) translate(answer string, have map[string]bool) {
	tr, ok := g.an.(translator)
	if !ok {
		return
	}
	locs := englishWord.FindAllStringIndex(answer, -1)
	for i := 0; i < len(locs); {
		done := 1
		for n := min(3, len(locs)-i); n >= 1; n-- {
			if !contiguous(answer, locs[i:i+n]) {
				continue
			}
			found := false
			for _, zh := range tr.Chinese(answer[locs[i][0]:locs[i+n-1][1]]) {
				terms := g.an.Terms(zh)
				if len(terms) > 0 && !slices.ContainsFunc(terms, func(t string) bool { return g.weight[t] == 0 }) {
					for _, t := range terms {
						have[t] = true
					}
					found = true
				}
			}
			if found {
				done = n
				break
			}
		}
		i += done
	}
}

// contiguous reports whether the words at locs are separated by spaces only.
func contiguous(s string, locs [][]int) bool {
	for i := 1; i < len(locs); i++ {
		if strings.TrimSpace(s[locs[i-1][1]:locs[i][0]]) != "" {
			return false
		}
	}
	return true
}

// credit combines the share of the lead term's characters the answer has
// and the weighted share of the explanation's terms.
func (g *Grader) credit(p gradedPoint, have map[string]bool) float64 {
	lead, text := g.leadShare(p.lead, have), g.share(p.text, have)
	switch {
	case len(p.lead) == 0:
		return text
	case len(p.text) == 0:
		return lead
	}
	return g.params.LeadShare*lead + (1-g.params.LeadShare)*text
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
