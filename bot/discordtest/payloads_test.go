package discordtest

import (
	"encoding/json"
	"testing"

	"github.com/bwmarrin/discordgo"
)

// decodeInteraction round-trips an interaction through Marshal and
// discordgo's own decoder, as the gateway does.
func decodeInteraction(t *testing.T, in *discordgo.Interaction) *discordgo.Interaction {
	t.Helper()
	raw, err := Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var ev discordgo.InteractionCreate
	if err := json.Unmarshal(raw, &ev); err != nil {
		t.Fatalf("discordgo cannot decode %s: %v", raw, err)
	}
	if ev.ID != in.ID || ev.Token != in.Token || ev.AppID != in.AppID || ev.Type != in.Type || ev.ChannelID != in.ChannelID || ev.GuildID != in.GuildID {
		t.Fatalf("decoded %+v, built %+v", ev.Interaction, in)
	}
	return ev.Interaction
}

func TestInteractionPayloads(t *testing.T) {
	t.Parallel()
	srv := New(Options{})
	defer srv.Close()

	tests := []struct {
		name  string
		in    *discordgo.Interaction
		check func(t *testing.T, i *discordgo.Interaction)
	}{
		{"command in a guild", srv.CommandInteraction(Actor{UserID: "7", Permissions: discordgo.PermissionAdministrator, Roles: []string{"r1"}}, "ask",
			StringOption("q", "什么是PMF"), IntOption("n", 5), BoolOption("public", false), NumberOption("temp", 0.5), UserOption("who", "9")),
			func(t *testing.T, i *discordgo.Interaction) {
				d := i.ApplicationCommandData()
				if d.Name != "ask" || d.ID == "" || d.CommandType != discordgo.ChatApplicationCommand {
					t.Errorf("data = %+v", d)
				}
				if d.GetOption("q").StringValue() != "什么是PMF" || d.GetOption("n").IntValue() != 5 ||
					d.GetOption("public").BoolValue() || d.GetOption("temp").FloatValue() != 0.5 {
					t.Errorf("options = %+v", d.Options)
				}
				if d.GetOption("who").UserValue(nil).ID != "9" || d.Resolved == nil || d.Resolved.Users["9"] == nil {
					t.Errorf("user option %+v resolved %+v", d.GetOption("who"), d.Resolved)
				}
				if i.GuildID != DefaultGuildID || i.ChannelID != DefaultChannelID || i.User != nil {
					t.Errorf("guild %s channel %s user %+v", i.GuildID, i.ChannelID, i.User)
				}
				if i.Member == nil || i.Member.User.ID != "7" || i.Member.Permissions != discordgo.PermissionAdministrator || i.Member.Roles[0] != "r1" {
					t.Errorf("member = %+v", i.Member)
				}
				if i.Context != discordgo.InteractionContextGuild || i.Locale != discordgo.EnglishUS || i.AppPermissions == 0 {
					t.Errorf("context %d locale %s app permissions %d", i.Context, i.Locale, i.AppPermissions)
				}
			}},
		{"command in a DM", srv.CommandInteraction(Actor{DM: true}, "ask", SubCommandOption("deep", StringOption("q", "x"))),
			func(t *testing.T, i *discordgo.Interaction) {
				if i.GuildID != "" || i.Member != nil || i.User == nil || i.User.ID != DefaultUserID || i.ChannelID != DefaultDMChannelID {
					t.Errorf("guild %q member %+v user %+v channel %s", i.GuildID, i.Member, i.User, i.ChannelID)
				}
				sub := i.ApplicationCommandData().Options[0]
				if sub.Type != discordgo.ApplicationCommandOptionSubCommand || sub.GetOption("q").StringValue() != "x" {
					t.Errorf("subcommand = %+v", sub)
				}
			}},
		{"member without permissions", srv.CommandInteraction(Actor{Permissions: NoPermissions}, "ask"),
			func(t *testing.T, i *discordgo.Interaction) {
				if i.Member.Permissions != 0 {
					t.Errorf("permissions = %d", i.Member.Permissions)
				}
			}},
		{"autocomplete", srv.AutocompleteInteraction(Actor{}, "ask", Focused(StringOption("q", "pm")), StringOption("lang", "zh")),
			func(t *testing.T, i *discordgo.Interaction) {
				opts := i.ApplicationCommandData().Options
				if i.Type != discordgo.InteractionApplicationCommandAutocomplete || !opts[0].Focused || opts[1].Focused || opts[0].StringValue() != "pm" {
					t.Errorf("type %v options %+v", i.Type, opts)
				}
			}},
		{"button", srv.ComponentInteraction(Actor{}, "more:1"),
			func(t *testing.T, i *discordgo.Interaction) {
				d := i.MessageComponentData()
				if d.CustomID != "more:1" || d.ComponentType != discordgo.ButtonComponent {
					t.Errorf("data = %+v", d)
				}
				if i.Message == nil || i.Message.Author.ID != srv.BotUser().ID || len(i.Message.Components) != 1 {
					t.Fatalf("message = %+v", i.Message)
				}
				b := i.Message.Components[0].(*discordgo.ActionsRow).Components[0].(*discordgo.Button)
				if b.CustomID != "more:1" {
					t.Errorf("button = %+v", b)
				}
			}},
		{"select menu", srv.ComponentInteraction(Actor{}, "pick", "a", "b"),
			func(t *testing.T, i *discordgo.Interaction) {
				d := i.MessageComponentData()
				if d.ComponentType != discordgo.SelectMenuComponent || len(d.Values) != 2 || d.Values[1] != "b" {
					t.Errorf("data = %+v", d)
				}
				if _, isMenu := i.Message.Components[0].(*discordgo.ActionsRow).Components[0].(*discordgo.SelectMenu); !isMenu {
					t.Errorf("component = %T", i.Message.Components[0].(*discordgo.ActionsRow).Components[0])
				}
			}},
		{"modal submit", srv.ModalSubmitInteraction(Actor{}, "feedback", ModalField{"text", "很好"}, ModalField{"mail", "a@b"}),
			func(t *testing.T, i *discordgo.Interaction) {
				d := i.ModalSubmitData()
				if d.CustomID != "feedback" || len(d.Components) != 2 {
					t.Fatalf("data = %+v", d)
				}
				in := d.Components[1].(*discordgo.ActionsRow).Components[0].(*discordgo.TextInput)
				if in.CustomID != "mail" || in.Value != "a@b" {
					t.Errorf("text input = %+v", in)
				}
			}},
	}
	ids := map[string]bool{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if ids[tt.in.ID] || ids[tt.in.Token] {
				t.Fatalf("id %s or token reused", tt.in.ID)
			}
			ids[tt.in.ID], ids[tt.in.Token] = true, true
			tt.check(t, decodeInteraction(t, tt.in))
		})
	}
}

