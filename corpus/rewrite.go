package corpus

import "slices"

// rewrite edits lines in place of the caller's, copying them at the first
// edit: most notes have nothing a pre-pass rewrites, and pay no copy.
type rewrite struct{ in, out []string }

func (r *rewrite) set(i int, s string) {
	if r.out == nil {
		r.out = slices.Clone(r.in)
	}
	r.out[i] = s
}

// get returns line i as edited so far.
func (r *rewrite) get(i int) string { return r.lines()[i] }

// lines returns the lines as edited.
func (r *rewrite) lines() []string {
	if r.out == nil {
		return r.in
	}
	return r.out
}
