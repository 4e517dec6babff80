package chart

import (
	"bytes"
	"flag"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden PNGs")

func newCharts(t *testing.T) *Charts {
	t.Helper()
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestMastery(t *testing.T) {
	c := newCharts(t)
	for _, bars := range [][]Bar{
		{{"§1", 0.9}, {"§2", 0.3}, {"§3", 0}, {"§4", 1.2}},
		nil,
	} {
		b, err := c.Mastery("mastery", "average score (%)", bars)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("not a PNG: %v", err)
		}
		if r := img.Bounds(); r.Dx() < 400 || r.Dy() < 200 {
			t.Errorf("image is %v", r)
		}
	}
}

// Chinese titles and labels are drawn in the embedded font: the chart is
// compared pixel by pixel with a golden PNG (go test ./chart -update
// rewrites it; look at it before committing).
func TestMasteryChineseGolden(t *testing.T) {
	c := newCharts(t)
	got, err := c.Mastery("各章节掌握程度", "平均得分（%）", []Bar{
		{"什么是大模型", 0.92}, {"训练过程", 0.55}, {"挑战", 0.3}, {"创新", 0.75}, {"案例", 0}, {"总结", 1},
	})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "mastery_zh.golden.png")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./chart -update writes it)", err)
	}
	a, err := png.Decode(bytes.NewReader(got))
	if err != nil {
		t.Fatal(err)
	}
	b, err := png.Decode(bytes.NewReader(want))
	if err != nil {
		t.Fatal(err)
	}
	if n, total := differing(a, b); n > total/200 {
		t.Errorf("%d of %d pixels differ from %s", n, total, path)
	}
}

// differing counts the pixels that differ by more than a rounding step in
// any channel, over the larger of the two images.
func differing(a, b image.Image) (n, total int) {
	r := a.Bounds().Union(b.Bounds())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			total++
			ar, ag, ab, aa := a.At(x, y).RGBA()
			br, bg, bb, ba := b.At(x, y).RGBA()
			if far(ar, br) || far(ag, bg) || far(ab, bb) || far(aa, ba) {
				n++
			}
		}
	}
	return n, total
}

func far(x, y uint32) bool { return max(x, y)-min(x, y) > 0x0400 }
