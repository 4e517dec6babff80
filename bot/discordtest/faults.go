package discordtest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"net/http"
	"strconv"
	"time"
)

// fault is one pending FailNext.
type fault struct {
	match      func(*http.Request) bool
	status     int
	retryAfter time.Duration
}

// FailNext makes the next REST request for which match returns true (any
// request when match is nil) fail with status, once. Calls queue up: each
// request consumes the first pending fault it matches. MatchHTTP builds
// match from a method and an endpoint pattern; match runs on the fake's
// goroutine with the body readable.
//
// Status 429 answers as Discord does for a per-route limit: the body
// {"message": "You are being rate limited.", "retry_after": <seconds>,
// "global": false} (discordgo sleeps retry_after, then retries) and the
// headers Retry-After (whole seconds, rounded up), X-RateLimit-Limit,
// X-RateLimit-Remaining: 0, X-RateLimit-Reset, X-RateLimit-Reset-After
// (seconds, 3 decimals), X-RateLimit-Bucket and X-RateLimit-Scope: user.
// X-RateLimit-Global is never sent: discordgo would take any value as a
// global limit. Other statuses answer {"message": "<status>: <text>",
// "code": 0} and a Retry-After header when retryAfter > 0 (discordgo retries
// 502 up to MaxRestRetries times and returns other errors).
func (s *Server) FailNext(match func(*http.Request) bool, status int, retryAfter time.Duration) {
	if match == nil {
		match = func(*http.Request) bool { return true }
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, &fault{match: match, status: status, retryAfter: retryAfter})
}

// PendingFaults is the number of FailNext faults not consumed yet.
func (s *Server) PendingFaults() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.faults)
}

// SetLatency delays every REST answer by d, simulating the network round
// trip (Discord is ~80 ms away from most hosts): half before the fake
// handles the request (so Received and interaction deadlines see it late),
// half before the answer is written. The gateway is not delayed.
func (s *Server) SetLatency(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.latency = d
}

func (s *Server) getLatency() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.latency
}

// takeFault returns the first pending fault matching r and removes it.
// match is called without the lock held, each time with a fresh body.
func (s *Server) takeFault(r *http.Request, body []byte) (*fault, bool) {
	for {
		s.mu.Lock()
		pending := append([]*fault(nil), s.faults...)
		s.mu.Unlock()
		var hit *fault
		for _, f := range pending {
			r.Body = io.NopCloser(bytes.NewReader(body))
			if f.match(r) {
				hit = f
				break
			}
		}
		if hit == nil {
			return nil, false
		}
		s.mu.Lock()
		for i, f := range s.faults {
			if f == hit {
				s.faults = append(s.faults[:i:i], s.faults[i+1:]...)
				s.mu.Unlock()
				return hit, true
			}
		}
		s.mu.Unlock()
		// Another request took it meanwhile: look again.
	}
}

func (f fault) reply() reply {
	if f.status != http.StatusTooManyRequests {
		rep := httpError(f.status)
		if f.retryAfter > 0 {
			rep.header = http.Header{"Retry-After": {strconv.Itoa(int(math.Ceil(f.retryAfter.Seconds())))}}
		}
		return rep
	}
	secs := f.retryAfter.Seconds()
	h := http.Header{}
	h.Set("Retry-After", strconv.Itoa(int(math.Ceil(secs))))
	h.Set("X-RateLimit-Limit", "5")
	h.Set("X-RateLimit-Remaining", "0")
	h.Set("X-RateLimit-Reset", fmt.Sprintf("%.3f", float64(time.Now().Add(f.retryAfter).UnixMilli())/1000))
	h.Set("X-RateLimit-Reset-After", fmt.Sprintf("%.3f", secs))
	h.Set("X-RateLimit-Bucket", "discordtest-fault")
	h.Set("X-RateLimit-Scope", "user")
	return reply{status: http.StatusTooManyRequests, header: h, body: map[string]any{
		"message":     "You are being rate limited.",
		"retry_after": math.Round(secs*1000) / 1000,
		"global":      false,
	}}
}

// pause waits d, or less if the request is cancelled or the server closes;
// false means the client is gone.
func (s *Server) pause(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-s.done:
		return true
	case <-ctx.Done():
		return false
	}
}
