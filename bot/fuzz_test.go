package bot

import (
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// FuzzLimits fits arbitrary text into an embed and a message: whatever
// comes in, what goes out is within Discord's limits, valid UTF-8 where
// the input was, and cut only when it had to be (a title's white space is
// always made one line).
//
//	go test -run='^$' -fuzz=FuzzLimits -fuzztime=60s ./bot
func FuzzLimits(f *testing.F) {
	f.Add("大模型的训练过程", "- **要点：** 说明。\n- 另一点\n", "解析", 3)
	f.Add("😀😀", "😀\n😀", "x\n", 30)
	f.Add("", "", "", 0)
	f.Add("a\nb", "\xff\xfe", "\n\n\n", 1)
	f.Fuzz(func(t *testing.T, title, desc, field string, fields int) {
		fields = min(max(fields, 0), 40)
		e := &discordgo.MessageEmbed{Title: title, Description: desc, Footer: &discordgo.MessageEmbedFooter{Text: title + desc}}
		for range fields {
			e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: title, Value: field})
		}
		fitEmbed(e, "…")
		if n := embedLength(e); n > maxEmbedTotal {
			t.Errorf("embed of %d characters", n)
		}
		if length(e.Title) > maxEmbedTitle || length(e.Description) > maxEmbedDesc || len(e.Fields) > maxEmbedFields ||
			length(e.Footer.Text) > maxFooterText {
			t.Errorf("a part over its limit: title %d, description %d, %d fields, footer %d",
				length(e.Title), length(e.Description), len(e.Fields), length(e.Footer.Text))
		}
		for _, fl := range e.Fields {
			if length(fl.Name) > maxFieldName || length(fl.Value) > maxFieldValue {
				t.Errorf("field %d/%d characters", length(fl.Name), length(fl.Value))
			}
		}
		if utf8.ValidString(desc) && !utf8.ValidString(e.Description) {
			t.Errorf("cutting made invalid UTF-8 of %q", desc)
		}
		if fields == 0 && length(title) <= maxEmbedTitle && !strings.Contains(title, "\n") &&
			length(desc) <= maxEmbedDesc && embedLength(&discordgo.MessageEmbed{Title: title, Description: desc, Footer: &discordgo.MessageEmbedFooter{Text: title + desc}}) <= maxEmbedTotal &&
			(e.Title != strings.Join(strings.Fields(title), " ") || e.Description != desc) {
			t.Errorf("an embed within its limits was cut")
		}
		if c := cutRunes(desc, maxContent); length(c) > maxContent || (length(desc) <= maxContent && c != desc) {
			t.Errorf("cutRunes(%d characters) = %d characters", length(desc), length(c))
		}
	})
}

// FuzzInteraction routes raw interaction payloads, as Discord could send
// them, to their handlers: no payload may panic a handler, and every reply
// fits in a message.
//
//	go test -run='^$' -fuzz=FuzzInteraction -fuzztime=60s ./bot
func FuzzInteraction(f *testing.F) {
	for _, seed := range []string{
		`{"id":"1","type":2,"token":"t","locale":"zh-CN","member":{"user":{"id":"9"}},"guild_id":"5","data":{"id":"2","name":"ask","options":[{"name":"question","type":3,"value":"大模型的训练过程是什么"}]}}`,
		`{"id":"1","type":2,"token":"t","user":{"id":"9"},"data":{"name":"section","options":[{"name":"id","type":3,"value":"llm-startup/2"}]}}`,
		`{"id":"1","type":2,"token":"t","user":{"id":"9"},"data":{"name":"topics"}}`,
		`{"id":"1","type":2,"token":"t","user":{"id":"9"},"locale":"en-US","data":{"name":"help"}}`,
		`{"id":"1","type":2,"token":"t","member":{"user":{"id":"9"},"permissions":"8"},"guild_id":"5","data":{"name":"challenge","options":[{"name":"start","type":1,"options":[{"name":"rounds","type":4,"value":3}]}]}}`,
		`{"id":"1","type":3,"token":"t","user":{"id":"9"},"data":{"custom_id":"` + sectionButtonPrefix + `llm-startup/1","component_type":2}}`,
		`{"id":"1","type":5,"token":"t","user":{"id":"9"},"data":{"custom_id":"` + chPrefix + `x","components":[]}}`,
		`{"id":"1","type":2,"data":{"name":"ask","options":[{"name":"question","type":3,"value":12}]}}`,
		`{"type":2}`,
	} {
		f.Add([]byte(seed))
	}
	b := New(Config{}, defaultIndex(f), scripts(f), slog.New(slog.DiscardHandler))
	f.Fuzz(func(t *testing.T, payload []byte) {
		var i discordgo.Interaction
		if json.Unmarshal(payload, &i) != nil || i.Type == discordgo.InteractionApplicationCommandAutocomplete {
			return
		}
		r := &request{i: &i, userID: interactionUser(&i), lang: interactionLang(&i)}
		h, _ := b.route(r)
		rep, err := h(context.Background(), r)
		if err != nil {
			rep, _ = b.errorReply(err, r.lang, slog.New(slog.DiscardHandler))
		}
		d := responseData(rep)
		if length(d.Content) > maxContent {
			t.Errorf("content of %d characters", length(d.Content))
		}
		if len(d.Embeds) > 10 {
			t.Errorf("%d embeds", len(d.Embeds))
		}
		total := 0
		for _, e := range d.Embeds {
			total += embedLength(e)
		}
		if total > maxEmbedTotal {
			t.Errorf("embeds of %d characters in all", total)
		}
		if d.AllowedMentions == nil || len(d.AllowedMentions.Parse) != 0 {
			t.Errorf("a reply may ping: %+v", d.AllowedMentions)
		}
	})
}
