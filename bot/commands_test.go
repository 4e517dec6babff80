package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// Discord's rule for command and option names, in every locale.
var namePattern = regexp.MustCompile(`^[-_\p{L}\p{N}]{1,32}$`)

func TestCommandDefinitions(t *testing.T) {
	for _, c := range commands() {
		names := []string{c.Name}
		if c.NameLocalizations != nil {
			for _, n := range *c.NameLocalizations {
				names = append(names, n)
			}
		}
		for _, o := range c.Options {
			names = append(names, o.Name)
			for _, n := range o.NameLocalizations {
				names = append(names, n)
			}
			if length(o.Description) > 100 {
				t.Errorf("%s/%s description too long", c.Name, o.Name)
			}
		}
		for _, n := range names {
			if !namePattern.MatchString(n) {
				t.Errorf("command %s: name %q breaks Discord's naming rule", c.Name, n)
			}
		}
		if c.DescriptionLocalizations == nil || (*c.DescriptionLocalizations)[discordgo.ChineseCN] == "" || (*c.DescriptionLocalizations)[discordgo.ChineseTW] == "" {
			t.Errorf("command %s lacks zh-CN or zh-TW description", c.Name)
		}
	}
}

// Definitions read back from Discord, with the ids and defaults it adds,
// compare equal to ours; a changed description does not.
func TestSameCommands(t *testing.T) {
	want := commands()
	raw, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	var have []*discordgo.ApplicationCommand
	if err := json.Unmarshal(raw, &have); err != nil {
		t.Fatal(err)
	}
	for i, c := range have {
		c.ID, c.ApplicationID, c.Version = "1", "2", "3"
		have[i] = c
	}
	have[0], have[1] = have[1], have[0] // order does not matter
	if !sameCommands(have, want) {
		t.Error("round-tripped commands differ from ours")
	}
	have[0].Description += "!"
	if sameCommands(have, want) {
		t.Error("a changed description went unnoticed")
	}
	if sameCommands(have[:1], want) {
		t.Error("a missing command went unnoticed")
	}
}

func TestCooldown(t *testing.T) {
	now := time.Unix(1000, 0)
	c := newCooldown(3*time.Second, func() time.Time { return now })
	if w := c.wait("u1"); w != 0 {
		t.Fatalf("first question waits %v", w)
	}
	now = now.Add(time.Second)
	if w := c.wait("u1"); w != 2*time.Second {
		t.Errorf("second question after 1 s waits %v, want 2s", w)
	}
	if w := c.wait("u2"); w != 0 {
		t.Errorf("another user waits %v", w)
	}
	now = now.Add(2 * time.Second)
	if w := c.wait("u1"); w != 0 {
		t.Errorf("after the cooldown u1 waits %v", w)
	}
	if w := newCooldown(0, time.Now).wait("u"); w != 0 {
		t.Errorf("no cooldown configured, waits %v", w)
	}
}

func TestOptions(t *testing.T) {
	opts := []*discordgo.ApplicationCommandInteractionDataOption{
		{Name: "question", Type: discordgo.ApplicationCommandOptionString, Value: "问题"},
		{Name: "private", Type: discordgo.ApplicationCommandOptionBoolean, Value: true},
		{Name: "number", Type: discordgo.ApplicationCommandOptionInteger, Value: float64(3)},
		{Name: "bad", Type: discordgo.ApplicationCommandOptionInteger, Value: "x"},
		nil,
	}
	if s, ok := stringOption(opts, "question"); !ok || s != "问题" {
		t.Errorf("question = %q, %v", s, ok)
	}
	if b, ok := boolOption(opts, "private"); !ok || !b {
		t.Errorf("private = %v, %v", b, ok)
	}
	if n, ok := intOption(opts, "number"); !ok || n != 3 {
		t.Errorf("number = %d, %v", n, ok)
	}
	if _, ok := intOption(opts, "bad"); ok {
		t.Error("a string for an integer option was accepted")
	}
	if _, ok := stringOption(opts, "private"); ok {
		t.Error("a bool read as a string")
	}
	if _, ok := stringOption(nil, "question"); ok {
		t.Error("a missing option was found")
	}
}

func TestHasText(t *testing.T) {
	for q, want := range map[string]bool{"": false, "  \t": false, "🤔🤔": false, "？！…": false, "大模型": true, "LLM": true, "3": true} {
		if got := hasText(q); got != want {
			t.Errorf("hasText(%q) = %v", q, got)
		}
	}
}

func TestFatalClose(t *testing.T) {
	for code, fatal := range map[int]bool{1000: false, 4000: false, 4004: true, 4007: false, 4009: false, 4010: true, 4013: true, 4014: true} {
		err := fmt.Errorf("open: %w", &websocket.CloseError{Code: code})
		fe, ok := fatalClose(err)
		if ok != fatal {
			t.Errorf("close %d: fatal = %v, want %v", code, ok, fatal)
		}
		if ok && (fe.Code != code || fe.Error() == "") {
			t.Errorf("close %d: %+v", code, fe)
		}
	}
	if _, ok := fatalClose(errors.New("dial tcp: refused")); ok {
		t.Error("a network error is fatal")
	}
}

// fakeShared is a shared cooldown store that always says another process
// took the member's question wait ago.
type fakeShared struct{ wait time.Duration }

func (f fakeShared) TakeCooldown(context.Context, string, time.Time, time.Duration) (time.Duration, error) {
	return f.wait, nil
}

// When another process took the question, memory's cooldown ends when the
// shared one does, not a whole cooldown later.
func TestSharedCooldownEndsTogether(t *testing.T) {
	now := time.Unix(1000, 0)
	b := New(Config{Cooldown: 10 * time.Second}, defaultIndex(t), nil, slog.New(slog.DiscardHandler))
	b.cooldown = newCooldown(10*time.Second, func() time.Time { return now })
	b.UseSharedCooldowns(fakeShared{wait: 4 * time.Second})
	if w := b.coolDown(context.Background(), "u"); w != 4*time.Second {
		t.Fatalf("first question: wait %v, want the shared 4s", w)
	}
	now = now.Add(4 * time.Second)
	b.UseSharedCooldowns(fakeShared{})
	if w := b.coolDown(context.Background(), "u"); w != 0 {
		t.Errorf("when the shared cooldown ended: wait %v, want 0", w)
	}
}
