package words

import (
	"slices"
	"testing"
)

func TestChinese(t *testing.T) {
	l, err := NewLexicon()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in   string
		want string // one of the candidates
	}{
		{"cache", "缓存"},
		{"caches", "缓存"},
		{"Patent", "专利"},
		{"shareholders", "股东"},
		{"gross  margin", "毛利率"},
		{"LLM", "大模型"},
		{"typically", "典型"},
		{"smaller", "小幅"},
		{"cheaper", "便宜"},
		{"chosen", "挑选"},
		{"notably", "显著"},
		{"bigger", "硕大"},
	}
	for _, tt := range tests {
		if got := l.Chinese(tt.in); !slices.Contains(got, tt.want) {
			t.Errorf("Chinese(%q) = %v, want it to hold %s", tt.in, got, tt.want)
		}
	}
	// A word the dictionary has is never read as another: "power" is
	// not "pow", "finally" is not "final" when the dictionary says 终于.
	if got := l.Chinese("power"); slices.Contains(got, "砰") {
		t.Errorf("Chinese(power) = %v, read as pow", got)
	}
	if got := l.Chinese("zzzqx"); len(got) != 0 {
		t.Errorf("Chinese(nonsense) = %v, want none", got)
	}
}

func TestInflections(t *testing.T) {
	tests := map[string][]string{
		"caches":        {"caches", "cach", "cache"},
		"policies":      {"policies", "policy"},
		"trade secrets": {"trade secrets", "trade secret"},
		"running":       {"running", "runn", "runne", "run"},
		"class":         {"class"},
	}
	for in, want := range tests {
		if got := inflections(in); !slices.Equal(got, want) {
			t.Errorf("inflections(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDerivations(t *testing.T) {
	l, err := NewLexicon()
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string][]string{
		"typically":    {"typical", "typicale"},
		"riskier":      {"risky", "riski", "riskie"},
		"bigger":       {"big", "bigg", "bigge"},
		"possibly":     {"possib", "possibe", "possible"},
		"growth rate":  nil,
		"cost cheaper": {"cost cheap", "cost cheape"},
		"fly":          nil,
		"made":         {"make"},
		"who built":    {"who build"},
	}
	for in, want := range tests {
		if got := l.derivations(in); !slices.Equal(got, want) {
			t.Errorf("derivations(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRelated(t *testing.T) {
	l, err := NewLexicon()
	if err != nil {
		t.Fatal(err)
	}
	if got := l.Chinese("commence"); slices.Contains(got, "开始") {
		t.Fatalf("Chinese(commence) = %v already holds 开始; pick another example", got)
	}
	if got := l.Related("commenced"); !slices.Contains(got, "开始") {
		t.Errorf("Related(commenced) = %v, want 开始 through begin", got)
	}
	if got := l.Chinese("volatile"); slices.Contains(got, "波动性") {
		t.Fatalf("Chinese(volatile) = %v already holds 波动性; pick another example", got)
	}
	if got := l.Related("volatile"); !slices.Contains(got, "波动性") {
		t.Errorf("Related(volatile) = %v, want 波动性 through volatility", got)
	}
	if got := l.Related("good"); slices.Contains(got, "质量") {
		t.Errorf("Related(good) = %v: an attribute (quality) is not a derivation", got)
	}
	if got := l.Related("zzzqx"); len(got) != 0 {
		t.Errorf("Related(nonsense) = %v, want none", got)
	}
}

func TestSpoken(t *testing.T) {
	l, err := NewLexicon()
	if err != nil {
		t.Fatal(err)
	}
	// 犯罪 is in a part of spoken-against-written groups (犯事|犯罪), but
	// it names a topic: only the sections of question wording count, and
	// 算力 follows one of them after a comment, which ends the block.
	for w, want := range map[string]bool{"靠谱": true, "咋办": true, "难处": true, "缓存": false, "估值": false, "犯罪": false, "推荐系统": false, "算力": false, "": false} {
		if got := l.Spoken(w); got != want {
			t.Errorf("Spoken(%q) = %v, want %v", w, got, want)
		}
	}
}

// FieldChinese leaves the general dictionary's translations out, but a
// word it has is still a word of its own: banner (横幅), arrest, better and
// charter must not be read as ban, arr (ARR), bet and chart, as a word
// missing from both lists would be read through its base.
func TestFieldChineseKeepsWordsOfTheirOwn(t *testing.T) {
	l, err := NewLexicon()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ word, wrong string }{
		{"banner", "禁止"},
		{"arrest", "年度经常性收入"},
		{"better", "押注"},
		{"charter", "图表"},
		{"boarder", "董事会"},
	} {
		if got := l.FieldChinese(tt.word); slices.Contains(got, tt.wrong) {
			t.Errorf("FieldChinese(%q) = %v: read through a base word although the dictionary has %q (Chinese: %v)", tt.word, got, tt.word, l.Chinese(tt.word))
		}
	}
}
