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
	}
	for _, tt := range tests {
		if got := l.Chinese(tt.in); !slices.Contains(got, tt.want) {
			t.Errorf("Chinese(%q) = %v, want it to hold %s", tt.in, got, tt.want)
		}
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

func TestParseFieldRejectsBadLines(t *testing.T) {
	if _, err := readField("en\tonly two\n"); err == nil {
		t.Error("a line with two fields parsed")
	}
	entries, err := readField("# c\nzh\t难点|挑战|困难\nzh\t挑战|challenge项\n")
	if err != nil {
		t.Fatal(err)
	}
	l := newLexicon(entries)
	if got := l.Synonyms("难点"); !slices.Equal(got, []string{"挑战", "困难"}) {
		t.Errorf("Synonyms(难点) = %v", got)
	}
	if got := l.Synonyms("挑战"); !slices.Equal(got, []string{"难点", "困难", "challenge项"}) {
		t.Errorf("Synonyms(挑战), in two groups = %v", got)
	}
}
