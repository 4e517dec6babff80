package grade_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/startupqa/startupqa/challenge"
	"github.com/startupqa/startupqa/corpus"
	"github.com/startupqa/startupqa/grade"
	"github.com/startupqa/startupqa/index"
	"github.com/startupqa/startupqa/zh"
)

// markedAnswer is one member's answer and the key points a teacher
// credited it with (see testdata/grading/README.md).
type markedAnswer struct {
	Corpus  string `json:"corpus"`
	Section string `json:"section"`
	Kind    string `json:"kind"`
	Answer  string `json:"answer"`
	Covered []int  `json:"covered"` // 1-based, in the order of KeyPoints
	Split   string `json:"split"`
}

// agreement is how often the grader ticks a key point as the teacher did.
type agreement struct {
	answers, points, same, streaks int
}

func (a agreement) share() float64 { return float64(a.same) / float64(max(1, a.points)) }

// TestTeacherAgreement grades the answers of testdata/grading, written and
// marked by someone who never ran the grader, and compares the key points
// ticked with the teacher's: on the notes the grader was chosen on
// (tune) and on others (holdout). A salad of key words reaches the
// streak threshold on neither.
func TestTeacherAgreement(t *testing.T) {
	answers := readMarked(t, "../testdata/grading/answers.jsonl")
	an, err := index.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	conv, err := zh.New()
	if err != nil {
		t.Fatal(err)
	}
	graders := map[string]*grade.Grader{}
	corpora := map[string]*corpus.Corpus{}
	by := map[string]*agreement{}
	for _, m := range answers {
		g := graders[m.Corpus]
		if g == nil {
			c, err := corpus.LoadDir(filepath.Join("../testdata/corpora", m.Corpus))
			if err != nil {
				t.Fatal(err)
			}
			if g, err = grade.New(c, an, conv.Simplified); err != nil {
				t.Fatal(err)
			}
			graders[m.Corpus], corpora[m.Corpus] = g, c
		}
		s, ok := corpora[m.Corpus].Section(m.Section)
		if !ok {
			t.Fatalf("%s: no section %s", m.Corpus, m.Section)
		}
		res := g.Grade(s, m.Answer)
		for _, key := range []string{m.Split + " all", m.Split + " " + m.Kind} {
			a := by[key]
			if a == nil {
				a = &agreement{}
				by[key] = a
			}
			a.answers++
			if res.Score >= challenge.StreakThreshold {
				a.streaks++
			}
			for i, p := range res.Points {
				a.points++
				if p.Covered == slices.Contains(m.Covered, i+1) {
					a.same++
				}
			}
		}
	}
	keys := make([]string, 0, len(by))
	for k := range by {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	fmt.Fprintf(&b, "%-20s %7s %7s %9s %8s\n", "split kind", "answers", "points", "agreement", "streaks")
	for _, k := range keys {
		a := by[k]
		fmt.Fprintf(&b, "%-20s %7d %7d %8.1f%% %8d\n", k, a.answers, a.points, 100*a.share(), a.streaks)
	}
	t.Logf("key points ticked as the teacher did:\n%s", b.String())
	for _, split := range []string{"tune", "holdout"} {
		if a := by[split+" all"]; a == nil || a.share() < 0.80 {
			t.Errorf("%s: agreement below 80 %%", split)
		}
		if a := by[split+" salad"]; a == nil || a.streaks > 1 {
			t.Errorf("%s: salads of key words reached the streak threshold", split)
		}
	}
	if a := by["tune salad"]; a != nil && a.streaks > 0 {
		t.Errorf("tune: %d salads of key words reached the streak threshold", a.streaks)
	}
}

func readMarked(t *testing.T, path string) []markedAnswer {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []markedAnswer
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		var m markedAnswer
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
		out = append(out, m)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
