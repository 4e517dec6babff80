package bot

import (
	"strings"
	"testing"

	"github.com/startupqa/startupqa/bot/discordtest"
)

// Abstentions are logged without user ids and listed, most asked first,
// to members who manage the server.
func TestUnansweredLog(t *testing.T) {
	db := openStore(t)
	r := startChallengeBot(t, db, nil)
	for _, q := range []string{"RAG 检索增强生成是什么", "什么是大模型", "RAG 检索增强生成是什么", "今天天气怎么样"} {
		r.interact(t, r.srv.CommandInteraction(discordtest.Actor{UserID: "800"}, cmdAsk, ask(q)...))
	}
	s := r.interact(t, r.srv.CommandInteraction(member, cmdUnanswered))
	if !strings.Contains(s.Data.Content, "Manage Server") {
		t.Errorf("a member without Manage Server: %+v", s.Data)
	}
	s = r.interact(t, r.srv.CommandInteraction(admin, cmdUnanswered))
	if len(s.Data.Embeds) != 1 || !s.ephemeral() {
		t.Fatalf("unanswered: %+v", s.Data)
	}
	d := s.Data.Embeds[0].Description
	if !strings.HasPrefix(d, "2× RAG 检索增强生成是什么") || !strings.Contains(d, "1× 今天天气怎么样") || strings.Contains(d, "什么是大模型") {
		t.Errorf("unanswered list:\n%s", d)
	}
	if strings.Contains(d, "800") {
		t.Error("a user id is in the unanswered log")
	}
}
