package index

import (
	"slices"
	"strings"
	"testing"
)

func TestGuardWords(t *testing.T) {
	texts := slices.Values([]string{
		"为应对这些挑战",    // 应对 would be cut by 对策
		"创业公司如何制定策略", // 如何 is a word here, not a cut
	})
	guards := guardWords(texts)
	if !slices.Contains(guards, "应对") {
		t.Errorf("guards %v lack 应对", guards)
	}
	if slices.Contains(guards, "司如") {
		t.Errorf("guards %v hold 司如, which would keep 如何 from being dropped", guards)
	}
}

func TestRewriteKeepsGuardedWords(t *testing.T) {
	rw := newRewriter([]string{"应对"})
	for _, tt := range []struct{ in, want string }{
		{"应对策略", "应对策略"},          // not 应 策略 略
		{"有什么对策", " 策略 "},         // the paraphrase still maps
		{"公司如何应对", "公司 应对"},       // the question word still goes
		{"大模型创业难在哪", "大模型创业 挑战 "}, // paraphrase of 挑战
		{"大模型系咩嚟㗎", "大模型"},        // Cantonese, as OpenCC leaves it
	} {
		if got := normalizeQuery(tt.in, rw); strings.Join(strings.Fields(got), " ") != strings.Join(strings.Fields(tt.want), " ") {
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

func TestEnglishSynonyms(t *testing.T) {
	for _, tt := range []struct{ in, has, lacks string }{
		{"how can a startup keep user data private", "隐私", "private"},
		{"who created GPT-3", "开发", "created"},
		{"overall, what should an LLM startup focus on", "总结", "overall"},
		// "AI" names every section's subject, so it is not searched.
		{"should an AI startup partner with research labs", "研究机构", "人工智能"},
		{"what counts as a large model", "大模型", "counts"},
	} {
		got := normalizeQuery(tt.in, plainRewriter)
		if !strings.Contains(got, tt.has) || strings.Contains(got, tt.lacks) {
			t.Errorf("normalizeQuery(%q) = %q, want %s and no %s", tt.in, got, tt.has, tt.lacks)
		}
	}
}

// Guards come only from paraphrase rewrites: a corpus pair such as 型能
// must not keep a question's 能不能 from being dropped.
func TestGuardsLeaveQuestionPhrases(t *testing.T) {
	texts := slices.Values([]string{"大模型能够处理多种任务", "大模型可以通过学习获取知识", "大模型在众多场景中应用"})
	rw := newRewriter(guardWords(texts))
	for _, tt := range []struct{ in, want string }{
		{"大模型能不能理解图片", "大模型 理解图片"},
		{"大模型可不可以商用", "大模型 商用"},
	} {
		if got := strings.Join(strings.Fields(normalizeQuery(tt.in, rw)), " "); got != tt.want {
			t.Errorf("normalizeQuery(%q) = %q, want %q", tt.in, got, tt.want)
		}
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

// A rewrite never cuts its own target or a longer word around a short key.
func TestRewritesKeepWords(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"超参数怎么调", "超参数 调"}, // 超参 → 超参数 must not apply inside 超参数
		{"超参要调吗", "超参数 要调"},
		{"牛市里创业好不好", "牛市里创业"}, // no bare 牛 → 成功
		{"数据清洗数据", "数据清洗数据"},
	} {
		if got := strings.Join(strings.Fields(normalizeQuery(tt.in, plainRewriter)), " "); got != tt.want {
			t.Errorf("normalizeQuery(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
