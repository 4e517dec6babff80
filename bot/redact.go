package bot

import (
	"context"
	"fmt"
	"log/slog"
	"regexp"
)

// Interaction and webhook tokens travel in REST URLs
// (/interactions/ID/TOKEN/callback, /webhooks/APP/TOKEN/messages), and
// net/http puts the URL into its errors: a timed-out callback would write a
// live token, valid for 15 minutes, into the logs. redactingHandler scrubs
// them from every record the bot logs.
var tokenInURL = regexp.MustCompile(`(/(?:interactions|webhooks)/\d+/)[A-Za-z0-9._\-]+`)

func redactTokens(s string) string { return tokenInURL.ReplaceAllString(s, "${1}<token>") }

type redactingHandler struct{ h slog.Handler }

func (r redactingHandler) Enabled(ctx context.Context, l slog.Level) bool { return r.h.Enabled(ctx, l) }

func (r redactingHandler) Handle(ctx context.Context, rec slog.Record) error {
	out := slog.NewRecord(rec.Time, rec.Level, redactTokens(rec.Message), rec.PC)
	rec.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(redactAttr(a))
		return true
	})
	return r.h.Handle(ctx, out)
}

func (r redactingHandler) WithAttrs(as []slog.Attr) slog.Handler {
	clean := make([]slog.Attr, len(as))
	for i, a := range as {
		clean[i] = redactAttr(a)
	}
	return redactingHandler{r.h.WithAttrs(clean)}
}

func (r redactingHandler) WithGroup(name string) slog.Handler {
	return redactingHandler{r.h.WithGroup(name)}
}

func redactAttr(a slog.Attr) slog.Attr {
	v := a.Value.Resolve()
	switch v.Kind() {
	case slog.KindString:
		return slog.String(a.Key, redactTokens(v.String()))
	case slog.KindGroup:
		g := v.Group()
		clean := make([]any, len(g))
		for i, ga := range g {
			clean[i] = redactAttr(ga)
		}
		return slog.Group(a.Key, clean...)
	case slog.KindAny:
		if err, ok := v.Any().(error); ok {
			return slog.String(a.Key, redactTokens(err.Error()))
		}
		if s, ok := v.Any().(fmt.Stringer); ok {
			return slog.String(a.Key, redactTokens(s.String()))
		}
	}
	return a
}
