package bot

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"github.com/startupqa/startupqa/challenge"
	"github.com/startupqa/startupqa/chart"
	"github.com/startupqa/startupqa/corpus"
	"github.com/startupqa/startupqa/index"
)

// Engine answers questions. *index.Index implements it.
type Engine interface {
	Search(ctx context.Context, q string) (*index.Result, error)
	Corpus() *corpus.Corpus
}

// Metrics records what the bot does for an operator; *metrics.Metrics is
// one. The bot calls it from many goroutines.
type Metrics interface {
	// Interaction records a handled interaction: its command, how it
	// ended (ok, deferred, refused, store_down, error, panic,
	// send_failed) and how long it took.
	Interaction(command, outcome string, took time.Duration)
	// Search records a search: answered or not, and its confidence.
	Search(answered bool, confidence float64)
	GatewayReconnect()
	RateLimited()
}

type noMetrics struct{}

func (noMetrics) Interaction(string, string, time.Duration) {}
func (noMetrics) Search(bool, float64)                      {}
func (noMetrics) GatewayReconnect()                         {}
func (noMetrics) RateLimited()                              {}

// Scripts converts replies to traditional characters for members who ask
// in them; *zh.Converter is one.
type Scripts interface {
	IsTraditional(text string) bool
	Traditional(text string) string
	// TraditionalTaiwan also uses Taiwan's words (資料, 演算法), for a
	// member whose client is set to zh-TW or who writes them.
	TraditionalTaiwan(text string) string
	UsesTaiwanWords(text string) bool
}

// Config is what the bot needs to know; cmd/startupqa reads it from the
// environment.
type Config struct {
	Token   string   // bot token, without the "Bot " prefix
	GuildID string   // register commands to this guild only; "" for global
	APIBase *url.URL // replaces https://discord.com; nil for Discord itself
	// Cooldown is the least time between two questions of one user.
	Cooldown time.Duration
	// SyncCommands overwrites the registered commands even when Discord
	// already has the same definitions.
	SyncCommands bool
	// UnansweredRetention is how long unanswered questions are kept; 0
	// keeps them.
	UnansweredRetention time.Duration
	// ScheduleTick is how often daily challenges are checked; 30 s when 0.
	ScheduleTick time.Duration
	// RoundTick is how often rounds whose time is up are ended when no
	// timer of this process ends them (another process started them, or
	// died); 1 s when 0.
	RoundTick time.Duration
	// AckBudget is how long a handler may take before the interaction is
	// deferred; Discord drops interactions not acknowledged within 3 s.
	AckBudget time.Duration
	// Status, when set, gets a line for the operator each time the bot
	// connects: who it is logged in as, in how many servers, and the URL
	// that invites it.
	Status io.Writer
	// HTTPAddr, when set, is where the bot serves its Interactions
	// Endpoint URL, checking Discord's signatures with PublicKey.
	HTTPAddr  string
	PublicKey ed25519.PublicKey
	// NoGateway leaves the gateway out: interactions come only over HTTP,
	// and mentions and DMs, which only the gateway carries, go unanswered.
	NoGateway bool
	// ShardCount is how many shards the bot runs as, over all its
	// processes: 0 or 1 for none, AutoShards for Discord's
	// recommendation. ShardIDs are those this process runs; all of them
	// when empty. A process serves, and schedules challenges for, only
	// the guilds of its shards (ShardOf); the one with shard 0 registers
	// the commands and gets the DMs.
	ShardCount int
	ShardIDs   []int
	// IdentifyEvery is the wait between two rounds of shards identifying
	// (Discord asks for 5 s, the default).
	IdentifyEvery time.Duration
}

