package eval

import (
	"fmt"
	"io"
	"strings"
)

// WriteTable prints the report as aligned text: a row per corpus when it
// covers a suite, a row per kind of question, one for all cases, then the
// calibration table.
//
// Columns: top-1 is answered with an expected section first; first is an
// expected section first, answered or not; prec is the share of answers
// given that were right; cover the share of in-scope questions answered;
// abst the share of off-topic questions abstained on.
func (r *Report) WriteTable(w io.Writer) error {
	var b strings.Builder
	header := func(title string) {
		fmt.Fprintf(&b, "%-16s %5s %7s %7s %7s %7s %7s %7s %6s\n", title, "n", "top-1", "first", "top-3", "prec", "cover", "abst", "MRR")
	}
	row := func(s Stats) {
		fmt.Fprintf(&b, "%-16s %5d %7s %7s %7s %7s %7s %7s %6s\n", s.Name, s.N,
			pct(s.Top1, s.InScope), pct(s.FirstRight, s.InScope), pct(s.Top3, s.InScope),
			pct(s.Precision, s.Answered), pct(s.Coverage, s.InScope),
			pct(s.AbstainRecall, s.OffTop), num(s.MRR, s.InScope))
	}
	if len(r.ByCorpus) > 0 {
		header("corpus")
		for _, s := range r.ByCorpus {
			row(s)
		}
		row(r.Overall)
		b.WriteString("\n")
	}
	header("kind")
	for _, s := range r.ByKind {
		row(s)
	}
	row(r.Overall)
	b.WriteString("\nconfidence     n   right  mean conf\n")
	for _, bk := range r.Calibration {
		if bk.N == 0 {
			continue
		}
		fmt.Fprintf(&b, "%.1f–%.1f  %5d  %6s  %9.2f\n", bk.Lo, bk.Hi, bk.N, pct(bk.Share(), bk.N), bk.MeanConfide)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func pct(v float64, n int) string {
	if n == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", 100*v)
}

func num(v float64, n int) string {
	if n == 0 {
		return "-"
	}
	return fmt.Sprintf("%.3f", v)
}
