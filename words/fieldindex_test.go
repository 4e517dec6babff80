package words

import (
	"flag"
	"os"
	"slices"
	"testing"
)

var update = flag.Bool("update", false, "rewrite field_zh.txt, field_en.txt, field_spoken.txt and zh_en.txt from field.txt and en_zh.txt")

// TestFieldIndex fails while the derived lists differ from what field.txt
// gives, or field.txt has a malformed line.
func TestFieldIndex(t *testing.T) {
	zh, en, spoken, err := buildFieldIndex(fieldText)
	if err != nil {
		t.Fatal(err)
	}
	reverse := buildReverse(en, enZHText)
	if *update {
		for name, text := range map[string]string{"field_zh.txt": zh, "field_en.txt": en, "field_spoken.txt": spoken, "zh_en.txt": reverse} {
			if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	if zh != fieldZHText || en != fieldENText || spoken != fieldSpokenText || reverse != zhENText {
		t.Error("field_zh.txt, field_en.txt, field_spoken.txt or zh_en.txt is stale: go test ./words -run TestFieldIndex -update")
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

// TestBuildReverse: a Chinese word's English comes from the field's terms
// first, then from the dictionary, where the word is the commoner rendering
// first; single characters are left out.
func TestBuildReverse(t *testing.T) {
	fieldEN := fieldIndexHeader + "mq\t消息队列\n"
	enZH := "# dictionary\nmessage queue\t消息队列\nqueue\t队列|消息队列\nline\t行|队列\n"
	got := buildReverse(fieldEN, enZH)
	want := reverseHeader + "消息队列\tmq|message queue|queue\n队列\tqueue|line\n"
	if got != want {
		t.Errorf("zh_en:\n%s\nwant:\n%s", got, want)
	}
	l, err := NewLexicon()
	if err != nil {
		t.Fatal(err)
	}
	if en := l.English("缓存"); !slices.Contains(en, "cache") {
		t.Errorf("English(缓存) = %q, want cache among them", en)
	}
}
