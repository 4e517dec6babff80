package corpus_test

import (
	"os"
	"regexp"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/startupqa/startupqa/corpus"
)

const seedFile = "default/llm-startup.md"

func loadDefault(t *testing.T) *corpus.Corpus {
	t.Helper()
	c, err := corpus.Default()
	if err != nil {
		t.Fatalf("Default(): %v", err)
	}
	return c
}

func TestDefaultSections(t *testing.T) {
	c := loadDefault(t)
	want := []struct{ id, title string }{
		{"llm-startup/1", "什么是大模型？"},
		{"llm-startup/2", "大模型的训练过程"},
		{"llm-startup/3", "大模型的挑战"},
		{"llm-startup/4", "创新策略"},
		{"llm-startup/5", "大模型创业案例分析"},
		{"llm-startup/6", "总结"},
	}
	if len(c.Sections) != len(want) {
		t.Fatalf("Default() has %d sections, want %d", len(c.Sections), len(want))
	}
	for i, w := range want {
		s := c.Sections[i]
		if s.ID != w.id || s.Title != w.title || s.Number != i+1 {
			t.Errorf("section %d: ID %q, Title %q, Number %d; want %q, %q, %d", i, s.ID, s.Title, s.Number, w.id, w.title, i+1)
		}
		if s.Question == "" || s.Answer.IsEmpty() || s.Analysis == "" {
			t.Errorf("%s: empty field: Question %q, Analysis %q, answer:\n%s", s.ID, s.Question, s.Analysis, describe(s.Answer.Blocks))
		}
		if got, ok := c.Section(w.id); !ok || got != s {
			t.Errorf("Section(%q) = %p, %v; want %p, true", w.id, got, ok, s)
		}
	}
	if s, ok := c.Section("llm-startup/7"); ok {
		t.Errorf("Section(\"llm-startup/7\") = %v, true; want false", s.ID)
	}
}

func TestDefaultArticle(t *testing.T) {
	c := loadDefault(t)
	if len(c.Articles) != 1 {
		t.Fatalf("Default() has %d articles, want 1", len(c.Articles))
	}
	a := c.Articles[0]
	if a.Slug != "llm-startup" || a.File != "builtin/llm-startup.md" || a.Title != "大模型创业的创新与挑战" {
		t.Errorf("article: Slug %q, File %q, Title %q; want llm-startup, builtin/llm-startup.md, 大模型创业的创新与挑战", a.Slug, a.File, a.Title)
	}
	if !slices.Equal(a.Sections, c.Sections) {
		t.Errorf("Articles[0].Sections and Sections differ")
	}
	s := c.Sections[0]
	if got, want := s.Source(), "大模型创业的创新与挑战 § 1"; got != want {
		t.Errorf("Source() = %q, want %q", got, want)
	}
	if s.File != "builtin/llm-startup.md" || s.Line != 7 || s.ArticleSlug != "llm-startup" {
		t.Errorf("section 1: File %q, Line %d, ArticleSlug %q; want builtin/llm-startup.md, 7, llm-startup", s.File, s.Line, s.ArticleSlug)
	}
	if want := "什么是大模型？请简述大模型的特点和应用场景。"; s.Question != want {
		t.Errorf("section 1 Question = %q, want %q", s.Question, want)
	}
	if want := "大模型的出现，为人工智能领域带来了新的机遇和挑战。其强大的处理能力和知识表达使得它在众多应用场景中具有广泛的应用前景。"; s.Analysis != want {
		t.Errorf("section 1 Analysis = %q, want %q", s.Analysis, want)
	}
}

