package main

import (
	"strings"
	"testing"
)

func TestTerminalRender(t *testing.T) {
	text := "- **参数量巨大：** 通常包含数十亿到数千亿的参数，远超过传统小模型的参数量。\nplain line"
	bold := terminal{bold: true, width: 30}.render(text)
	if strings.Contains(bold, "**") || !strings.Contains(bold, "\x1b[1m参数量巨大：\x1b[0m") {
		t.Errorf("bold not rendered:\n%q", bold)
	}
	plain := terminal{width: 30}.render(text)
	if strings.Contains(plain, "**") || strings.Contains(plain, "\x1b") {
		t.Errorf("NO_COLOR output has markers or escapes:\n%q", plain)
	}
	for _, out := range []string{bold, plain} {
		lines := strings.Split(out, "\n")
		if len(lines) < 4 {
			t.Errorf("a 70-column item was not wrapped at 30:\n%s", out)
		}
		for i, l := range lines {
			if w := displayWidth(l); w > 30 {
				t.Errorf("line %d is %d columns: %q", i, w, l)
			}
			if t2 := strings.TrimSpace(l); strings.HasPrefix(t2, "。") || strings.HasPrefix(t2, "，") {
				t.Errorf("line %d starts with closing punctuation: %q", i, l)
			}
			if i > 0 && i < len(lines)-1 && !strings.HasPrefix(l, "  ") {
				t.Errorf("line %d of the item does not hang under its text: %q", i, l)
			}
		}
	}
	english := wrap("Huge number of parameters: usually billions to hundreds of billions", 24)
	for _, l := range strings.Split(english, "\n") {
		if strings.HasPrefix(l, " ") || strings.HasSuffix(l, " ") || displayWidth(l) > 24 {
			t.Errorf("English wrapped badly: %q", l)
		}
	}
	if !strings.Contains(english, "parameters:") {
		t.Errorf("a word was cut: %q", english)
	}
}
