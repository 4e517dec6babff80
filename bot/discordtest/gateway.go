package discordtest

import (
	"encoding/json"
	"errors"
	"net/http"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// gatewayPath is where the fake serves the gateway; discordgo dials
// gatewayPath + "/?v=9&encoding=json".
const gatewayPath = "/ws"

// Gateway opcodes (https://discord.com/developers/docs/topics/opcodes-and-status-codes).
const (
	opDispatch       = 0
	opHeartbeat      = 1
	opIdentify       = 2
	opPresenceUpdate = 3
	opVoiceState     = 4
	opResume         = 6
	opReconnect      = 7
	opRequestMembers = 8
	opInvalidSession = 9
	opHello          = 10
	opHeartbeatACK   = 11
)

// Close codes the fake uses.
const (
	websocketNormal       = websocket.CloseNormalClosure // 1000
	websocketGoingAway    = websocket.CloseGoingAway     // 1001
	CloseUnknownError     = 4000
	CloseUnknownOpcode    = 4001
	CloseDecodeError      = 4002
	CloseNotAuthed        = 4003
	CloseAuthFailed       = 4004
	CloseInvalidSeq       = 4007
	CloseSessionTimeout   = 4009
	CloseInvalidShard     = 4010
	CloseShardingRequired = 4011
	CloseInvalidAPIVer    = 4012
	CloseInvalidIntent    = 4013
	CloseDisallowed       = 4014
)

var closeReasons = map[int]string{
	websocketGoingAway:    "going away",
	CloseUnknownError:     "Unknown error.",
	CloseUnknownOpcode:    "Unknown opcode.",
	CloseDecodeError:      "Error while decoding payload.",
	CloseNotAuthed:        "Not authenticated.",
	CloseAuthFailed:       "Authentication failed.",
	CloseInvalidSeq:       "Invalid seq.",
	CloseSessionTimeout:   "Session timed out.",
	CloseInvalidShard:     "Invalid shard.",
	CloseShardingRequired: "Sharding required.",
	CloseInvalidAPIVer:    "Invalid API version.",
	CloseInvalidIntent:    "Invalid intent(s).",
	CloseDisallowed:       "Disallowed intent(s).",
}

// resumable reports whether a session survives the fake closing its
// connection with code (Discord's "reconnect" column: 4004 and 4010-4014
// end the bot, 4007 and 4009 need a new session).
func resumable(code int) bool {
	switch code {
	case CloseAuthFailed, CloseInvalidSeq, CloseSessionTimeout, CloseInvalidShard,
		CloseShardingRequired, CloseInvalidAPIVer, CloseInvalidIntent, CloseDisallowed:
		return false
	}
	return true
}

// frame is a gateway payload as sent by the fake.
type frame struct {
	Op int     `json:"op"`
	D  any     `json:"d"`
	S  *int64  `json:"s"`
	T  *string `json:"t"`
}

// clientFrame is a gateway payload as sent by a client.
type clientFrame struct {
	Op int             `json:"op"`
	D  json.RawMessage `json:"d"`
}

// gwConn is one websocket connection. Its session field is guarded by the
// server's gwMu; writes are serialised by wmu.
type gwConn struct {
	id      int
	ws      *websocket.Conn
	wmu     sync.Mutex
	session *gwSession
	// readyAt is when READY or RESUMED was sent, beatAt when the last
	// heartbeat came (both guarded by gwMu).
	readyAt, beatAt time.Time
	closed          bool // guarded by wmu
}

// gwSession is one gateway session: what IDENTIFY created and RESUME
// continues. Guarded by the server's gwMu.
type gwSession struct {
	id       string
	intents  discordgo.Intent
	identify discordgo.Identify
	seq      int64
	history  []sentEvent // dispatches, for replay on RESUME
	conn     *gwConn     // nil while disconnected
}

type sentEvent struct {
	seq int64
	raw []byte
}

const maxHistory = 10000

func (c *gwConn) write(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return c.writeRaw(b)
}

func (c *gwConn) writeRaw(b []byte) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if c.closed {
		return websocket.ErrCloseSent
	}
	_ = c.ws.SetWriteDeadline(time.Now().Add(5 * time.Second))
	return c.ws.WriteMessage(websocket.TextMessage, b)
}

