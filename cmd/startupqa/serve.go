package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
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
	httpAddr := fs.String("http", "", "also serve the Interactions Endpoint URL on `addr` (host:port; needs DISCORD_PUBLIC_KEY, and TLS in front)")
	noGateway := fs.Bool("no-gateway", false, "take interactions over --http only, without the gateway (mentions and DMs then go unanswered)")
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
	switch {
	case *noGateway && *httpAddr == "":
		fmt.Fprintln(a.stderr, "startupqa serve: --no-gateway needs --http ADDR: interactions must come in somehow")
		return usageError{}
	case *httpAddr != "" && a.cfg.DiscordPublicKey == nil:
		fmt.Fprintln(a.stderr, "startupqa serve: --http needs DISCORD_PUBLIC_KEY (developer portal → General Information → Public Key)")
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
	lease, err := holdDatabase(ctx, db, a.cfg.DatabasePath, a.log)
	if err != nil {
		return err
	}
	defer lease.Release(context.WithoutCancel(ctx))
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		select {
		case <-lease.Lost():
			cancel()
		case <-ctx.Done():
		}
	}()
	b := bot.New(bot.Config{
		Token:               a.cfg.DiscordToken,
		GuildID:             a.cfg.DiscordGuildID,
		APIBase:             a.cfg.DiscordAPIBase,
		Cooldown:            a.cfg.Cooldown,
		SyncCommands:        *sync,
		UnansweredRetention: a.cfg.Retention,
		Status:              a.stdout,
		HTTPAddr:            *httpAddr,
		PublicKey:           a.cfg.DiscordPublicKey,
		NoGateway:           *noGateway,
	}, ix, a.zh, a.log)
	b.UseStore(db)
	err = b.Run(ctx)
	if err != nil && a.cfg.DiscordAPIBase != nil {
		// The messages of net/http name discord.com, which the requests
		// were for, not where they went.
		err = fmt.Errorf("DISCORD_API_BASE %s: %w", a.cfg.DiscordAPIBase, err)
	}
	select {
	case <-lease.Lost():
		return errors.Join(err, fmt.Errorf("stopped: another process took over the database %s", a.cfg.DatabasePath))
	default:
		return err
	}
}

// leaseTTL is how long a bot that stopped without letting go (killed, or
// its machine lost) keeps others off its database; a bot on the same
// machine whose process has ended gives way at once.
const leaseTTL = 30 * time.Second

// holdDatabase makes sure that one bot at a time plays on a database: a
// second would end the first one's running challenges as stale, and both
// would post every scheduled one.
func holdDatabase(ctx context.Context, db *sqlite.DB, path string, log *slog.Logger) (*sqlite.Lease, error) {
	lease, err := db.HoldLease(ctx, "serve", sqlite.ProcessHolder(), leaseTTL, log)
	var held *sqlite.LeaseHeldError
	if errors.As(err, &held) {
		return nil, fmt.Errorf("another startupqa serve (%s) is using the database %s: stop it, or give this one its own DATABASE_PATH; a bot killed on another machine lets go %s after it stopped", held.Holder, path, leaseTTL)
	}
	return lease, err
}
