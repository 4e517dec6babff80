package discordtest

import (
	"regexp"
	"time"

	"github.com/bwmarrin/discordgo"
)

// DefaultPermissions are an ordinary member's permissions in a channel, put
// in interactions when Actor.Permissions is 0.
const DefaultPermissions int64 = discordgo.PermissionViewChannel | discordgo.PermissionSendMessages |
	discordgo.PermissionReadMessageHistory | discordgo.PermissionEmbedLinks |
	discordgo.PermissionAttachFiles | discordgo.PermissionAddReactions |
	discordgo.PermissionUseApplicationCommands

// NoPermissions as Actor.Permissions sends a member without permissions.
const NoPermissions int64 = -1

// botPermissions are sent as app_permissions in interactions.
const botPermissions = DefaultPermissions | discordgo.PermissionUseExternalEmojis

// joinedAt is when every fake member joined.
var joinedAt = time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)

// Actor says who acts, and where. The zero value is DefaultUserID
// ("tester"), a member of DefaultGuildID with DefaultPermissions, writing in
// DefaultChannelID.
type Actor struct {
	UserID   string // DefaultUserID (DefaultOtherBotID for BotMessage)
	Username string // DefaultUsername ("otherbot" for BotMessage)
	// GuildID is DefaultGuildID unless DM is set.
	GuildID string
	// ChannelID is DefaultChannelID, or DefaultDMChannelID for a DM.
	ChannelID string
	// DM puts the action in the user's DM channel with the bot: no guild, no
	// member; interactions carry "user" instead of "member".
	DM bool
	// Permissions are the member's permissions in the channel, sent in
	// interactions (0: DefaultPermissions, NoPermissions: none).
	Permissions int64
	// Roles are the member's role ids.
	Roles []string
	// Bot marks the user as a bot.
	Bot bool
	// Locale is the user's client locale (default en-US).
	Locale discordgo.Locale
}

func (a Actor) withDefaults() Actor {
	if a.UserID == "" {
		a.UserID = DefaultUserID
	}
	if a.Username == "" {
		a.Username = DefaultUsername
	}
	if a.DM {
		a.GuildID = ""
		if a.ChannelID == "" {
			a.ChannelID = DefaultDMChannelID
		}
	} else {
		if a.GuildID == "" {
			a.GuildID = DefaultGuildID
		}
		if a.ChannelID == "" {
			a.ChannelID = DefaultChannelID
		}
	}
	switch a.Permissions {
	case 0:
		a.Permissions = DefaultPermissions
	case NoPermissions:
		a.Permissions = 0
	}
	if a.Roles == nil {
		a.Roles = []string{}
	}
	if a.Locale == "" {
		a.Locale = discordgo.EnglishUS
	}
	return a
}

func (a Actor) user() *discordgo.User {
	return &discordgo.User{ID: a.UserID, Username: a.Username, Discriminator: "0", GlobalName: a.Username, Bot: a.Bot}
}

// StringOption is a string option of a command interaction.
func StringOption(name, value string) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionString, Value: value}
}

// IntOption is an integer option. Its Value is a float64, as after JSON
// decoding, so IntValue works on the payload itself too.
func IntOption(name string, value int64) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionInteger, Value: float64(value)}
}

// NumberOption is a number (float) option.
func NumberOption(name string, value float64) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionNumber, Value: value}
}

// BoolOption is a boolean option.
func BoolOption(name string, value bool) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionBoolean, Value: value}
}

// UserOption is a user option; CommandInteraction adds the user to
// data.resolved.
func UserOption(name, userID string) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionUser, Value: userID}
}

// SubCommandOption is a subcommand holding options.
func SubCommandOption(name string, options ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionSubCommand, Options: options}
}

// Focused marks an option as the one being typed (autocomplete) and
// returns it.
func Focused(o *discordgo.ApplicationCommandInteractionDataOption) *discordgo.ApplicationCommandInteractionDataOption {
	o.Focused = true
	return o
}

// ModalField is one text input of a submitted modal.
type ModalField struct {
	CustomID, Value string
}

