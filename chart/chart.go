// Package chart draws the pictures the bot attaches, with gonum/plot, in
// a font that has Chinese glyphs.
package chart

import (
	"bytes"
	_ "embed"
	"fmt"
	"image/color"

	"golang.org/x/image/font/opentype"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// microHei is WenQuanYi Micro Hei (Apache-2.0, see fonts/README.md):
// gonum's own fonts have no Chinese glyphs, and a group's section titles
// are Chinese; Droid Sans Fallback alone has no Latin letters or digits.
//
//go:embed fonts/wqy-microhei.ttf
var microHei []byte

// Charts draws charts. Its font is parsed once, by New.
type Charts struct {
	handler text.Handler
	face    font.Font
}

// New parses the embedded font.
func New() (*Charts, error) {
	ttf, err := opentype.Parse(microHei)
	if err != nil {
		return nil, fmt.Errorf("chart font: %w", err)
	}
	face := font.Font{Typeface: "WenQuanYiMicroHei"}
	return &Charts{handler: text.Plain{Fonts: font.NewCache(font.Collection{{Font: face, Face: ttf}})}, face: face}, nil
}

// style is a text style in the chart's font.
func (c *Charts) style(s text.Style, size vg.Length) text.Style {
	s.Font = font.From(c.face, size)
	s.Handler = c.handler
	return s
}

// Bar is one section's mastery: its label, a short title, and the
// average score, 0..1.
type Bar struct {
	Label string
	Score float64
}

// Mastery draws a bar chart of per-section average scores as a PNG.
func (c *Charts) Mastery(title, yLabel string, bars []Bar) ([]byte, error) {
	p := plot.New()
	p.TextHandler = c.handler
	p.Title.Text = title
	p.Title.TextStyle = c.style(p.Title.TextStyle, 13)
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle = c.style(a.Label.TextStyle, 11)
		a.Tick.Label = c.style(a.Tick.Label, 10)
	}
	p.Y.Label.Text = yLabel
	p.Y.Min, p.Y.Max = 0, 100
	values := make(plotter.Values, len(bars))
	labels := make([]string, len(bars))
	for i, b := range bars {
		values[i] = 100 * min(max(b.Score, 0), 1)
		labels[i] = b.Label
	}
	if len(bars) > 0 {
		bc, err := plotter.NewBarChart(values, vg.Points(24))
		if err != nil {
			return nil, fmt.Errorf("mastery chart: %w", err)
		}
		bc.Color = color.RGBA{R: 0x58, G: 0x65, B: 0xF2, A: 0xFF} // Discord blurple
		bc.LineStyle.Width = 0
		p.Add(bc)
		p.NominalX(labels...)
	}
	cv := vgimg.New(vg.Points(480), vg.Points(280))
	p.Draw(draw.New(cv))
	var buf bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: cv}).WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("mastery chart: %w", err)
	}
	return buf.Bytes(), nil
}
