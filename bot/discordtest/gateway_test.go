package discordtest

import (
	"errors"
	"strconv"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

func TestOpenGetsReady(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	ready := make(chan *discordgo.Ready, 1)
	guilds := make(chan *discordgo.GuildCreate, 1)
	// Privileged intents are accepted unless RefusePrivileged.
	const intents = testIntents | discordgo.IntentsMessageContent
	s := openSession(t, srv, intents, func(s *discordgo.Session) {
		s.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) { ready <- r })
		s.AddHandler(func(_ *discordgo.Session, g *discordgo.GuildCreate) { guilds <- g })
	})

	r := recv(t, ready, "READY")
	if r.User == nil || r.User.ID != srv.BotUser().ID || !r.User.Bot {
		t.Errorf("READY user = %+v, want the bot %s", r.User, srv.BotUser().ID)
	}
	if r.SessionID == "" || r.Application == nil || r.Application.ID != srv.AppID() {
		t.Errorf("READY session %q application %+v", r.SessionID, r.Application)
	}
	if g := recv(t, guilds, "GUILD_CREATE"); g.ID != DefaultGuildID {
		t.Errorf("GUILD_CREATE id = %s, want %s", g.ID, DefaultGuildID)
	}
	if s.State.User.ID != srv.BotUser().ID {
		t.Errorf("state user = %s", s.State.User.ID)
	}
	ids := srv.Identifies()
	if len(ids) != 1 || ids[0].Intents != intents || ids[0].Token != "Bot "+srv.Token() {
		t.Fatalf("identifies = %+v, want one with intents %d", ids, intents)
	}
	// The gateway URL discordgo dialled: trailing slash and query added.
	gw := srv.Requests()[0]
	if gw.Endpoint != "/gateway" || gw.Path != "/api/v9/gateway" {
		t.Errorf("first request %s %s", gw.Method, gw.Path)
	}
}

func TestOpenRefused(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		opts     Options
		token    string
		intents  discordgo.Intent
		wantCode int
	}{
		{"wrong token", Options{}, "Bot not-the-token", testIntents, CloseAuthFailed},
		{"token without Bot prefix", Options{}, DefaultToken, testIntents, CloseAuthFailed},
		{"privileged intent refused", Options{RefusePrivileged: true}, "", testIntents | discordgo.IntentsMessageContent, CloseDisallowed},
		{"privileged intent refused later", Options{}, "", discordgo.IntentsGuildMembers, CloseDisallowed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := Start(t, tt.opts)
			srv.SetPrivilegedRefused(tt.wantCode == CloseDisallowed)
			s := srv.NewSession(tt.intents)
			if tt.token != "" {
				s.Token, s.Identify.Token = tt.token, tt.token
			}
			err := s.Open()
			var ce *websocket.CloseError
			if !errors.As(err, &ce) || ce.Code != tt.wantCode {
				_ = s.Close()
				t.Fatalf("Open error = %v (%T), want *websocket.CloseError %d", err, err, tt.wantCode)
			}
			if _, err := srv.WaitGateway(timeout(t, time.Second), func(e GatewayEvent) bool {
				return e.Kind == GatewayServerClose && e.Code == tt.wantCode
			}); err != nil {
				t.Fatal(err)
			}
			if ids := srv.SessionIDs(); len(ids) != 0 {
				t.Errorf("sessions = %v, want none", ids)
			}
		})
	}
}

// reconnectStep is one way of dropping the gateway.
type reconnectStep struct {
	name       string
	trigger    func(*Server) error
	resumed    bool // false: RESUME refused (op 9), new session
	missedSent bool // dispatch while disconnected; it is replayed
}

// TestReconnect drops the gateway in several ways and checks that discordgo
// comes back and still gets events. Steps of a scenario run one after the
// other on the same session (each reconnect costs discordgo a one-second
// Close); scenarios run in parallel.
func TestReconnect(t *testing.T) {
	t.Parallel()
	closeWith := func(code int) func(*Server) error {
		return func(s *Server) error { s.CloseGateway(code); return nil }
	}
	scenarios := []struct {
		name  string
		steps []reconnectStep
	}{
		{"server drops", []reconnectStep{
			{"server closes 1000", closeWith(1000), true, true},
			{"server closes 4000", closeWith(4000), true, true},
		}},
		{"op 7 then session timeout", []reconnectStep{
			{"op 7 reconnect", func(s *Server) error { return s.SendOp(opReconnect, nil) }, true, false},
			{"server closes 4009 session timed out", closeWith(CloseSessionTimeout), false, false},
		}},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			runReconnectSteps(t, sc.steps)
		})
	}
}

