package engine

import (
	"container/list"
	"sync"

	"github.com/startupqa/startupqa/index"
)

// CacheSize is how many answers the engine keeps for questions asked
// again. The same question comes back often: /ask's autocomplete offers
// section titles, so members who pick one send the same text, and a study
// group drills the same questions. A search costs a few hundred
// microseconds of CPU, most of a busy bot's; a repeated question then
// costs a map look-up. A thousand answers hold well under a megabyte: a
// result points into the corpus rather than copying it.
const CacheSize = 1024

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
