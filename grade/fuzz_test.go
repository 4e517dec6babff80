package grade

import (
	"math"
	"testing"
)

// FuzzGrade grades arbitrary answers against every section of the
// built-in corpus: no answer may panic, scores and credits stay within
// 0..1, every key point is either covered or missed, and grading is
// deterministic.
//
//	go test -run='^$' -fuzz=FuzzGrade -fuzztime=60s ./grade
func FuzzGrade(f *testing.F) {
	for _, a := range []string{
		"数据清洗、特征工程和模型训练", "反向传播", "", "\xff\xfe", "大模型 数据质量 解释性 计算资源 人才 合作 创新 商业模式",
		"Data preprocessing, model training and evaluation", "數據預處理與模型訓練", "🙂🙂🙂", "a\x00b",
	} {
		f.Add(a)
	}
	g, c := newGrader(f)
	f.Fuzz(func(t *testing.T, answer string) {
		for _, s := range c.Sections {
			r := g.Grade(s, answer)
			if math.IsNaN(r.Score) || r.Score < 0 || r.Score > 1 {
				t.Fatalf("%s: score %v", s.ID, r.Score)
			}
			if len(r.Covered)+len(r.Missed) != len(r.Points) {
				t.Errorf("%s: %d covered + %d missed of %d points", s.ID, len(r.Covered), len(r.Missed), len(r.Points))
			}
			for _, p := range r.Points {
				if math.IsNaN(p.Credit) || p.Credit < 0 || p.Credit > 1 {
					t.Errorf("%s: point %q credit %v", s.ID, p.Name, p.Credit)
				}
			}
			if again := g.Grade(s, answer); again.Score != r.Score {
				t.Errorf("%s: graded %v, then %v", s.ID, r.Score, again.Score)
			}
		}
	})
}