func TestDefaultSection1Answer(t *testing.T) {
	a := loadDefault(t).Sections[0].Answer
	checkAnswer(t, a,
		para("大模型指的是具有海量参数、能够处理复杂数据结构和大量知识的机器学习模型。大模型的特点包括："),
		ul(
			item("参数量巨大", "通常包含数十亿到数千亿的参数，远超过传统小模型的参数量。"),
			item("强大的泛化能力", "能够处理多种类型的数据和任务，具有较好的迁移能力。"),
			item("丰富的知识表达", "可以通过学习大量的数据和文本，获取丰富的知识，并在任务中应用这些知识。"),
			item("计算资源需求大", "需要大量的计算资源和存储空间来训练和部署。"),
		),
		para("大模型的应用场景包括："),
		ul(
			item("自然语言处理", "如机器翻译、问答系统、文本生成等。"),
			item("计算机视觉", "如图像分类、目标检测、图像生成等。"),
			item("推荐系统", "如商品推荐、内容推荐等。"),
			item("语音识别", "如语音识别、语音合成等。"),
		),
	)
	if got := len(a.Items()); got != 8 {
		t.Errorf("len(Items()) = %d, want 8", got)
	}
	if got, want := a.Paragraphs(), []string{a.Blocks[0].Text, a.Blocks[2].Text}; !slices.Equal(got, want) {
		t.Errorf("Paragraphs() = %q, want %q", got, want)
	}
}

func TestDefaultSection2OrderedList(t *testing.T) {
	a := loadDefault(t).Sections[1].Answer
	if len(a.Blocks) != 2 || a.Blocks[0].Kind != corpus.Paragraph || a.Blocks[1].Kind != corpus.List {
		t.Fatalf("section 2 answer, want a paragraph then a list:\n%s", describe(a.Blocks))
	}
	list := a.Blocks[1]
	if !list.Ordered || len(list.Items) != 7 {
		t.Errorf("section 2 list: Ordered %v, %d items; want true, 7", list.Ordered, len(list.Items))
	}
	leads := []string{"数据预处理", "模型初始化", "前向传播", "计算损失", "反向传播", "迭代优化", "模型评估"}
	for i, it := range list.Items {
		if i < len(leads) && it.Lead != leads[i] {
			t.Errorf("item %d: Lead %q, want %q", i+1, it.Lead, leads[i])
		}
	}
}

// TestDefaultMatchesSeedFile guards against the embedded copy and the file
// in the repository being read differently: Parse on the file must agree
// with Default().
func TestDefaultMatchesSeedFile(t *testing.T) {
	data, err := os.ReadFile(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	art, ps := corpus.Parse("builtin/llm-startup.md", data)
	if len(ps) > 0 {
		t.Fatalf("Parse(%s): %v", seedFile, problemLines(ps))
	}
	c := loadDefault(t)
	for i, s := range art.Sections {
		d := c.Sections[i]
		if s.ID != d.ID || s.Question != d.Question || s.Analysis != d.Analysis || !equalBlocks(s.Answer.Blocks, d.Answer.Blocks) {
			t.Errorf("%s differs between Parse(%s) and Default()", s.ID, seedFile)
		}
	}
}

func TestHash(t *testing.T) {
	c1, c2 := loadDefault(t), loadDefault(t)
	if !regexp.MustCompile(`^[0-9a-f]{64}$`).MatchString(c1.Hash()) {
		t.Fatalf("Hash() = %q, want 64 hex digits", c1.Hash())
	}
	if c1.Hash() != c2.Hash() {
		t.Errorf("Hash() differs between two loads: %s, %s", c1.Hash(), c2.Hash())
	}

	seed, err := os.ReadFile(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	edited := slices.Clone(seed)
	edited = append(edited, "\n补充一句。\n"...)
	hash := func(files fstest.MapFS) string {
		t.Helper()
		c, err := corpus.Load(files, "x")
		if err != nil {
			t.Fatalf("Load: %v", err)
		}
		return c.Hash()
	}
	en, err := os.ReadFile("default/llm-startup.en.md")
	if err != nil {
		t.Fatal(err)
	}
	same := hash(fstest.MapFS{"llm-startup.md": {Data: seed}, "llm-startup.en.md": {Data: en}})
	if same != c1.Hash() {
		t.Errorf("same name and bytes in another FS: Hash() = %s, want %s (the root must not count)", same, c1.Hash())
	}
	for name, files := range map[string]fstest.MapFS{
		"edited content": {"llm-startup.md": {Data: edited}},
		"renamed file":   {"llm-startup-v2.md": {Data: seed}},
		"extra file":     {"llm-startup.md": {Data: seed}, "more.md": {Data: []byte("## 1. x\n**题目：** q\n**答案：** a\n")}},
	} {
		if h := hash(files); h == c1.Hash() {
			t.Errorf("%s: Hash() unchanged (%s)", name, h)
		}
	}
}
