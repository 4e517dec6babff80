package words

import (
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite field_zh.txt and field_en.txt from field.txt")

// TestFieldIndex fails while the derived lists differ from what field.txt
// gives, or field.txt has a malformed line.
func TestFieldIndex(t *testing.T) {
	zh, en, err := buildFieldIndex(fieldText)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		for name, text := range map[string]string{"field_zh.txt": zh, "field_en.txt": en} {
			if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	if zh != fieldZHText || en != fieldENText {
		t.Error("field_zh.txt or field_en.txt is stale: go test ./words -run TestFieldIndex -update")
	}
}

func TestBuildFieldIndex(t *testing.T) {
	zh, en, err := buildFieldIndex("# c\nzh\t难点|挑战|困难\nzh\t挑战|难题\nen\tchallenge\t挑战|难题\n")
	if err != nil {
		t.Fatal(err)
	}
	want := fieldIndexHeader + "困难\t难点|挑战\n挑战\t难点|困难|难题\n难点\t挑战|困难\n难题\t挑战\n"
	if zh != want {
		t.Errorf("zh list:\n%s\nwant:\n%s", zh, want)
	}
	if en != fieldIndexHeader+"challenge\t挑战|难题\n" {
		t.Errorf("en list:\n%s", en)
	}
	if _, _, err := buildFieldIndex("en\tonly two\n"); err == nil {
		t.Error("a malformed line was accepted")
	}
}
