package main

import (
	"image"
	"image/color"
	"strings"
	"testing"
)

func TestMarkdown(t *testing.T) {
	users := map[string]string{"501": "alice"}
	for _, tt := range []struct{ in, want string }{
		{"**数据预处理：** 清洗", "<p><b>数据预处理：</b> 清洗&nbsp;</p>"},
		{"1. a\n2. **b**", "<ol><li>a</li><li><b>b</b></li></ol>"},
		{"- x\n- y\nafter", "<ul><li>x</li><li>y</li></ul><p>after&nbsp;</p>"},
		{"1. <@501> 120 分", `<ol><li><span class="mention">@alice</span> 120 分</li></ol>`},
		{"<script>", "<p>&lt;script&gt;&nbsp;</p>"},
		{"结束时间：<t:1767225600:R>", "<p>结束时间：in 2 minutes&nbsp;</p>"},
	} {
		if got := markdown(tt.in, users); got != tt.want {
			t.Errorf("markdown(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPage(t *testing.T) {
	sc := Scene{Caption: "c", Asked: "/ask q", Ephemeral: true, Content: "hi",
		Embeds:     []Embed{{Title: "T", Description: "D", Color: 0x5865F2, Fields: []Field{{Name: "N", Value: "V", Inline: true}}}},
		Components: []ActionRow{{Components: []Button{{Label: "Answer", Style: 1}}}}}
	page := Page(sc, "file:///font.ttf")
	for _, want := range []string{`url("file:///font.ttf")`, "/ask q", `border-color: #5865f2`, `class="field inline"`, `class="button s1">Answer`, "Only you can see this"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

func TestCrop(t *testing.T) {
	bg := color.RGBA{0x31, 0x33, 0x38, 0xff}
	img := image.NewRGBA(image.Rect(0, 0, 10, 100))
	for y := range 100 {
		for x := range 10 {
			img.Set(x, y, bg)
		}
	}
	img.Set(3, 40, color.White)
	if got := Crop(img).Bounds().Dy(); got != 57 {
		t.Errorf("cropped to %d rows, want 57 (content to row 40, then a margin of 16)", got)
	}
}
