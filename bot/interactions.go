package bot

import (
	"context"
	"errors"
	"fmt"
	"github.com/startupqa/startupqa"
	"runtime/debug"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/startupqa/startupqa/lang"
)

// request is one interaction as handlers see it.
type request struct {
	i      *discordgo.Interaction
	userID string
	lang   lang.Lang
	// outcome is how the handler ended, for metrics: ok, deferred,
	// refused (the user's mistake), error or panic.
	outcome string
}

// userError is a problem with what the user sent; its message is shown to
// them as it is, privately.
type userError struct{ msg string }

func (e userError) Error() string { return e.msg }

// handler answers an interaction.
type handler func(ctx context.Context, r *request) (reply, error)

// sendFunc carries an interaction's first response to Discord: the REST
// callback on the gateway path, the body of Discord's own request on the
// HTTP path. Whatever follows (the edit of a deferred answer) goes over
// REST on either.
type sendFunc func(*discordgo.InteractionResponse) error

// onInteraction answers an interaction that came through the gateway.
func (b *Bot) onInteraction(ctx context.Context, s *discordgo.Session, i *discordgo.Interaction) {
	b.interaction(ctx, s, i, func(resp *discordgo.InteractionResponse) error {
		return b.interactionRespond(s, i, resp)
	})
}

// interaction is the single entry point for interactions, whichever way
// they came. It recovers from panics, so that no handler can kill the
// bot, and hands every outcome to respond.
func (b *Bot) interaction(ctx context.Context, s *discordgo.Session, i *discordgo.Interaction, send sendFunc) {
	if b.handlers.begin() {
		defer b.handlers.end()
	}
	start := time.Now()
	r := &request{i: i, userID: interactionUser(i), lang: interactionLang(i)}
	log := b.log.With("interaction", i.ID, "type", i.Type.String(), "user", r.userID)

	if i.Type == discordgo.InteractionApplicationCommandAutocomplete {
		b.autocomplete(ctx, r, log, send)
		b.metrics.Interaction("autocomplete", "ok", time.Since(start))
		return
	}
	h, name := b.route(r)
	log = log.With("command", name)
	rep, err := b.respond(ctx, s, r, h, log, send)
	if err != nil {
		b.metrics.Interaction(name, "send_failed", time.Since(start))
		log.Error("reply failed", "err", err, "latency", time.Since(start))
		return
	}
	b.metrics.Interaction(name, r.outcome, time.Since(start))
	log.Info("interaction answered", append([]any{"latency", time.Since(start), "ephemeral", rep.Ephemeral}, rep.logAttrs...)...)
}

// route picks the handler of an interaction.
func (b *Bot) route(r *request) (handler, string) {
	i := r.i
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		name := i.ApplicationCommandData().Name
		switch name {
		case cmdAsk:
			return b.limited(b.ask), name
		case cmdTopics:
			return b.topics, name
		case cmdSection:
			return b.section, name
		case cmdHelp:
			return b.help, name
		case cmdReload:
			return b.reload, name
		case cmdChallenge:
			return b.challenge, name
		case cmdLeaderboard:
			return b.leaderboard, name
		case cmdStats:
			return b.stats, name
		case cmdUnanswered:
			return b.unanswered, name
		}
		return unknownCommand(name), name
	case discordgo.InteractionMessageComponent:
		id := i.MessageComponentData().CustomID
		if strings.HasPrefix(id, sectionButtonPrefix) {
			return b.sectionButton(strings.TrimPrefix(id, sectionButtonPrefix)), "button:section"
		}
		if strings.HasPrefix(id, chPrefix) {
			return b.challengeButton(id), "button:challenge"
		}
		if strings.HasPrefix(id, quickPrefix) {
			return b.quickPick(id), "button:quick"
		}
		if strings.HasPrefix(id, resetPrefix) {
			return b.resetButton(id), "button:reset"
		}
		return unknownCommand(id), "button"
	case discordgo.InteractionModalSubmit:
		id := i.ModalSubmitData().CustomID
		if strings.HasPrefix(id, chPrefix) {
			return b.challengeButton(id), "modal:challenge"
		}
		return unknownCommand(id), "modal"
	}
	return unknownCommand(i.Type.String()), i.Type.String()
}

func unknownCommand(name string) handler {
	return func(context.Context, *request) (reply, error) {
		return reply{}, userError{fmt.Sprintf("unknown command %q", name)}
	}
}

