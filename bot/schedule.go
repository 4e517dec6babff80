package bot

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/startupqa/startupqa"
	"github.com/startupqa/startupqa/challenge"
	"github.com/startupqa/startupqa/corpus"
	"github.com/startupqa/startupqa/lang"
)

// ScheduleStore keeps daily challenge schedules and can clear scores;
// *sqlstore.DB is one.
type ScheduleStore interface {
	PutSchedule(ctx context.Context, s startupqa.Schedule) error
	DeleteSchedule(ctx context.Context, guildID, channelID string) (bool, error)
	Schedules(ctx context.Context) ([]startupqa.Schedule, error)
	// ClaimScheduleRun records that a slot runs now and reports whether
	// this call did: false when another process, or this one before a
	// restart, ran it.
	ClaimScheduleRun(ctx context.Context, guildID, channelID string, slot, now time.Time) (bool, error)
	ResetLeaderboard(ctx context.Context, guildID string) error
}

var (
	txtBadTime      = text{"时间要写成 HH:MM（24 小时制），例如 20:30。", "Write the time as HH:MM (24-hour), e.g. 20:30."}
	txtBadZone      = text{"不认识的时区 %q，请用 IANA 名称，例如 Asia/Shanghai。", "Unknown time zone %q: use an IANA name such as Asia/Shanghai."}
	txtScheduled    = text{"每天 %s（%s）会在 <#%s> 发起一场挑战。", "A challenge will start in <#%s> every day at %s (%s)."}
	txtUnscheduled  = text{"已取消 <#%s> 的每日挑战。", "The daily challenge in <#%s> is off."}
	txtNoSchedule   = text{"<#%s> 没有每日挑战。", "There is no daily challenge in <#%s>."}
	txtNoReview     = text{"你还没有挑战记录：先用 /challenge start 玩一场。", "You have no challenge record yet: play /challenge start first."}
	txtResetAsk     = text{"确定要清空本服务器的全部挑战积分吗？此操作不能撤销。", "Clear every challenge score of this server? This cannot be undone."}
	txtResetDone    = text{"已清空本服务器的挑战积分。", "This server's challenge scores are cleared."}
	txtResetKept    = text{"已取消，积分保持不变。", "Cancelled: the scores are kept."}
	txtConfirm      = text{"确认清空", "Clear them"}
	txtCancel       = text{"取消", "Cancel"}
	scheduleStarter = "schedule"
)

const (
	resetPrefix  = "lb:"
	resetConfirm = "lb:reset"
	resetCancel  = "lb:cancel"
	reviewRounds = 3
)

func (b *Bot) schedules() ScheduleStore {
	s, _ := b.store.(ScheduleStore)
	return s
}

// review replays the sections the member scored lowest on.
func (b *Bot) review(ctx context.Context, r *request, opts []*discordgo.ApplicationCommandInteractionDataOption) (reply, error) {
	st, err := b.store.MemberStats(ctx, r.i.GuildID, r.userID, challenge.StreakThreshold)
	if err != nil {
		return reply{}, err
	}
	c := b.engine.Corpus()
	var secs []*corpus.Section
	for _, sc := range st.Sections { // lowest average first
		if s, ok := c.Section(sc.SectionID); ok && len(secs) < reviewRounds {
			secs = append(secs, s)
		}
	}
	if len(secs) == 0 {
		return reply{}, userError{txtNoReview.In(r.lang)}
	}
	return b.begin(ctx, r.i.GuildID, r.i.ChannelID, r.userID, "review", secs, defaultSeconds, challengeLang(opts))
}