// Bot is a running Discord bot.
type Bot struct {
	cfg      Config
	engine   Engine
	scripts  Scripts // may be nil: replies stay as the corpus has them
	log      *slog.Logger
	cooldown *cooldown
	// sharedCooldowns, when set, holds cooldowns across processes.
	sharedCooldowns SharedCooldowns
	// identifyGate, when set, spaces IDENTIFYs across processes.
	identifyGate IdentifyGate

	store  ChallengeStore     // nil: no challenges
	play   *challenge.Service // the game over store; nil without one
	timers roundTimers
	quicks quickRounds

	mu     sync.Mutex
	appID  string
	botID  string
	sess   *discordgo.Session
	gr     Grader         // for the corpus graded
	graded *corpus.Corpus // the corpus gr was built for

	metrics   Metrics
	connected atomic.Bool // to the gateway, or ready over HTTP only

	charts func() (*chart.Charts, error) // parsed on first use

	// callbacks and edits lend rate-limit buckets to interaction
	// responses (see bucketPool).
	callbacks, edits bucketPool

	handlers inflight // interactions and messages being handled

	// The shards this process runs (guarded by mu): their connections,
	// how many shards the bot has in all, and their ids here, sorted.
	shards      []*shard
	shardCount  int
	shardIDs    []int
	concurrency int // shards that may identify at once (max_concurrency)
	stopLoops   func()
}

// New returns a bot that answers from engine. scripts may be nil.
func New(cfg Config, engine Engine, scripts Scripts, log *slog.Logger) *Bot {
	if cfg.AckBudget <= 0 {
		cfg.AckBudget = 2 * time.Second
	}
	return &Bot{
		cfg:       cfg,
		engine:    engine,
		scripts:   scripts,
		log:       slog.New(redactingHandler{log.Handler()}),
		cooldown:  newCooldown(cfg.Cooldown, time.Now),
		quicks:    quickRounds{rounds: map[int64]*memQuick{}},
		metrics:   noMetrics{},
		charts:    sync.OnceValues(chart.New),
		callbacks: bucketPool{kind: "callback"},
		edits:     bucketPool{kind: "edit"},
	}
}

// UseMetrics makes the bot record its work in m.
func (b *Bot) UseMetrics(m Metrics) { b.metrics = m }

// Connected reports whether the bot can take interactions: every gateway
// connection of its shards is up, or, without the gateway, it is ready
// over HTTP.
func (b *Bot) Connected() bool {
	if b.cfg.NoGateway {
		return b.connected.Load()
	}
	b.mu.Lock()
	shards := b.shards
	b.mu.Unlock()
	for _, sh := range shards {
		if !sh.up.Load() {
			return false
		}
	}
	return len(shards) > 0
}

// GatewayLatency is the time the last heartbeat took to be acknowledged;
// 0 without a gateway connection.
func (b *Bot) GatewayLatency() time.Duration {
	if s := b.session(); s != nil && !b.cfg.NoGateway {
		return s.HeartbeatLatency()
	}
	return 0
}

// Intents are the gateway intents the bot asks for. None is privileged:
// messages that mention the bot, and DMs, carry their content without the
// MESSAGE_CONTENT intent.
const Intents = discordgo.IntentsGuilds | discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages

// FatalCloseError is returned by Run when Discord refuses the bot for
// good: a wrong token or intents it may not use. Retrying cannot help.
type FatalCloseError struct {
	Code int
}

func (e *FatalCloseError) Error() string {
	switch e.Code {
	case 4004:
		return "Discord rejected the token (close code 4004): check DISCORD_TOKEN, or reset the token in the Developer Portal (Bot tab)"
	case 4014:
		return "Discord refused the gateway intents (close code 4014): the bot asked for an intent that is not enabled for it in the Developer Portal"
	case 4013:
		return "Discord says the gateway intents are invalid (close code 4013)"
	case 4010, 4011, 4012:
		return fmt.Sprintf("Discord refused the gateway connection (close code %d): the bot needs sharding or a newer API version", e.Code)
	}
	return fmt.Sprintf("Discord closed the gateway for good (close code %d)", e.Code)
}

// fatalClose returns the fatal close code inside err, if any.
func fatalClose(err error) (*FatalCloseError, bool) {
	var ce *websocket.CloseError
	if errors.As(err, &ce) && ce.Code >= 4004 && ce.Code != 4005 && ce.Code != 4007 && ce.Code != 4008 && ce.Code != 4009 {
		return &FatalCloseError{Code: ce.Code}, true
	}
	return nil, false
}