func TestMessagePayloads(t *testing.T) {
	t.Parallel()
	srv := New(Options{})
	defer srv.Close()
	bot := srv.BotUser().ID

	tests := []struct {
		name                   string
		msg                    *discordgo.Message
		wantGuild, wantChannel string
		wantMember, wantBot    bool
		wantAuthor             string
		wantMention            bool
	}{
		{"guild message", srv.GuildMessage(Actor{}, "hello"), DefaultGuildID, DefaultChannelID, true, false, DefaultUserID, false},
		{"mention", srv.MentionMessage(Actor{UserID: "3"}, "what is PMF"), DefaultGuildID, DefaultChannelID, true, false, "3", true},
		{"nickname mention typed by hand", srv.GuildMessage(Actor{}, "<@!"+bot+"> hi"), DefaultGuildID, DefaultChannelID, true, false, DefaultUserID, true},
		{"DM", srv.DirectMessage(Actor{}, "hi"), "", DefaultDMChannelID, false, false, DefaultUserID, false},
		{"other bot", srv.BotMessage(Actor{}, "<@"+bot+"> ping"), DefaultGuildID, DefaultChannelID, true, true, DefaultOtherBotID, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw, err := Marshal(&discordgo.MessageCreate{Message: tt.msg})
			if err != nil {
				t.Fatal(err)
			}
			var m discordgo.MessageCreate
			if err := json.Unmarshal(raw, &m); err != nil {
				t.Fatalf("discordgo cannot decode %s: %v", raw, err)
			}
			if m.ID == "" || m.Content != tt.msg.Content || m.GuildID != tt.wantGuild || m.ChannelID != tt.wantChannel {
				t.Errorf("message %s %q guild %q channel %q", m.ID, m.Content, m.GuildID, m.ChannelID)
			}
			if (m.Member != nil) != tt.wantMember || m.Author.Bot != tt.wantBot || m.Author.ID != tt.wantAuthor {
				t.Errorf("member %+v author %+v", m.Member, m.Author)
			}
			mentioned := false
			for _, u := range m.Mentions {
				mentioned = mentioned || u.ID == bot
			}
			if mentioned != tt.wantMention {
				t.Errorf("mentions %+v, want bot mentioned = %v", m.Mentions, tt.wantMention)
			}
			if m.Timestamp.IsZero() {
				t.Error("no timestamp")
			}
		})
	}
}
