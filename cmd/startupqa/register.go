package main

import (
	"context"
	"fmt"

	"github.com/startupqa/startupqa/bot"
)

// register registers the slash commands and exits: a deploy step for a
// bot run as shards, or over HTTP only, so that no serve process need.
func (a *app) register(ctx context.Context, args []string) error {
	fs := a.newFlagSet("register", "")
	if rest, err := parseFlags(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		fmt.Fprintf(a.stderr, "startupqa register: unexpected argument %q\n", rest[0])
		return usageError{}
	}
	if a.cfg.DiscordToken == "" {
		fmt.Fprintln(a.stderr, "startupqa:", errNoToken)
		return usageError{}
	}
	n, err := bot.Register(bot.Config{Token: a.cfg.DiscordToken, GuildID: a.cfg.DiscordGuildID, APIBase: a.cfg.DiscordAPIBase, SyncCommands: true}, a.log)
	if err != nil {
		return err
	}
	where := "globally (they may take up to an hour to appear everywhere)"
	if a.cfg.DiscordGuildID != "" {
		where = "in server " + a.cfg.DiscordGuildID
	}
	fmt.Fprintf(a.stdout, "registered %d slash commands %s\n", n, where)
	return nil
}
