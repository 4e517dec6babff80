package discordtest

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

// testIntents are what a question-answering bot asks for.
const testIntents = discordgo.IntentsGuilds | discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages

// timeout returns a context that ends after d or with the test.
func timeout(t *testing.T, d time.Duration) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}

// openSession opens a real discordgo session against srv, after setup has
// added its handlers, waits until srv sees it Connected and closes it in
// cleanup (before srv, which Start registered earlier).
func openSession(t *testing.T, srv *Server, intents discordgo.Intent, setup func(*discordgo.Session)) *discordgo.Session {
	t.Helper()
	s := srv.NewSession(intents)
	if setup != nil {
		setup(s)
	}
	if err := s.Open(); err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	// Let the heartbeat goroutine settle before anything closes the
	// connection (see Connected).
	if err := srv.Connected(timeout(t, 5*time.Second)); err != nil {
		t.Fatal(err)
	}
	return s
}

// recv waits for a value on ch.
func recv[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(5 * time.Second):
		t.Fatalf("timed out waiting for %s", what)
		panic("unreachable")
	}
}

// jsonEqual compares two values by their JSON encoding.
func jsonEqual(a, b any) bool {
	ja, err1 := json.Marshal(a)
	jb, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && string(ja) == string(jb)
}

// dumpGateway logs the gateway events (heartbeats left out) when the test
// failed, to see how a reconnect went.
func dumpGateway(t *testing.T, srv *Server) {
	if !t.Failed() {
		return
	}
	for _, e := range srv.GatewayEvents() {
		if e.Kind != GatewayHeartbeat {
			t.Logf("%s #%d %s conn=%d code=%d session=%.8s", e.Time.Format("15:04:05.000"), e.Seq, e.Kind, e.Conn, e.Code, e.SessionID)
		}
	}
}