// Run connects to Discord, registers the commands and serves until ctx
// ends, then disconnects. It returns a *FatalCloseError when Discord
// refuses the connection for good. Sharded (Config.ShardCount), it opens
// one gateway connection per shard of Config.ShardIDs.
func (b *Bot) Run(ctx context.Context) error {
	s, err := b.newSession()
	if err != nil {
		return err
	}
	hctx, cancelHandlers := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelHandlers()

	if b.cfg.HTTPAddr != "" && len(b.cfg.PublicKey) != ed25519.PublicKeySize {
		return errors.New("the interactions endpoint needs the application's public key")
	}
	var shards []*shard
	if b.cfg.NoGateway {
		if b.cfg.HTTPAddr == "" {
			return errors.New("without the gateway, interactions need the HTTP endpoint")
		}
		if err := b.identifyOverREST(s); err != nil {
			return err
		}
	} else {
		plan, err := b.planShards(s)
		if err != nil {
			return err
		}
		b.mu.Lock()
		b.shardCount, b.shardIDs, b.concurrency = plan.count, plan.ids, plan.concurrency
		b.mu.Unlock()
		for i, id := range plan.ids {
			if i > 0 {
				if s, err = b.newSession(); err != nil {
					return err
				}
			}
			s.ShardID, s.ShardCount = id, plan.count
			sh := &shard{id: id, s: s, ready: make(chan struct{}, 1), lost: make(chan struct{}, 1)}
			defer b.attach(hctx, sh)()
			shards = append(shards, sh)
		}
		b.mu.Lock()
		b.shards = shards
		b.mu.Unlock()
		if len(plan.ids) > 1 || plan.count > 1 {
			b.log.Info("opening shards", "ids", plan.ids, "count", plan.count, "max_concurrency", plan.concurrency)
		}
		err = b.openShards(ctx, shards, plan.concurrency)
		defer b.shutdown(shards)
		if err != nil {
			return err
		}
		if ctx.Err() != nil {
			return nil
		}
		s = shards[0].s
	}
	if b.registersCommands() {
		if err := b.registerCommands(s); err != nil {
			return err
		}
	} else {
		b.log.Info("commands are registered by the process that runs shard 0")
	}
	b.mu.Lock()
	b.sess = s
	b.mu.Unlock()
	if !b.cfg.NoGateway {
		b.announceRunning(ctx)
	}
	tick := b.cfg.ScheduleTick
	if tick <= 0 {
		tick = 30 * time.Second
	}
	// The clocks stop first when the bot drains, so that nothing starts a
	// round or a challenge while it waits for the handlers.
	loops, stopLoops := context.WithCancel(hctx)
	b.mu.Lock()
	b.stopLoops = stopLoops
	b.mu.Unlock()
	go b.runSchedules(loops, tick)
	roundTick := b.cfg.RoundTick
	if roundTick <= 0 {
		roundTick = time.Second
	}
	go b.runRounds(loops, roundTick)
	stopHTTP := func() {}
	if b.cfg.HTTPAddr != "" {
		stop, err := b.serveHTTP(hctx, b.cfg.HTTPAddr)
		if err != nil {
			return err
		}
		stopHTTP = sync.OnceFunc(stop)
		defer stopHTTP()
	}
	b.log.Info("bot ready", "app_id", b.app(), "guild", b.cfg.GuildID)
	if b.cfg.NoGateway {
		<-ctx.Done()
		stopHTTP() // no request arrives uncounted while draining
		b.drain()
		return nil
	}
	// The shards reconnect only while Run runs: once one fails for good,
	// the others must not reopen what shutdown closes.
	sctx, stopSupervising := context.WithCancel(ctx)
	defer stopSupervising()
	errs := make(chan error, len(shards))
	for _, sh := range shards {
		go func() { errs <- b.supervise(sctx, sh) }()
	}
	for range shards {
		if err := <-errs; err != nil {
			return err
		}
	}
	return nil
}

// newSession is a discordgo session set up as the bot wants it.
func (b *Bot) newSession() (*discordgo.Session, error) {
	s, err := discordgo.New("Bot " + b.cfg.Token)
	if err != nil {
		return nil, fmt.Errorf("discord session: %w", err)
	}
	s.Client = &http.Client{Timeout: 20 * time.Second, Transport: rewrite(b.cfg.APIBase, transport())}
	s.Dialer = gatewayDialer(rmemMax())
	s.Identify.Intents = Intents
	// The bot reconnects itself, so that a fatal close code ends Run
	// instead of discordgo retrying forever.
	s.ShouldReconnectOnError = false
	s.SyncEvents = false
	s.StateEnabled = false // the bot keeps no guild state; tracking it costs CPU per event
	return s, nil
}

