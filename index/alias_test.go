package index

import (
	"context"
	"testing"
)

// A section's aliases find it even when its text never uses them.
func TestAliases(t *testing.T) {
	article := []byte("# 笔记\n\n## 1. 检索增强生成\n\n**题目：** 什么是检索增强生成？\n\n**别名：** RAG、retrieval augmented generation\n\n**答案：** 先从知识库找到相关文档，再交给模型生成答案。\n\n" +
		"## 2. 向量数据库\n\n**题目：** 向量数据库有什么用？\n\n**答案：** 存储嵌入向量，支持相似度检索。\n")
	ix, err := Build(context.Background(), loadFS(t, map[string][]byte{"notes.md": article}))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, q := range []string{"RAG 是什么", "what is retrieval augmented generation"} {
		res, err := ix.Search(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		if best, ok := res.Best(); !ok || best.Section.ID != "notes/1" {
			t.Errorf("%q: %+v, want notes/1 answered", q, res.Matches)
		}
	}
}
