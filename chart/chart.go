// Package chart draws the pictures the bot attaches, with gonum/plot.
package chart

import (
	"bytes"
	"fmt"
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// Bar is one section's mastery: its label (ASCII, such as "§3": the
// plot's fonts have no Chinese glyphs) and the average score, 0..1.
type Bar struct {
	Label string
	Score float64
}

// Mastery draws a bar chart of per-section average scores as a PNG.
func Mastery(title string, bars []Bar) ([]byte, error) {
	p := plot.New()
	p.Title.Text = title
	p.Y.Label.Text = "average score (%)"
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
	c := vgimg.New(vg.Points(480), vg.Points(280))
	p.Draw(draw.New(c))
	var buf bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: c}).WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("mastery chart: %w", err)
	}
	return buf.Bytes(), nil
}
