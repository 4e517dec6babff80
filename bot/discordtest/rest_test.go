package discordtest

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

func TestRESTRoutes(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	client := srv.HTTPClient()
	bot := srv.BotUser().ID

	tests := []struct {
		name       string
		method     string
		path       string // after https://discord.com
		auth       string // "good", "bad" or "" (none)
		body       string
		wantStatus int
		wantCode   int // JSON "code" of an error answer
		check      func(t *testing.T, body map[string]any)
	}{
		{"gateway needs no token", "GET", "/api/v9/gateway", "", "", 200, 0, func(t *testing.T, b map[string]any) {
			if b["url"] != srv.GatewayURL() {
				t.Errorf("url = %v", b["url"])
			}
		}},
		{"gateway/bot on v10", "GET", "/api/v10/gateway/bot", "good", "", 200, 0, func(t *testing.T, b map[string]any) {
			if b["shards"] != float64(1) {
				t.Errorf("shards = %v", b["shards"])
			}
		}},
		{"wrong token", "GET", "/api/v9/gateway/bot", "bad", "", 401, 0, nil},
		{"no token", "GET", "/api/v9/users/@me", "", "", 401, 0, nil},
		{"users/@me", "GET", "/api/v9/users/@me", "good", "", 200, 0, func(t *testing.T, b map[string]any) {
			if b["id"] != bot || b["bot"] != true {
				t.Errorf("user = %v", b)
			}
		}},
		{"unknown route", "GET", "/api/v9/guilds/1/members", "good", "", 404, 0, func(t *testing.T, b map[string]any) {
			if b["message"] != "404: Not Found" {
				t.Errorf("message = %v", b["message"])
			}
		}},
		{"unsupported API version", "GET", "/api/v8/users/@me", "good", "", 404, 0, nil},
		{"channel message", "POST", "/api/v9/channels/" + DefaultChannelID + "/messages", "good", `{"content":"hi"}`, 200, 0, func(t *testing.T, b map[string]any) {
			author, _ := b["author"].(map[string]any)
			if b["id"] == "" || b["content"] != "hi" || author["id"] != bot || b["guild_id"] != DefaultGuildID {
				t.Errorf("message = %v", b)
			}
		}},
		{"empty channel message", "POST", "/api/v9/channels/5/messages", "good", `{"content":""}`, 400, CodeEmptyMessage, nil},
		{"typing", "POST", "/api/v9/channels/5/typing", "good", "", 204, 0, nil},
		{"another application's commands", "PUT", "/api/v9/applications/999/commands", "good", `[]`, 403, CodeMissingAccess, nil},
		{"webhook with unknown token", "POST", "/api/v9/webhooks/" + srv.AppID() + "/nope", "", `{"content":"x"}`, 401, CodeInvalidWebhookToken, nil},
		{"callback of unknown interaction", "POST", "/api/v9/interactions/1/nope/callback", "", `{"type":4,"data":{"content":"x"}}`, 404, CodeUnknownInteraction, nil},
	}
	for i, tt := range tests {
		var body io.Reader
		if tt.body != "" {
			body = strings.NewReader(tt.body)
		}
		req, _ := http.NewRequest(tt.method, "https://discord.com"+tt.path, body)
		switch tt.auth {
		case "good":
			req.Header.Set("Authorization", "Bot "+srv.Token())
		case "bad":
			req.Header.Set("Authorization", "Bot wrong")
		}
		if tt.body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		raw, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.wantStatus {
			t.Errorf("%s: status %d (%s), want %d", tt.name, resp.StatusCode, raw, tt.wantStatus)
			continue
		}
		var b map[string]any
		if len(raw) > 0 {
			if err := json.Unmarshal(raw, &b); err != nil {
				t.Errorf("%s: body %q is not a JSON object", tt.name, raw)
				continue
			}
			if resp.Header.Get("Content-Type") != "application/json" || resp.Header.Get("X-RateLimit-Remaining") == "" {
				t.Errorf("%s: headers %v", tt.name, resp.Header)
			}
		}
		if resp.StatusCode >= 400 {
			if code, _ := b["code"].(float64); int(code) != tt.wantCode || b["message"] == nil {
				t.Errorf("%s: error body %s, want code %d", tt.name, raw, tt.wantCode)
			}
		}
		if tt.check != nil {
			tt.check(t, b)
		}
		// Every request is recorded, in order, with the answer.
		recs := srv.Requests()
		if len(recs) != i+1 {
			t.Fatalf("%s: %d requests recorded, want %d", tt.name, len(recs), i+1)
		}
		if r := recs[i]; r.Seq != i+1 || r.Method != tt.method || r.Path != tt.path || r.Status != tt.wantStatus || string(r.Body) != tt.body {
			t.Errorf("%s: recorded %+v", tt.name, r)
		}
	}
}

