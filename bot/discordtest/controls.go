package discordtest

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Dispatch sends a gateway event (op 0, type eventType) to every session,
// each with its next sequence number. data is encoded with Marshal, so
// discordgo values (*discordgo.Interaction, *discordgo.Message, ...) and
// json.RawMessage both work. A session that is disconnected but resumable
// gets the event when it resumes. An INTERACTION_CREATE is also registered
// for its callback and webhook routes, its deadline starting now.
//
// Events a session's intents do not cover are not sent to it (see the
// package doc), nor events of guilds another shard owns (see
// Options.Shards); Dispatch returns ErrFiltered if that left nobody, and
// ErrNoSession if no client has identified. An interaction is registered
// even then, so REST-only tests can Dispatch it, ignore ErrNoSession and
// answer it with a session that was never opened.
func (s *Server) Dispatch(eventType string, data any) error {
	ev, err := s.Prepare(eventType, data)
	if err != nil {
		return err
	}
	return s.Send(ev)
}

// Event is a gateway event encoded ahead of sending, see Prepare.
type Event struct {
	typ string
	raw json.RawMessage
}

// Prepare encodes an event and registers an INTERACTION_CREATE, as
// Dispatch does, without sending it: a benchmark can then time from the
// moment Send puts the event on the wire, as Discord would, leaving out
// the fake's own encoding.
func (s *Server) Prepare(eventType string, data any) (Event, error) {
	raw, err := Marshal(data)
	if err != nil {
		return Event{}, fmt.Errorf("discordtest: encode %s: %w", eventType, err)
	}
	if eventType == "INTERACTION_CREATE" {
		if err := s.registerInteraction(raw); err != nil {
			return Event{}, err
		}
	}
	return Event{typ: eventType, raw: raw}, nil
}

// Send dispatches a prepared event; see Dispatch.
func (s *Server) Send(ev Event) error {
	s.gwMu.Lock()
	defer s.gwMu.Unlock()
	if s.closing {
		return ErrClosed
	}
	if len(s.sessionOrder) == 0 {
		return ErrNoSession
	}
	// Sharded sessions get only their guilds' events (and shard 0 the
	// DMs): the guild is read once, and only when a session is sharded.
	var probe *struct {
		GuildID string `json:"guild_id"`
	}
	sent := 0
	for _, sess := range s.sessionOrder {
		if sh := sess.identify.Shard; sh != nil && sh[1] > 1 {
			if probe == nil {
				probe = &struct {
					GuildID string `json:"guild_id"`
				}{}
				_ = json.Unmarshal(ev.raw, probe)
			}
			if !sess.owns(probe.GuildID) {
				continue
			}
		}
		d, ok := s.filterFor(sess, ev.typ, ev.raw)
		if !ok {
			continue
		}
		s.sendLocked(sess, ev.typ, d)
		sent++
	}
	if sent == 0 {
		return fmt.Errorf("%w: %s", ErrFiltered, ev.typ)
	}
	return nil
}

// DispatchInteraction dispatches INTERACTION_CREATE.
func (s *Server) DispatchInteraction(i *discordgo.Interaction) error {
	return s.Dispatch("INTERACTION_CREATE", i)
}

// DispatchMessage dispatches MESSAGE_CREATE.
func (s *Server) DispatchMessage(m *discordgo.Message) error {
	return s.Dispatch("MESSAGE_CREATE", m)
}

// SendOp sends a raw non-dispatch payload {"op": op, "d": data} on every
// connection that has a session, e.g. SendOp(7, nil) (RECONNECT: discordgo
// closes with 1012 and resumes) or SendOp(9, false) (INVALID_SESSION:
// discordgo identifies again on the same connection and gets a new session).
func (s *Server) SendOp(op int, data any) error {
	if op == opDispatch {
		return fmt.Errorf("discordtest: use Dispatch for op 0")
	}
	raw, err := Marshal(data)
	if err != nil {
		return err
	}
	b, err := json.Marshal(frame{Op: op, D: raw})
	if err != nil {
		return err
	}
	s.gwMu.Lock()
	defer s.gwMu.Unlock()
	if s.closing {
		return ErrClosed
	}
	n := 0
	for _, sess := range s.sessionOrder {
		if sess.conn != nil {
			if err := sess.conn.writeRaw(b); err == nil {
				n++
			}
		}
	}
	if n == 0 {
		return ErrNoSession
	}
	return nil
}

