package discordtest

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Gateway sessions: IDENTIFY, RESUME, dispatch with sequence numbers, and
// what happens to a session when its connection closes. All functions
// named *Locked, and those documented so, run with gwMu held.

// privilegedIntents are the intents an application must enable in the
// developer portal.
const privilegedIntents = discordgo.IntentsGuildMembers | discordgo.IntentsGuildPresences | discordgo.IntentsMessageContent

// decodeIdentify reads an IDENTIFY payload. discordgo.Identify cannot
// decode what discordgo sends (presence.game.created_at is marshalled as
// a time string but unmarshalled as an integer), so Presence is skipped.
func decodeIdentify(d json.RawMessage) (discordgo.Identify, error) {
	var in struct {
		Token          string                       `json:"token"`
		Properties     discordgo.IdentifyProperties `json:"properties"`
		Compress       bool                         `json:"compress"`
		LargeThreshold int                          `json:"large_threshold"`
		Shard          *[2]int                      `json:"shard"`
		Intents        *discordgo.Intent            `json:"intents"`
	}
	if err := json.Unmarshal(d, &in); err != nil {
		return discordgo.Identify{}, err
	}
	if in.Intents == nil {
		return discordgo.Identify{}, errors.New("no intents")
	}
	return discordgo.Identify{
		Token: in.Token, Properties: in.Properties, Compress: in.Compress,
		LargeThreshold: in.LargeThreshold, Shard: in.Shard, Intents: *in.Intents,
	}, nil
}

func (s *Server) identify(c *gwConn, d json.RawMessage) bool {
	id, err := decodeIdentify(d)
	if err != nil {
		s.serverClose(c, CloseDecodeError)
		return false
	}
	s.gwMu.Lock()
	s.recordGateway(GatewayEvent{Kind: GatewayIdentify, Conn: c.id, Payload: d})
	refuse := s.refusePrivileged
	s.gwMu.Unlock()

	switch {
	case id.Token != "Bot "+s.Token():
		s.serverClose(c, CloseAuthFailed)
		return false
	case id.Shard != nil && (id.Shard[1] < 1 || id.Shard[0] < 0 || id.Shard[0] >= id.Shard[1]):
		s.serverClose(c, CloseInvalidShard)
		return false
	case s.shards > 1 && (id.Shard == nil || id.Shard[1] < s.shards):
		s.serverClose(c, CloseShardingRequired)
		return false
	case refuse && id.Intents&privilegedIntents != 0:
		s.serverClose(c, CloseDisallowed)
		return false
	}

	s.gwMu.Lock()
	defer s.gwMu.Unlock()
	if old := c.session; old != nil {
		// A second IDENTIFY on one connection follows an INVALID_SESSION
		// (see SendOp); the new session replaces the old one.
		s.removeSessionLocked(old)
	}
	sess := &gwSession{id: randomHex(16), intents: id.Intents, identify: id, conn: c}
	s.sessions[sess.id] = sess
	s.sessionOrder = append(s.sessionOrder, sess)
	c.session = sess

	guilds := []map[string]any{}
	for _, g := range s.guilds {
		if sess.owns(g) {
			guilds = append(guilds, map[string]any{"id": g, "unavailable": true})
		}
	}
	ready := map[string]any{
		"v":                  9,
		"user":               s.botUserJSON(),
		"guilds":             guilds,
		"session_id":         sess.id,
		"session_type":       "normal",
		"resume_gateway_url": s.GatewayURL(),
		"application":        map[string]any{"id": s.appID, "flags": 0},
		"private_channels":   []any{},
		"_trace":             []string{"discordtest-gateway"},
	}
	if id.Shard != nil {
		ready["shard"] = id.Shard
	}
	sess.seq = 1
	if err := c.write(frame{Op: opDispatch, D: ready, S: seqPtr(1), T: strPtr("READY")}); err != nil {
		return false
	}
	c.readyAt = time.Now()
	s.recordGateway(GatewayEvent{Kind: GatewayReady, Conn: c.id, SessionID: sess.id})
	if id.Intents&discordgo.IntentsGuilds != 0 {
		for _, g := range s.guilds {
			if !sess.owns(g) {
				continue
			}
			raw, _ := json.Marshal(s.guildJSON(g))
			s.sendLocked(sess, "GUILD_CREATE", raw)
		}
	}
	return true
}

type resumeData struct {
	Token     string `json:"token"`
	SessionID string `json:"session_id"`
	Seq       int64  `json:"seq"`
}

func (s *Server) resume(c *gwConn, d json.RawMessage) bool {
	var rd resumeData
	if err := json.Unmarshal(d, &rd); err != nil {
		s.serverClose(c, CloseDecodeError)
		return false
	}
	s.gwMu.Lock()
	s.recordGateway(GatewayEvent{Kind: GatewayResume, Conn: c.id, SessionID: rd.SessionID, Payload: d})
	s.gwMu.Unlock()
	if rd.Token != "Bot "+s.Token() {
		s.serverClose(c, CloseAuthFailed)
		return false
	}

	s.gwMu.Lock()
	sess := s.sessions[rd.SessionID]
	if sess == nil {
		s.recordGateway(GatewayEvent{Kind: GatewayInvalidSession, Conn: c.id, SessionID: rd.SessionID})
		s.gwMu.Unlock()
		// Discord answers op 9 (not resumable); the client identifies anew.
		return c.write(frame{Op: opInvalidSession, D: false}) == nil
	}
	if rd.Seq > sess.seq || rd.Seq < 0 {
		s.removeSessionLocked(sess)
		s.gwMu.Unlock()
		s.serverClose(c, CloseInvalidSeq)
		return false
	}
	old := sess.conn
	sess.conn = c
	c.session = sess
	defer s.gwMu.Unlock()
	if old != nil && old != c {
		// A half-dead connection still holds the session: drop it, as
		// Discord does when a session resumes elsewhere.
		old.session = nil
		old.closeWith(CloseUnknownError, "session resumed elsewhere")
	}
	for _, e := range sess.history {
		if e.seq > rd.Seq {
			if err := c.writeRaw(e.raw); err != nil {
				return false
			}
		}
	}
	sess.seq++
	resumed := frame{Op: opDispatch, D: map[string]any{"_trace": []string{"discordtest-gateway"}}, S: seqPtr(sess.seq), T: strPtr("RESUMED")}
	if err := c.write(resumed); err != nil {
		return false
	}
	c.readyAt = time.Now()
	s.recordGateway(GatewayEvent{Kind: GatewayResumed, Conn: c.id, SessionID: sess.id})
	return true
}

