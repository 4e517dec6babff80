package bot

import (
	"bytes"
	"errors"
	"log/slog"
	"strings"
	"testing"
)

func TestLogsCarryNoTokens(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(redactingHandler{slog.NewTextHandler(&buf, nil)})
	token := "aW50ZXJhY3Rpb246MTIzNDU2Nzg5OnNlY3JldA.x-y_z"
	err := errors.New(`Post "https://discord.com/api/v9/interactions/1234567890/` + token + `/callback": context deadline exceeded`)
	log.Error("respond", "err", err, "url", "https://discord.com/api/v9/webhooks/42/"+token+"/messages/@original")
	log.With("err", err).WithGroup("g").Warn("edit " + "/webhooks/42/" + token)
	out := buf.String()
	if strings.Contains(out, token) {
		t.Errorf("a token reached the log:\n%s", out)
	}
	for _, want := range []string{"/interactions/1234567890/<token>/callback", "/webhooks/42/<token>/messages", "context deadline exceeded"} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %q:\n%s", want, out)
		}
	}
}