// attach adds the bot's handlers to a shard's session and returns what
// removes them.
func (b *Bot) attach(hctx context.Context, sh *shard) (remove func()) {
	s := sh.s
	removers := []func(){
		s.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) {
			b.onReady(r)
			sh.up.Store(true)
			b.signal(sh.ready)
		}),
		s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Disconnect) {
			sh.up.Store(false)
			b.signal(sh.lost)
		}),
		s.AddHandler(func(_ *discordgo.Session, _ *discordgo.RateLimit) { b.metrics.RateLimited() }),
		s.AddHandler(func(s *discordgo.Session, ic *discordgo.InteractionCreate) { b.onInteraction(hctx, s, ic.Interaction) }),
		s.AddHandler(func(s *discordgo.Session, m *discordgo.MessageCreate) { b.onMessage(hctx, s, m.Message) }),
	}
	return func() {
		for _, r := range removers {
			r()
		}
	}
}

// identifyOverREST learns who the bot is without the gateway's READY.
func (b *Bot) identifyOverREST(s *discordgo.Session) error {
	u, err := s.User("@me")
	if err != nil {
		var re *discordgo.RESTError
		if errors.As(err, &re) && re.Response != nil && re.Response.StatusCode == http.StatusUnauthorized {
			return &FatalCloseError{Code: 4004}
		}
		return fmt.Errorf("look the bot up over REST: %w", err)
	}
	b.mu.Lock()
	b.botID, b.appID = u.ID, u.ID // a bot's user id is its application's id
	b.mu.Unlock()
	b.connected.Store(true)
	if b.cfg.Status != nil {
		fmt.Fprintf(b.cfg.Status, "startupqa: logged in as %s, interactions over HTTP only; invite it with %s\n", u.Username, InviteURL(u.ID))
	}
	return nil
}

// serveHTTP serves the Interactions Endpoint URL on addr until stop.
// Handlers run under ctx, so that a deferred answer outlives its request.
func (b *Bot) serveHTTP(ctx context.Context, addr string) (stop func(), err error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("interactions endpoint: %w", err)
	}
	srv := &http.Server{
		Handler:           b.InteractionsHandler(ctx, b.cfg.PublicKey),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(b.log.Handler(), slog.LevelWarn),
	}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			b.log.Error("interactions endpoint stopped", "err", err)
		}
	}()
	b.log.Info("interactions endpoint listening", "addr", ln.Addr().String())
	if b.cfg.Status != nil {
		fmt.Fprintf(b.cfg.Status, "startupqa: interactions endpoint on http://%s/ (put TLS in front; Discord needs https)\n", ln.Addr())
	}
	return func() {
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := srv.Shutdown(sctx); err != nil {
			b.log.Warn("interactions endpoint shutdown", "err", err)
		}
	}, nil
}

// supervise reconnects a shard after its gateway connection drops, with
// backoff, until ctx ends or Discord refuses the bot for good.
func (b *Bot) supervise(ctx context.Context, sh *shard) error {
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-sh.lost:
		}
		wait := time.Second
		for {
			if ctx.Err() != nil {
				return nil
			}
			if b.identifyGate != nil {
				// A reconnect may identify anew: it takes its turn too.
				b.mu.Lock()
				bucket := sh.id % max(b.concurrency, 1)
				b.mu.Unlock()
				if err := b.identifyGate.WaitIdentify(ctx, bucket); err != nil {
					if ctx.Err() != nil {
						return nil
					}
					b.log.Warn("wait for a turn to identify", "shard", sh.id, "err", err)
				}
			}
			err := sh.s.Open()
			if err == nil || errors.Is(err, discordgo.ErrWSAlreadyOpen) {
				b.metrics.GatewayReconnect()
				b.log.Info("reconnected to the gateway", "shard", sh.id)
				break
			}
			if fe, ok := fatalClose(err); ok {
				return fe
			}
			b.log.Warn("reconnect to the gateway failed", "shard", sh.id, "err", err, "retry_in", wait)
			select {
			case <-ctx.Done():
				return nil
			case <-time.After(wait):
			}
			wait = min(2*wait, time.Minute)
		}
	}
}