// schedule sets a daily challenge; Manage Server only.
func (b *Bot) schedule(ctx context.Context, r *request, opts []*discordgo.ApplicationCommandInteractionDataOption) (reply, error) {
	st := b.schedules()
	if st == nil {
		return reply{}, userError{txtNoStore.In(r.lang)}
	}
	if !canManage(r.i) {
		return reply{}, userError{txtNeedManage.In(r.lang)}
	}
	at, _ := stringOption(opts, "time")
	if _, err := time.Parse("15:04", strings.TrimSpace(at)); err != nil {
		return reply{}, userError{txtBadTime.In(r.lang)}
	}
	zone, _ := stringOption(opts, "timezone")
	if zone == "" {
		zone = "UTC"
	}
	if _, err := time.LoadLocation(zone); err != nil {
		return reply{}, userError{fmt.Sprintf(txtBadZone.In(r.lang), zone)}
	}
	channel := optionChannel(opts, r.i.ChannelID)
	s := startupqa.Schedule{GuildID: r.i.GuildID, ChannelID: channel, TimeOfDay: strings.TrimSpace(at), Timezone: zone, CreatedBy: r.userID}
	if err := st.PutSchedule(ctx, s); err != nil {
		return reply{}, err
	}
	msg := fmt.Sprintf(txtScheduled.In(r.lang), s.TimeOfDay, zone, channel)
	if r.lang == lang.English {
		msg = fmt.Sprintf(txtScheduled.In(r.lang), channel, s.TimeOfDay, zone)
	}
	return reply{Content: msg, Ephemeral: true}, nil
}

func (b *Bot) unschedule(ctx context.Context, r *request, opts []*discordgo.ApplicationCommandInteractionDataOption) (reply, error) {
	st := b.schedules()
	if st == nil {
		return reply{}, userError{txtNoStore.In(r.lang)}
	}
	if !canManage(r.i) {
		return reply{}, userError{txtNeedManage.In(r.lang)}
	}
	channel := optionChannel(opts, r.i.ChannelID)
	ok, err := st.DeleteSchedule(ctx, r.i.GuildID, channel)
	if err != nil {
		return reply{}, err
	}
	if !ok {
		return reply{Content: fmt.Sprintf(txtNoSchedule.In(r.lang), channel), Ephemeral: true}, nil
	}
	return reply{Content: fmt.Sprintf(txtUnscheduled.In(r.lang), channel), Ephemeral: true}, nil
}

// optionChannel reads a channel option (its value is the channel id).
func optionChannel(opts []*discordgo.ApplicationCommandInteractionDataOption, def string) string {
	if o := findOption(opts, "channel"); o != nil {
		if id, ok := o.Value.(string); ok && id != "" {
			return id
		}
	}
	return def
}

// resetAsk asks for confirmation before clearing the scores.
func (b *Bot) resetAsk(_ context.Context, r *request) (reply, error) {
	if b.schedules() == nil {
		return reply{}, userError{txtNoStore.In(r.lang)}
	}
	if !canManage(r.i) {
		return reply{}, userError{txtNeedManage.In(r.lang)}
	}
	row := discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{Label: txtConfirm.In(r.lang), Style: discordgo.DangerButton, CustomID: resetConfirm},
		discordgo.Button{Label: txtCancel.In(r.lang), Style: discordgo.SecondaryButton, CustomID: resetCancel},
	}}
	return reply{Content: txtResetAsk.In(r.lang), Components: []discordgo.MessageComponent{row}, Ephemeral: true}, nil
}

// resetButton clears the scores on confirmation; the permission is checked
// again, since the button could be pressed by anyone who sees it.
func (b *Bot) resetButton(id string) handler {
	return func(ctx context.Context, r *request) (reply, error) {
		if id == resetCancel {
			return reply{Content: txtResetKept.In(r.lang), Ephemeral: true}, nil
		}
		st := b.schedules()
		if st == nil || id != resetConfirm {
			return reply{}, userError{fmt.Sprintf("unknown command %q", id)}
		}
		if !canManage(r.i) {
			return reply{}, userError{txtNeedManage.In(r.lang)}
		}
		if err := st.ResetLeaderboard(ctx, r.i.GuildID); err != nil {
			return reply{}, err
		}
		return reply{Content: txtResetDone.In(r.lang), Ephemeral: true}, nil
	}
}

