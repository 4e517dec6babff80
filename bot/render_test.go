package bot

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/bwmarrin/discordgo"

	"github.com/startupqa/startupqa"
	"github.com/startupqa/startupqa/corpus"
	"github.com/startupqa/startupqa/index"
	"github.com/startupqa/startupqa/index/indextest"
	"github.com/startupqa/startupqa/lang"
)

var update = flag.Bool("update", false, "rewrite golden files")

func defaultIndex(t testing.TB) *index.Index { return indextest.Default(t) }

// goldenJSON compares v, as indented JSON, with testdata/name.golden.
func goldenJSON(t *testing.T, name string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs (go test -update rewrites it):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestAnswerReplyGolden(t *testing.T) {
	ix := defaultIndex(t)
	tests := []struct {
		name, q string
		private bool
	}{
		{"answer_zh", "大模型的训练过程是什么", false},
		{"answer_detail_private", "模型解释性差有什么影响", true},
		{"answer_en", "what is the training process of LLM", false},
		{"abstain_zh", "今天天气怎么样", false},
		{"abstain_nearest", "大模型的显卡怎么选", false},
		{"abstain_en", "how do I cook rice", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ix.Search(context.Background(), tt.q)
			if err != nil {
				t.Fatal(err)
			}
			rep := answerReply(res, tt.private)
			checkLimits(t, rep)
			goldenJSON(t, tt.name, responseData(rep))
		})
	}
}

func TestTopicsAndHelpGolden(t *testing.T) {
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	goldenJSON(t, "topics_zh", topicsEmbed(c, lang.Chinese))
	goldenJSON(t, "help_en", helpEmbed(lang.English))
	goldenJSON(t, "help_zh", helpEmbed(lang.Chinese))
}

// /help names every command and subcommand the bot registers, in the
// asker's language, within an embed's limits.
func TestHelpListsEveryCommand(t *testing.T) {
	for _, l := range []lang.Lang{lang.Chinese, lang.English} {
		e := helpEmbed(l)
		checkEmbed(t, e)
		for _, c := range commands() {
			name := localized(c.Name, c.NameLocalizations, l)
			n := 0
			for _, o := range c.Options {
				if o.Type == discordgo.ApplicationCommandOptionSubCommand {
					n++
					if want := "/" + name + " " + localized(o.Name, &o.NameLocalizations, l); !strings.Contains(e.Description, want) {
						t.Errorf("%v help lacks %s", l, want)
					}
				}
			}
			if n == 0 && !strings.Contains(e.Description, "/"+name+"**") {
				t.Errorf("%v help lacks /%s", l, name)
			}
		}
	}
	if zh := helpEmbed(lang.Chinese).Description; !strings.Contains(zh, "/挑战 结束") || !strings.Contains(zh, "/提问") {
		t.Errorf("Chinese help does not use the Chinese command names:\n%s", zh)
	}
}

// checkLimits fails the test when a reply breaks one of Discord's limits.
func checkLimits(t *testing.T, r reply) {
	t.Helper()
	if n := length(r.Content); n > maxContent {
		t.Errorf("content has %d characters, limit %d", n, maxContent)
	}
	for _, e := range r.Embeds {
		checkEmbed(t, e)
	}
	for _, row := range r.Components {
		ar, ok := row.(discordgo.ActionsRow)
		if !ok {
			t.Fatalf("component %T is not an action row", row)
		}
		if len(ar.Components) > maxButtons {
			t.Errorf("%d buttons in a row", len(ar.Components))
		}
		for _, c := range ar.Components {
			b := c.(discordgo.Button)
			if length(b.Label) > maxButtonLabel || length(b.CustomID) > maxCustomID || b.CustomID == "" {
				t.Errorf("button %+v breaks a limit", b)
			}
		}
	}
}

