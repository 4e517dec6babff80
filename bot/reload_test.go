package bot

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/startupqa/startupqa/bot/discordtest"
	"github.com/startupqa/startupqa/engine"
)

const notes = "# 笔记\n\n## 1. 什么是向量数据库\n\n**题目：** 什么是向量数据库？\n\n**答案：** 向量数据库存储嵌入向量，支持相似度检索。\n"

// /reload swaps in an edited corpus for members who manage the server,
// and keeps the old one, listing file:line problems, when the edit is
// broken.
func TestReloadCommand(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "notes.md")
	if err := os.WriteFile(path, []byte(notes), 0o644); err != nil {
		t.Fatal(err)
	}
	e, err := engine.Open(context.Background(), engine.Config{CorpusDir: dir}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	r := startBot(t, nil, Config{}, e)
	admin := discordtest.Actor{Permissions: discordtest.DefaultPermissions | discordgo.PermissionManageGuild}

	s := r.interact(t, r.srv.CommandInteraction(member, cmdReload))
	if !s.ephemeral() || !strings.Contains(s.Data.Content, "Manage Server") {
		t.Errorf("a member without Manage Server: %+v", s.Data)
	}

	edited := notes + "\n## 2. 什么是提示工程\n\n**题目：** 什么是提示工程？\n\n**答案：** 设计提示来引导模型输出。\n"
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	// An administrator may, whatever else the role grants (issue 11).
	owner := discordtest.Actor{Permissions: discordgo.PermissionAdministrator}
	s = r.interact(t, r.srv.CommandInteraction(owner, cmdReload))
	if !s.ephemeral() || !strings.Contains(s.Data.Content, "2 sections") {
		t.Errorf("reload by an administrator: %+v", s.Data)
	}
	s = r.interact(t, r.srv.CommandInteraction(member, cmdAsk, ask("提示工程是什么")...))
	if len(s.Data.Embeds) != 1 || s.Data.Embeds[0].Title != "什么是提示工程" {
		t.Errorf("the reloaded section is not answered: %+v", s.Data)
	}

	if err := os.WriteFile(path, []byte(edited+"\n## 2. 重复\n\n**答按：** x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s = r.interact(t, r.srv.CommandInteraction(admin, cmdReload))
	if !s.ephemeral() || !strings.Contains(s.Data.Content, "notes.md:") || !strings.Contains(s.Data.Content, "duplicate section number 2") {
		t.Errorf("a broken corpus: %+v", s.Data)
	}
	s = r.interact(t, r.srv.CommandInteraction(member, cmdAsk, ask("提示工程是什么")...))
	if len(s.Data.Embeds) != 1 {
		t.Error("the previous corpus stopped answering after a refused reload")
	}
}
