package bot

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

func TestTruncate(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		limit int
		want  string
	}{
		{"fits", "短", 5, "短"},
		{"at line", "第一行\n第二行\n第三行", 9, "第一行\n…"},
		{"one long line", "一二三四五六七八九十", 6, "一二三四\n…"},
		{"emoji counts two", "😀😀😀😀", 6, "😀😀\n…"},
		{"tiny limit", "abcdef", 1, "…"},
		{"inside code", "看：\n```go\nx := 1\ny := 2\n```\n完", 23, "看：\n```go\nx := 1\n```\n…"},
		{"tilde fence", "看：\n~~~\nx := 1\ny := 2\n~~~\n完", 21, "看：\n~~~\nx := 1\n~~~\n…"},
		{"only the opening line fits", "开头\n```go\n" + strings.Repeat("长", 40) + "\n```", 20, "开头\n…"},
		{"inline code is no fence", "```x```\n第一行\n第二行\n第三行", 18, "```x```\n…"},
		{"after code", "```\nx\n```\n第一行\n第二行\n第三行\n第四行", 21, "```\nx\n```\n第一行\n…"},
	}
	for _, tt := range tests {
		got := truncate(tt.in, tt.limit, "…")
		if got != tt.want {
			t.Errorf("%s: truncate(%q, %d) = %q, want %q", tt.name, tt.in, tt.limit, got, tt.want)
		}
		if length(got) > tt.limit || !utf8.ValidString(got) {
			t.Errorf("%s: %q is over %d or not UTF-8", tt.name, got, tt.limit)
		}
	}
}

func TestFitEmbedTotal(t *testing.T) {
	e := &discordgo.MessageEmbed{
		Title:       strings.Repeat("题", 300),
		Description: strings.Repeat("描述\n", 3000),
		Footer:      &discordgo.MessageEmbedFooter{Text: "来源"},
	}
	for range 30 {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: "名", Value: strings.Repeat("值", 2000)})
	}
	fitEmbed(e, "…")
	if len(e.Fields) > maxEmbedFields || embedLength(e) > maxEmbedTotal || length(e.Title) > maxEmbedTitle {
		t.Errorf("embed still over limits: %d fields, %d characters, title %d", len(e.Fields), embedLength(e), length(e.Title))
	}
}

func TestCutLine(t *testing.T) {
	if got := cutLine("a\n b   c", 80); got != "a b c" {
		t.Errorf("cutLine folds spaces: got %q", got)
	}
	if got := cutLine(strings.Repeat("长", 100), 80); length(got) != 80 || !strings.HasSuffix(got, "…") {
		t.Errorf("cutLine(100 chars, 80) = %q (%d)", got, length(got))
	}
}

// TestTruncateNeverLeavesCodeOpen cuts random texts of prose, code blocks
// and emoji at random limits: the result stays within the limit and never
// ends inside a code block.
func TestTruncateNeverLeavesCodeOpen(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"第一行", "short line", "```go", "```", "~~~", "x := 1", "😀😀", "```x```", "", "- 列表项"}
	for range 20000 {
		var lines []string
		for range 1 + r.IntN(12) {
			lines = append(lines, pieces[r.IntN(len(pieces))])
		}
		in := strings.Join(lines, "\n")
		limit := 1 + r.IntN(40)
		got := truncate(in, limit, "…")
		if length(got) > limit {
			t.Fatalf("truncate(%q, %d) = %q: over the limit", in, limit, got)
		}
		if got != in {
			if fence, _ := openFence(got); fence != "" {
				t.Fatalf("truncate(%q, %d) = %q: ends inside a %s block", in, limit, got, fence)
			}
		}
	}
}