func checkEmbed(t *testing.T, e *discordgo.MessageEmbed) {
	t.Helper()
	if length(e.Title) > maxEmbedTitle {
		t.Errorf("title has %d characters", length(e.Title))
	}
	if length(e.Description) > maxEmbedDesc {
		t.Errorf("description has %d characters", length(e.Description))
	}
	if len(e.Fields) > maxEmbedFields {
		t.Errorf("%d fields", len(e.Fields))
	}
	for _, f := range e.Fields {
		if length(f.Name) > maxFieldName || length(f.Value) > maxFieldValue {
			t.Errorf("field %q: name %d, value %d characters", f.Name, length(f.Name), length(f.Value))
		}
	}
	if n := embedLength(e); n > maxEmbedTotal {
		t.Errorf("embed has %d characters in all, limit %d", n, maxEmbedTotal)
	}
	for _, s := range []string{e.Title, e.Description} {
		if strings.ContainsRune(s, '\uFFFD') {
			t.Errorf("cut inside a character: %q", s)
		}
	}
}

// A section far over every limit still renders within them, cut at a line
// boundary with the marker.
func TestAnswerEmbedHugeSection(t *testing.T) {
	var md strings.Builder
	md.WriteString("# 巨型文章\n\n## 1. " + strings.Repeat("标题", 200) + "\n\n**题目：** 问题\n\n**答案：** 开头\n\n")
	for i := range 400 {
		md.WriteString("- **要点" + strings.Repeat("长", i%7) + "：** " + strings.Repeat("内容😀", 20) + "\n")
	}
	md.WriteString("\n**解析：** " + strings.Repeat("分析很长。", 500) + "\n")
	art, problems := corpus.Parse("huge.md", []byte(md.String()))
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	for _, l := range []lang.Lang{lang.Chinese, lang.English} {
		e := answerEmbed(art.Sections[0], l)
		checkEmbed(t, e)
		if !strings.HasSuffix(e.Description, "\n"+txtCut.In(l)) {
			t.Errorf("description does not end with the cut marker: …%q", tail(e.Description, 40))
		}
		before := strings.TrimSuffix(e.Description, "\n"+txtCut.In(l))
		if !strings.HasSuffix(before, "😀") {
			t.Errorf("description was not cut at the end of a line: …%q", tail(before, 40))
		}
	}
}

func tail(s string, n int) string {
	r := []rune(s)
	return string(r[max(0, len(r)-n):])
}

// The chart's bars are labelled with the sections' titles, cut short, in
// the member's language; with many sections, by number.
func TestMasteryBars(t *testing.T) {
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	few := []startupqa.SectionScore{{SectionID: "llm-startup/3", AvgScore: 0.5}, {SectionID: "llm-startup/1", AvgScore: 0.9}}
	bars := masteryBars(c, few, lang.Chinese)
	if len(bars) != 2 || bars[0].Label != "什么是大模型" || bars[1].Label != "大模型的挑战" || bars[0].Score != 0.9 {
		t.Errorf("Chinese bars: %+v", bars)
	}
	if en := masteryBars(c, few, lang.English); !strings.HasPrefix(en[0].Label, "What Is a") {
		t.Errorf("English bars: %+v", en)
	}
	var many []startupqa.SectionScore
	for i := range maxTitledBars + 1 {
		many = append(many, startupqa.SectionScore{SectionID: fmt.Sprintf("llm-startup/%d", i%6+1)})
	}
	if bars := masteryBars(c, many, lang.Chinese); !strings.HasPrefix(bars[0].Label, "§") {
		t.Errorf("many bars: %+v", bars[0])
	}

	// Aspects of topics keep their aspect under the bar, not the topic
	// every bar of it shares.
	aspects, err := corpus.Load(fstest.MapFS{"r.md": {Data: []byte("# Redis\n\n## 缓存穿透\n\n### 是什么\n\n查不存在的数据。\n\n### 怎么解决\n\n布隆过滤器。\n\n## 缓存雪崩\n\n### 是什么\n\n大量 key 同时过期。\n")}}, "x")
	if err != nil {
		t.Fatal(err)
	}
	bars = masteryBars(aspects, []startupqa.SectionScore{{SectionID: "r/1"}, {SectionID: "r/2"}}, lang.Chinese)
	if len(bars) != 2 || bars[0].Label != "§1是什么" || bars[1].Label != "§2怎么解决" {
		t.Errorf("aspect bars: %+v", bars)
	}
}
