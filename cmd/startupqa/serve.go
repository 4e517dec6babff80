package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/startupqa/startupqa/bot"
	"github.com/startupqa/startupqa/sqlite"
)

// errNoToken says where a token comes from; the token itself is never
// printed.
var errNoToken = errors.New("DISCORD_TOKEN is not set: create a bot at https://discord.com/developers/applications (Bot → Reset Token), then put DISCORD_TOKEN=... in .env or the environment")

// serve runs the Discord bot until ctx ends (SIGINT or SIGTERM).
func (a *app) serve(ctx context.Context, args []string) error {
	fs := a.newFlagSet("serve", "[flags]")
	sync := fs.Bool("sync-commands", false, "overwrite the registered slash commands even when Discord has the same ones")
	watch := fs.Bool("watch", false, "reload the corpus directory whenever an article changes (checked every 2 s)")
	ef := a.addEngineFlags(fs)
	if rest, err := parseFlags(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		fmt.Fprintf(a.stderr, "startupqa serve: unexpected argument %q\n", rest[0])
		return usageError{}
	}
	if a.cfg.DiscordToken == "" {
		fmt.Fprintln(a.stderr, "startupqa:", errNoToken)
		return usageError{}
	}
	ix, err := a.openEngine(ctx, ef)
	if err != nil {
		return a.corpusError(err)
	}
	defer ix.Close()
	if *watch {
		if ef.corpusDir == "" {
			fmt.Fprintln(a.stderr, "startupqa serve: --watch needs a corpus directory (--corpus or CORPUS_DIR)")
			return usageError{}
		}
		go ix.Watch(ctx, 2*time.Second)
	}
	db, err := sqlite.Open(ctx, a.cfg.DatabasePath)
	if err != nil {
		return err
	}
	defer db.Close()
	b := bot.New(bot.Config{
		Token:               a.cfg.DiscordToken,
		GuildID:             a.cfg.DiscordGuildID,
		APIBase:             a.cfg.DiscordAPIBase,
		Cooldown:            a.cfg.Cooldown,
		SyncCommands:        *sync,
		UnansweredRetention: a.cfg.Retention,
		Status:              a.stdout,
	}, ix, a.zh, a.log)
	b.UseStore(db)
	return b.Run(ctx)
}