// respond runs a handler and sends its reply. It answers in the
// interaction callback when the handler finishes within the ack budget, and
// otherwise defers first and edits the reply in when it is ready, so that
// every interaction is acknowledged within Discord's 3 s. Errors and panics
// become a polite private reply.
func (b *Bot) respond(ctx context.Context, s *discordgo.Session, r *request, h handler, log loggerLike, send sendFunc) (reply, error) {
	type outcome struct {
		rep reply
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				log.Error("handler panicked", "panic", p, "stack", string(debug.Stack()))
				done <- outcome{err: errPanic}
			}
		}()
		rep, err := h(ctx, r)
		done <- outcome{rep, err}
	}()

	var out outcome
	deferred := false
	r.outcome = "ok"
	timer := time.NewTimer(b.cfg.AckBudget)
	defer timer.Stop()
	select {
	case out = <-done:
	case <-timer.C:
		deferred = true
		// The reply's visibility is fixed by the deferral; a private
		// deferral keeps a slow error private too.
		flags := discordgo.MessageFlags(0)
		if wantsPrivate(r.i) {
			flags = discordgo.MessageFlagsEphemeral
		}
		if err := send(&discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Flags: flags},
		}); err != nil {
			return reply{}, fmt.Errorf("defer: %w", err)
		}
		log.Warn("handler slow; deferred", "budget", b.cfg.AckBudget)
		out = <-done
	}
	if deferred {
		r.outcome = "deferred"
	}
	if out.err != nil {
		out.rep, r.outcome = b.errorReply(out.err, r.lang, log)
	}
	if deferred {
		return out.rep, b.editOriginal(s, r.i, out.rep)
	}
	if out.rep.modal != nil {
		return out.rep, send(&discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseModal, Data: out.rep.modal,
		})
	}
	return out.rep, send(&discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: responseData(out.rep),
	})
}

// loggerLike is the part of *slog.Logger respond uses.
type loggerLike interface {
	Error(msg string, args ...any)
	Warn(msg string, args ...any)
}

var errPanic = errors.New("handler panicked")

// errorReply turns a handler error into what the user sees: their own
// mistake as it is, anything else as a polite apology without details.
// outcome names which it was, for metrics: refused, panic or error.
func (b *Bot) errorReply(err error, l lang.Lang, log loggerLike) (rep reply, outcome string) {
	var ue userError
	if errors.As(err, &ue) {
		return reply{Content: ue.msg, Ephemeral: true}, "refused"
	}
	if errors.Is(err, errPanic) {
		return reply{Content: txtSorry.In(l), Ephemeral: true}, "panic"
	}
	if errors.Is(err, startupqa.ErrStoreUnavailable) {
		log.Warn("store unavailable", "err", err)
		return reply{Content: txtStoreDown.In(l), Ephemeral: true}, "store_down"
	}
	log.Error("handler failed", "err", err)
	return reply{Content: txtSorry.In(l), Ephemeral: true}, "error"
}

var txtStoreDown = text{"积分数据库暂时连不上：挑战、排行榜和战绩稍后恢复，提问（/ask）照常可用。", "The scores database is unreachable for now: challenges, leaderboards and stats will be back; questions (/ask) still work."}

var txtSorry = text{"抱歉，出了点问题，请稍后再试。", "Sorry, something went wrong. Please try again in a moment."}

// noMentions keeps echoed user text ("@everyone", roles, users) from
// pinging anyone.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

func responseData(r reply) *discordgo.InteractionResponseData {
	d := &discordgo.InteractionResponseData{
		Content:         cutRunes(r.Content, maxContent),
		Embeds:          r.Embeds,
		Components:      r.Components,
		AllowedMentions: noMentions(),
		Files:           r.files,
	}
	if r.Ephemeral {
		d.Flags = discordgo.MessageFlagsEphemeral
	}
	return d
}

// editOriginal puts a reply into a deferred response. discordgo sends all
// webhook edits through one rate-limit bucket, which would serialise the
// edits of concurrent interactions; lent buckets keep them apart, as
// Discord's own limits are per interaction token.
func (b *Bot) editOriginal(s *discordgo.Session, i *discordgo.Interaction, r reply) error {
	content := cutRunes(r.Content, maxContent)
	edit := &discordgo.WebhookEdit{
		Content:         &content,
		Embeds:          &r.Embeds,
		Components:      &r.Components,
		AllowedMentions: noMentions(),
	}
	uri := discordgo.EndpointWebhookMessage(i.AppID, i.Token, "@original")
	return b.edits.request(s, func(bucket string) error {
		_, err := s.RequestWithBucketID("PATCH", uri, edit, bucket)
		return err
	})
}

// wantsPrivate reports whether the user asked for a private answer.
func wantsPrivate(i *discordgo.Interaction) bool {
	if i.Type != discordgo.InteractionApplicationCommand {
		return false
	}
	v, _ := boolOption(i.ApplicationCommandData().Options, optPrivate)
	return v
}

func interactionUser(i *discordgo.Interaction) string {
	switch {
	case i.Member != nil && i.Member.User != nil:
		return i.Member.User.ID
	case i.User != nil:
		return i.User.ID
	}
	return ""
}

// interactionLang is the language of the user's Discord client: replies
// that echo no question (errors, /help) follow it.
func interactionLang(i *discordgo.Interaction) lang.Lang {
	if strings.HasPrefix(string(i.Locale), "zh") || i.Locale == "" {
		return lang.Chinese
	}
	return lang.English
}
