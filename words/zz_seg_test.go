package words

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestZZSeg(t *testing.T) {
	q := os.Getenv("SEGQ")
	if q == "" {
		t.Skip()
	}
	c := NewChinese()
	l, _ := NewLexicon()
	for _, s := range strings.Split(q, "|") {
		var parts []string
		for _, w := range c.Segment(s) {
			sp := ""
			if l.Spoken(w.Text) {
				sp = "*"
			}
			parts = append(parts, fmt.Sprintf("%s%s/%v", w.Text, sp, w.Known))
		}
		fmt.Println(strings.Join(parts, " "))
	}
}
