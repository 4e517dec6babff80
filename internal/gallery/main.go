// Command gallery renders the scenes that TestGallery records (what the
// bot posted in a study group's session) as HTML pages styled like
// Discord, for scripts/gallery.sh to photograph with headless Chromium;
// with -crop it trims the empty bottom of such a photograph.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"image"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "gallery:", err)
		os.Exit(1)
	}
}

func run(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("gallery", flag.ContinueOnError)
	fs.SetOutput(stderr)
	scenes := fs.String("scenes", "", "directory of scene JSON files (go test ./bot -run TestGallery -gallery DIR)")
	out := fs.String("html", "", "directory to write one HTML page per scene into")
	font := fs.String("font", "chart/fonts/wqy-microhei.ttf", "CJK font file for the pages")
	crop := fs.String("crop", "", "a PNG screenshot to trim to its content, in place")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *crop != "" {
		return cropFile(*crop)
	}
	if *scenes == "" || *out == "" {
		return fmt.Errorf("give -scenes DIR and -html DIR, or -crop FILE")
	}
	fontPath, err := filepath.Abs(*font)
	if err != nil {
		return err
	}
	files, err := filepath.Glob(filepath.Join(*scenes, "*.json"))
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("no scenes in %s", *scenes)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		var sc Scene
		if err := json.Unmarshal(data, &sc); err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".json")
		if len(sc.Image) > 0 {
			if err := os.WriteFile(filepath.Join(*out, name+".png"), sc.Image, 0o644); err != nil {
				return err
			}
			sc.imageFile = name + ".png"
		}
		page := Page(sc, "file://"+fontPath)
		if err := os.WriteFile(filepath.Join(*out, name+".html"), []byte(page), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// cropFile trims the rows at the bottom of a screenshot that are all the
// page's background.
func cropFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	img, err := png.Decode(f)
	f.Close()
	if err != nil {
		return err
	}
	cropped := Crop(img)
	w, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(w, cropped); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}

// Crop cuts img below its last row that differs from its bottom-left
// pixel, keeping a margin of 16 pixels.
func Crop(img image.Image) image.Image {
	b := img.Bounds()
	bg := img.At(b.Min.X, b.Max.Y-1)
	br, bgc, bb, _ := bg.RGBA()
	last := b.Min.Y
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r != br || g != bgc || bl != bb {
				last = y
				break
			}
		}
	}
	bottom := min(b.Max.Y, last+1+16)
	rect := image.Rect(b.Min.X, b.Min.Y, b.Max.X, bottom)
	if s, ok := img.(interface {
		SubImage(image.Rectangle) image.Image
	}); ok {
		return s.SubImage(rect)
	}
	return img
}
