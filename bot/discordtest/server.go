package discordtest

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Defaults used when the corresponding Options field or Actor field is empty.
const (
	DefaultToken       = "fake-bot-token"
	DefaultAppID       = "1100000000000000001"
	DefaultBotUsername = "startupqa"
	DefaultGuildID     = "1100000000000000100"
	DefaultChannelID   = "1100000000000000200"
	DefaultDMChannelID = "1100000000000000300"
	DefaultUserID      = "1100000000000000400"
	DefaultUsername    = "tester"
	DefaultOtherBotID  = "1100000000000000500"

	// DefaultHeartbeatInterval is sent in HELLO when Options leaves it zero.
	// Discord sends 41250 ms; a short interval keeps zombie-connection tests
	// fast and costs nothing.
	DefaultHeartbeatInterval = time.Second
	// DefaultInteractionDeadline is Discord's window for the first answer to
	// an interaction.
	DefaultInteractionDeadline = 3 * time.Second
)

// Errors returned by the server's controls.
var (
	// ErrClosed is returned by waits and controls once Close was called.
	ErrClosed = errors.New("discordtest: server closed")
	// ErrNoSession is returned by Dispatch when no client has identified.
	ErrNoSession = errors.New("discordtest: no gateway session")
	// ErrFiltered is returned by Dispatch when every session's intents
	// exclude the event, so nobody received it.
	ErrFiltered = errors.New("discordtest: event not covered by any session's intents")
)

// Options configure a Server. The zero value is usable.
type Options struct {
	// Token is the bot token without the "Bot " prefix (DefaultToken).
	Token string
	// AppID is the application id (DefaultAppID).
	AppID string
	// BotUserID is the bot user's id; it defaults to AppID, as for
	// applications created since 2020.
	BotUserID string
	// BotUsername is the bot user's name (DefaultBotUsername).
	BotUsername string
	// Guilds are listed (unavailable) in READY and each followed by a
	// GUILD_CREATE when the session asked for IntentsGuilds. nil means
	// {DefaultGuildID}; use an empty slice for none.
	Guilds []string
	// HeartbeatInterval is sent in HELLO (DefaultHeartbeatInterval); it is
	// rounded down to whole milliseconds and must be at least 1 ms.
	HeartbeatInterval time.Duration
	// InteractionDeadline is how long after Dispatch an interaction accepts
	// its callback (DefaultInteractionDeadline); negative means forever.
	InteractionDeadline time.Duration
	// RefusePrivileged makes IDENTIFY with a privileged intent
	// (GuildMembers, GuildPresences, MessageContent) fail with close 4014,
	// as for an application whose privileged intents are not enabled.
	RefusePrivileged bool
	// Latency delays every REST answer (see SetLatency).
	Latency time.Duration
	// Shards is the shard count GET /gateway/bot recommends (1 when 0).
	// Above 1, as for a bot in too many servers for one connection, an
	// IDENTIFY without a shard array or with fewer shards is closed with
	// 4011 (sharding required). A session identified as shard [i, n] gets
	// READY, GUILD_CREATE and every event of the guilds whose shard is i,
	// (guild_id >> 22) % n, and shard 0 gets the DMs, as on Discord.
	Shards int
	// MaxConcurrency is session_start_limit.max_concurrency of GET
	// /gateway/bot (1 when 0): how many shards may identify at once.
	MaxConcurrency int
}

// Server is a fake Discord REST API and gateway listening on 127.0.0.1.
// All methods are safe for concurrent use.
type Server struct {
	tokenMu   sync.RWMutex // guards token, which RevokeToken changes
	token     string
	appID     string
	botID     string
	botName   string
	guilds    []string
	heartbeat time.Duration
	deadline  time.Duration

	http      *httptest.Server
	base      *url.URL
	transport *http.Transport
	done      chan struct{}
	closeOnce sync.Once
	wg        sync.WaitGroup // websocket connection goroutines
	changed   signal
	idInc     atomic.Uint64

	mu           sync.Mutex // REST state below
	requests     []Request
	forgotten    int // requests dropped by Forget, for Seq
	faults       []*fault
	latency      time.Duration
	commands     map[string][]*discordgo.ApplicationCommand // by guild id, "" = global
	interactions map[string]*interactionState               // by interaction id
	byToken      map[string]*interactionState               // by interaction token

	gwMu             sync.Mutex // gateway state below
	closing          bool
	conns            map[*gwConn]struct{}
	sessions         map[string]*gwSession
	sessionOrder     []*gwSession
	gwEvents         []GatewayEvent
	dropAcks         bool
	refusePrivileged bool
	nextConnID       int
	shards           int
	maxConcurrency   int
}

