package chart

import (
	"bytes"
	"image/png"
	"testing"
)

func TestMastery(t *testing.T) {
	for _, bars := range [][]Bar{
		{{"§1", 0.9}, {"§2", 0.3}, {"§3", 0}, {"§4", 1.2}},
		nil,
	} {
		b, err := Mastery("mastery", bars)
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
