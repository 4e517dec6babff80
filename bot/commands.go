package bot

import (
	"encoding/json"
	"slices"

	"github.com/bwmarrin/discordgo"
)

// Command and option names. Names stay English so that handlers route on
// them; Chinese users see the localised names.
const (
	cmdAsk     = "ask"
	cmdTopics  = "topics"
	cmdSection = "section"
	cmdHelp    = "help"
	cmdReload  = "reload"

	optQuestion = "question"
	optPrivate  = "private"
	optNumber   = "number"

	// maxQuestionOption is the longest question Discord lets users type;
	// the engine uses only its first few hundred characters.
	maxQuestionOption = 6000
)

func loc(zhCN, zhTW string) *map[discordgo.Locale]string {
	return &map[discordgo.Locale]string{discordgo.ChineseCN: zhCN, discordgo.ChineseTW: zhTW}
}

// commands are the slash commands the bot registers.
func commands() []*discordgo.ApplicationCommand {
	dm, noDM := true, false
	manageServer := int64(discordgo.PermissionManageGuild)
	return []*discordgo.ApplicationCommand{
		{
			Name:                     cmdAsk,
			NameLocalizations:        loc("提问", "提問"),
			Description:              "Ask a question about the study notes",
			DescriptionLocalizations: loc("就学习笔记提一个问题", "就學習筆記提一個問題"),
			DMPermission:             &dm,
			Options: []*discordgo.ApplicationCommandOption{
				{
					Type:                     discordgo.ApplicationCommandOptionString,
					Name:                     optQuestion,
					NameLocalizations:        *loc("问题", "問題"),
					Description:              "Your question, in Chinese or English",
					DescriptionLocalizations: *loc("你的问题，中文或英文都可以", "你的問題，中文或英文都可以"),
					Required:                 true,
					Autocomplete:             true,
					MaxLength:                maxQuestionOption,
				},
				{
					Type:                     discordgo.ApplicationCommandOptionBoolean,
					Name:                     optPrivate,
					NameLocalizations:        *loc("仅自己可见", "僅自己可見"),
					Description:              "Only you see the answer",
					DescriptionLocalizations: *loc("只有你能看到回答", "只有你能看到回答"),
				},
			},
		},
		{
			Name:                     cmdTopics,
			NameLocalizations:        loc("目录", "目錄"),
			Description:              "List the sections of the study notes",
			DescriptionLocalizations: loc("列出学习笔记的全部章节", "列出學習筆記的全部章節"),
			DMPermission:             &dm,
		},
		{
			Name:                     cmdSection,
			NameLocalizations:        loc("章节", "章節"),
			Description:              "Show one section by its number",
			DescriptionLocalizations: loc("按编号查看一个章节", "按編號查看一個章節"),
			DMPermission:             &dm,
			Options: []*discordgo.ApplicationCommandOption{
				{
					Type:                     discordgo.ApplicationCommandOptionInteger,
					Name:                     optNumber,
					NameLocalizations:        *loc("编号", "編號"),
					Description:              "Section number, as /topics lists it",
					DescriptionLocalizations: *loc("章节编号，见 /topics", "章節編號，見 /topics"),
					Required:                 true,
					MinValue:                 ptr(1.0),
				},
				{
					Type:                     discordgo.ApplicationCommandOptionBoolean,
					Name:                     optPrivate,
					NameLocalizations:        *loc("仅自己可见", "僅自己可見"),
					Description:              "Only you see the section",
					DescriptionLocalizations: *loc("只有你能看到", "只有你能看到"),
				},
			},
		},
		{
			Name:                     cmdReload,
			NameLocalizations:        loc("重新加载", "重新載入"),
			Description:              "Re-read the study notes after they were edited (Manage Server)",
			DescriptionLocalizations: loc("学习笔记修改后重新加载（需要管理服务器权限）", "學習筆記修改後重新載入（需要管理伺服器權限）"),
			DMPermission:             &noDM,
			DefaultMemberPermissions: &manageServer,
		},
		{
			Name:                     cmdHelp,
			NameLocalizations:        loc("帮助", "幫助"),
			Description:              "What this bot does",
			DescriptionLocalizations: loc("这个机器人能做什么", "這個機器人能做什麼"),
			DMPermission:             &dm,
		},
	}
}

func ptr[T any](v T) *T { return &v }

// sameCommands reports whether Discord already has exactly these command
// definitions, so that start-up can skip the bulk overwrite (which Discord
// rate-limits and which briefly hides commands from users).
func sameCommands(have, want []*discordgo.ApplicationCommand) bool {
	if len(have) != len(want) {
		return false
	}
	canon := func(cs []*discordgo.ApplicationCommand) []string {
		out := make([]string, len(cs))
		for i, c := range cs {
			out[i] = canonical(c)
		}
		slices.Sort(out)
		return out
	}
	return slices.Equal(canon(have), canon(want))
}

// canonical is the JSON of the parts of a command that we define; the ids,
// versions and defaults Discord adds are left out.
func canonical(c *discordgo.ApplicationCommand) string {
	type option struct {
		Type         discordgo.ApplicationCommandOptionType `json:"type"`
		Name         string                                 `json:"name"`
		NameLoc      map[discordgo.Locale]string            `json:"nl,omitempty"`
		Description  string                                 `json:"description"`
		DescLoc      map[discordgo.Locale]string            `json:"dl,omitempty"`
		Required     bool                                   `json:"required,omitempty"`
		Autocomplete bool                                   `json:"autocomplete,omitempty"`
		MinValue     *float64                               `json:"min_value,omitempty"`
		MaxLength    int                                    `json:"max_length,omitempty"`
	}
	type command struct {
		Perms       *int64                      `json:"perms,omitempty"`
		Name        string                      `json:"name"`
		NameLoc     map[discordgo.Locale]string `json:"nl,omitempty"`
		Description string                      `json:"description"`
		DescLoc     map[discordgo.Locale]string `json:"dl,omitempty"`
		Options     []option                    `json:"options,omitempty"`
	}
	deref := func(m *map[discordgo.Locale]string) map[discordgo.Locale]string {
		if m == nil {
			return nil
		}
		return *m
	}
	cc := command{Perms: c.DefaultMemberPermissions, Name: c.Name, NameLoc: deref(c.NameLocalizations), Description: c.Description, DescLoc: deref(c.DescriptionLocalizations)}
	for _, o := range c.Options {
		cc.Options = append(cc.Options, option{
			Type: o.Type, Name: o.Name, NameLoc: o.NameLocalizations, Description: o.Description,
			DescLoc: o.DescriptionLocalizations, Required: o.Required, Autocomplete: o.Autocomplete,
			MinValue: o.MinValue, MaxLength: o.MaxLength,
		})
	}
	b, _ := json.Marshal(cc) // plain structs of strings and numbers cannot fail
	return string(b)
}
