package corpus_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/startupqa/startupqa/corpus"
)

// doc joins lines into a document. The i-th argument is line i+1, so a test
// can read the line of a problem off its table.
func doc(lines ...string) string { return strings.Join(lines, "\n") + "\n" }

// answerDoc is a minimal valid article whose single section has the given
// answer lines after a "**答案：**" line of their own.
func answerDoc(answer ...string) string {
	return doc("# 标题", "", "## 1. 节", "", "**题目：** 问？", "", "**答案：**", "") + doc(answer...)
}

func para(text string) corpus.Block { return corpus.Block{Kind: corpus.Paragraph, Text: text} }

func ul(items ...corpus.Item) corpus.Block { return corpus.Block{Kind: corpus.List, Items: items} }

func ol(items ...corpus.Item) corpus.Block {
	return corpus.Block{Kind: corpus.List, Ordered: true, Items: items}
}

func item(lead, text string) corpus.Item { return corpus.Item{Lead: lead, Text: text} }

// describe renders blocks one a line, for failure messages that show where
// two answers differ.
func describe(blocks []corpus.Block) string {
	if len(blocks) == 0 {
		return "\t(no blocks)"
	}
	var b strings.Builder
	for _, blk := range blocks {
		switch {
		case blk.Kind == corpus.Paragraph:
			fmt.Fprintf(&b, "\tparagraph %q\n", blk.Text)
		case blk.Ordered:
			fmt.Fprintf(&b, "\tordered list, %d items\n", len(blk.Items))
		default:
			fmt.Fprintf(&b, "\tunordered list, %d items\n", len(blk.Items))
		}
		for _, it := range blk.Items {
			fmt.Fprintf(&b, "\t\tlead %q text %q\n", it.Lead, it.Text)
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// problemLines formats problems as "file:line: message", sorted by file and
// line the way Load reports them. Parse returns them in the order it finds
// them, which is not part of its contract.
func problemLines[P ~[]corpus.Problem](ps P) []string {
	ps = slices.Clone(ps)
	slices.SortStableFunc(ps, func(a, b corpus.Problem) int {
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		return a.Line - b.Line
	})
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return lines
}

// parseOne parses src as "a.md" and returns its only section, failing the
// test if there are problems or not exactly one section.
func parseOne(t *testing.T, src string) *corpus.Section {
	t.Helper()
	art, ps := corpus.Parse("a.md", []byte(src))
	if len(ps) > 0 {
		t.Fatalf("Parse reported problems:\n\t%s\ninput:\n%s", strings.Join(problemLines(ps), "\n\t"), src)
	}
	if len(art.Sections) != 1 {
		t.Fatalf("Parse returned %d sections, want 1; input:\n%s", len(art.Sections), src)
	}
	return art.Sections[0]
}

// checkAnswer fails the test if got does not have the blocks of want.
func checkAnswer(t *testing.T, got corpus.Answer, want ...corpus.Block) {
	t.Helper()
	if !equalBlocks(got.Blocks, want) {
		t.Errorf("answer:\n%s\nwant:\n%s", describe(got.Blocks), describe(want))
	}
}

func equalBlocks(a, b []corpus.Block) bool {
	return slices.EqualFunc(a, b, func(x, y corpus.Block) bool {
		return x.Kind == y.Kind && x.Text == y.Text && x.Ordered == y.Ordered && slices.Equal(x.Items, y.Items)
	})
}

// parseArticle parses src as file and reports any problems as test
// errors, going on with the article.
func parseArticle(t *testing.T, file, src string) *corpus.Article {
	t.Helper()
	art, ps := corpus.Parse(file, []byte(src))
	if len(ps) > 0 {
		t.Errorf("problems:\n\t%s\ninput:\n%s", strings.Join(problemLines(ps), "\n\t"), src)
	}
	return art
}

// sectionHeads lists an article's sections as "id | title".
func sectionHeads(art *corpus.Article) []string {
	var out []string
	for _, s := range art.Sections {
		out = append(out, s.ID+" | "+s.Title)
	}
	return out
}

// sectionTitles returns the titles of an article's sections.
func sectionTitles(art *corpus.Article) []string {
	var out []string
	for _, s := range art.Sections {
		out = append(out, s.Title)
	}
	return out
}