// shutdown lets the handlers in flight finish, then closes the gateway
// connections. Running challenges stay running in the store; the next
// start ends them with a message.
func (b *Bot) shutdown(shards []*shard) {
	b.drain()
	for _, sh := range shards {
		if err := sh.s.Close(); err != nil {
			b.log.Warn("close gateway", "shard", sh.id, "err", err)
		}
	}
	b.log.Info("bot stopped")
}

// drain stops the challenges' timers and waits a little for the handlers
// in flight: an answer being written reaches its asker before the
// connection closes.
func (b *Bot) drain() {
	b.mu.Lock()
	stopLoops := b.stopLoops
	b.mu.Unlock()
	if stopLoops != nil {
		stopLoops()
	}
	b.stopTimers()
	if !b.handlers.drain(5 * time.Second) {
		b.log.Warn("shutting down with handlers still running")
	}
}

func (b *Bot) onReady(r *discordgo.Ready) {
	b.mu.Lock()
	if r.User != nil {
		b.botID = r.User.ID
	}
	switch {
	case r.Application != nil && r.Application.ID != "":
		b.appID = r.Application.ID
	case r.User != nil:
		b.appID = r.User.ID // a bot's user id is its application's id
	}
	appID := b.appID
	b.mu.Unlock()
	if b.cfg.Status != nil && r.User != nil {
		shard := [2]int{0, 1}
		if r.Shard != nil {
			shard = *r.Shard
		}
		fmt.Fprintf(b.cfg.Status, "startupqa: logged in as %s in %d server(s), shard %d of %d; invite it with %s\n",
			r.User.Username, len(r.Guilds), shard[0], shard[1], InviteURL(appID))
	}
}

// InviteURL is the address that adds the bot to a server with the scopes
// and permissions it needs: Send Messages, Embed Links, Read Message
// History and Use Application Commands.
func InviteURL(appID string) string {
	return "https://discord.com/oauth2/authorize?client_id=" + url.QueryEscape(appID) +
		"&scope=bot+applications.commands&permissions=2147567616"
}

func (b *Bot) app() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.appID
}

func (b *Bot) self() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.botID
}

// signal notifies a one-slot channel without blocking.
func (b *Bot) signal(c chan struct{}) {
	select {
	case c <- struct{}{}:
	default:
	}
}

// registerCommands bulk-overwrites the slash commands when Discord's
// differ from ours, or always with SyncCommands.
func (b *Bot) registerCommands(s *discordgo.Session) error {
	want := commands()
	if !b.cfg.SyncCommands {
		have, err := s.ApplicationCommands(b.app(), b.cfg.GuildID)
		if err == nil && sameCommands(have, want) {
			b.log.Info("commands up to date", "count", len(want))
			return nil
		}
		if err != nil {
			b.log.Warn("list registered commands", "err", err)
		}
	}
	if _, err := s.ApplicationCommandBulkOverwrite(b.app(), b.cfg.GuildID, want); err != nil {
		return fmt.Errorf("register slash commands: %w", err)
	}
	b.log.Info("commands registered", "count", len(want), "guild", b.cfg.GuildID)
	return nil
}

// transport is http.DefaultTransport keeping enough idle connections for
// a burst: with its default of two per host, every burst of answers dialled
// a fresh connection for almost every answer and closed it again, and 64
// still dialled 136 of 200 (dialling was 6 % of the CPU of BenchmarkAsk200).
// Discord itself multiplexes over HTTP/2; this matters behind an HTTP/1.1
// proxy (DISCORD_API_BASE). Capping the connections instead made answers
// queue behind Discord's round trip: 200 answers at 80 ms took 300 ms.
func transport() http.RoundTripper {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns = 256
	t.MaxIdleConnsPerHost = 256
	return t
}

// rewrite sends requests for discord.com to base instead, keeping the
// path: with base http://127.0.0.1:8080, REST goes to
// http://127.0.0.1:8080/api/v9/...; the gateway URL then comes from that
// server's answer to GET /api/v9/gateway.
func rewrite(base *url.URL, next http.RoundTripper) http.RoundTripper {
	if base == nil {
		return next
	}
	return roundTripFunc(func(r *http.Request) (*http.Response, error) {
		if r.URL.Host == "discord.com" || r.URL.Host == "discordapp.com" {
			r = r.Clone(r.Context())
			r.URL.Scheme, r.URL.Host = base.Scheme, base.Host
			r.Host = base.Host
		}
		return next.RoundTrip(r)
	})
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