func TestFailNext(t *testing.T) {
	t.Parallel()
	users := MatchHTTP("GET", "/users/*")
	tests := []struct {
		name       string
		status     int
		retryAfter time.Duration
		noRetry    bool // ShouldRetryOnRateLimit = false
		wantCalls  int
		check      func(t *testing.T, err error)
	}{
		{"429 is retried after retry_after", 429, 150 * time.Millisecond, false, 2, func(t *testing.T, err error) {
			if err != nil {
				t.Fatalf("User: %v", err)
			}
		}},
		{"429 without retry gives RateLimitError", 429, 250 * time.Millisecond, true, 1, func(t *testing.T, err error) {
			var rl *discordgo.RateLimitError
			if !errors.As(err, &rl) || rl.RetryAfter != 250*time.Millisecond || rl.Message != "You are being rate limited." {
				t.Fatalf("err = %v, want RateLimitError retry 250ms", err)
			}
		}},
		{"502 is retried", 502, 0, false, 2, func(t *testing.T, err error) {
			if err != nil {
				t.Fatalf("User: %v", err)
			}
		}},
		{"500 is an error", 500, 0, false, 1, func(t *testing.T, err error) {
			var re *discordgo.RESTError
			if !errors.As(err, &re) || re.Response.StatusCode != 500 {
				t.Fatalf("err = %v, want RESTError 500", err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := Start(t, Options{})
			srv.FailNext(MatchHTTP("POST", "/channels/*/messages"), 500, 0) // never matched
			srv.FailNext(users, tt.status, tt.retryAfter)
			s := srv.NewSession(testIntents)
			s.ShouldRetryOnRateLimit = !tt.noRetry
			start := time.Now()
			_, err := s.User("@me")
			tt.check(t, err)
			if reqs := srv.Requests(); len(reqs) != tt.wantCalls || reqs[0].Status != tt.status {
				t.Fatalf("requests = %+v, want %d starting with %d", reqs, tt.wantCalls, tt.status)
			}
			if tt.wantCalls == 2 && time.Since(start) < tt.retryAfter {
				t.Errorf("retried after %v, want >= %v", time.Since(start), tt.retryAfter)
			}
			if srv.PendingFaults() != 1 {
				t.Errorf("pending faults = %d, want the unmatched one", srv.PendingFaults())
			}
		})
	}
}

func TestRateLimitAnswer(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	srv.FailNext(nil, 429, 1250*time.Millisecond)
	resp, err := srv.HTTPClient().Get("https://discord.com/api/v9/gateway")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	wantHeaders := map[string]string{
		"Retry-After":             "2",
		"X-RateLimit-Remaining":   "0",
		"X-RateLimit-Reset-After": "1.250",
		"X-RateLimit-Scope":       "user",
		"X-RateLimit-Global":      "",
	}
	for k, v := range wantHeaders {
		if got := resp.Header.Get(k); got != v {
			t.Errorf("%s = %q, want %q", k, got, v)
		}
	}
	if resp.StatusCode != 429 || body["retry_after"] != 1.25 || body["global"] != false || body["message"] == nil {
		t.Errorf("status %d body %v", resp.StatusCode, body)
	}
}

func TestLatency(t *testing.T) {
	t.Parallel()
	for _, latency := range []time.Duration{0, 80 * time.Millisecond} {
		t.Run(latency.String(), func(t *testing.T) {
			t.Parallel()
			srv := Start(t, Options{})
			srv.SetLatency(latency)
			s := srv.NewSession(testIntents)
			start := time.Now()
			if _, err := s.User("@me"); err != nil {
				t.Fatal(err)
			}
			took := time.Since(start)
			if took < latency {
				t.Errorf("answer after %v, want >= %v", took, latency)
			}
			if latency == 0 && took > 2*time.Second {
				t.Errorf("answer after %v without latency", took)
			}
			if got := srv.Requests()[0].Received.Sub(start); got < latency/2 {
				t.Errorf("received after %v, want >= %v", got, latency/2)
			}
		})
	}
}

func TestApplicationCommandBulkOverwrite(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	s := srv.NewSession(testIntents)
	app := srv.AppID()
	cmds := []*discordgo.ApplicationCommand{
		{Name: "ask", Description: "Ask a question", Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionString, Name: "q", Description: "question", Required: true, Autocomplete: true},
		}},
		{Name: "提问", Description: "用中文提问"},
	}

	tests := []struct {
		name    string
		guildID string
		cmds    []*discordgo.ApplicationCommand
		wantErr int // Discord JSON error code
	}{
		{"global", "", cmds, 0},
		{"global again keeps ids", "", cmds[:1], 0},
		{"guild", DefaultGuildID, cmds[1:], 0},
		{"missing description", "", []*discordgo.ApplicationCommand{{Name: "ask"}}, CodeInvalidFormBody},
		{"upper-case name", "", []*discordgo.ApplicationCommand{{Name: "Ask", Description: "x"}}, CodeInvalidFormBody},
	}
	ids := map[string]string{}
	for _, tt := range tests {
		got, err := s.ApplicationCommandBulkOverwrite(app, tt.guildID, tt.cmds)
		if tt.wantErr != 0 {
			var re *discordgo.RESTError
			if !errors.As(err, &re) || re.Message == nil || re.Message.Code != tt.wantErr {
				t.Errorf("%s: err = %v, want code %d", tt.name, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if len(got) != len(tt.cmds) {
			t.Fatalf("%s: %d commands back, want %d", tt.name, len(got), len(tt.cmds))
		}
		for i, c := range got {
			if c.ID == "" || c.ApplicationID != app || c.GuildID != tt.guildID || c.Name != tt.cmds[i].Name || c.Type != discordgo.ChatApplicationCommand {
				t.Errorf("%s: command %+v", tt.name, c)
			}
			if old, seen := ids[tt.guildID+"/"+c.Name]; seen && old != c.ID {
				t.Errorf("%s: %s changed id %s -> %s", tt.name, c.Name, old, c.ID)
			}
			ids[tt.guildID+"/"+c.Name] = c.ID
		}
		listed, err := s.ApplicationCommands(app, tt.guildID)
		if err != nil {
			t.Fatal(err)
		}
		if !jsonEqual(listed, got) || !jsonEqual(srv.Commands(tt.guildID), got) {
			t.Errorf("%s: GET returned %v, want %v", tt.name, listed, got)
		}
	}
	// A failed overwrite left the last good one in place.
	if got := srv.Commands(""); len(got) != 1 || got[0].Name != "ask" || !got[0].Options[0].Autocomplete {
		t.Errorf("global commands = %+v", got)
	}
	// Interactions for a registered command carry its id.
	if in := srv.CommandInteraction(Actor{}, "ask"); in.ApplicationCommandData().ID != ids["/ask"] {
		t.Errorf("interaction command id %s, want %s", in.ApplicationCommandData().ID, ids["/ask"])
	}
}

func TestMultipartRecorded(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	s := srv.NewSession(testIntents)
	m, err := s.ChannelMessageSendComplex(DefaultChannelID, &discordgo.MessageSend{
		Content: "report",
		Files:   []*discordgo.File{{Name: "a.txt", ContentType: "text/plain", Reader: strings.NewReader("hello")}},
	})
	if err != nil {
		t.Fatal(err)
	}
	r, err := srv.WaitRequest(timeout(t, time.Second), Match("POST", "/channels/*/messages"))
	if err != nil {
		t.Fatal(err)
	}
	if m.Content != "report" || len(r.Files) != 1 || r.Files[0].Name != "a.txt" || string(r.Files[0].Data) != "hello" {
		t.Fatalf("message %+v, files %+v", m, r.Files)
	}
	if obj, _ := r.JSON.(map[string]any); obj["content"] != "report" {
		t.Errorf("payload_json = %v", r.JSON)
	}
}

// WaitRequests returns the first n matches in order, waiting for those not
// sent yet, and what it found when ctx ends first.
func TestWaitRequests(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	s := srv.NewSession(testIntents)
	send := func(text string) {
		if _, err := s.ChannelMessageSend(DefaultChannelID, text); err != nil {
			t.Error(err)
		}
	}
	send("one")
	done := make(chan []Request, 1)
	go func() {
		rs, err := srv.WaitRequests(timeout(t, 5*time.Second), 3, Match("POST", "/channels/*/messages"))
		if err != nil {
			t.Error(err)
		}
		done <- rs
	}()
	// Give the waiter time to read the first request and sleep, so that
	// the next ones wake it.
	time.Sleep(50 * time.Millisecond)
	select {
	case rs := <-done:
		t.Fatalf("WaitRequests returned %d requests before the rest were sent", len(rs))
	default:
	}
	send("two")
	send("three")
	send("four")
	rs := <-done
	var got []string
	for _, r := range rs {
		got = append(got, r.JSON.(map[string]any)["content"].(string))
	}
	if strings.Join(got, " ") != "one two three" {
		t.Errorf("WaitRequests gave %q, want one two three", got)
	}
	rs, err := srv.WaitRequests(timeout(t, 50*time.Millisecond), 10, Match("POST", "/channels/*/messages"))
	if err == nil || len(rs) != 4 {
		t.Errorf("WaitRequests(10) of 4 = %d requests, err %v; want 4 and an error", len(rs), err)
	}
}
