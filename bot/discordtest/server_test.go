package discordtest

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

func TestRewrite(t *testing.T) {
	t.Parallel()
	tests := []struct {
		base, in, want string
		rewritten      bool
	}{
		{"http://127.0.0.1:8080", "https://discord.com/api/v9/users/@me", "http://127.0.0.1:8080/api/v9/users/@me", true},
		{"http://127.0.0.1:8080/", "https://discord.com/api/v9/gateway", "http://127.0.0.1:8080/api/v9/gateway", true},
		{"http://proxy:9000/discord", "https://discord.com/api/v9/applications/1/commands?with_localizations=true",
			"http://proxy:9000/discord/api/v9/applications/1/commands?with_localizations=true", true},
		{"http://127.0.0.1:8080", "https://DISCORD.COM/api/v10/x", "http://127.0.0.1:8080/api/v10/x", true},
		{"http://127.0.0.1:8080", "https://cdn.discordapp.com/avatars/1/2.png", "https://cdn.discordapp.com/avatars/1/2.png", false},
		{"http://127.0.0.1:8080", "https://status.discord.com/api/v2/x", "https://status.discord.com/api/v2/x", false},
		{"http://127.0.0.1:8080", "https://discord.com/api/v9/channels/1/messages/2/reactions/%F0%9F%91%8D/@me",
			"http://127.0.0.1:8080/api/v9/channels/1/messages/2/reactions/%F0%9F%91%8D/@me", true},
	}
	for _, tt := range tests {
		base, _ := url.Parse(tt.base)
		in, _ := url.Parse(tt.in)
		got, ok := Rewrite(in, base)
		if got.String() != tt.want || ok != tt.rewritten {
			t.Errorf("Rewrite(%s, %s) = %s, %v; want %s, %v", tt.in, tt.base, got, ok, tt.want, tt.rewritten)
		}
		if in.String() != tt.in {
			t.Errorf("Rewrite modified its argument: %s", in)
		}
	}
}

type recordingTransport struct{ got []*http.Request }

func (rt *recordingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	rt.got = append(rt.got, r)
	return &http.Response{StatusCode: 204, Body: http.NoBody, Request: r}, nil
}

func TestRewriteTransportLeavesRequestAlone(t *testing.T) {
	t.Parallel()
	next := &recordingTransport{}
	base, _ := url.Parse("http://127.0.0.1:1")
	c := &http.Client{Transport: RewriteTransport(base, next)}
	req, _ := http.NewRequest("POST", "https://discord.com/api/v9/channels/1/messages", strings.NewReader("{}"))
	if _, err := c.Do(req); err != nil {
		t.Fatal(err)
	}
	if req.URL.Host != "discord.com" || len(next.got) != 1 || next.got[0].URL.String() != "http://127.0.0.1:1/api/v9/channels/1/messages" {
		t.Fatalf("original %s, sent %v", req.URL, next.got)
	}
}

// TestCloseShutsDown checks that Close ends gateway connections with 1001,
// wakes waiters, and leaves no goroutine behind. Not parallel: it counts
// goroutines.
func TestCloseShutsDown(t *testing.T) {
	before := runtime.NumGoroutine()
	srv := New(Options{})

	ws, _, err := websocket.DefaultDialer.Dial(srv.GatewayURL()+"/?v=10&encoding=json", nil)
	if err != nil {
		t.Fatal(err)
	}
	var hello struct {
		Op int `json:"op"`
		D  struct {
			HeartbeatInterval int `json:"heartbeat_interval"`
		} `json:"d"`
	}
	if err := ws.ReadJSON(&hello); err != nil || hello.Op != 10 || hello.D.HeartbeatInterval != 1000 {
		t.Fatalf("HELLO = %+v, %v", hello, err)
	}
	if err := ws.WriteJSON(map[string]any{"op": 2, "d": map[string]any{"token": "Bot " + srv.Token(), "intents": 0}}); err != nil {
		t.Fatal(err)
	}
	var ready struct {
		Op int    `json:"op"`
		S  int    `json:"s"`
		T  string `json:"t"`
	}
	if err := ws.ReadJSON(&ready); err != nil || ready.T != "READY" || ready.S != 1 {
		t.Fatalf("READY = %+v, %v", ready, err)
	}
	resp, err := srv.HTTPClient().Get("https://discord.com/api/v9/gateway")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()

	waitErr := make(chan error, 1)
	go func() {
		_, err := srv.WaitRequest(context.Background(), func(Request) bool { return false })
		waitErr <- err
	}()

	srv.Close()
	srv.Close() // idempotent
	if err := <-waitErr; !errors.Is(err, ErrClosed) {
		t.Errorf("WaitRequest after Close = %v", err)
	}
	_, _, err = ws.ReadMessage()
	var ce *websocket.CloseError
	if !errors.As(err, &ce) || ce.Code != websocket.CloseGoingAway {
		t.Errorf("client read after Close = %v, want close 1001", err)
	}
	ws.Close()
	if err := srv.Dispatch("X", nil); !errors.Is(err, ErrClosed) {
		t.Errorf("Dispatch after Close = %v", err)
	}

	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines after Close, %d before:\n%s", n, before, buf[:runtime.Stack(buf, true)])
	}
}
