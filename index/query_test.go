package index

import (
	"slices"
	"strings"
	"testing"
)

func TestNormalizeQuery(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"请问大模型能不能理解图片？", "大模型 理解图片"},
		{"大模型可不可以商用", "大模型 商用"},
		{"大模型系咩嚟㗎", "大模型"}, // Cantonese, as OpenCC leaves it
		{"Ｌｌｍ 是什么", "llm"},
		{"Tell me about GPT3", "gpt-3"},
		{"How do I  scale Kafka?", "scale kafka"},
	} {
		if got := strings.Join(strings.Fields(normalizeQuery(tt.in)), " "); got != tt.want {
			t.Errorf("normalizeQuery(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A passage listing three or more of another section's lead terms is a
// summary of that section, and ranks below it.
func TestEnumerations(t *testing.T) {
	c := defaultCorpus(t)
	table := passageTable(c, nil)
	found := enumerations(c, table)
	var summaries []string
	for doc := range found {
		summaries = append(summaries, sectionOf(doc))
	}
	if !slices.Contains(summaries, "llm-startup/6") {
		t.Errorf("no enumeration found in the summary section: %v", found)
	}
	for _, s := range []string{"llm-startup/3", "llm-startup/4"} {
		if slices.Contains(summaries, s) {
			t.Errorf("%s has no enumeration of another section, got %v", s, found)
		}
	}
}

func TestMissingPhrases(t *testing.T) {
	// Units: 推荐系统 (covered), then 协同过滤 unknown and adjacent, then
	// 怎 alone unknown.
	var pq parsed
	add := func(start int, known bool) {
		pq.units = append(pq.units, unit{weight: 1, known: known, start: start, end: start + 3})
	}
	for i := range 4 {
		add(3*i, true)
	}
	for i := 4; i < 8; i++ {
		add(3*i, false)
	}
	add(3*9, false) // after a gap
	covered := []bool{true, true, true, true, false, false, false, false, false}
	got := missingPhrases(&pq, covered)
	want := []bool{false, false, false, false, true, true, true, true, false}
	if !slices.Equal(got, want) {
		t.Errorf("missingPhrases = %v, want %v", got, want)
	}
}

func TestListItem(t *testing.T) {
	for in, want := range map[string]string{
		" 数据质量等。":                        "数据质量",
		"安全和隐私":                          "安全和隐私",
		" and security and privacy etc.": "security and privacy",
		"Data product":                   "data product", // not "data produ"
		"fine-tune":                      "fine-tune",
	} {
		if got := listItem(in); got != want {
			t.Errorf("listItem(%q) = %q, want %q", in, got, want)
		}
	}
}
