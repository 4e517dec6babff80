package index

import "testing"

// TestChapterTellsAspectsApart searches notes that split topics into
// aspects under headings that do not name the topic: only the chapter
// above them does, so it must be searched with them.
func TestChapterTellsAspectsApart(t *testing.T) {
	notes := []byte(`# 笔记

## 缓存穿透

### 是什么

查询一个根本不存在的数据，缓存永远不命中，请求都打到数据库。

### 怎么解决

用布隆过滤器拦截不存在的 key，或者把空结果也缓存一小段时间。

## 缓存雪崩

### 是什么

大量 key 在同一时间过期，请求瞬间全部落到数据库。

### 怎么解决

过期时间加随机值，做多级缓存，数据库前加熔断限流。

## 消息积压

### 原因

消费者处理太慢，或者消费者挂了，生产速度远大于消费速度。

### 怎么解决

先扩容消费者，临时把消息转存到新的队列，再排查慢的原因。
`)
	ix := build(t, loadFS(t, map[string][]byte{"notes.md": notes}))
	tests := []struct{ q, want string }{
		{"缓存雪崩怎么解决", "notes/4"},
		{"缓存穿透怎么解决", "notes/2"},
		{"消息积压了怎么解决", "notes/6"},
	}
	for _, tt := range tests {
		if got := topID(ask(t, ix, tt.q)); got != tt.want {
			t.Errorf("%s: first match %s, want %s", tt.q, got, tt.want)
		}
	}
}
