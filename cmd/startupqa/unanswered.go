package main

import (
	"context"
	"fmt"
	"time"

	"github.com/startupqa/startupqa"
)

// unanswered lists the questions the bot could not answer well, most
// asked first, from the bot's database.
func (a *app) unanswered(ctx context.Context, args []string) error {
	fs := a.newFlagSet("unanswered", "[--guild ID] [--days N] [-n N]")
	guild := fs.String("guild", a.cfg.DiscordGuildID, "server `id` (default: DISCORD_GUILD_ID; without it, every server and DM)")
	days := fs.Int("days", 30, "look back this many `days`")
	limit := fs.Int("n", 20, "list at most `n` questions")
	if rest, err := parseFlags(fs, args); err != nil {
		return err
	} else if len(rest) > 0 || *days < 1 || *limit < 1 {
		fmt.Fprintln(a.stderr, "startupqa unanswered: --days and -n take positive numbers")
		return usageError{}
	}
	// Reading must not create: a mistyped DATABASE_PATH would otherwise
	// report an empty log from a new, empty database.
	db, err := a.openStore(ctx, true)
	if err != nil {
		return err
	}
	defer db.Close()
	since := time.Now().AddDate(0, 0, -*days)
	var top []startupqa.Unanswered
	if *guild == "" {
		top, err = db.TopUnansweredAll(ctx, since, *limit)
	} else {
		top, err = db.TopUnanswered(ctx, *guild, since, *limit)
	}
	if err != nil {
		return err
	}
	if len(top) == 0 {
		fmt.Fprintf(a.stdout, "no unanswered questions in the last %d days\n", *days)
		return nil
	}
	for _, u := range top {
		fmt.Fprintf(a.stdout, "%4d  %s  %s\n", u.Count, u.Last.Local().Format("2006-01-02"), u.Question)
	}
	return nil
}
