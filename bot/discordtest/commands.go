package discordtest

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strconv"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// Handlers for gateway, users and application commands. They run with s.mu
// held.

func (s *Server) getGateway(*restCall) reply {
	return ok(map[string]any{"url": s.GatewayURL()})
}

func (s *Server) getGatewayBot(*restCall) reply {
	return ok(map[string]any{
		"url":    s.GatewayURL(),
		"shards": s.shards,
		"session_start_limit": map[string]any{
			"total": 1000, "remaining": 999, "reset_after": 86400000, "max_concurrency": s.maxConcurrency,
		},
	})
}

func (s *Server) getUser(c *restCall) reply {
	switch id := c.param("user"); id {
	case "@me", s.botID:
		return ok(s.botUserJSON())
	case DefaultUserID:
		return ok(map[string]any{"id": id, "username": DefaultUsername, "discriminator": "0", "global_name": nil, "avatar": nil})
	default:
		return apiError(http.StatusNotFound, CodeUnknownUser, "Unknown User")
	}
}

// Commands returns the stored application commands of a guild, or the
// global ones for guildID "".
func (s *Server) Commands(guildID string) []*discordgo.ApplicationCommand {
	s.mu.Lock()
	defer s.mu.Unlock()
	return copyCommands(s.commands[guildID])
}

func copyCommands(cmds []*discordgo.ApplicationCommand) []*discordgo.ApplicationCommand {
	out := make([]*discordgo.ApplicationCommand, 0, len(cmds))
	for _, c := range cmds {
		b, _ := json.Marshal(c)
		var cp discordgo.ApplicationCommand
		_ = json.Unmarshal(b, &cp)
		out = append(out, &cp)
	}
	return out
}

func (s *Server) listCommands(c *restCall) reply {
	return ok(copyCommands(s.commands[c.param("guild")]))
}

func (s *Server) getCommand(c *restCall) reply {
	for _, cmd := range s.commands[c.param("guild")] {
		if cmd.ID == c.param("cmd") {
			return ok(cmd)
		}
	}
	return apiError(http.StatusNotFound, CodeUnknownCommand, "Unknown application command")
}

func (s *Server) deleteCommand(c *restCall) reply {
	guild := c.param("guild")
	cmds := s.commands[guild]
	for i, cmd := range cmds {
		if cmd.ID == c.param("cmd") {
			s.commands[guild] = append(cmds[:i:i], cmds[i+1:]...)
			return noContent()
		}
	}
	return apiError(http.StatusNotFound, CodeUnknownCommand, "Unknown application command")
}

// overwriteCommands is PUT (bulk overwrite): the body replaces the scope's
// commands; a command keeps its id when one of the same name and type
// existed, as on Discord.
func (s *Server) overwriteCommands(c *restCall) reply {
	var cmds []*discordgo.ApplicationCommand
	if err := c.rec.Decode(&cmds); err != nil {
		return formError("ARRAY_TYPE_CONVERT", "Only iterables may be used in a ListType")
	}
	if len(cmds) > 100 {
		return maxLength(100)
	}
	guild := c.param("guild")
	seen := map[string]bool{}
	for i, cmd := range cmds {
		if rep, bad := validateCommand(cmd, strconv.Itoa(i)); bad {
			return rep
		}
		key := commandKey(cmd)
		if seen[key] {
			return formError("APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique", strconv.Itoa(i), "name")
		}
		seen[key] = true
	}
	stored := make([]*discordgo.ApplicationCommand, len(cmds))
	for i, cmd := range cmds {
		stored[i] = s.storeCommand(guild, cmd)
	}
	s.commands[guild] = stored
	return ok(copyCommands(stored))
}

// createCommand is POST: it adds a command or replaces the one of the same
// name and type (201 when new, 200 when replaced).
func (s *Server) createCommand(c *restCall) reply {
	var cmd discordgo.ApplicationCommand
	if err := c.rec.Decode(&cmd); err != nil {
		return formError("DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType")
	}
	if rep, bad := validateCommand(&cmd); bad {
		return rep
	}
	guild := c.param("guild")
	st := s.storeCommand(guild, &cmd)
	for i, old := range s.commands[guild] {
		if old.ID == st.ID {
			s.commands[guild][i] = st
			return ok(st)
		}
	}
	s.commands[guild] = append(s.commands[guild], st)
	return created(st)
}

func commandKey(cmd *discordgo.ApplicationCommand) string {
	t := cmd.Type
	if t == 0 {
		t = discordgo.ChatApplicationCommand
	}
	return strconv.Itoa(int(t)) + "/" + cmd.Name
}

// storeCommand fills the fields Discord assigns; s.mu is held.
func (s *Server) storeCommand(guild string, cmd *discordgo.ApplicationCommand) *discordgo.ApplicationCommand {
	cp := copyCommands([]*discordgo.ApplicationCommand{cmd})[0]
	if cp.Type == 0 {
		cp.Type = discordgo.ChatApplicationCommand
	}
	cp.ID = ""
	for _, old := range s.commands[guild] {
		if commandKey(old) == commandKey(cp) {
			cp.ID = old.ID
		}
	}
	if cp.ID == "" {
		cp.ID = s.newID()
	}
	cp.ApplicationID = s.appID
	cp.GuildID = guild
	cp.Version = s.newID()
	if cp.Options == nil {
		cp.Options = []*discordgo.ApplicationCommandOption{}
	}
	return cp
}

var chatCommandName = regexp.MustCompile(`^[-_\p{Ll}\p{Lm}\p{Lo}\p{N}\p{Devanagari}\p{Thai}]{1,32}$`)

// validateCommand checks what Discord rejects most often: names, and
// descriptions of chat commands and their options.
func validateCommand(cmd *discordgo.ApplicationCommand, path ...string) (reply, bool) {
	at := func(p ...string) []string { return append(append([]string(nil), path...), p...) }
	chat := cmd.Type == 0 || cmd.Type == discordgo.ChatApplicationCommand
	switch {
	case cmd.Name == "":
		return required(at("name")...), true
	case utf8.RuneCountInString(cmd.Name) > 32:
		return maxLength(32, at("name")...), true
	case chat && !chatCommandName.MatchString(cmd.Name):
		return formError("APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid", at("name")...), true
	case chat && cmd.Description == "":
		return required(at("description")...), true
	case utf8.RuneCountInString(cmd.Description) > 100:
		return maxLength(100, at("description")...), true
	case !chat && cmd.Description != "":
		return formError("APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION", "Context menu commands cannot have description", at("description")...), true
	case len(cmd.Options) > 25:
		return maxLength(25, at("options")...), true
	}
	return validateOptions(cmd.Options, at("options"))
}

func validateOptions(opts []*discordgo.ApplicationCommandOption, path []string) (reply, bool) {
	for i, o := range opts {
		p := append(append([]string(nil), path...), strconv.Itoa(i))
		switch {
		case o.Name == "":
			return required(append(p, "name")...), true
		case !chatCommandName.MatchString(o.Name):
			return formError("APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid", append(p, "name")...), true
		case o.Description == "":
			return required(append(p, "description")...), true
		case utf8.RuneCountInString(o.Description) > 100:
			return maxLength(100, append(p, "description")...), true
		case len(o.Choices) > 25:
			return maxLength(25, append(p, "choices")...), true
		case o.Autocomplete && len(o.Choices) > 0:
			return formError("APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_CHOICES", "Autocomplete and choices are mutually exclusive", append(p, "autocomplete")...), true
		}
		if rep, bad := validateOptions(o.Options, append(p, "options")); bad {
			return rep, true
		}
	}
	return reply{}, false
}
