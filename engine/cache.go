package engine

import (
	"container/list"
	"context"
	"sync"

	"github.com/startupqa/startupqa/index"
)

// CacheSize is how many answers the engine keeps for questions asked
// again in the same words: a study group drills the same questions, and
// members ask what another just asked. A search costs a few hundred
// microseconds of CPU, most of a busy bot's; a repeated question then
// costs a map look-up. A thousand answers hold well under a megabyte: a
// result points into the corpus rather than copying it, and a question
// longer than maxCachedQuestion bytes is not kept.
const CacheSize = 1024

// maxCachedQuestion is the longest question kept, in bytes: as many
// characters as a search reads (index.MaxQueryRunes), at four bytes each.
const maxCachedQuestion = 4 * index.MaxQueryRunes

type transientKey struct{}

// Transient marks the searches made with the returned context as passing
// ones, such as an autocomplete's on every keystroke: the cache answers
// them when it can but does not keep them, so that half-typed words do
// not push out the questions asked in full.
func Transient(ctx context.Context) context.Context {
	return context.WithValue(ctx, transientKey{}, true)
}

func isTransient(ctx context.Context) bool { return ctx.Value(transientKey{}) != nil }

// answerCache keeps the results of the most recently asked questions,
// least recently used first out. A cache belongs to one index: a reload
// starts a new one.
type answerCache struct {
	mu    sync.Mutex
	size  int
	items map[string]*list.Element // of *cached
	order list.List                // most recently used at the front
}

type cached struct {
	q   string
	res *index.Result
}

func newAnswerCache(size int) *answerCache {
	return &answerCache{size: size, items: make(map[string]*list.Element, size)}
}

func (c *answerCache) get(q string) (*index.Result, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.items[q]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(e)
	return e.Value.(*cached).res, true
}

func (c *answerCache) put(q string, res *index.Result) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[q]; ok {
		// Two askers missed at once; both searched the same index.
		c.order.MoveToFront(e)
		return
	}
	c.items[q] = c.order.PushFront(&cached{q, res})
	if c.order.Len() > c.size {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.items, last.Value.(*cached).q)
	}
}