// closeWith sends a close frame and drops the TCP connection at once, as a
// server does; the read loop then ends. It reports whether it closed.
func (c *gwConn) closeWith(code int, reason string) bool {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if c.closed {
		return false
	}
	c.closed = true
	msg := websocket.FormatCloseMessage(code, reason)
	_ = c.ws.WriteControl(websocket.CloseMessage, msg, time.Now().Add(time.Second))
	_ = c.ws.Close()
	return true
}

func (c *gwConn) drop() {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	c.closed = true
	_ = c.ws.Close()
}

var upgrader = websocket.Upgrader{
	CheckOrigin: func(*http.Request) bool { return true },
}

func seqPtr(n int64) *int64   { return &n }
func strPtr(s string) *string { return &s }

// serveGateway runs one websocket connection until it ends.
func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	s.gwMu.Lock()
	if s.closing {
		s.gwMu.Unlock()
		http.Error(w, "closing", http.StatusServiceUnavailable)
		return
	}
	s.wg.Add(1)
	s.gwMu.Unlock()
	defer s.wg.Done()

	ws, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return // Upgrade has answered
	}
	ws.SetReadLimit(1 << 20)

	s.gwMu.Lock()
	s.nextConnID++
	c := &gwConn{id: s.nextConnID, ws: ws}
	if s.closing {
		s.gwMu.Unlock()
		c.closeWith(websocketGoingAway, closeReasons[websocketGoingAway])
		return
	}
	s.conns[c] = struct{}{}
	s.recordGateway(GatewayEvent{Kind: GatewayConnect, Conn: c.id})
	s.gwMu.Unlock()
	defer s.endConn(c)

	q := r.URL.Query()
	if v := q.Get("v"); v != "" && v != "9" && v != "10" {
		s.serverClose(c, CloseInvalidAPIVer)
		return
	}
	if e := q.Get("encoding"); e != "" && e != "json" {
		s.serverClose(c, CloseDecodeError)
		return
	}

	hello := frame{Op: opHello, D: map[string]any{
		"heartbeat_interval": s.heartbeat.Milliseconds(),
		"_trace":             []string{"discordtest-gateway"},
	}}
	if err := c.write(hello); err != nil {
		return
	}

	for {
		_, data, err := ws.ReadMessage()
		if err != nil {
			var ce *websocket.CloseError
			if errors.As(err, &ce) {
				s.clientClosed(c, ce.Code)
			}
			return
		}
		var f clientFrame
		if err := json.Unmarshal(data, &f); err != nil {
			s.serverClose(c, CloseDecodeError)
			return
		}
		if !s.handleOp(c, f) {
			return
		}
	}
}

// handleOp handles one client payload; false ends the connection.
func (s *Server) handleOp(c *gwConn, f clientFrame) bool {
	switch f.Op {
	case opHeartbeat:
		s.gwMu.Lock()
		s.recordGateway(GatewayEvent{Kind: GatewayHeartbeat, Conn: c.id, SessionID: c.sessionIDLocked()})
		c.beatAt = time.Now()
		drop := s.dropAcks
		s.gwMu.Unlock()
		if !drop {
			return c.write(frame{Op: opHeartbeatACK}) == nil
		}
		return true
	case opIdentify:
		return s.identify(c, f.D)
	case opResume:
		return s.resume(c, f.D)
	case opPresenceUpdate, opVoiceState, opRequestMembers:
		s.gwMu.Lock()
		sid := c.sessionIDLocked()
		if sid != "" {
			s.recordGateway(GatewayEvent{Kind: GatewayOp, Conn: c.id, SessionID: sid, Op: f.Op, Payload: f.D})
		}
		s.gwMu.Unlock()
		if sid == "" {
			s.serverClose(c, CloseNotAuthed)
			return false
		}
		return true
	default:
		s.serverClose(c, CloseUnknownOpcode)
		return false
	}
}

func (c *gwConn) sessionIDLocked() string {
	if c.session == nil {
		return ""
	}
	return c.session.id
}

// endConn runs when a connection's read loop ends.
func (s *Server) endConn(c *gwConn) {
	c.drop()
	s.gwMu.Lock()
	defer s.gwMu.Unlock()
	delete(s.conns, c)
	sid := c.sessionIDLocked()
	s.detachLocked(c, false)
	s.recordGateway(GatewayEvent{Kind: GatewayDisconnect, Conn: c.id, SessionID: sid})
}
