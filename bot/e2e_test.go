package bot

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/startupqa/startupqa/bot/discordtest"
)

var member = discordtest.Actor{} // the fake's default guild member

// TestEndToEnd drives one bot through the fake Discord with everything a
// study group does, in order; the bot must stay up throughout.
func TestEndToEnd(t *testing.T) {
	r := startBot(t, nil, Config{}, fakeEngine{Engine: defaultIndex(t), panicOn: "触发恐慌"})
	srv := r.srv

	t.Run("registration", func(t *testing.T) {
		got := srv.Commands("")
		if !sameCommands(got, commands()) {
			t.Fatalf("registered %d commands that differ from ours", len(got))
		}
		for _, c := range got {
			if c.NameLocalizations == nil || (*c.NameLocalizations)[discordgo.ChineseCN] == "" {
				t.Errorf("command %s registered without a zh-CN name", c.Name)
			}
		}
		idents := srv.Identifies()
		if len(idents) == 0 || idents[0].Intents != Intents {
			t.Errorf("IDENTIFY intents = %v, want %v", idents, Intents)
		}
	})

	t.Run("ask answers with the right section", func(t *testing.T) {
		s := r.interact(t, srv.CommandInteraction(member, cmdAsk, ask("大模型的训练过程是什么")...))
		if s.Type != int(discordgo.InteractionResponseChannelMessageWithSource) || s.ephemeral() {
			t.Errorf("type %d ephemeral %v, want a public message", s.Type, s.ephemeral())
		}
		if len(s.Data.Embeds) != 1 || s.Data.Embeds[0].Title != "大模型的训练过程" {
			t.Fatalf("embeds = %+v", s.Data.Embeds)
		}
		e := s.Data.Embeds[0]
		if !strings.Contains(e.Description, "1. **数据预处理：**") || e.Footer == nil || !strings.Contains(e.Footer.Text, "§ 2") {
			t.Errorf("embed lacks the answer list or the source: %+v", e)
		}
		if len(e.Fields) != 1 || !strings.Contains(e.Fields[0].Value, "计算资源") {
			t.Errorf("解析 field missing: %+v", e.Fields)
		}
		if b := s.buttons(); len(b) != 3 || !strings.HasPrefix(b[0], sectionButtonPrefix) || b[2] != sectionButtonPrefix+"llm-startup/2"+langSuffix {
			t.Errorf("buttons = %v, want two next matches and the English version", b)
		}
		noPings(t, s.Data.Mentions)
	})

	t.Run("a traditional question is answered in traditional characters", func(t *testing.T) {
		s := r.interact(t, srv.CommandInteraction(member, cmdAsk, ask("大模型的訓練過程是什麼")...))
		if len(s.Data.Embeds) != 1 || s.Data.Embeds[0].Title != "大模型的訓練過程" || !strings.Contains(s.Data.Embeds[0].Description, "數據預處理") {
			t.Errorf("embeds %+v", s.Data.Embeds)
		}
	})

	t.Run("a member in Taiwan is answered in Taiwan's words", func(t *testing.T) {
		tw := discordtest.Actor{UserID: "77", Locale: discordgo.ChineseTW}
		for _, i := range []*discordgo.Interaction{
			srv.CommandInteraction(tw, cmdAsk, ask("大模型的訓練過程是什麼")...),          // a zh-TW client
			srv.CommandInteraction(member, cmdAsk, ask("大模型訓練時的資料預處理要做什麼")...), // Taiwan's word 資料
		} {
			s := r.interact(t, i)
			if len(s.Data.Embeds) != 1 || !strings.Contains(s.Data.Embeds[0].Description, "資料預處理") || strings.Contains(s.Data.Embeds[0].Description, "數據預處理") {
				t.Errorf("embeds %+v", s.Data.Embeds)
			}
		}
	})

	t.Run("private ask is ephemeral", func(t *testing.T) {
		s := r.interact(t, srv.CommandInteraction(member, cmdAsk, ask("模型解释性差有什么影响", discordtest.BoolOption(optPrivate, true))...))
		if !s.ephemeral() || len(s.Data.Embeds) != 1 || s.Data.Embeds[0].Title != "大模型的挑战" {
			t.Errorf("ephemeral %v embeds %+v", s.ephemeral(), s.Data.Embeds)
		}
	})

	t.Run("off-topic says so with the nearest sections", func(t *testing.T) {
		s := r.interact(t, srv.CommandInteraction(member, cmdAsk, ask("推荐系统的协同过滤怎么实现 @everyone <@&123>")...))
		if len(s.Data.Embeds) != 0 || !strings.Contains(s.Data.Content, "没有找到") || !strings.Contains(s.Data.Content, "/topics") {
			t.Errorf("abstention reply = %+v", s.Data)
		}
		noPings(t, s.Data.Mentions)
	})

	t.Run("autocomplete", func(t *testing.T) {
		for _, tt := range []struct {
			typed     string
			wantFirst string
			wantN     int
		}{
			{"", "§llm-startup/1", 6},
			{"训练过程", "§llm-startup/2", -1},
		} {
			s := r.interact(t, srv.AutocompleteInteraction(member, cmdAsk, discordtest.Focused(discordtest.StringOption(optQuestion, tt.typed))))
			if s.Type != int(discordgo.InteractionApplicationCommandAutocompleteResult) {
				t.Fatalf("type %d", s.Type)
			}
			c := s.Data.Choices
			if len(c) == 0 || len(c) > maxChoices || c[0].Value != tt.wantFirst || (tt.wantN >= 0 && len(c) != tt.wantN) {
				t.Errorf("typed %q: choices %+v, want %s first", tt.typed, c, tt.wantFirst)
			}
		}
	})

	t.Run("a chosen suggestion answers that section", func(t *testing.T) {
		s := r.interact(t, srv.CommandInteraction(member, cmdAsk, ask("§llm-startup/5")...))
		if len(s.Data.Embeds) != 1 || s.Data.Embeds[0].Title != "大模型创业案例分析" {
			t.Errorf("embeds %+v", s.Data.Embeds)
		}
	})

	t.Run("next-match button shows that section privately", func(t *testing.T) {
		s := r.interact(t, srv.ComponentInteraction(member, sectionButtonPrefix+"llm-startup/3"))
		if !s.ephemeral() || len(s.Data.Embeds) != 1 || s.Data.Embeds[0].Title != "大模型的挑战" {
			t.Errorf("ephemeral %v embeds %+v", s.ephemeral(), s.Data.Embeds)
		}
	})

	t.Run("topics section help", func(t *testing.T) {
		s := r.interact(t, srv.CommandInteraction(member, cmdTopics))
		if len(s.Data.Embeds) != 1 || strings.Count(s.Data.Embeds[0].Description, "\n") != 5 {
			t.Errorf("topics: %+v", s.Data.Embeds)
		}
		s = r.interact(t, srv.CommandInteraction(member, cmdSection, discordtest.IntOption(optNumber, 4)))
		if len(s.Data.Embeds) != 1 || s.Data.Embeds[0].Title != "创新策略" {
			t.Errorf("section 4: %+v", s.Data.Embeds)
		}
		s = r.interact(t, srv.CommandInteraction(member, cmdHelp))
		if !s.ephemeral() || len(s.Data.Embeds) != 1 {
			t.Errorf("help: %+v", s.Data)
		}
	})

	t.Run("bad input gets a private reply", func(t *testing.T) {
		tests := []struct {
			name string
			i    *discordgo.Interaction
			want string
		}{
			{"missing option", srv.CommandInteraction(member, cmdAsk), "question"},
			{"whitespace", srv.CommandInteraction(member, cmdAsk, ask("   ")...), "question"},
			{"emoji only", srv.CommandInteraction(member, cmdAsk, ask("🤔🤔🚀")...), "question"},
			{"wrong option type", srv.CommandInteraction(member, cmdAsk, discordtest.IntOption(optQuestion, 7)), "question"},
			{"unknown command", srv.CommandInteraction(member, "frobnicate"), "unknown command"},
			{"unknown button", srv.ComponentInteraction(member, "nope"), "unknown command"},
			{"section out of range", srv.CommandInteraction(member, cmdSection, discordtest.IntOption(optNumber, 99)), "99"},
			{"gone section button", srv.ComponentInteraction(member, sectionButtonPrefix+"nope/1"), "no longer"},
		}
		for _, tt := range tests {
			s := r.interact(t, tt.i)
			if !s.ephemeral() || !strings.Contains(s.Data.Content, tt.want) {
				t.Errorf("%s: ephemeral %v content %q, want %q", tt.name, s.ephemeral(), s.Data.Content, tt.want)
			}
		}
		long := strings.Repeat("大模型的训练过程", 750) // 6000 characters
		s := r.interact(t, srv.CommandInteraction(member, cmdAsk, ask(long)...))
		if len(s.Data.Embeds) != 1 || !strings.Contains(s.Data.Content, "300") {
			t.Errorf("6000-character question: content %q, %d embeds", s.Data.Content, len(s.Data.Embeds))
		}
	})

	t.Run("a panicking handler gets a polite reply and the bot goes on", func(t *testing.T) {
		i := srv.CommandInteraction(member, cmdAsk, ask("触发恐慌")...)
		s := r.interact(t, i)
		if !s.ephemeral() || !strings.Contains(s.Data.Content, "Sorry") || strings.Contains(s.Data.Content, "panic") {
			t.Errorf("reply to a panic: %+v", s.Data)
		}
		if !strings.Contains(r.logs.String(), `"interaction":"`+i.ID+`"`) || !strings.Contains(r.logs.String(), "handler panicked") {
			t.Error("the panic was not logged with the interaction id")
		}
		s = r.interact(t, srv.CommandInteraction(member, cmdAsk, ask("什么是大模型")...))
		if len(s.Data.Embeds) != 1 {
			t.Error("no answer after a panic")
		}
	})

	t.Run("mentions and DMs get a reply that pings no one", func(t *testing.T) {
		mention := srv.MentionMessage(member, "大模型的训练过程是什么 @everyone")
		dm := srv.DirectMessage(member, "LLM 有哪些挑战")
		want := map[string]string{mention.ID: "大模型的训练过程", dm.ID: "大模型的挑战"}
		for _, m := range []*discordgo.Message{srv.BotMessage(member, "<@"+srv.AppID()+"> 大模型的训练过程"), mention, dm} {
			if err := srv.DispatchMessage(m); err != nil {
				t.Fatal(err)
			}
		}
		// Handlers run concurrently: match replies to messages by reference.
		for _, reply := range r.waitMessages(t, 2) {
			var body struct {
				Embeds    []*discordgo.MessageEmbed  `json:"embeds"`
				Reference discordgo.MessageReference `json:"message_reference"`
				Mentions  *allowedMentions           `json:"allowed_mentions"`
			}
			if err := reply.Decode(&body); err != nil {
				t.Fatal(err)
			}
			title, ok := want[body.Reference.MessageID]
			if !ok {
				t.Errorf("a reply refers to message %q, not to the mention or the DM", body.Reference.MessageID)
				continue
			}
			delete(want, body.Reference.MessageID)
			if len(body.Embeds) != 1 || body.Embeds[0].Title != title {
				t.Errorf("reply to %s: embeds %+v, want %s", body.Reference.MessageID, body.Embeds, title)
			}
			noPings(t, body.Mentions)
		}
		if len(want) > 0 {
			t.Errorf("no reply to %v", want)
		}
		if got := len(r.channelMessages()); got != 2 {
			t.Errorf("%d channel messages: the bot answered another bot", got)
		}
	})

	t.Run("answers again after the server drops the gateway", func(t *testing.T) {
		srv.CloseGateway(4000)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if _, err := srv.WaitGateway(ctx, discordtest.Kind("resumed")); err != nil {
			if _, err := srv.WaitGateway(ctx, discordtest.Kind("ready")); err != nil {
				t.Fatalf("no reconnect: %v", err)
			}
		}
		if err := srv.Connected(ctx); err != nil {
			t.Fatal(err)
		}
		s := r.interact(t, srv.CommandInteraction(member, cmdAsk, ask("大模型创业案例")...))
		if len(s.Data.Embeds) != 1 {
			t.Errorf("no answer after reconnect: %+v", s.Data)
		}
	})

	t.Run("a 429 on the callback is retried", func(t *testing.T) {
		srv.FailNext(discordtest.MatchHTTP("POST", "/interactions/*/*/callback"), 429, 300*time.Millisecond)
		s := r.interact(t, srv.CommandInteraction(member, cmdAsk, ask("创新策略")...))
		if len(s.Data.Embeds) != 1 || s.Data.Embeds[0].Title != "创新策略" {
			t.Errorf("after 429: %+v", s.Data)
		}
		if srv.PendingFaults() != 0 {
			t.Error("the 429 was never served")
		}
	})

	t.Run("logs name the interaction, command, latency, section and score", func(t *testing.T) {
		i := srv.CommandInteraction(member, cmdAsk, ask("大模型一般有多少参数")...)
		r.interact(t, i)
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		for {
			for _, line := range strings.Split(r.logs.String(), "\n") {
				if strings.Contains(line, `"interaction":"`+i.ID+`"`) && strings.Contains(line, "interaction answered") {
					for _, key := range []string{`"command":"ask"`, `"latency":`, `"section":"llm-startup/1"`, `"score":`} {
						if !strings.Contains(line, key) {
							t.Errorf("log line lacks %s: %s", key, line)
						}
					}
					return
				}
			}
			select {
			case <-ctx.Done():
				t.Fatalf("no log line for %s:\n%s", i.ID, r.logs)
			case <-time.After(10 * time.Millisecond):
			}
		}
	})

	t.Run("shutdown", func(t *testing.T) {
		start := time.Now()
		r.cancel()
		select {
		case err := <-r.done:
			if err != nil {
				t.Errorf("Run after cancel: %v", err)
			}
			r.done <- nil // for the cleanup
		case <-time.After(10 * time.Second):
			t.Fatal("Run did not return within 10 s of cancel")
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("shutdown took %v", d)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if _, err := srv.WaitGateway(ctx, discordtest.Kind("client_close")); err != nil {
			t.Errorf("the gateway was not closed by the bot: %v", err)
		}
	})
}

func (r *running) channelMessages() []discordtest.Request {
	var out []discordtest.Request
	for _, q := range r.srv.Requests() {
		if q.Method == "POST" && strings.HasPrefix(q.Endpoint, "/channels/") && strings.HasSuffix(q.Endpoint, "/messages") {
			out = append(out, q)
		}
	}
	return out
}

func (r *running) waitMessages(t *testing.T, n int) []discordtest.Request {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if ms := r.channelMessages(); len(ms) >= n {
			time.Sleep(200 * time.Millisecond) // let a wrong extra reply show up
			return r.channelMessages()
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("fewer than %d channel messages\nlogs:\n%s", n, r.logs)
	return nil
}

// Commands are only overwritten when Discord's differ, or when asked to.
func TestRegistrationOnlyWhenChanged(t *testing.T) {
	srv := discordtest.Start(t, discordtest.Options{})
	ix := defaultIndex(t)
	puts := func() int {
		n := 0
		for _, q := range srv.Requests() {
			if q.Method == "PUT" && strings.HasSuffix(q.Endpoint, "/commands") {
				n++
			}
		}
		return n
	}
	for n, tt := range []struct {
		sync     bool
		wantPuts int
	}{{false, 1}, {false, 1}, {true, 2}} {
		r := startBot(t, srv, Config{SyncCommands: tt.sync}, ix)
		if got := puts(); got != tt.wantPuts {
			t.Errorf("start %d: %d bulk overwrites in all, want %d", n+1, got, tt.wantPuts)
		}
		r.cancel()
		if err := <-r.done; err != nil {
			t.Fatal(err)
		}
		r.done <- nil
	}
}

// A handler slower than the ack budget is deferred, then edited in.
func TestSlowAnswerIsDeferred(t *testing.T) {
	r := startBot(t, nil, Config{AckBudget: 100 * time.Millisecond}, fakeEngine{Engine: defaultIndex(t), delay: 400 * time.Millisecond})
	i := r.srv.CommandInteraction(member, cmdAsk, ask("大模型的训练过程", discordtest.BoolOption(optPrivate, true))...)
	s := r.interact(t, i)
	if s.Type != int(discordgo.InteractionResponseDeferredChannelMessageWithSource) || !s.ephemeral() {
		t.Fatalf("first response type %d ephemeral %v, want a private deferral", s.Type, s.ephemeral())
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := r.srv.WaitRequest(ctx, discordtest.Match("PATCH", "/webhooks/*/*/messages/@original")); err != nil {
		t.Fatal(err)
	}
	msg, ok := r.srv.InteractionResponse(i.ID)
	if !ok || len(msg.Embeds) != 1 || msg.Embeds[0].Title != "大模型的训练过程" {
		t.Errorf("edited response = %+v", msg)
	}
}

func TestCooldownEndToEnd(t *testing.T) {
	r := startBot(t, nil, Config{Cooldown: time.Minute}, defaultIndex(t))
	first := r.interact(t, r.srv.CommandInteraction(member, cmdAsk, ask("什么是大模型")...))
	second := r.interact(t, r.srv.CommandInteraction(member, cmdAsk, ask("大模型的挑战")...))
	other := r.interact(t, r.srv.CommandInteraction(discordtest.Actor{UserID: "42"}, cmdAsk, ask("大模型的挑战")...))
	if len(first.Data.Embeds) != 1 || len(other.Data.Embeds) != 1 {
		t.Error("first question or another member's question was not answered")
	}
	if !second.ephemeral() || !strings.Contains(second.Data.Content, "Slow down") {
		t.Errorf("second question within the cooldown: %+v", second.Data)
	}
}

func TestWrongTokenEndsRun(t *testing.T) {
	srv := discordtest.Start(t, discordtest.Options{})
	b := New(Config{Token: "not-the-token", APIBase: srv.BaseURL()}, defaultIndex(t), nil, slog.New(slog.DiscardHandler))
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := b.Run(ctx)
	var fe *FatalCloseError
	if !errors.As(err, &fe) || fe.Code != 4004 {
		t.Fatalf("Run = %v, want close code 4004", err)
	}
	if strings.Contains(err.Error(), "not-the-token") || !strings.Contains(err.Error(), "DISCORD_TOKEN") {
		t.Errorf("message %q leaks the token or does not say what to fix", err)
	}
}

// A token revoked while the bot runs ends Run with close code 4004 once
// the gateway drops, instead of discordgo's endless reconnecting.
func TestTokenRevokedMidSession(t *testing.T) {
	r := startBot(t, nil, Config{}, defaultIndex(t))
	r.srv.RevokeToken("a-new-token")
	r.srv.CloseGateway(4000)
	select {
	case err := <-r.done:
		var fe *FatalCloseError
		if !errors.As(err, &fe) || fe.Code != 4004 {
			t.Errorf("Run = %v, want close code 4004", err)
		}
		r.done <- nil
	case <-time.After(15 * time.Second):
		t.Fatalf("Run still going 15 s after the token was revoked\nlogs:\n%s", r.logs)
	}
}

// serve says who it is logged in as, in how many servers, and how to
// invite it, at any log level (issue 14, item 3).
func TestStatusLine(t *testing.T) {
	status := &syncBuffer{}
	r := startBotWith(t, nil, Config{Status: status}, defaultIndex(t), nil)
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(status.String(), "logged in as") && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	got := status.String()
	if !strings.Contains(got, "logged in as") || !strings.Contains(got, "shard 0 of 1") || !strings.Contains(got, "client_id="+r.srv.AppID()) || strings.Contains(got, r.srv.Token()) {
		t.Errorf("status line %q: want who, how many servers and the invite URL, and never the token", got)
	}
}