// newInteraction fills what every interaction carries: a fresh id and
// token (the callback URL is /interactions/{ID}/{Token}/callback), the
// application id, the channel and the member (guild) or user (DM).
func (s *Server) newInteraction(a Actor, t discordgo.InteractionType, data discordgo.InteractionData) *discordgo.Interaction {
	a = a.withDefaults()
	i := &discordgo.Interaction{
		ID:             s.newID(),
		AppID:          s.appID,
		Type:           t,
		Data:           data,
		ChannelID:      a.ChannelID,
		AppPermissions: botPermissions,
		Locale:         a.Locale,
		Token:          "aW50ZXJhY3Rpb24." + randomHex(32),
		Version:        1,
		Entitlements:   []*discordgo.Entitlement{},
	}
	if a.DM {
		i.User = a.user()
		i.Context = discordgo.InteractionContextBotDM
		i.AuthorizingIntegrationOwners = map[discordgo.ApplicationIntegrationType]string{discordgo.ApplicationIntegrationGuildInstall: "0"}
		return i
	}
	gl := discordgo.EnglishUS
	i.GuildID = a.GuildID
	i.GuildLocale = &gl
	i.Context = discordgo.InteractionContextGuild
	i.AuthorizingIntegrationOwners = map[discordgo.ApplicationIntegrationType]string{discordgo.ApplicationIntegrationGuildInstall: a.GuildID}
	i.Member = &discordgo.Member{User: a.user(), Roles: a.Roles, JoinedAt: joinedAt, Permissions: a.Permissions}
	return i
}

// commandID returns the id of the stored command name (guild first, then
// global), or a fresh id.
func (s *Server) commandID(guildID, name string, t discordgo.ApplicationCommandType) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, scope := range []string{guildID, ""} {
		for _, c := range s.commands[scope] {
			if c.Name == name && c.Type == t {
				return c.ID
			}
		}
	}
	return s.newID()
}

func (s *Server) commandData(a Actor, name string, options []*discordgo.ApplicationCommandInteractionDataOption) discordgo.ApplicationCommandInteractionData {
	a = a.withDefaults()
	if options == nil {
		options = []*discordgo.ApplicationCommandInteractionDataOption{}
	}
	d := discordgo.ApplicationCommandInteractionData{
		ID:          s.commandID(a.GuildID, name, discordgo.ChatApplicationCommand),
		Name:        name,
		CommandType: discordgo.ChatApplicationCommand,
		Options:     options,
	}
	var users map[string]*discordgo.User
	var walk func([]*discordgo.ApplicationCommandInteractionDataOption)
	walk = func(opts []*discordgo.ApplicationCommandInteractionDataOption) {
		for _, o := range opts {
			if id, isStr := o.Value.(string); isStr && o.Type == discordgo.ApplicationCommandOptionUser {
				if users == nil {
					users = map[string]*discordgo.User{}
				}
				users[id] = &discordgo.User{ID: id, Username: "user" + id, Discriminator: "0"}
			}
			walk(o.Options)
		}
	}
	walk(options)
	if users != nil {
		d.Resolved = &discordgo.ApplicationCommandInteractionDataResolved{Users: users}
	}
	return d
}