func runReconnectSteps(t *testing.T, steps []reconnectStep) {
	srv := Start(t, Options{})
	t.Cleanup(func() { dumpGateway(t, srv) })
	got := make(chan string, 4)
	openSession(t, srv, testIntents, func(s *discordgo.Session) {
		s.AddHandler(func(_ *discordgo.Session, i *discordgo.InteractionCreate) {
			got <- i.ApplicationCommandData().Name
		})
	})
	for n, tt := range steps {
		conn := n + 2 // the connection discordgo opens to come back
		before := srv.SessionIDs()
		if err := tt.trigger(srv); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		ctx := timeout(t, 5*time.Second)
		if tt.missedSent {
			if err := srv.DispatchInteraction(srv.CommandInteraction(Actor{}, "missed")); err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
		}
		want := GatewayResumed
		if !tt.resumed {
			want = GatewayReady
			if _, err := srv.WaitGateway(ctx, func(e GatewayEvent) bool { return e.Kind == GatewayInvalidSession && e.Conn == conn }); err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
		}
		if _, err := srv.WaitGateway(ctx, func(e GatewayEvent) bool { return e.Kind == want && e.Conn == conn }); err != nil {
			t.Fatalf("%s: waiting for %s on connection %d: %v", tt.name, want, conn, err)
		}
		if err := srv.Connected(ctx); err != nil {
			t.Fatal(err)
		}
		if tt.missedSent {
			if name := recv(t, got, tt.name+": replayed interaction"); name != "missed" {
				t.Fatalf("%s: replayed %q", tt.name, name)
			}
		}
		if err := srv.DispatchInteraction(srv.CommandInteraction(Actor{}, "after")); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if name := recv(t, got, tt.name+": interaction after reconnect"); name != "after" {
			t.Fatalf("%s: got %q after reconnect", tt.name, name)
		}
		after := srv.SessionIDs()
		if same := len(after) == 1 && after[0] == before[0]; same != tt.resumed {
			t.Errorf("%s: sessions before %v after %v, want resumed = %v", tt.name, before, after, tt.resumed)
		}
	}
}

