package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/startupqa/startupqa/bot/discordtest"
)

// register puts the commands in place over REST, without a gateway
// connection, and says where.
func TestRegisterCommand(t *testing.T) {
	srv := discordtest.Start(t, discordtest.Options{})
	env := map[string]string{"DISCORD_TOKEN": srv.Token(), "DISCORD_API_BASE": srv.URL(), "DISCORD_GUILD_ID": "4242"}
	out, errOut, code := runCLI(t, "", env, "register")
	if code != 0 || !strings.Contains(out, "slash commands in server 4242") {
		t.Fatalf("register: exit %d\n%s%s", code, out, errOut)
	}
	if n := len(srv.Commands("4242")); n == 0 || !strings.Contains(out, fmt.Sprintf("registered %d ", n)) {
		t.Errorf("%d commands registered, output %q", n, out)
	}
	if n := len(srv.Identifies()); n != 0 {
		t.Errorf("register connected to the gateway %d times", n)
	}
	env["DISCORD_TOKEN"] = "wrong"
	if _, errOut, code := runCLI(t, "", env, "register"); code != 1 || !strings.Contains(errOut, "DISCORD_TOKEN") {
		t.Errorf("register with a wrong token: exit %d, %q", code, errOut)
	}
}
