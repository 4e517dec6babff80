package bot

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/startupqa/startupqa"
	"github.com/startupqa/startupqa/bot/discordtest"
)

var admin = discordtest.Actor{UserID: "700", Permissions: discordtest.DefaultPermissions | discordgo.PermissionManageGuild}

func sub(name string, opts ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.ApplicationCommandInteractionDataOption {
	return discordtest.SubCommandOption(name, opts...)
}

// Schedule, unschedule and reset need Manage Server; others get a private
// refusal.
func TestManageServerCommands(t *testing.T) {
	db := openStore(t)
	r := startChallengeBot(t, db, nil)
	for name, i := range map[string]*discordgo.Interaction{
		"schedule":   r.srv.CommandInteraction(member, cmdChallenge, sub(subSchedule, discordtest.StringOption("time", "20:00"))),
		"unschedule": r.srv.CommandInteraction(member, cmdChallenge, sub(subUnschedule)),
		"reset":      r.srv.CommandInteraction(member, cmdLeaderboard, sub(subReset)),
		"confirm":    r.srv.ComponentInteraction(member, resetConfirm),
	} {
		s := r.interact(t, i)
		if !s.ephemeral() || !strings.Contains(s.Data.Content, "Manage Server") {
			t.Errorf("%s by a member: %+v", name, s.Data)
		}
	}
	if all, _ := db.Schedules(context.Background()); len(all) != 0 {
		t.Errorf("a refused schedule was stored: %+v", all)
	}
}

func TestScheduleRunsDaily(t *testing.T) {
	db := openStore(t)
	srv := discordtest.Start(t, discordtest.Options{})
	r := startBotWith(t, srv, Config{ScheduleTick: 50 * time.Millisecond}, defaultIndex(t), func(b *Bot) { b.UseStore(db) })

	bad := r.interact(t, srv.CommandInteraction(admin, cmdChallenge, sub(subSchedule, discordtest.StringOption("time", "25:99"))))
	if !strings.Contains(bad.Data.Content, "HH:MM") {
		t.Errorf("bad time: %+v", bad.Data)
	}
	bad = r.interact(t, srv.CommandInteraction(admin, cmdChallenge, sub(subSchedule,
		discordtest.StringOption("time", "08:00"), discordtest.StringOption("timezone", "Mars/Olympus"))))
	if !strings.Contains(bad.Data.Content, "Mars/Olympus") {
		t.Errorf("bad zone: %+v", bad.Data)
	}

	// A slot a minute ago in Shanghai time is due at once, and only once.
	sh, _ := time.LoadLocation("Asia/Shanghai")
	at := time.Now().In(sh).Add(-time.Minute).Format("15:04")
	if time.Now().In(sh).Format("15:04") < at { // just after midnight: today's slot is tomorrow
		t.Skip("too close to midnight in Asia/Shanghai")
	}
	ok := r.interact(t, srv.CommandInteraction(admin, cmdChallenge, sub(subSchedule,
		discordtest.StringOption("time", at), discordtest.StringOption("timezone", "Asia/Shanghai"))))
	if !ok.ephemeral() || !strings.Contains(ok.Data.Content, at) {
		t.Fatalf("schedule: %+v", ok.Data)
	}
	posts := waitPosts(t, r, 1)
	if len(posts[0].Embeds) != 1 || !strings.Contains(posts[0].Embeds[0].Title, "1/3") {
		t.Errorf("scheduled challenge: %+v", posts[0])
	}
	time.Sleep(300 * time.Millisecond)
	if n := len(r.channelPosts(t)); n != 1 {
		t.Errorf("%d posts: the schedule ran more than once today", n)
	}
	if running, _ := db.RunningChallenges(context.Background()); len(running) != 1 {
		t.Errorf("running challenges: %d", len(running))
	}

	off := r.interact(t, srv.CommandInteraction(admin, cmdChallenge, sub(subUnschedule)))
	if !strings.Contains(off.Data.Content, "is off") {
		t.Errorf("unschedule: %+v", off.Data)
	}
	again := r.interact(t, srv.CommandInteraction(admin, cmdChallenge, sub(subUnschedule)))
	if !strings.Contains(again.Data.Content, "no daily challenge") {
		t.Errorf("unschedule twice: %+v", again.Data)
	}
}

func TestDueSlot(t *testing.T) {
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC) // 20:00 in Shanghai
	tests := []struct {
		at, zone string
		last     time.Time
		due      bool
	}{
		{"19:59", "Asia/Shanghai", time.Time{}, true},
		{"20:01", "Asia/Shanghai", time.Time{}, false},
		{"19:59", "Asia/Shanghai", now.Add(-time.Second), false}, // ran already today
		{"19:59", "Asia/Shanghai", now.Add(-24 * time.Hour), true},
		{"11:00", "UTC", time.Time{}, true},
		{"bad", "UTC", time.Time{}, false},
	}
	for _, tt := range tests {
		_, due := dueSlot(startupqa.Schedule{TimeOfDay: tt.at, Timezone: tt.zone, LastRun: tt.last}, now)
		if due != tt.due {
			t.Errorf("%s %s last %v: due %v, want %v", tt.at, tt.zone, tt.last, due, tt.due)
		}
	}
}

func TestResetAndReview(t *testing.T) {
	db := openStore(t)
	r := startChallengeBot(t, db, nil)
	ctx := context.Background()
	for _, a := range []startupqa.Attempt{
		{GuildID: discordtest.DefaultGuildID, UserID: "700", SectionID: "llm-startup/2", Score: 0.1, Points: 10},
		{GuildID: discordtest.DefaultGuildID, UserID: "700", SectionID: "llm-startup/4", Score: 0.9, Points: 90},
	} {
		if err := db.RecordAttempt(ctx, &a); err != nil {
			t.Fatal(err)
		}
	}
	rv := r.interact(t, r.srv.CommandInteraction(admin, cmdChallenge, sub(subReview)))
	if len(rv.Data.Embeds) != 1 || !strings.Contains(rv.Data.Embeds[0].Description, "大模型的训练过程") {
		t.Errorf("review starts with the lowest section: %+v", rv.Data.Embeds)
	}

	ask := r.interact(t, r.srv.CommandInteraction(admin, cmdLeaderboard, sub(subReset)))
	if !ask.ephemeral() || len(ask.buttons()) != 2 {
		t.Fatalf("reset asks: %+v", ask.Data)
	}
	r.interact(t, r.srv.ComponentInteraction(admin, resetCancel))
	if rows, _ := db.Leaderboard(ctx, discordtest.DefaultGuildID, startupqa.PeriodAll, time.Now(), 10); len(rows) != 1 {
		t.Fatalf("cancel cleared the scores: %+v", rows)
	}
	done := r.interact(t, r.srv.ComponentInteraction(admin, resetConfirm))
	if !strings.Contains(done.Data.Content, "cleared") {
		t.Errorf("confirm: %+v", done.Data)
	}
	if rows, _ := db.Leaderboard(ctx, discordtest.DefaultGuildID, startupqa.PeriodAll, time.Now(), 10); len(rows) != 0 {
		t.Errorf("scores after reset: %+v", rows)
	}
}