// CommandInteraction is a slash command (type 2) named name, invoked by a
// with options. The command id is the stored command's when the bot
// registered one of that name.
func (s *Server) CommandInteraction(a Actor, name string, options ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.Interaction {
	return s.newInteraction(a, discordgo.InteractionApplicationCommand, s.commandData(a, name, options))
}

// AutocompleteInteraction is an autocomplete request (type 4) for command
// name; mark the option being typed with Focused.
func (s *Server) AutocompleteInteraction(a Actor, name string, options ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.Interaction {
	return s.newInteraction(a, discordgo.InteractionApplicationCommandAutocomplete, s.commandData(a, name, options))
}

// ComponentInteraction is a click (type 3) on the component customID of a
// message by the bot: a button, or a string select menu when values are
// given (the values chosen). Message holds that message, with the
// component.
func (s *Server) ComponentInteraction(a Actor, customID string, values ...string) *discordgo.Interaction {
	data := discordgo.MessageComponentInteractionData{CustomID: customID, ComponentType: discordgo.ButtonComponent}
	var comp discordgo.MessageComponent = &discordgo.Button{Label: customID, Style: discordgo.PrimaryButton, CustomID: customID}
	if len(values) > 0 {
		data.ComponentType = discordgo.SelectMenuComponent
		data.Values = values
		opts := make([]discordgo.SelectMenuOption, len(values))
		for i, v := range values {
			opts[i] = discordgo.SelectMenuOption{Label: v, Value: v}
		}
		comp = &discordgo.SelectMenu{MenuType: discordgo.StringSelectMenu, CustomID: customID, Options: opts, MaxValues: len(values)}
	}
	i := s.newInteraction(a, discordgo.InteractionMessageComponent, data)
	m := s.message(Actor{UserID: s.botID, Username: s.botName, Bot: true, GuildID: i.GuildID, ChannelID: i.ChannelID, DM: a.DM}, "")
	m.Components = []discordgo.MessageComponent{&discordgo.ActionsRow{Components: []discordgo.MessageComponent{comp}}}
	i.Message = m
	return i
}

// ModalSubmitInteraction is the submission (type 5) of the modal customID
// with one action row per field, each holding a text input, as Discord
// sends it.
func (s *Server) ModalSubmitInteraction(a Actor, customID string, fields ...ModalField) *discordgo.Interaction {
	rows := make([]discordgo.MessageComponent, len(fields))
	for i, f := range fields {
		rows[i] = &discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			&discordgo.TextInput{CustomID: f.CustomID, Value: f.Value, Style: discordgo.TextInputShort},
		}}
	}
	return s.newInteraction(a, discordgo.InteractionModalSubmit, discordgo.ModalSubmitInteractionData{CustomID: customID, Components: rows})
}

var mentionRE = regexp.MustCompile(`<@!?(\d+)>`)

// message builds a MESSAGE_CREATE payload by a in its channel; mentions
// of the bot in content (<@id> or <@!id>) are listed in Mentions.
func (s *Server) message(a Actor, content string) *discordgo.Message {
	a = a.withDefaults()
	m := &discordgo.Message{
		ID:           s.newID(),
		ChannelID:    a.ChannelID,
		GuildID:      a.GuildID,
		Content:      content,
		Timestamp:    time.Now().UTC(),
		Author:       a.user(),
		Mentions:     []*discordgo.User{},
		MentionRoles: []string{},
		Attachments:  []*discordgo.MessageAttachment{},
		Embeds:       []*discordgo.MessageEmbed{},
		Components:   []discordgo.MessageComponent{},
		Type:         discordgo.MessageTypeDefault,
	}
	if !a.DM {
		// Gateway messages carry a partial member without user.
		m.Member = &discordgo.Member{Roles: a.Roles, JoinedAt: joinedAt}
	}
	seen := map[string]bool{}
	for _, sm := range mentionRE.FindAllStringSubmatch(content, -1) {
		if sm[1] == s.botID && !seen[sm[1]] {
			seen[sm[1]] = true
			m.Mentions = append(m.Mentions, s.BotUser())
		}
	}
	return m
}

// GuildMessage is a message by a in a guild channel (a DM if a.DM).
func (s *Server) GuildMessage(a Actor, content string) *discordgo.Message {
	return s.message(a, content)
}

// MentionMessage is a guild message "<@bot> text" mentioning the bot.
func (s *Server) MentionMessage(a Actor, text string) *discordgo.Message {
	return s.message(a, "<@"+s.botID+"> "+text)
}

// DirectMessage is a message by a in its DM channel with the bot.
func (s *Server) DirectMessage(a Actor, content string) *discordgo.Message {
	a.DM = true
	return s.message(a, content)
}

// BotMessage is a guild message by another bot (DefaultOtherBotID,
// "otherbot", unless a names one).
func (s *Server) BotMessage(a Actor, content string) *discordgo.Message {
	if a.UserID == "" {
		a.UserID = DefaultOtherBotID
		if a.Username == "" {
			a.Username = "otherbot"
		}
	}
	a.Bot = true
	return s.message(a, content)
}