func TestZombieConnectionReidentifies(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{HeartbeatInterval: 50 * time.Millisecond})
	t.Cleanup(func() { dumpGateway(t, srv) })
	openSession(t, srv, testIntents, nil)
	ctx := timeout(t, 5*time.Second)

	srv.SetDropHeartbeatAcks(true)
	// 5 intervals without ACK: discordgo closes with 1000, which ends the
	// session, so its RESUME is refused and it identifies again.
	if _, err := srv.WaitGateway(ctx, func(e GatewayEvent) bool { return e.Kind == GatewayClientClose && e.Code == 1000 }); err != nil {
		t.Fatal(err)
	}
	srv.SetDropHeartbeatAcks(false)
	for _, k := range []GatewayEventKind{GatewayResume, GatewayInvalidSession, GatewayIdentify} {
		if _, err := srv.WaitGateway(ctx, func(e GatewayEvent) bool { return e.Kind == k && e.Conn == 2 }); err != nil {
			t.Fatalf("waiting for %s: %v", k, err)
		}
	}
	if _, err := srv.WaitGateway(ctx, func(e GatewayEvent) bool { return e.Kind == GatewayReady && e.Conn == 2 }); err != nil {
		t.Fatal(err)
	}
	if n := len(srv.Identifies()); n != 2 {
		t.Fatalf("%d IDENTIFYs, want 2", n)
	}
	if err := srv.Connected(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestDispatchFollowsIntents(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	msgs := make(chan *discordgo.MessageCreate, 4)
	openSession(t, srv, discordgo.IntentsGuilds|discordgo.IntentsGuildMessages, func(s *discordgo.Session) {
		s.AddHandler(func(_ *discordgo.Session, m *discordgo.MessageCreate) { msgs <- m })
	})

	tests := []struct {
		name        string
		msg         *discordgo.Message
		wantErr     error
		wantContent string
	}{
		{"guild message loses content without MESSAGE_CONTENT", srv.GuildMessage(Actor{}, "hello"), nil, ""},
		{"mention keeps content", srv.MentionMessage(Actor{}, "hello"), nil, "<@" + srv.BotUser().ID + "> hello"},
		{"DM needs IntentsDirectMessages", srv.DirectMessage(Actor{}, "hi"), ErrFiltered, ""},
		{"other bot's message loses content", srv.BotMessage(Actor{}, "beep"), nil, ""},
	}
	for _, tt := range tests {
		err := srv.DispatchMessage(tt.msg)
		if !errors.Is(err, tt.wantErr) {
			t.Fatalf("%s: Dispatch = %v, want %v", tt.name, err, tt.wantErr)
		}
		if err != nil {
			continue
		}
		m := recv(t, msgs, tt.name)
		if m.ID != tt.msg.ID || m.Content != tt.wantContent {
			t.Errorf("%s: got %s %q, want %s %q", tt.name, m.ID, m.Content, tt.msg.ID, tt.wantContent)
		}
	}
}

func TestDispatchWithoutSession(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	if err := srv.Dispatch("MESSAGE_CREATE", srv.GuildMessage(Actor{}, "x")); !errors.Is(err, ErrNoSession) {
		t.Fatalf("Dispatch = %v, want ErrNoSession", err)
	}
}

// Sharded sessions get their own guilds' events, shard 0 the DMs; an
// IDENTIFY with too few shards or a shard outside its count is refused.
func TestShardRouting(t *testing.T) {
	t.Parallel()
	// Guild ids whose shard of 2 is 0 and 1: (id >> 22) % 2.
	g0, g1 := strconv.FormatUint(4<<22, 10), strconv.FormatUint(5<<22, 10)
	srv := Start(t, Options{Guilds: []string{g0, g1}, Shards: 2, MaxConcurrency: 2})
	for _, tt := range []struct {
		id, count, code int
	}{
		{0, 1, CloseShardingRequired},
		{0, 2, 0},
		{1, 2, 0},
	} {
		s := srv.NewSession(testIntents)
		s.ShardID, s.ShardCount = tt.id, tt.count
		err := s.Open()
		_ = s.Close()
		var ce *websocket.CloseError
		if tt.code != 0 && (!errors.As(err, &ce) || ce.Code != tt.code) {
			t.Errorf("shard [%d, %d]: Open = %v, want close %d", tt.id, tt.count, err, tt.code)
		}
	}
	type got struct{ guild, id string }
	events := [2]chan got{make(chan got, 10), make(chan got, 10)}
	readies := [2]chan []string{make(chan []string, 1), make(chan []string, 1)}
	for i := range 2 {
		openSession(t, srv, testIntents, func(s *discordgo.Session) {
			s.ShardID, s.ShardCount = i, 2
			s.StateEnabled = false // its GUILD_CREATE handling writes the guilds READY listed
			s.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) {
				var ids []string
				for _, g := range r.Guilds {
					ids = append(ids, g.ID)
				}
				readies[i] <- ids
			})
			s.AddHandler(func(_ *discordgo.Session, m *discordgo.MessageCreate) { events[i] <- got{m.GuildID, m.ID} })
		})
	}
	for i, want := range []string{g0, g1} {
		if ids := recv(t, readies[i], "READY"); len(ids) != 1 || ids[0] != want {
			t.Errorf("shard %d READY guilds %v, want [%s]", i, ids, want)
		}
	}
	for n, ev := range []struct {
		guild string
		to    int
	}{{g0, 0}, {g1, 1}, {"", 0}, {g1, 1}} {
		id := strconv.Itoa(n)
		if err := srv.DispatchMessage(&discordgo.Message{ID: id, ChannelID: "c", GuildID: ev.guild, Content: "x",
			Author: &discordgo.User{ID: DefaultUserID}}); err != nil {
			t.Fatal(err)
		}
		if e := recv(t, events[ev.to], "message "+id); e.id != id || e.guild != ev.guild {
			t.Errorf("shard %d got %+v, want message %s of guild %q", ev.to, e, id, ev.guild)
		}
	}
	for i := range 2 {
		select {
		case e := <-events[i]:
			t.Errorf("shard %d also got %+v", i, e)
		default:
		}
	}
}