// New starts a fake Discord on 127.0.0.1 with a random port. Like
// httptest.NewServer it panics if it cannot listen. Call Close when done.
func New(opts Options) *Server {
	s := &Server{
		token:            opts.Token,
		appID:            opts.AppID,
		botID:            opts.BotUserID,
		botName:          opts.BotUsername,
		guilds:           opts.Guilds,
		heartbeat:        opts.HeartbeatInterval,
		deadline:         opts.InteractionDeadline,
		latency:          opts.Latency,
		refusePrivileged: opts.RefusePrivileged,
		shards:           max(opts.Shards, 1),
		maxConcurrency:   max(opts.MaxConcurrency, 1),
		done:             make(chan struct{}),
		commands:         map[string][]*discordgo.ApplicationCommand{},
		interactions:     map[string]*interactionState{},
		byToken:          map[string]*interactionState{},
		conns:            map[*gwConn]struct{}{},
		sessions:         map[string]*gwSession{},
	}
	if s.token == "" {
		s.token = DefaultToken
	}
	if s.appID == "" {
		s.appID = DefaultAppID
	}
	if s.botID == "" {
		s.botID = s.appID
	}
	if s.botName == "" {
		s.botName = DefaultBotUsername
	}
	if s.guilds == nil {
		s.guilds = []string{DefaultGuildID}
	}
	if s.heartbeat == 0 {
		s.heartbeat = DefaultHeartbeatInterval
	}
	if s.heartbeat < time.Millisecond {
		panic("discordtest: HeartbeatInterval below 1 ms (discordgo's ticker needs a positive interval)")
	}
	if s.deadline == 0 {
		s.deadline = DefaultInteractionDeadline
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic("discordtest: listen on 127.0.0.1: " + err.Error())
	}
	// Everything the handler reads is set before serving starts: a client
	// left over from an earlier test may connect to a reused port at once.
	s.base = &url.URL{Scheme: "http", Host: ln.Addr().String()}
	s.transport = http.DefaultTransport.(*http.Transport).Clone()
	s.transport.Proxy = nil
	s.http = httptest.NewUnstartedServer(http.HandlerFunc(s.serveHTTP))
	s.http.Listener.Close()
	s.http.Listener = ln
	s.http.Start()
	return s
}

// Start is New for tests: it fails tb if the server cannot start and closes
// the server in tb.Cleanup. Register it before anything that must be torn
// down first (cleanups run last-registered first).
func Start(tb testing.TB, opts Options) *Server {
	tb.Helper()
	var s *Server
	func() {
		defer func() {
			if r := recover(); r != nil {
				tb.Fatalf("%v", r)
			}
		}()
		s = New(opts)
	}()
	tb.Cleanup(s.Close)
	return s
}

// Close closes every gateway connection (code 1001), stops the HTTP server,
// waits for the connection goroutines and wakes every waiter with ErrClosed.
// Close sessions before the server: discordgo reconnects forever otherwise.
// Close is idempotent.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		close(s.done)
		s.changed.fire()

		s.gwMu.Lock()
		s.closing = true
		conns := make([]*gwConn, 0, len(s.conns))
		for c := range s.conns {
			conns = append(conns, c)
		}
		s.gwMu.Unlock()
		for _, c := range conns {
			c.closeWith(websocketGoingAway, "server closing")
		}

		s.http.Close()
		s.wg.Wait()
		s.transport.CloseIdleConnections()
	})
}

// URL is the fake's base URL, http://127.0.0.1:PORT (no path).
func (s *Server) URL() string { return s.http.URL }

// BaseURL is URL parsed, ready for RewriteTransport.
func (s *Server) BaseURL() *url.URL { u := *s.base; return &u }

// GatewayURL is what GET /gateway returns: ws://127.0.0.1:PORT/ws.
func (s *Server) GatewayURL() string { return "ws://" + s.base.Host + gatewayPath }

// Token is the bot token without the "Bot " prefix.
func (s *Server) Token() string {
	s.tokenMu.RLock()
	defer s.tokenMu.RUnlock()
	return s.token
}

// RevokeToken makes the fake accept only newToken from now on, as Discord
// does when a token is reset in the Developer Portal: REST calls with the
// old token get 401, and IDENTIFY or RESUME with it is closed with 4004.
// Connections already open stay open until closed.
func (s *Server) RevokeToken(newToken string) {
	s.tokenMu.Lock()
	defer s.tokenMu.Unlock()
	s.token = newToken
}

// AppID is the application id.
func (s *Server) AppID() string { return s.appID }

// BotUser is the bot's user, as sent in READY and as message author.
func (s *Server) BotUser() *discordgo.User {
	return &discordgo.User{ID: s.botID, Username: s.botName, Discriminator: "0", Bot: true}
}

// HTTPClient returns a client whose requests to discord.com go to the fake.
func (s *Server) HTTPClient() *http.Client {
	return &http.Client{Transport: RewriteTransport(s.BaseURL(), s.transport), Timeout: 20 * time.Second}
}

// NewSession returns a discordgo session (not opened) with the fake's token,
// an HTTPClient and Identify.Intents set to intents.
func (s *Server) NewSession(intents discordgo.Intent) *discordgo.Session {
	ds, _ := discordgo.New("Bot " + s.Token()) // New never fails
	ds.Client = s.HTTPClient()
	ds.Identify.Intents = intents
	return ds
}

// discordEpoch is the first second of 2015 in Unix milliseconds.
const discordEpoch = 1420070400000

// newID returns a fresh snowflake: the current time and a counter, so ids
// sort by creation and discordgo.SnowflakeTimestamp works on them.
func (s *Server) newID() string {
	ms := uint64(time.Now().UnixMilli() - discordEpoch)
	return strconv.FormatUint(ms<<22|(s.idInc.Add(1)&0x3fffff), 10)
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // never fails
	return hex.EncodeToString(b)
}

// signal wakes every goroutine waiting on the channel returned by wait.
// Waiters take the channel before checking their condition, so no wake-up
// is lost.
type signal struct {
	mu sync.Mutex
	ch chan struct{}
}

func (g *signal) wait() <-chan struct{} {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.ch == nil {
		g.ch = make(chan struct{})
	}
	return g.ch
}

func (g *signal) fire() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.ch != nil {
		close(g.ch)
		g.ch = nil
	}
}
