// Package discordtest is an in-process fake of Discord for tests: it serves
// enough of the REST API (net/http/httptest) and of the gateway (a gorilla
// websocket) that a real, unmodified *discordgo.Session connects to it, gets
// READY, receives the events a test dispatches and sends its answers back,
// where the test can wait for them and inspect them.
//
// # Wiring a session
//
// discordgo builds its REST URLs from https://discord.com/api/v9/ at init.
// The session reaches the fake through an http.RoundTripper that rewrites
// scheme and host of requests to discord.com and keeps the path (see
// RewriteTransport and Rewrite; production code can use the same idea for a
// configurable API base). The gateway needs no rewrite: Open asks
// GET /api/v9/gateway and dials the ws://127.0.0.1:PORT/ws URL the fake
// returns. Server.NewSession does all of this:
//
//	srv := discordtest.Start(t, discordtest.Options{})
//	s := srv.NewSession(discordgo.IntentsGuilds | discordgo.IntentsGuildMessages)
//	s.AddHandler(func(s *discordgo.Session, i *discordgo.InteractionCreate) { ... })
//	if err := s.Open(); err != nil { t.Fatal(err) }
//	t.Cleanup(func() { s.Close() }) // before srv's: discordgo reconnects forever otherwise
//	if err := srv.Connected(ctx); err != nil { t.Fatal(err) }
//	srv.DispatchInteraction(srv.CommandInteraction(discordtest.Actor{}, "ask",
//		discordtest.StringOption("q", "hello")))
//	req, err := srv.WaitRequest(ctx, discordtest.Match("POST", "/interactions/*/*/callback"))
//
// Wait for Connected after Open and after every reconnect before closing or
// dropping the connection: discordgo's heartbeat goroutine has a race right
// after Open that can make it Close and reconnect a second time (see
// Connected).
//
// # What is faked
//
// Gateway (JSON text frames, API v9 and v10): HELLO with a configurable
// heartbeat interval; heartbeats answered with ACK (or not, see
// SetDropHeartbeatAcks); IDENTIFY checked against the token (close 4004) and,
// when configured, against privileged intents (close 4014), then READY and one
// GUILD_CREATE per configured guild; RESUME replays the events the session
// missed and sends RESUMED, or answers INVALID_SESSION (op 9) when the
// session is gone. As on Discord, a client that closes with 1000 or 1001
// ends its session, so its next RESUME is refused. Dispatch sends events with
// per-session sequence numbers, drops events the session's intents do not
// cover and blanks message content when MESSAGE_CONTENT was not requested
// (except DMs, mentions of the bot and the bot's own messages).
// CloseGateway, SendOp and SetDropHeartbeatAcks drive reconnects.
//
// REST (under /api/v9 and /api/v10): gateway and gateway/bot, users/@me,
// global and guild application commands (bulk overwrite, create, list, get,
// delete), interaction callbacks, the interaction webhook (original response,
// followups, edits and deletes), channel messages and typing. Every request
// is recorded (Requests, WaitRequest), unknown routes answer 404 with a
// Discord-style JSON error. The bot token is checked on bot routes (401);
// interaction and webhook routes are authenticated by their URL token, as on
// Discord. Interaction callbacks are checked against the dispatched
// interaction: unknown or later than InteractionDeadline (404, code 10062),
// already acknowledged (400, code 40060), wrong response type for the
// interaction type, empty or over-long messages (400, codes 50006, 50035).
// Each response carries X-RateLimit-* headers that never make discordgo wait;
// FailNext injects a 429 (with the body and headers discordgo reads) or any
// other status, SetLatency delays every answer.
//
// Payload builders (CommandInteraction, AutocompleteInteraction,
// ComponentInteraction, ModalSubmitInteraction, GuildMessage,
// MentionMessage, DirectMessage, BotMessage) return discordgo's own types;
// Marshal encodes them as Discord does, components included (discordgo's
// Message and ModalSubmitInteractionData drop them on marshalling).
//
// # What is not faked
//
// No zlib or zstd transport compression and no ETF encoding; no sharding
// logic (every session gets every event); no voice; no real rate limiting
// (only injected 429s) and no global 429s (discordgo treats any non-empty
// X-RateLimit-Global header as global); no gateway send limits and no
// server-side heartbeat timeout; no permission checks beyond echoing the
// member permissions the test puts in a payload; no guild, channel, member
// or role state beyond what a test dispatches; no attachments storage
// (multipart bodies are recorded, files included, but not served back); no
// interaction token expiry after 15 minutes; other REST routes answer 404.
package discordtest
