package discordtest

import (
	"encoding/json"

	"github.com/bwmarrin/discordgo"
)

// eventIntents maps gateway events to the intent that carries them in a
// guild and in a DM (0: not sent in that place). Events not listed are
// always sent (INTERACTION_CREATE, READY-like and application events).
var eventIntents = map[string][2]discordgo.Intent{
	"GUILD_CREATE":                  {discordgo.IntentsGuilds, 0},
	"GUILD_UPDATE":                  {discordgo.IntentsGuilds, 0},
	"GUILD_DELETE":                  {discordgo.IntentsGuilds, 0},
	"GUILD_ROLE_CREATE":             {discordgo.IntentsGuilds, 0},
	"GUILD_ROLE_UPDATE":             {discordgo.IntentsGuilds, 0},
	"GUILD_ROLE_DELETE":             {discordgo.IntentsGuilds, 0},
	"CHANNEL_CREATE":                {discordgo.IntentsGuilds, 0},
	"CHANNEL_UPDATE":                {discordgo.IntentsGuilds, 0},
	"CHANNEL_DELETE":                {discordgo.IntentsGuilds, 0},
	"THREAD_CREATE":                 {discordgo.IntentsGuilds, 0},
	"THREAD_UPDATE":                 {discordgo.IntentsGuilds, 0},
	"THREAD_DELETE":                 {discordgo.IntentsGuilds, 0},
	"GUILD_MEMBER_ADD":              {discordgo.IntentsGuildMembers, 0},
	"GUILD_MEMBER_UPDATE":           {discordgo.IntentsGuildMembers, 0},
	"GUILD_MEMBER_REMOVE":           {discordgo.IntentsGuildMembers, 0},
	"PRESENCE_UPDATE":               {discordgo.IntentsGuildPresences, 0},
	"MESSAGE_CREATE":                {discordgo.IntentsGuildMessages, discordgo.IntentsDirectMessages},
	"MESSAGE_UPDATE":                {discordgo.IntentsGuildMessages, discordgo.IntentsDirectMessages},
	"MESSAGE_DELETE":                {discordgo.IntentsGuildMessages, discordgo.IntentsDirectMessages},
	"MESSAGE_DELETE_BULK":           {discordgo.IntentsGuildMessages, 0},
	"MESSAGE_REACTION_ADD":          {discordgo.IntentsGuildMessageReactions, discordgo.IntentsDirectMessageReactions},
	"MESSAGE_REACTION_REMOVE":       {discordgo.IntentsGuildMessageReactions, discordgo.IntentsDirectMessageReactions},
	"MESSAGE_REACTION_REMOVE_ALL":   {discordgo.IntentsGuildMessageReactions, discordgo.IntentsDirectMessageReactions},
	"MESSAGE_REACTION_REMOVE_EMOJI": {discordgo.IntentsGuildMessageReactions, discordgo.IntentsDirectMessageReactions},
	"TYPING_START":                  {discordgo.IntentsGuildMessageTyping, discordgo.IntentsDirectMessageTyping},
}

// messageEvent is what filterFor reads from a message event.
type messageEvent struct {
	GuildID  string                `json:"guild_id"`
	Author   *struct{ ID string }  `json:"author"`
	Mentions []struct{ ID string } `json:"mentions"`
}

// filterFor returns the payload sess gets for an event, or false when its
// intents exclude the event. Without MESSAGE_CONTENT, message events lose
// content, embeds, attachments, components and poll unless they are DMs,
// mention the bot or are the bot's own, as on Discord.
func (s *Server) filterFor(sess *gwSession, eventType string, raw json.RawMessage) (json.RawMessage, bool) {
	need, listed := eventIntents[eventType]
	if !listed {
		return raw, true
	}
	var probe struct {
		GuildID string `json:"guild_id"`
	}
	_ = json.Unmarshal(raw, &probe)
	intent := need[0]
	if probe.GuildID == "" {
		intent = need[1]
	}
	if intent == 0 || sess.intents&intent == 0 {
		return nil, false
	}
	if eventType != "MESSAGE_CREATE" && eventType != "MESSAGE_UPDATE" {
		return raw, true
	}
	if sess.intents&discordgo.IntentsMessageContent != 0 {
		return raw, true
	}
	var m messageEvent
	if json.Unmarshal(raw, &m) != nil || m.GuildID == "" || (m.Author != nil && m.Author.ID == s.botID) {
		return raw, true
	}
	for _, u := range m.Mentions {
		if u.ID == s.botID {
			return raw, true
		}
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal(raw, &obj) != nil {
		return raw, true
	}
	empty := json.RawMessage(`[]`)
	obj["content"] = json.RawMessage(`""`)
	for _, k := range []string{"embeds", "attachments", "components"} {
		if _, ok := obj[k]; ok {
			obj[k] = empty
		}
	}
	delete(obj, "poll")
	b, err := json.Marshal(obj)
	if err != nil {
		return raw, true
	}
	return b, true
}
