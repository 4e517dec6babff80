package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/startupqa/startupqa/bot"
	"github.com/startupqa/startupqa/engine"
	"github.com/startupqa/startupqa/metrics"
	"github.com/startupqa/startupqa/sqlstore"
)

// errNoToken says where a token comes from; the token itself is never
// printed.
var errNoToken = errors.New("DISCORD_TOKEN is not set: create a bot at https://discord.com/developers/applications (Bot → Reset Token), then put DISCORD_TOKEN=... in .env or the environment")

// serve runs the Discord bot until ctx ends (SIGINT or SIGTERM).
func (a *app) serve(ctx context.Context, args []string) error {
	fs := a.newFlagSet("serve", "[flags]")
	syncCmds := fs.Bool("sync-commands", false, "overwrite the registered slash commands even when Discord has the same ones")
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
	db, err := a.openStoreRetrying(ctx)
	if err != nil || db == nil {
		return err
	}
	defer db.Close()
	// A gateway connection (or shard) must run in one process; replicas
	// that take interactions over HTTP only share everything through the
	// store, so any number may run.
	var leases []*sqlstore.Lease
	if !*noGateway {
		if leases, err = a.holdDatabase(ctx, db); err != nil {
			return err
		}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	lost := make(chan struct{})
	// Leases renewed together are lost together (a database outage):
	// the first loss stops the bot, the others find it stopped.
	loseAll := sync.OnceFunc(func() { close(lost); cancel() })
	for _, lease := range leases {
		defer lease.Release(context.WithoutCancel(ctx))
		go func() {
			select {
			case <-lease.Lost():
				loseAll()
			case <-ctx.Done():
			}
		}()
	}
	b := bot.New(bot.Config{
		Token:               a.cfg.DiscordToken,
		GuildID:             a.cfg.DiscordGuildID,
		APIBase:             a.cfg.DiscordAPIBase,
		Cooldown:            a.cfg.Cooldown,
		SyncCommands:        *syncCmds,
		UnansweredRetention: a.cfg.Retention,
		Status:              a.stdout,
		HTTPAddr:            *httpAddr,
		PublicKey:           a.cfg.DiscordPublicKey,
		NoGateway:           *noGateway,
		ShardCount:          a.cfg.ShardCount,
		ScheduleTick:        a.cfg.ScheduleCheck,
		ShardIDs:            a.cfg.ShardIDs,
	}, ix, a.zh, a.log)
	b.UseStore(db)
	if len(a.cfg.ShardIDs) > 0 || *noGateway {
		// Other processes run the other shards, or other replicas take
		// the same interactions: a member's cooldown is kept where they
		// all see it.
		b.UseSharedCooldowns(db)
	}
	if len(a.cfg.ShardIDs) > 0 {
		// The shards take turns to identify through the store.
		b.UseIdentifyGate(sqlstore.IdentifyGate{DB: db, Holder: sqlstore.ProcessHolder()})
	}
	if a.cfg.MetricsAddr != "" {
		stop, err := a.serveMetrics(ctx, b, ix, db)
		if err != nil {
			return err
		}
		defer stop()
	}
	err = b.Run(ctx)
	if err != nil && a.cfg.DiscordAPIBase != nil {
		// The messages of net/http name discord.com, which the requests
		// were for, not where they went.
		err = fmt.Errorf("DISCORD_API_BASE %s: %w", a.cfg.DiscordAPIBase, err)
	}
	select {
	case <-lost:
		return errors.Join(err, fmt.Errorf("stopped: another process took over %s", a.storeName()))
	default:
		return err
	}
}

// serveMetrics serves /metrics, /healthz and /readyz on METRICS_ADDR and
// makes the bot record its work there.
func (a *app) serveMetrics(ctx context.Context, b *bot.Bot, ix *engine.Engine, db *sqlstore.DB) (stop func(), err error) {
	m := metrics.New()
	b.UseMetrics(m)
	m.Gauge("startupqa_index_sections", "Sections in the corpus served.", func() float64 { return float64(ix.Stats().Sections) })
	m.Gauge("startupqa_index_build_seconds", "Time the last load and indexing of the corpus took.", func() float64 { return ix.Stats().IndexTook.Seconds() })
	m.Gauge("startupqa_index_bytes", "Size of the index on disk (INDEX_DIR); 0 for an index in memory.", func() float64 { return float64(ix.Stats().IndexBytes) })
	m.Counter("startupqa_index_reloads_total", "Reloads that swapped in a new index.", func() float64 { return float64(ix.Stats().Reloads) })
	m.Counter("startupqa_index_reload_failures_total", "Reloads refused (a broken corpus) or failed.", func() float64 { return float64(ix.Stats().ReloadFailures) })
	m.Counter("startupqa_answer_cache_hits_total", "Questions answered from the cache of repeated questions.", func() float64 { return float64(ix.Stats().CacheHits) })
	m.Counter("startupqa_answer_cache_misses_total", "Questions searched in the index.", func() float64 { return float64(ix.Stats().CacheMisses) })
	m.Counter("startupqa_store_failures_total", "Store transactions that failed in the database (I/O, locks, a full disk).", func() float64 { return float64(db.Failures()) })
	m.Gauge("startupqa_gateway_latency_seconds", "Time the last gateway heartbeat took to be acknowledged.", func() float64 { return b.GatewayLatency().Seconds() })
	ln, err := net.Listen("tcp", a.cfg.MetricsAddr)
	if err != nil {
		return nil, fmt.Errorf("METRICS_ADDR: %w", err)
	}
	srv := &http.Server{Handler: m.Handler(readiness(ix, db, b)), ReadHeaderTimeout: 5 * time.Second, WriteTimeout: 30 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			a.log.Error("metrics endpoint stopped", "err", err)
		}
	}()
	fmt.Fprintf(a.stdout, "startupqa: metrics and health checks on http://%s/ (/metrics, /healthz, /readyz)\n", ln.Addr())
	return func() {
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		srv.Shutdown(sctx)
	}, nil
}

