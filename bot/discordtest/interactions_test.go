package discordtest

import (
	"errors"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

// answer is what the test bot's handler does with one interaction.
func answer(s *discordgo.Session, i *discordgo.Interaction) error {
	var resp *discordgo.InteractionResponse
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		d := i.ApplicationCommandData()
		content := d.Name + ": " + d.GetOption("q").StringValue()
		if o := d.GetOption("n"); o != nil {
			content += " n=" + itoaTest(o.IntValue())
		}
		if o := d.GetOption("private"); o != nil && o.BoolValue() {
			content += " private"
		}
		content += " by " + i.Member.User.ID
		resp = &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Content: content}}
	case discordgo.InteractionApplicationCommandAutocomplete:
		var focused string
		for _, o := range i.ApplicationCommandData().Options {
			if o.Focused {
				focused = o.StringValue()
			}
		}
		resp = &discordgo.InteractionResponse{Type: discordgo.InteractionApplicationCommandAutocompleteResult,
			Data: &discordgo.InteractionResponseData{Choices: []*discordgo.ApplicationCommandOptionChoice{{Name: focused + "!", Value: focused}}}}
	case discordgo.InteractionMessageComponent:
		resp = &discordgo.InteractionResponse{Type: discordgo.InteractionResponseUpdateMessage,
			Data: &discordgo.InteractionResponseData{Content: "clicked " + i.MessageComponentData().CustomID}}
	case discordgo.InteractionModalSubmit:
		d := i.ModalSubmitData()
		v := d.Components[0].(*discordgo.ActionsRow).Components[0].(*discordgo.TextInput).Value
		resp = &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Content: d.CustomID + "=" + v, Flags: discordgo.MessageFlagsEphemeral}}
	}
	return s.InteractionRespond(i, resp)
}

func itoaTest(n int64) string { return strconv.FormatInt(n, 10) }

// TestInteractionsReachHandler dispatches each kind of interaction to a real
// session whose handler answers with InteractionRespond, and checks the
// callback the fake recorded.
func TestInteractionsReachHandler(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	errs := make(chan error, 8)
	openSession(t, srv, testIntents, func(s *discordgo.Session) {
		s.AddHandler(func(s *discordgo.Session, i *discordgo.InteractionCreate) { errs <- answer(s, i.Interaction) })
	})

	tests := []struct {
		name     string
		in       *discordgo.Interaction
		wantType float64
		wantData map[string]any // subset of the callback's data
	}{
		{"command", srv.CommandInteraction(Actor{UserID: "42"}, "ask",
			StringOption("q", "what is PMF"), IntOption("n", 3), BoolOption("private", true)),
			4, map[string]any{"content": "ask: what is PMF n=3 private by 42"}},
		{"autocomplete", srv.AutocompleteInteraction(Actor{}, "ask", Focused(StringOption("q", "pm"))),
			8, map[string]any{"choices": []any{map[string]any{"name": "pm!", "value": "pm"}}}},
		{"component", srv.ComponentInteraction(Actor{}, "more:1"),
			7, map[string]any{"content": "clicked more:1"}},
		{"modal submit", srv.ModalSubmitInteraction(Actor{DM: true}, "feedback", ModalField{"text", "great"}),
			4, map[string]any{"content": "feedback=great", "flags": float64(discordgo.MessageFlagsEphemeral)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := srv.DispatchInteraction(tt.in); err != nil {
				t.Fatal(err)
			}
			if err := recv(t, errs, "handler"); err != nil {
				t.Fatalf("InteractionRespond: %v", err)
			}
			req, err := srv.WaitRequest(timeout(t, time.Second),
				Match("POST", "/interactions/"+tt.in.ID+"/"+tt.in.Token+"/callback"))
			if err != nil {
				t.Fatal(err)
			}
			var body struct {
				Type float64        `json:"type"`
				Data map[string]any `json:"data"`
			}
			if err := req.Decode(&body); err != nil {
				t.Fatal(err)
			}
			if req.Status != http.StatusNoContent || body.Type != tt.wantType {
				t.Fatalf("callback status %d type %v, want 204 type %v", req.Status, body.Type, tt.wantType)
			}
			for k, want := range tt.wantData {
				if got := body.Data[k]; !jsonEqual(got, want) {
					t.Errorf("data.%s = %v, want %v", k, got, want)
				}
			}
		})
	}
}

func TestRateLimitedCallbackIsRetried(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	errs := make(chan error, 1)
	openSession(t, srv, testIntents, func(s *discordgo.Session) {
		s.AddHandler(func(s *discordgo.Session, i *discordgo.InteractionCreate) { errs <- answer(s, i.Interaction) })
	})
	const retryAfter = 300 * time.Millisecond
	srv.FailNext(MatchHTTP("POST", "/interactions/*/*/callback"), http.StatusTooManyRequests, retryAfter)

	in := srv.CommandInteraction(Actor{}, "ask", StringOption("q", "x"))
	if err := srv.DispatchInteraction(in); err != nil {
		t.Fatal(err)
	}
	if err := recv(t, errs, "handler"); err != nil {
		t.Fatalf("InteractionRespond after 429: %v", err)
	}
	var calls []Request
	for _, r := range srv.Requests() {
		if Match("POST", "/interactions/*/*/callback")(r) {
			calls = append(calls, r)
		}
	}
	if len(calls) != 2 || calls[0].Status != http.StatusTooManyRequests || calls[1].Status != http.StatusNoContent {
		t.Fatalf("callbacks = %+v, want a 429 then a 204", calls)
	}
	if gap := calls[1].Received.Sub(calls[0].Received); gap < retryAfter {
		t.Errorf("retried after %v, want >= %v", gap, retryAfter)
	}
	if string(calls[0].Body) != string(calls[1].Body) {
		t.Errorf("retry body %s differs from %s", calls[1].Body, calls[0].Body)
	}
	if m, ok := srv.InteractionResponse(in.ID); !ok || m.Content != "ask: x by "+DefaultUserID {
		t.Errorf("original response = %+v", m)
	}
	if srv.PendingFaults() != 0 {
		t.Error("fault not consumed")
	}
}

