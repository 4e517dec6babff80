package bot

import (
	"context"
	"fmt"
	"regexp"
	"runtime/debug"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// mentionPattern matches user, role and channel mentions, which are
// stripped from a question before it is searched.
var mentionPattern = regexp.MustCompile(`<(@[!&]?|#)\d+>`)

// onMessage answers a message that mentions the bot, and any DM, with a
// reply to that message. Messages from bots, the bot itself included, are
// ignored.
func (b *Bot) onMessage(ctx context.Context, s *discordgo.Session, m *discordgo.Message) {
	if m.Author == nil || m.Author.Bot || m.Author.ID == b.self() {
		return
	}
	if m.GuildID != "" && !mentions(m, b.self()) {
		return
	}
	if b.handlers.begin() {
		defer b.handlers.end()
	}
	start := time.Now()
	log := b.log.With("message", m.ID, "channel", m.ChannelID, "user", m.Author.ID, "dm", m.GuildID == "")
	defer func() {
		if p := recover(); p != nil {
			log.Error("message handler panicked", "panic", p, "stack", string(debug.Stack()))
		}
	}()

	q := strings.TrimSpace(mentionPattern.ReplaceAllString(m.Content, " "))
	l := langOf(q)
	var rep reply
	if !hasText(q) {
		rep = reply{Content: txtAskInMessage.In(l)}
	} else if wait := b.coolDown(ctx, m.Author.ID); wait > 0 {
		rep = reply{Content: fmt.Sprintf(txtSlowDown.In(l), int(wait.Seconds()+0.999))}
	} else if res, err := b.engine.Search(ctx, q); err != nil {
		log.Error("search failed", "err", err)
		rep = reply{Content: txtSorry.In(l)}
	} else {
		b.metrics.Search(res.Answered, res.Confidence)
		b.logUnanswered(ctx, m.GuildID, res)
		rep = b.inScript(q, "", answerReply(res, false))
		log.Info("message answered", append([]any{"latency", time.Since(start)}, searchAttrs(res)...)...)
	}
	_, err := s.ChannelMessageSendComplex(m.ChannelID, &discordgo.MessageSend{
		Content:    cutRunes(rep.Content, maxContent),
		Embeds:     rep.Embeds,
		Components: rep.Components,
		Reference:  &discordgo.MessageReference{MessageID: m.ID, ChannelID: m.ChannelID, GuildID: m.GuildID},
		// Reply without pinging the author, and never ping anyone the
		// question mentioned.
		AllowedMentions: &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}, RepliedUser: false},
	})
	if err != nil {
		log.Error("reply failed", "err", err)
	}
}

var txtAskInMessage = text{"在消息里写上你的问题，例如：@我 大模型的训练过程是什么", "Write your question in the message, e.g. @me what is the training process of LLMs"}

func mentions(m *discordgo.Message, id string) bool {
	if id == "" {
		return false
	}
	for _, u := range m.Mentions {
		if u != nil && u.ID == id {
			return true
		}
	}
	return strings.Contains(m.Content, "<@"+id+">") || strings.Contains(m.Content, "<@!"+id+">")
}
