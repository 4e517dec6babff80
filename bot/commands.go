package bot

import (
	"encoding/json"
	"fmt"
	"log/slog"
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

	cmdChallenge   = "challenge"
	subStart       = "start"
	subQuick       = "quick"
	subReview      = "review"
	subSchedule    = "schedule"
	subUnschedule  = "unschedule"
	subStop        = "stop"
	subShow        = "show"
	subReset       = "reset"
	cmdLeaderboard = "leaderboard"
	optPeriod      = "period"
	cmdStats       = "stats"
	cmdUnanswered  = "unanswered"
	optMember      = "member"

	optLanguage = "language"
	langEnglish = "en"
	langChinese = "zh"

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
			Name:                     cmdChallenge,
			NameLocalizations:        loc("挑战", "挑戰"),
			Description:              "Study-group quiz graded against the answers' key points",
			DescriptionLocalizations: loc("学习小组答题挑战，按答案要点评分", "學習小組答題挑戰，按答案要點評分"),
			DMPermission:             &noDM,
			Options: []*discordgo.ApplicationCommandOption{{
				Type:                     discordgo.ApplicationCommandOptionSubCommand,
				Name:                     subStart,
				NameLocalizations:        *loc("开始", "開始"),
				Description:              "Start a challenge in this channel",
				DescriptionLocalizations: *loc("在这个频道开始一场挑战", "在這個頻道開始一場挑戰"),
				Options: []*discordgo.ApplicationCommandOption{
					{Type: discordgo.ApplicationCommandOptionString, Name: "topic", NameLocalizations: *loc("主题", "主題"),
						Description: "Ask sections about this topic first", DescriptionLocalizations: *loc("优先出这个主题的题", "優先出這個主題的題")},
					{Type: discordgo.ApplicationCommandOptionInteger, Name: "rounds", NameLocalizations: *loc("题数", "題數"),
						Description: "Number of rounds (1-10, default 3)", DescriptionLocalizations: *loc("题目数量（1-10，默认 3）", "題目數量（1-10，預設 3）"),
						MinValue: ptr(1.0), MaxValue: maxRounds},
					{Type: discordgo.ApplicationCommandOptionInteger, Name: "seconds", NameLocalizations: *loc("秒数", "秒數"),
						Description: "Seconds per round (30-600, default 120)", DescriptionLocalizations: *loc("每题秒数（30-600，默认 120）", "每題秒數（30-600，預設 120）"),
						MinValue: ptr(float64(minSeconds)), MaxValue: maxSeconds},
					languageOption(),
				},
			}, {
				Type:                     discordgo.ApplicationCommandOptionSubCommand,
				Name:                     subStop,
				NameLocalizations:        *loc("结束", "結束"),
				Description:              "End this channel's challenge now, with the scores so far (starter or Manage Messages)",
				DescriptionLocalizations: *loc("立即结束本频道的挑战并公布目前的成绩（发起人或有管理消息权限）", "立即結束本頻道的挑戰並公布目前的成績（發起人或有管理訊息權限）"),
			}, {
				Type:                     discordgo.ApplicationCommandOptionSubCommand,
				Name:                     subQuick,
				NameLocalizations:        *loc("快速", "快速"),
				Description:              "A multiple-choice question: which key point belongs to the answer?",
				DescriptionLocalizations: *loc("选择题：哪一项是答案要点？", "選擇題：哪一項是答案要點？"),
				Options:                  []*discordgo.ApplicationCommandOption{languageOption()},
			}, {
				Type:                     discordgo.ApplicationCommandOptionSubCommand,
				Name:                     subReview,
				NameLocalizations:        *loc("复习", "複習"),
				Description:              "Replay the sections you scored lowest on",
				DescriptionLocalizations: *loc("重练你得分最低的章节", "重練你得分最低的章節"),
				Options:                  []*discordgo.ApplicationCommandOption{languageOption()},
			}, {
				Type:                     discordgo.ApplicationCommandOptionSubCommand,
				Name:                     subSchedule,
				NameLocalizations:        *loc("定时", "定時"),
				Description:              "Post a challenge every day at a time (Manage Server)",
				DescriptionLocalizations: *loc("每天定时发起挑战（需要管理服务器权限）", "每天定時發起挑戰（需要管理伺服器權限）"),
				Options: []*discordgo.ApplicationCommandOption{
					{Type: discordgo.ApplicationCommandOptionString, Name: "time", NameLocalizations: *loc("时间", "時間"), Required: true,
						Description: "HH:MM, 24-hour", DescriptionLocalizations: *loc("HH:MM，24 小时制", "HH:MM，24 小時制")},
					{Type: discordgo.ApplicationCommandOptionChannel, Name: "channel", NameLocalizations: *loc("频道", "頻道"),
						Description: "Where (default: here)", DescriptionLocalizations: *loc("发在哪个频道（默认当前）", "發在哪個頻道（預設目前）")},
					{Type: discordgo.ApplicationCommandOptionString, Name: "timezone", NameLocalizations: *loc("时区", "時區"),
						Description: "IANA time zone, e.g. Asia/Shanghai (default UTC)", DescriptionLocalizations: *loc("IANA 时区，如 Asia/Shanghai（默认 UTC）", "IANA 時區，如 Asia/Taipei（預設 UTC）")},
				},
			}, {
				Type:                     discordgo.ApplicationCommandOptionSubCommand,
				Name:                     subUnschedule,
				NameLocalizations:        *loc("取消定时", "取消定時"),
				Description:              "Stop the daily challenge (Manage Server)",
				DescriptionLocalizations: *loc("停止每日挑战（需要管理服务器权限）", "停止每日挑戰（需要管理伺服器權限）"),
				Options: []*discordgo.ApplicationCommandOption{
					{Type: discordgo.ApplicationCommandOptionChannel, Name: "channel", NameLocalizations: *loc("频道", "頻道"),
						Description: "Which channel (default: here)", DescriptionLocalizations: *loc("哪个频道（默认当前）", "哪個頻道（預設目前）")},
				},
			}},
		},
		{
			Name:                     cmdLeaderboard,
			NameLocalizations:        loc("排行榜", "排行榜"),
			Description:              "Challenge points of this server",
			DescriptionLocalizations: loc("本服务器的挑战积分排行", "本伺服器的挑戰積分排行"),
			DMPermission:             &noDM,
			Options: []*discordgo.ApplicationCommandOption{{
				Type:                     discordgo.ApplicationCommandOptionSubCommand,
				Name:                     subShow,
				NameLocalizations:        *loc("查看", "查看"),
				Description:              "Show the leaderboard",
				DescriptionLocalizations: *loc("查看排行榜", "查看排行榜"),
				Options: []*discordgo.ApplicationCommandOption{{
					Type: discordgo.ApplicationCommandOptionString, Name: optPeriod, NameLocalizations: *loc("时间范围", "時間範圍"),
					Description: "week, month or all (default week)", DescriptionLocalizations: *loc("本周、本月或全部（默认本周）", "本週、本月或全部（預設本週）"),
					Choices: []*discordgo.ApplicationCommandOptionChoice{
						{Name: "week", NameLocalizations: map[discordgo.Locale]string{discordgo.ChineseCN: "本周", discordgo.ChineseTW: "本週"}, Value: "week"},
						{Name: "month", NameLocalizations: map[discordgo.Locale]string{discordgo.ChineseCN: "本月", discordgo.ChineseTW: "本月"}, Value: "month"},
						{Name: "all", NameLocalizations: map[discordgo.Locale]string{discordgo.ChineseCN: "全部", discordgo.ChineseTW: "全部"}, Value: "all"},
					},
				}},
			}, {
				Type:                     discordgo.ApplicationCommandOptionSubCommand,
				Name:                     subReset,
				NameLocalizations:        *loc("清空", "清空"),
				Description:              "Clear this server's scores, after confirmation (Manage Server)",
				DescriptionLocalizations: *loc("确认后清空本服务器积分（需要管理服务器权限）", "確認後清空本伺服器積分（需要管理伺服器權限）"),
			}},
		},
		{
			Name:                     cmdStats,
			NameLocalizations:        loc("统计", "統計"),
			Description:              "A member's challenge record: rounds, streak, sections missed most",
			DescriptionLocalizations: loc("成员的挑战记录：回合、连续达标、最常失分的章节", "成員的挑戰記錄：回合、連續達標、最常失分的章節"),
			DMPermission:             &noDM,
			Options: []*discordgo.ApplicationCommandOption{{
				Type: discordgo.ApplicationCommandOptionUser, Name: optMember, NameLocalizations: *loc("成员", "成員"),
				Description: "Whose record (default: yours)", DescriptionLocalizations: *loc("查看谁的记录（默认自己）", "查看誰的記錄（預設自己）"),
			}},
		},
		{
			Name:                     cmdUnanswered,
			NameLocalizations:        loc("未解答", "未解答"),
			Description:              "Questions the notes do not answer well, most asked first (Manage Server)",
			DescriptionLocalizations: loc("笔记答不好的问题，按提问次数排序（需要管理服务器权限）", "筆記答不好的問題，按提問次數排序（需要管理伺服器權限）"),
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
		MaxValue     float64                                `json:"max_value,omitempty"`
		MaxLength    int                                    `json:"max_length,omitempty"`
		Choices      []string                               `json:"choices,omitempty"`
		Options      []string                               `json:"options,omitempty"`
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
	var opt func(o *discordgo.ApplicationCommandOption) option
	opt = func(o *discordgo.ApplicationCommandOption) option {
		oo := option{
			Type: o.Type, Name: o.Name, NameLoc: o.NameLocalizations, Description: o.Description,
			DescLoc: o.DescriptionLocalizations, Required: o.Required, Autocomplete: o.Autocomplete,
			MinValue: o.MinValue, MaxValue: o.MaxValue, MaxLength: o.MaxLength,
		}
		for _, ch := range o.Choices {
			oo.Choices = append(oo.Choices, fmt.Sprintf("%s=%v%v", ch.Name, ch.Value, ch.NameLocalizations))
		}
		for _, sub := range o.Options {
			b, _ := json.Marshal(opt(sub))
			oo.Options = append(oo.Options, string(b))
		}
		return oo
	}
	for _, o := range c.Options {
		cc.Options = append(cc.Options, opt(o))
	}
	b, _ := json.Marshal(cc) // plain structs of strings and numbers cannot fail
	return string(b)
}

// languageOption picks the language a challenge is played in: its
// questions, the key points answers are graded against, and what it posts.
func languageOption() *discordgo.ApplicationCommandOption {
	return &discordgo.ApplicationCommandOption{
		Type: discordgo.ApplicationCommandOptionString, Name: optLanguage, NameLocalizations: *loc("语言", "語言"),
		Description: "Play in Chinese (default) or English", DescriptionLocalizations: *loc("用中文（默认）或英文出题", "用中文（預設）或英文出題"),
		Choices: []*discordgo.ApplicationCommandOptionChoice{
			{Name: "中文", Value: langChinese},
			{Name: "English", Value: langEnglish},
		},
	}
}

// Register registers the slash commands over REST, as the process that
// runs shard 0 does at start-up, and returns how many there are: for a
// deployment that registers them in a step of its own (startupqa
// register), before any shard starts.
func Register(cfg Config, log *slog.Logger) (int, error) {
	b := New(cfg, nil, nil, log)
	s, err := b.newSession()
	if err != nil {
		return 0, err
	}
	if err := b.identifyOverREST(s); err != nil {
		return 0, err
	}
	if err := b.registerCommands(s); err != nil {
		return 0, err
	}
	return len(commands()), nil
}
