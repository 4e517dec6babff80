package eval

import (
	"cmp"
	"slices"
)

// Stats are the figures for a group of outcomes.
type Stats struct {
	Name    string // the kind, corpus or "all" the group stands for
	N       int    // cases in the group
	InScope int
	OffTop  int

	// In-scope figures, as shares of InScope.
	Top1       float64 // answered, with an expected section first
	FirstRight float64 // an expected section first, answered or not
	Top3       float64 // an expected section among the first three
	MRR        float64 // mean of 1/rank
	Coverage   float64 // answered at all

	// Answered is how many cases got an answer, in scope or not, and
	// Precision the share of those answers that were right: an answer to
	// an off-topic question is a wrong one.
	Answered  int
	Precision float64

	// Abstention as a classifier of off-topic questions.
	Abstained        int     // cases the engine declined, in scope or not
	AbstainPrecision float64 // abstentions that were off-topic
	AbstainRecall    float64 // off-topic questions abstained on
}

// Report is an evaluation's result.
type Report struct {
	Overall  Stats
	ByKind   []Stats
	ByCorpus []Stats // empty unless the report covers a suite
	Outcomes []Outcome
	// Calibration buckets every case by the confidence of its first match.
	Calibration []Bucket
}

// NewReport scores outcomes overall, by kind and, when they come from
// several corpora, by corpus.
func NewReport(outs []Outcome) *Report {
	rep := &Report{Overall: stats("all", outs), Outcomes: outs, Calibration: calibrate(outs)}
	rep.ByKind = groupStats(outs, func(o Outcome) string { return o.Case.Kind })
	if byCorpus := groupStats(outs, func(o Outcome) string { return o.Corpus }); len(byCorpus) > 1 || (len(byCorpus) == 1 && byCorpus[0].Name != "") {
		rep.ByCorpus = byCorpus
	}
	return rep
}

func groupStats(outs []Outcome, key func(Outcome) string) []Stats {
	groups := map[string][]Outcome{}
	for _, o := range outs {
		groups[key(o)] = append(groups[key(o)], o)
	}
	var ss []Stats
	for k, os := range groups {
		ss = append(ss, stats(k, os))
	}
	slices.SortFunc(ss, func(a, b Stats) int { return cmp.Compare(a.Name, b.Name) })
	return ss
}

func stats(name string, outs []Outcome) Stats {
	s := Stats{Name: name, N: len(outs)}
	var top1, first, top3, answeredIn, right, abstainedOff int
	var rr float64
	for _, o := range outs {
		if o.Answered {
			s.Answered++
		} else {
			s.Abstained++
		}
		if !o.Case.InScope() {
			s.OffTop++
			if !o.Answered {
				abstainedOff++
			}
			continue
		}
		s.InScope++
		if o.Answered {
			answeredIn++
		}
		if o.Rank == 1 {
			first++
			if o.Answered {
				top1++
				right++
			}
		}
		if o.Rank >= 1 && o.Rank <= 3 {
			top3++
		}
		if o.Rank > 0 {
			rr += 1 / float64(o.Rank)
		}
	}
	s.Top1 = share(top1, s.InScope)
	s.FirstRight = share(first, s.InScope)
	s.Top3 = share(top3, s.InScope)
	s.Coverage = share(answeredIn, s.InScope)
	if s.InScope > 0 {
		s.MRR = rr / float64(s.InScope)
	}
	s.Precision = share(right, s.Answered)
	s.AbstainPrecision = share(abstainedOff, s.Abstained)
	s.AbstainRecall = share(abstainedOff, s.OffTop)
	return s
}

func share(k, n int) float64 {
	if n == 0 {
		return 0
	}
	return float64(k) / float64(n)
}

// Bucket is one row of a calibration table: the cases whose first match
// had a confidence in [Lo, Hi), and how many of those matches were right.
type Bucket struct {
	Lo, Hi      float64
	N, Right    int
	MeanConfide float64 // mean confidence of the cases in the bucket
}

// Share is the share of the bucket's first matches that were right.
func (b Bucket) Share() float64 { return share(b.Right, b.N) }

// calibrate sorts every case with a match into ten confidence buckets. A
// first match is right when it is an expected section; for an off-topic
// question no match is right, so a confident match there counts against
// calibration as it should.
func calibrate(outs []Outcome) []Bucket {
	bs := make([]Bucket, 10)
	for i := range bs {
		bs[i].Lo, bs[i].Hi = float64(i)/10, float64(i+1)/10
	}
	for _, o := range outs {
		if len(o.Ranked) == 0 {
			continue
		}
		i := min(int(o.Confidence*10), 9)
		bs[i].N++
		bs[i].MeanConfide += o.Confidence
		if o.FirstRight() {
			bs[i].Right++
		}
	}
	for i := range bs {
		if bs[i].N > 0 {
			bs[i].MeanConfide /= float64(bs[i].N)
		}
	}
	return bs
}