// TestInteractionProtocol drives the callback and webhook routes with
// discordgo's REST methods (no gateway needed: Dispatch registers the
// interaction even when no session receives it).
func TestInteractionProtocol(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{InteractionDeadline: 200 * time.Millisecond})
	s := srv.NewSession(testIntents)
	msg := func(content string) *discordgo.InteractionResponse {
		return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Content: content}}
	}
	deferred := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}
	newCommand := func() *discordgo.Interaction {
		in := srv.CommandInteraction(Actor{}, "ask", StringOption("q", "x"))
		if err := srv.DispatchInteraction(in); !errors.Is(err, ErrNoSession) {
			t.Fatalf("Dispatch = %v", err)
		}
		return in
	}
	long := make([]byte, 2001)
	for i := range long {
		long[i] = 'a'
	}

	tests := []struct {
		name     string
		run      func(in *discordgo.Interaction) error
		wantCode int // Discord JSON error code, 0 for success
	}{
		{"answer", func(in *discordgo.Interaction) error { return s.InteractionRespond(in, msg("hi")) }, 0},
		{"answer twice", func(in *discordgo.Interaction) error {
			_ = s.InteractionRespond(in, msg("hi"))
			return s.InteractionRespond(in, msg("again"))
		}, CodeAlreadyAcknowledged},
		{"answer too late", func(in *discordgo.Interaction) error {
			time.Sleep(250 * time.Millisecond)
			return s.InteractionRespond(in, msg("late"))
		}, CodeUnknownInteraction},
		{"unknown interaction", func(in *discordgo.Interaction) error {
			return s.InteractionRespond(&discordgo.Interaction{ID: "1", Token: "nope"}, msg("hi"))
		}, CodeUnknownInteraction},
		{"empty message", func(in *discordgo.Interaction) error { return s.InteractionRespond(in, msg("")) }, CodeEmptyMessage},
		{"message over 2000 characters", func(in *discordgo.Interaction) error { return s.InteractionRespond(in, msg(string(long))) }, CodeInvalidFormBody},
		{"autocomplete result to a command", func(in *discordgo.Interaction) error {
			return s.InteractionRespond(in, &discordgo.InteractionResponse{Type: discordgo.InteractionApplicationCommandAutocompleteResult,
				Data: &discordgo.InteractionResponseData{Choices: []*discordgo.ApplicationCommandOptionChoice{}}})
		}, CodeInvalidFormBody},
		{"edit before answering", func(in *discordgo.Interaction) error {
			_, err := s.InteractionResponseEdit(in, &discordgo.WebhookEdit{Content: ptr("x")})
			return err
		}, CodeUnknownMessage},
		{"followup before answering", func(in *discordgo.Interaction) error {
			_, err := s.FollowupMessageCreate(in, true, &discordgo.WebhookParams{Content: "x"})
			return err
		}, CodeUnknownWebhook},
		{"defer then edit then followup", func(in *discordgo.Interaction) error {
			if err := s.InteractionRespond(in, deferred); err != nil {
				return err
			}
			if m, ok := srv.InteractionResponse(in.ID); !ok || m.Flags&discordgo.MessageFlagsLoading == 0 {
				t.Errorf("deferred original = %+v, want loading", m)
			}
			m, err := s.InteractionResponseEdit(in, &discordgo.WebhookEdit{Content: ptr("done")})
			if err != nil {
				return err
			}
			if m.ID == "" || m.Content != "done" || m.Flags&discordgo.MessageFlagsLoading != 0 {
				t.Errorf("edited = %+v", m)
			}
			f, err := s.FollowupMessageCreate(in, true, &discordgo.WebhookParams{Content: "more"})
			if err != nil {
				return err
			}
			if got := srv.Followups(in.ID); len(got) != 1 || got[0].ID != f.ID || got[0].Content != "more" {
				t.Errorf("followups = %+v, want %s", got, f.ID)
			}
			if _, err := s.FollowupMessageEdit(in, f.ID, &discordgo.WebhookEdit{Content: ptr("more!")}); err != nil {
				return err
			}
			if got := srv.Followups(in.ID); got[0].Content != "more!" {
				t.Errorf("edited followup = %q", got[0].Content)
			}
			return s.FollowupMessageDelete(in, f.ID)
		}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := tt.run(newCommand())
			if tt.wantCode == 0 {
				if err != nil {
					t.Fatalf("err = %v", err)
				}
				return
			}
			var re *discordgo.RESTError
			if !errors.As(err, &re) || re.Message == nil || re.Message.Code != tt.wantCode {
				t.Fatalf("err = %v, want Discord error code %d", err, tt.wantCode)
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }
