package bot

import (
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
		{"inside code", "看：\n```go\nx := 1\ny := 2\n```\n完", 22, "看：\n```go\nx := 1\n```\n…"},
		{"after code", "```\nx\n```\n第一行\n第二行\n第三行", 20, "```\nx\n```\n第一行\n…"},
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
