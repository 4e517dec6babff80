// Package bot adapts discordgo to the answer engine: it registers the slash
// commands, routes interactions and messages to handlers, renders replies
// within Discord's limits, and sends them.
//
// Handlers return a reply or an error; one place (respond) turns errors and
// recovered panics into a polite reply and a log line, so no handler can
// take the bot down. Searching, rendering and sending are separate steps:
// render.go builds replies from engine results without a session, and the
// end-to-end tests drive the real discordgo client against the fake
// Discord in bot/discordtest.
package bot
