package discordtest

import (
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// Messages the fake creates are JSON objects (map[string]any) so that
// components and other fields discordgo's Message does not marshal survive.

// messageFields are the request fields copied into a created or edited
// message.
var messageFields = []string{"content", "embeds", "components", "flags", "tts", "attachments", "message_reference", "poll", "allowed_mentions"}

// newMessage builds a message by the bot from a request body.
func (s *Server) newMessage(channelID, guildID string, data map[string]any) map[string]any {
	m := map[string]any{
		"id":               s.newID(),
		"channel_id":       channelID,
		"author":           s.botUserJSON(),
		"content":          "",
		"timestamp":        time.Now().UTC().Format(time.RFC3339Nano),
		"edited_timestamp": nil,
		"tts":              false,
		"mention_everyone": false,
		"mentions":         []any{},
		"mention_roles":    []any{},
		"attachments":      []any{},
		"embeds":           []any{},
		"components":       []any{},
		"pinned":           false,
		"type":             int(discordgo.MessageTypeDefault),
		"flags":            0,
	}
	if guildID != "" {
		m["guild_id"] = guildID
	}
	for _, k := range messageFields {
		if v, has := data[k]; has && v != nil {
			m[k] = v
		}
	}
	delete(m, "allowed_mentions")
	if _, reply := data["message_reference"]; reply {
		m["type"] = int(discordgo.MessageTypeReply)
	}
	return m
}

// editMessage applies a PATCH body to m.
func editMessage(m, data map[string]any) {
	for _, k := range messageFields {
		if v, has := data[k]; has {
			if v == nil {
				v = []any{}
				if k == "content" {
					v = ""
				}
			}
			m[k] = v
		}
	}
	delete(m, "allowed_mentions")
	m["flags"] = flagsOf(m) &^ int(discordgo.MessageFlagsLoading)
	m["edited_timestamp"] = time.Now().UTC().Format(time.RFC3339Nano)
}

func copyMessage(m map[string]any) map[string]any {
	cp := make(map[string]any, len(m))
	for k, v := range m {
		cp[k] = v
	}
	return cp
}

func flagsOf(m map[string]any) int {
	switch f := m["flags"].(type) {
	case float64:
		return int(f)
	case int:
		return f
	}
	return 0
}

func listLen(m map[string]any, k string) int {
	l, _ := m[k].([]any)
	return len(l)
}

// validateMessage checks a message body against Discord's limits; path
// prefixes error paths ("data" for interaction callbacks). When nonEmpty,
// a message with nothing to show is refused (50006). files counts the
// multipart files sent along.
func validateMessage(m map[string]any, nonEmpty bool, files int, path ...string) (reply, bool) {
	at := func(p ...string) []string { return append(append([]string(nil), path...), p...) }
	content, _ := m["content"].(string)
	v2 := flagsOf(m)&int(discordgo.MessageFlagsIsComponentsV2) != 0
	switch {
	case utf8.RuneCountInString(content) > 2000:
		return maxLength(2000, at("content")...), true
	case listLen(m, "embeds") > 10:
		return maxLength(10, at("embeds")...), true
	case !v2 && listLen(m, "components") > 5:
		return maxLength(5, at("components")...), true
	case v2 && (content != "" || listLen(m, "embeds") > 0):
		return formError("MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2", "The 'content' and 'embeds' fields cannot be used when using the IS_COMPONENTS_V2 flag", at("content")...), true
	}
	embeds, _ := m["embeds"].([]any)
	for i, e := range embeds {
		em, _ := e.(map[string]any)
		title, _ := em["title"].(string)
		desc, _ := em["description"].(string)
		p := at("embeds", strconv.Itoa(i))
		switch {
		case utf8.RuneCountInString(title) > 256:
			return maxLength(256, append(p, "title")...), true
		case utf8.RuneCountInString(desc) > 4096:
			return maxLength(4096, append(p, "description")...), true
		case listLen(em, "fields") > 25:
			return maxLength(25, append(p, "fields")...), true
		}
	}
	if nonEmpty && content == "" && files == 0 && listLen(m, "embeds") == 0 && listLen(m, "components") == 0 &&
		listLen(m, "attachments") == 0 && listLen(m, "sticker_ids") == 0 && m["poll"] == nil {
		return emptyMessage(), true
	}
	return reply{}, false
}