// readiness is what /readyz checks: a corpus indexed, the store
// answering, and Discord connected.
func readiness(ix interface{ Stats() engine.Stats }, db interface{ Ping(context.Context) error }, b interface{ Connected() bool }) func(context.Context) error {
	return func(ctx context.Context) error {
		if ix.Stats().Sections == 0 {
			return errors.New("no corpus indexed")
		}
		if err := db.Ping(ctx); err != nil {
			return fmt.Errorf("store: %w", err)
		}
		if !b.Connected() {
			return errors.New("not connected to Discord")
		}
		return nil
	}
}

// leaseTTL is how long a bot that stopped without letting go (killed, or
// its machine lost) keeps others off its database; a bot on the same
// machine whose process has ended gives way at once.
const leaseTTL = 30 * time.Second

// holdDatabase makes sure that one bot at a time plays on a database, or
// one process per shard: two would both resume the same challenges and
// post every scheduled one. Unsharded, the bot holds the lease "serve";
// sharded, one lease per shard it runs.
func (a *app) holdDatabase(ctx context.Context, db *sqlstore.DB) ([]*sqlstore.Lease, error) {
	names := []string{"serve"}
	if len(a.cfg.ShardIDs) > 0 {
		names = names[:0]
		for _, id := range a.cfg.ShardIDs {
			names = append(names, fmt.Sprintf("serve shard %d", id))
		}
	}
	holder := sqlstore.ProcessHolder()
	var leases []*sqlstore.Lease
	for _, name := range names {
		lease, err := db.HoldLease(ctx, name, holder, leaseTTL, a.log)
		var held *sqlstore.LeaseHeldError
		if errors.As(err, &held) {
			err = fmt.Errorf("another startupqa serve (%s) is using %s for %s: stop it, give this one its own database (DATABASE_PATH, DATABASE_URL) or other shards (SHARD_IDS); a bot killed on another machine lets go %s after it stopped",
				held.Holder, a.storeName(), strings.TrimPrefix(name, "serve "), leaseTTL)
		}
		if err != nil {
			for _, l := range leases {
				l.Release(context.WithoutCancel(ctx))
			}
			return nil, err
		}
		leases = append(leases, lease)
	}
	return leases, nil
}