// runSchedules starts the daily challenges that are due, every tick, and
// prunes old unanswered questions hourly, until ctx ends.
func (b *Bot) runSchedules(ctx context.Context, tick time.Duration) {
	st := b.schedules()
	if st == nil {
		return
	}
	t := time.NewTicker(tick)
	defer t.Stop()
	var pruned time.Time
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if time.Since(pruned) > time.Hour {
			b.pruneUnanswered(ctx)
			b.pruneEphemeral(ctx)
			pruned = time.Now()
		}
		all, err := st.Schedules(ctx)
		if err != nil {
			b.log.Error("list schedules", "err", err)
			continue
		}
		now := time.Now()
		for _, s := range all {
			// The guild's shard owns its schedule; the claim settles an
			// overlap (a shard moving between processes).
			if !b.owns(s.GuildID) {
				continue
			}
			if slot, ok := dueSlot(s, now); ok {
				b.runSchedule(ctx, s, slot)
			}
		}
	}
}

// dueSlot returns today's slot of a schedule, in its time zone, when that
// slot has passed and has not run yet.
func dueSlot(s startupqa.Schedule, now time.Time) (time.Time, bool) {
	loc, err := time.LoadLocation(s.Timezone)
	if err != nil {
		loc = time.UTC
	}
	at, err := time.Parse("15:04", s.TimeOfDay)
	if err != nil {
		return time.Time{}, false
	}
	local := now.In(loc)
	slot := time.Date(local.Year(), local.Month(), local.Day(), at.Hour(), at.Minute(), 0, 0, loc)
	if now.Before(slot) || !s.LastRun.Before(slot) {
		return time.Time{}, false
	}
	return slot, true
}

func (b *Bot) runSchedule(ctx context.Context, s startupqa.Schedule, slot time.Time) {
	// Claim first: a failing start is not retried every tick all day,
	// and a slot another process claimed is theirs.
	claimed, err := b.schedules().ClaimScheduleRun(ctx, s.GuildID, s.ChannelID, slot, time.Now())
	if err != nil {
		b.log.Error("claim schedule", "channel", s.ChannelID, "err", err)
		return
	}
	if !claimed {
		b.log.Info("scheduled challenge run elsewhere", "channel", s.ChannelID, "slot", slot)
		return
	}
	secs, err := challenge.Pick(ctx, b.engine.Corpus(), b.engine, "", langCode(lang.Chinese), defaultRounds, b.rng())
	if err != nil {
		b.log.Error("scheduled challenge", "channel", s.ChannelID, "err", err)
		return
	}
	rep, err := b.begin(ctx, s.GuildID, s.ChannelID, scheduleStarter, "", secs, defaultSeconds, lang.Chinese)
	if err != nil {
		b.log.Warn("scheduled challenge not started", "channel", s.ChannelID, "slot", slot, "err", err)
		return
	}
	b.post(s.ChannelID, rep)
	b.log.Info("scheduled challenge started", "channel", s.ChannelID, "slot", slot)
}

// pruneEphemeral deletes from the store what matters only for minutes:
// quick rounds past their time and cooldowns that ended, an hour on.
func (b *Bot) pruneEphemeral(ctx context.Context) {
	before := time.Now().Add(-time.Hour)
	if st, ok := b.store.(interface {
		PruneQuick(context.Context, time.Time) (int64, error)
	}); ok {
		if _, err := st.PruneQuick(ctx, before); err != nil {
			b.log.Warn("prune quick rounds", "err", err)
		}
	}
	if st, ok := b.sharedCooldowns.(interface {
		PruneCooldowns(context.Context, time.Time) (int64, error)
	}); ok {
		if _, err := st.PruneCooldowns(ctx, before); err != nil {
			b.log.Warn("prune cooldowns", "err", err)
		}
	}
}
