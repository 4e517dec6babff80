package words

import (
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite field_zh.txt, field_en.txt and field_spoken.txt from field.txt")

// TestFieldIndex fails while the derived lists differ from what field.txt
// gives, or field.txt has a malformed line.
func TestFieldIndex(t *testing.T) {
	zh, en, spoken, err := buildFieldIndex(fieldText)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		for name, text := range map[string]string{"field_zh.txt": zh, "field_en.txt": en, "field_spoken.txt": spoken} {
			if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	if zh != fieldZHText || en != fieldENText || spoken != fieldSpokenText {
		t.Error("field_zh.txt, field_en.txt or field_spoken.txt is stale: go test ./words -run TestFieldIndex -update")
	}
}

func TestBuildFieldIndex(t *testing.T) {
	zh, en, spoken, err := buildFieldIndex("# c\nzh\t难点|挑战|困难\nzh\t挑战|难题\nen\tchallenge\t挑战|难题\n" +
		"# zh: spoken Mandarin\nzh\t咋办|怎么办\n# zh: law\nzh\t坐牢|服刑\n")
	if err != nil {
		t.Fatal(err)
	}
	if want := fieldIndexHeader + "咋办\t\n怎么办\t\n"; spoken != want {
		t.Errorf("spoken list:\n%s\nwant:\n%s", spoken, want)
	}
	want := fieldIndexHeader + "咋办\t怎么办\n困难\t难点|挑战\n坐牢\t服刑\n怎么办\t咋办\n挑战\t难点|困难|难题\n服刑\t坐牢\n难点\t挑战|困难\n难题\t挑战\n"
	if zh != want {
		t.Errorf("zh list:\n%s\nwant:\n%s", zh, want)
	}
	if en != fieldIndexHeader+"challenge\t挑战|难题\n" {
		t.Errorf("en list:\n%s", en)
	}
	if _, _, _, err := buildFieldIndex("en\tonly two\n"); err == nil {
		t.Error("a malformed line was accepted")
	}
}
