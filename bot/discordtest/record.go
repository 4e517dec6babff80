package discordtest

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"
)

// Request is one REST request as the fake received and answered it.
type Request struct {
	// Seq numbers requests from 1 in the order the fake handled them.
	Seq int
	// Method is the HTTP method.
	Method string
	// Path is the URL path as received, e.g. /api/v9/interactions/1/tok/callback.
	Path string
	// Endpoint is Path without the /api/vN prefix, e.g.
	// /interactions/1/tok/callback; it equals Path for other paths.
	Endpoint string
	// Query is the parsed query string.
	Query url.Values
	// Header is the request header.
	Header http.Header
	// Body is the raw body.
	Body []byte
	// JSON is the decoded JSON body (map[string]any, []any, ...): the body
	// itself, or the payload_json part of a multipart body; nil when there
	// is none or it is not JSON.
	JSON any
	// Files are the file parts of a multipart body.
	Files []File
	// Received is when the fake handled the request (after half of the
	// configured latency, see SetLatency).
	Received time.Time
	// Status is the HTTP status the fake answered.
	Status int
	// Response is the body the fake answered (nil for 204).
	Response []byte
}

// File is one file part of a multipart request.
type File struct {
	Field, Name, ContentType string
	Data                     []byte
}

// Decode decodes the request's JSON (or payload_json) into v.
func (r Request) Decode(v any) error {
	if r.JSON == nil {
		return errors.New("discordtest: request has no JSON body")
	}
	b, err := json.Marshal(r.JSON)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

// Match returns a predicate for WaitRequest that matches method (any when
// empty) and an endpoint pattern in path.Match syntax, where * stands for one
// path segment: Match("POST", "/interactions/*/*/callback").
func Match(method, pattern string) func(Request) bool {
	return func(r Request) bool {
		return matchEndpoint(method, pattern, r.Method, r.Endpoint)
	}
}

// MatchHTTP is Match for FailNext: it matches an *http.Request.
func MatchHTTP(method, pattern string) func(*http.Request) bool {
	return func(r *http.Request) bool {
		return matchEndpoint(method, pattern, r.Method, endpointOf(r.URL.Path))
	}
}

func matchEndpoint(method, pattern, gotMethod, endpoint string) bool {
	if method != "" && !strings.EqualFold(method, gotMethod) {
		return false
	}
	ok, err := path.Match(pattern, endpoint)
	return err == nil && ok
}

// endpointOf strips /api/v9 or /api/v10 from p.
func endpointOf(p string) string {
	if ver, rest, ok := splitAPIPath(p); ok && ver != "" {
		return rest
	}
	return p
}

// Requests returns every REST request so far, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Forget drops the requests recorded so far, the interactions they
// answered and the gateway's replay history, so that a long run (a soak
// test of 100k interactions) measures the bot's memory, not the fake's,
// and its waits stay short. Call it only when no WaitRequest is pending
// and no client is resuming; Seq keeps counting.
func (s *Server) Forget() {
	s.mu.Lock()
	s.forgotten += len(s.requests)
	s.requests = nil
	s.interactions = map[string]*interactionState{}
	s.byToken = map[string]*interactionState{}
	s.mu.Unlock()

	s.gwMu.Lock()
	defer s.gwMu.Unlock()
	for _, sess := range s.sessions {
		sess.history = nil
	}
}

// WaitRequest returns the first request, past or future, for which match
// returns true (every request when match is nil). It fails when ctx ends or
// the server closes. To wait for a later one, match on Seq or Received.
func (s *Server) WaitRequest(ctx context.Context, match func(Request) bool) (Request, error) {
	found, err := s.WaitRequests(ctx, 1, match)
	if err != nil {
		return Request{}, err
	}
	return found[0], nil
}

// WaitRequests returns the first n requests, past or future, for which
// match returns true, oldest first. Unlike n calls of WaitRequest, it reads
// each request once: a benchmark waiting for hundreds of answers does not
// scan the whole record for each, holding the lock the fake's own handlers
// need.
func (s *Server) WaitRequests(ctx context.Context, n int, match func(Request) bool) ([]Request, error) {
	var found []Request
	next := 0
	for {
		ch := s.changed.wait()
		s.mu.Lock()
		for ; next < len(s.requests) && len(found) < n; next++ {
			if match == nil || match(s.requests[next]) {
				found = append(found, s.requests[next])
			}
		}
		s.mu.Unlock()
		if len(found) == n {
			return found, nil
		}
		if err := s.sleepOn(ctx, ch); err != nil {
			return found, err
		}
	}
}

// sleepOn waits for ch, ctx or the server's end.
func (s *Server) sleepOn(ctx context.Context, ch <-chan struct{}) error {
	select {
	case <-ch:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	case <-s.done:
		return ErrClosed
	}
}

// GatewayEventKind says what happened on the gateway.
type GatewayEventKind string

// Gateway event kinds.
const (
	GatewayConnect        GatewayEventKind = "connect"         // websocket accepted, HELLO sent
	GatewayIdentify       GatewayEventKind = "identify"        // IDENTIFY received (Payload)
	GatewayReady          GatewayEventKind = "ready"           // READY sent
	GatewayResume         GatewayEventKind = "resume"          // RESUME received (Payload)
	GatewayResumed        GatewayEventKind = "resumed"         // missed events replayed, RESUMED sent
	GatewayInvalidSession GatewayEventKind = "invalid_session" // op 9 sent in answer to RESUME
	GatewayHeartbeat      GatewayEventKind = "heartbeat"       // op 1 received
	GatewayOp             GatewayEventKind = "op"              // another op received (Op, Payload)
	GatewayClientClose    GatewayEventKind = "client_close"    // client sent a close frame (Code)
	GatewayServerClose    GatewayEventKind = "server_close"    // the fake closed the connection (Code)
	GatewayDisconnect     GatewayEventKind = "disconnect"      // connection gone
)

// GatewayEvent is one thing that happened on the gateway.
type GatewayEvent struct {
	// Seq numbers gateway events from 1.
	Seq  int
	Kind GatewayEventKind
	// Conn numbers websocket connections from 1.
	Conn int
	// SessionID is the gateway session concerned, when there is one.
	SessionID string
	// Op is the opcode received (GatewayOp).
	Op int
	// Code is the close code (GatewayClientClose, GatewayServerClose).
	Code int
	// Payload is the "d" of IDENTIFY, RESUME or another op received.
	Payload json.RawMessage
	Time    time.Time
}

// GatewayEvents returns every gateway event so far, oldest first.
func (s *Server) GatewayEvents() []GatewayEvent {
	s.gwMu.Lock()
	defer s.gwMu.Unlock()
	return append([]GatewayEvent(nil), s.gwEvents...)
}

// WaitGateway returns the first gateway event, past or future, for which
// match returns true. It fails when ctx ends or the server closes.
func (s *Server) WaitGateway(ctx context.Context, match func(GatewayEvent) bool) (GatewayEvent, error) {
	next := 0
	for {
		ch := s.changed.wait()
		s.gwMu.Lock()
		for ; next < len(s.gwEvents); next++ {
			if match == nil || match(s.gwEvents[next]) {
				e := s.gwEvents[next]
				s.gwMu.Unlock()
				return e, nil
			}
		}
		s.gwMu.Unlock()
		if err := s.sleepOn(ctx, ch); err != nil {
			return GatewayEvent{}, err
		}
	}
}

// Kind returns a WaitGateway predicate matching kind.
func Kind(kind GatewayEventKind) func(GatewayEvent) bool {
	return func(e GatewayEvent) bool { return e.Kind == kind }
}

// recordGateway appends a gateway event; gwMu must be held.
func (s *Server) recordGateway(e GatewayEvent) {
	e.Seq = len(s.gwEvents) + 1
	e.Time = time.Now()
	s.gwEvents = append(s.gwEvents, e)
	s.changed.fire()
}