// sendLocked assigns the next sequence number to a dispatch, keeps it for
// replay and writes it if the session is connected. gwMu must be held.
func (s *Server) sendLocked(sess *gwSession, t string, d json.RawMessage) {
	sess.seq++
	// Built by hand: json.Marshal would validate and compact d again,
	// which it already is, on every event of a burst.
	b := make([]byte, 0, len(d)+len(t)+48)
	b = fmt.Appendf(b, `{"op":%d,"d":`, opDispatch)
	b = append(b, d...)
	b = fmt.Appendf(b, `,"s":%d,"t":`, sess.seq)
	b, _ = appendJSON(b, t)
	b = append(b, '}')
	sess.history = append(sess.history, sentEvent{seq: sess.seq, raw: b})
	if len(sess.history) > maxHistory {
		sess.history = sess.history[len(sess.history)-maxHistory:]
	}
	if sess.conn != nil {
		// A failed write means the connection is going; the client resumes
		// and gets the event from history.
		_ = sess.conn.writeRaw(b)
	}
}

// serverClose closes c with code and forgets or keeps its session.
func (s *Server) serverClose(c *gwConn, code int) {
	if !c.closeWith(code, closeReasons[code]) {
		return
	}
	s.gwMu.Lock()
	defer s.gwMu.Unlock()
	s.recordGateway(GatewayEvent{Kind: GatewayServerClose, Conn: c.id, SessionID: c.sessionIDLocked(), Code: code})
	s.detachLocked(c, !resumable(code))
}

// clientClosed handles a close frame from the client. As on Discord, 1000
// and 1001 end the session (a later RESUME gets INVALID_SESSION), unless
// the fake had closed first: then the client's frame only answers the
// server's, whose code decided the session's fate.
func (s *Server) clientClosed(c *gwConn, code int) {
	c.wmu.Lock()
	answered := c.closed
	c.wmu.Unlock()
	s.gwMu.Lock()
	defer s.gwMu.Unlock()
	s.recordGateway(GatewayEvent{Kind: GatewayClientClose, Conn: c.id, SessionID: c.sessionIDLocked(), Code: code})
	s.detachLocked(c, !answered && (code == websocketNormal || code == websocketGoingAway))
}

// detachLocked unhooks c from its session, removing the session if end.
func (s *Server) detachLocked(c *gwConn, end bool) {
	sess := c.session
	if sess == nil {
		return
	}
	if sess.conn == c {
		sess.conn = nil
	}
	if end {
		s.removeSessionLocked(sess)
	}
	s.changed.fire()
}

func (s *Server) removeSessionLocked(sess *gwSession) {
	if s.sessions[sess.id] != sess {
		return
	}
	delete(s.sessions, sess.id)
	for i, x := range s.sessionOrder {
		if x == sess {
			s.sessionOrder = append(s.sessionOrder[:i:i], s.sessionOrder[i+1:]...)
			break
		}
	}
	if sess.conn != nil {
		sess.conn.session = nil
		sess.conn = nil
	}
}

func (s *Server) botUserJSON() map[string]any {
	return map[string]any{
		"id":            s.botID,
		"username":      s.botName,
		"discriminator": "0",
		"global_name":   nil,
		"avatar":        nil,
		"bot":           true,
		"verified":      true,
		"mfa_enabled":   false,
		"flags":         0,
	}
}

func (s *Server) guildJSON(id string) map[string]any {
	channels := []any{}
	if id == DefaultGuildID {
		channels = append(channels, map[string]any{"id": DefaultChannelID, "type": 0, "name": "general", "guild_id": id, "position": 0})
	}
	return map[string]any{
		"id":           id,
		"name":         "Guild " + id,
		"owner_id":     DefaultUserID,
		"unavailable":  false,
		"joined_at":    time.Now().UTC().Format(time.RFC3339Nano),
		"member_count": 2,
		"large":        false,
		"roles":        []any{map[string]any{"id": id, "name": "@everyone", "permissions": "0", "position": 0}},
		"channels":     channels,
		"members":      []any{},
		"threads":      []any{},
		"emojis":       []any{},
		"stickers":     []any{},
		"voice_states": []any{},
		"presences":    []any{},
	}
}

// appendJSON appends v encoded as JSON.
func appendJSON(b []byte, v any) ([]byte, error) {
	enc, err := json.Marshal(v)
	return append(b, enc...), err
}

// owns reports whether the session gets the events of a guild: any
// session without a shard array does; shard [i, n] those of the guilds
// whose (id >> 22) % n is i, and shard 0 the DMs (guild "").
func (sess *gwSession) owns(guildID string) bool {
	sh := sess.identify.Shard
	if sh == nil || sh[1] <= 1 {
		return true
	}
	if guildID == "" {
		return sh[0] == 0
	}
	id, err := strconv.ParseUint(guildID, 10, 64)
	if err != nil {
		return sh[0] == 0
	}
	return int((id>>22)%uint64(sh[1])) == sh[0]
}