// CloseGateway closes every gateway connection from the server side with
// code (a close frame, then the TCP connection). Sessions stay resumable
// unless code is one Discord ends sessions with (4004, 4007, 4009,
// 4010-4014). discordgo then reconnects after about a second and resumes.
func (s *Server) CloseGateway(code int) {
	s.gwMu.Lock()
	conns := make([]*gwConn, 0, len(s.conns))
	for c := range s.conns {
		conns = append(conns, c)
	}
	s.gwMu.Unlock()
	for _, c := range conns {
		s.serverClose(c, code)
	}
}

// settle is how long Connected waits after the first heartbeat; see
// Connected.
const settle = 20 * time.Millisecond

// Connected waits until some session is connected and ready (READY or
// RESUMED was sent on a connection that is still open) and discordgo's
// heartbeat goroutine for that connection has settled: its first heartbeat
// arrived at least 20 ms ago.
//
// The wait matters. discordgo's heartbeat goroutine sends its first
// heartbeat as soon as Open returns and then takes the session lock; a
// Close (or a gateway drop, which makes discordgo Close) in that moment
// blocks it for Close's one-second sleep, after which it may write to the
// dead connection, fail, and call Close and reconnect again: that second
// Close can kill the freshly resumed connection with code 1000 (ending the
// session) or leave a session reconnecting after the test closed it.
func (s *Server) Connected(ctx context.Context) error {
	for {
		ch := s.changed.wait()
		s.gwMu.Lock()
		found, wait := false, settle
		for _, sess := range s.sessionOrder {
			if c := sess.conn; c != nil && c.beatAt.After(c.readyAt) {
				found, wait = true, min(wait, settle-time.Since(c.beatAt))
			}
		}
		s.gwMu.Unlock()
		switch {
		case found && wait <= 0:
			return nil
		case found:
			t := time.NewTimer(wait)
			select {
			case <-t.C:
			case <-ctx.Done():
				t.Stop()
				return ctx.Err()
			case <-s.done:
				t.Stop()
				return ErrClosed
			}
		default:
			if err := s.sleepOn(ctx, ch); err != nil {
				return err
			}
		}
	}
}

// Identifies returns the IDENTIFY payloads received, oldest first, tokens
// included; Intents is the field to assert on. Presence is left empty (the
// raw payload is in the GatewayIdentify event).
func (s *Server) Identifies() []discordgo.Identify {
	var out []discordgo.Identify
	for _, e := range s.GatewayEvents() {
		if e.Kind != GatewayIdentify {
			continue
		}
		if id, err := decodeIdentify(e.Payload); err == nil {
			out = append(out, id)
		}
	}
	return out
}

// SessionIDs returns the ids of the live (identified, not ended) sessions.
func (s *Server) SessionIDs() []string {
	s.gwMu.Lock()
	defer s.gwMu.Unlock()
	ids := make([]string, len(s.sessionOrder))
	for i, sess := range s.sessionOrder {
		ids[i] = sess.id
	}
	return ids
}

// SetPrivilegedRefused makes later IDENTIFYs asking for a privileged intent
// fail with close 4014 (refuse) or succeed.
func (s *Server) SetPrivilegedRefused(refuse bool) {
	s.gwMu.Lock()
	defer s.gwMu.Unlock()
	s.refusePrivileged = refuse
}

// SetDropHeartbeatAcks stops (or resumes) answering heartbeats. discordgo
// treats a connection without ACK for 5 heartbeat intervals as dead: it
// closes it with 1000 (which ends the session, as on Discord), reconnects,
// is refused the RESUME (op 9) and identifies again.
func (s *Server) SetDropHeartbeatAcks(drop bool) {
	s.gwMu.Lock()
	defer s.gwMu.Unlock()
	s.dropAcks = drop
}
