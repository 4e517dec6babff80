package discordtest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// interactionState is what the fake knows of a dispatched interaction.
// Guarded by s.mu.
type interactionState struct {
	id, token, appID   string
	typ                discordgo.InteractionType
	channelID, guildID string
	created            time.Time
	acked              bool
	ackType            discordgo.InteractionResponseType
	message            map[string]any // the message a component sits on
	original           map[string]any // nil until answered with a message
	followups          []map[string]any
}

// registerInteraction remembers a dispatched INTERACTION_CREATE. A second
// dispatch of the same id keeps the first one's state, so a duplicate
// delivery cannot be acknowledged twice.
func (s *Server) registerInteraction(raw json.RawMessage) error {
	var in struct {
		ID        string                    `json:"id"`
		Token     string                    `json:"token"`
		AppID     string                    `json:"application_id"`
		Type      discordgo.InteractionType `json:"type"`
		ChannelID string                    `json:"channel_id"`
		GuildID   string                    `json:"guild_id"`
		Message   map[string]any            `json:"message"`
	}
	if err := json.Unmarshal(raw, &in); err != nil {
		return err
	}
	if in.ID == "" || in.Token == "" {
		return errors.New("discordtest: INTERACTION_CREATE needs an id and a token")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.interactions[in.ID] != nil {
		return nil
	}
	st := &interactionState{
		id: in.ID, token: in.Token, appID: in.AppID, typ: in.Type,
		channelID: in.ChannelID, guildID: in.GuildID, created: time.Now(), message: in.Message,
	}
	s.interactions[in.ID] = st
	s.byToken[in.Token] = st
	return nil
}

// allowedResponses lists the callback types Discord accepts per
// interaction type.
var allowedResponses = map[discordgo.InteractionType][]discordgo.InteractionResponseType{
	discordgo.InteractionPing:                           {discordgo.InteractionResponsePong},
	discordgo.InteractionApplicationCommand:             {4, 5, 9},
	discordgo.InteractionMessageComponent:               {4, 5, 6, 7, 9},
	discordgo.InteractionApplicationCommandAutocomplete: {8},
	discordgo.InteractionModalSubmit:                    {4, 5, 6, 7},
}

func responseAllowed(it discordgo.InteractionType, rt discordgo.InteractionResponseType) bool {
	for _, t := range allowedResponses[it] {
		if t == rt {
			return true
		}
	}
	return false
}

// interactionCallback is POST /interactions/{id}/{token}/callback.
func (s *Server) interactionCallback(c *restCall) reply {
	st := s.interactions[c.param("id")]
	switch {
	case st == nil || st.token != c.param("token"):
		return unknownInteraction()
	case st.acked:
		return apiError(http.StatusBadRequest, CodeAlreadyAcknowledged, "Interaction has already been acknowledged.")
	case s.deadline > 0 && c.rec.Received.Sub(st.created) > s.deadline:
		return unknownInteraction()
	}
	body := c.object()
	if body == nil {
		return formError("DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType")
	}
	tf, _ := body["type"].(float64)
	rt := discordgo.InteractionResponseType(tf)
	if tf == 0 {
		return required("type")
	}
	if !responseAllowed(st.typ, rt) {
		return formError("INTERACTION_RESPONSE_TYPE_INVALID", "Interaction response type is not valid for this interaction", "type")
	}
	data, _ := body["data"].(map[string]any)
	if data == nil {
		data = map[string]any{}
	}

	var original map[string]any
	switch rt {
	case discordgo.InteractionResponseChannelMessageWithSource:
		if rep, bad := validateMessage(data, true, len(c.rec.Files), "data"); bad {
			return rep
		}
		original = s.interactionMessage(st, data)
	case discordgo.InteractionResponseDeferredChannelMessageWithSource:
		original = s.interactionMessage(st, map[string]any{})
		original["flags"] = flagsOf(data)&int(discordgo.MessageFlagsEphemeral) | int(discordgo.MessageFlagsLoading)
	case discordgo.InteractionResponseDeferredMessageUpdate:
		if st.message != nil {
			original = copyMessage(st.message)
		}
	case discordgo.InteractionResponseUpdateMessage:
		if rep, bad := validateMessage(data, false, len(c.rec.Files), "data"); bad {
			return rep
		}
		if st.message != nil {
			original = copyMessage(st.message)
		} else {
			original = s.interactionMessage(st, map[string]any{})
		}
		editMessage(original, data)
	case discordgo.InteractionApplicationCommandAutocompleteResult:
		choices, _ := data["choices"].([]any)
		if len(choices) > 25 {
			return maxLength(25, "data", "choices")
		}
		for i, ch := range choices {
			m, _ := ch.(map[string]any)
			name, _ := m["name"].(string)
			if n := utf8.RuneCountInString(name); n < 1 || n > 100 {
				return formError("BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.", "data", "choices", strconv.Itoa(i), "name")
			}
		}
	case discordgo.InteractionResponseModal:
		id, _ := data["custom_id"].(string)
		title, _ := data["title"].(string)
		switch {
		case id == "":
			return required("data", "custom_id")
		case title == "":
			return required("data", "title")
		case utf8.RuneCountInString(title) > 45:
			return maxLength(45, "data", "title")
		case listLen(data, "components") < 1 || listLen(data, "components") > 5:
			return formError("BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.", "data", "components")
		}
	}
	st.acked = true
	st.ackType = rt
	st.original = original
	return noContent()
}

// interactionMessage is a message sent through an interaction's webhook.
func (s *Server) interactionMessage(st *interactionState, data map[string]any) map[string]any {
	m := s.newMessage(st.channelID, st.guildID, data)
	m["webhook_id"] = st.appID
	m["application_id"] = st.appID
	if st.typ == discordgo.InteractionApplicationCommand {
		m["type"] = int(discordgo.MessageTypeChatInputCommand)
	}
	return m
}

// webhookInteraction finds the interaction of a webhook route's token.
func (s *Server) webhookInteraction(c *restCall) *interactionState {
	st := s.byToken[c.param("token")]
	if st == nil || st.appID != c.param("app") {
		return nil
	}
	return st
}

// webhookMessage finds "@original" or a followup by id.
func (st *interactionState) webhookMessage(id string) (m map[string]any, followup int) {
	if id == "@original" || (st.original != nil && st.original["id"] == id) {
		return st.original, -1
	}
	for i, f := range st.followups {
		if f["id"] == id {
			return f, i
		}
	}
	return nil, -1
}

// createFollowup is POST /webhooks/{app}/{token}. Interaction followups
// always answer the message, as if wait=true.
func (s *Server) createFollowup(c *restCall) reply {
	st := s.webhookInteraction(c)
	if st == nil {
		return invalidWebhookToken()
	}
	if !st.acked {
		return apiError(http.StatusNotFound, CodeUnknownWebhook, "Unknown Webhook")
	}
	data, rep, bad := c.message(true)
	if bad {
		return rep
	}
	m := s.interactionMessage(st, data)
	st.followups = append(st.followups, m)
	return ok(m)
}

// webhookMessageOf finds the interaction and message a webhook message
// route names, or the error reply Discord gives when either is unknown.
func (s *Server) webhookMessageOf(c *restCall) (st *interactionState, m map[string]any, i int, rep reply, found bool) {
	if st = s.webhookInteraction(c); st == nil {
		return nil, nil, 0, invalidWebhookToken(), false
	}
	if m, i = st.webhookMessage(c.param("msg")); m == nil {
		return nil, nil, 0, unknownMessage(), false
	}
	return st, m, i, reply{}, true
}

func (s *Server) getWebhookMessage(c *restCall) reply {
	_, m, _, rep, found := s.webhookMessageOf(c)
	if !found {
		return rep
	}
	return ok(m)
}

func (s *Server) editWebhookMessage(c *restCall) reply {
	_, m, _, rep, found := s.webhookMessageOf(c)
	if !found {
		return rep
	}
	data, rep, bad := c.message(false)
	if bad {
		return rep
	}
	editMessage(m, data)
	return ok(m)
}

func (s *Server) deleteWebhookMessage(c *restCall) reply {
	st, _, i, rep, found := s.webhookMessageOf(c)
	switch {
	case !found:
		return rep
	case i >= 0:
		st.followups = append(st.followups[:i:i], st.followups[i+1:]...)
	default:
		st.original = nil
	}
	return noContent()
}

// createChannelMessage is POST /channels/{id}/messages.
func (s *Server) createChannelMessage(c *restCall) reply {
	data, rep, bad := c.message(true)
	if bad {
		return rep
	}
	guild := ""
	if c.param("channel") == DefaultChannelID {
		guild = DefaultGuildID
	}
	return ok(s.newMessage(c.param("channel"), guild, data))
}

func (s *Server) typing(*restCall) reply { return noContent() }

// InteractionResponse returns the current original response of an
// interaction (after its callback and any edits), decoded by discordgo, and
// whether there is one.
func (s *Server) InteractionResponse(interactionID string) (*discordgo.Message, bool) {
	s.mu.Lock()
	st := s.interactions[interactionID]
	var b []byte
	if st != nil && st.original != nil {
		b, _ = json.Marshal(st.original)
	}
	s.mu.Unlock()
	if b == nil {
		return nil, false
	}
	var m discordgo.Message
	if json.Unmarshal(b, &m) != nil {
		return nil, false
	}
	return &m, true
}

// Followups returns an interaction's followup messages, oldest first.
func (s *Server) Followups(interactionID string) []*discordgo.Message {
	s.mu.Lock()
	var raws [][]byte
	if st := s.interactions[interactionID]; st != nil {
		for _, f := range st.followups {
			b, _ := json.Marshal(f)
			raws = append(raws, b)
		}
	}
	s.mu.Unlock()
	out := make([]*discordgo.Message, 0, len(raws))
	for _, b := range raws {
		var m discordgo.Message
		if json.Unmarshal(b, &m) == nil {
			out = append(out, &m)
		}
	}
	return out
}

// HTTPInteraction is an interaction as Discord POSTs it to an
// Interactions Endpoint URL. The fake remembers it as it remembers a
// dispatched one, so that the bot's edits and follow-ups find it.
func (s *Server) HTTPInteraction(i *discordgo.Interaction) (json.RawMessage, error) {
	raw, err := Marshal(i)
	if err != nil {
		return nil, err
	}
	return raw, s.registerInteraction(raw)
}

// Acknowledge hands the fake an interaction's first response that the bot
// gave in the HTTP response to Discord's POST (the Interactions Endpoint
// URL) rather than through the REST callback. Discord takes that response
// as the callback; the fake runs it through its callback endpoint, with
// the same checks, so that later edits and follow-ups find it.
func (s *Server) Acknowledge(interactionID, contentType string, body []byte) error {
	s.mu.Lock()
	st := s.interactions[interactionID]
	s.mu.Unlock()
	if st == nil {
		return fmt.Errorf("discordtest: unknown interaction %s", interactionID)
	}
	url := fmt.Sprintf("%s/api/v10/interactions/%s/%s/callback", s.URL(), interactionID, st.token)
	resp, err := s.HTTPClient().Post(url, contentType, bytes.NewReader(body))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		msg, _ := io.ReadAll(resp.Body)
		return fmt.Errorf("discordtest: the response was refused: %s %s", resp.Status, msg)
	}
	return nil
}
