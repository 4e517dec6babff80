package bot

import (
	"sync"
	"time"
)

// cooldown limits how often one user may ask.
type cooldown struct {
	every time.Duration
	now   func() time.Time

	mu   sync.Mutex
	last map[string]time.Time
}

func newCooldown(every time.Duration, now func() time.Time) *cooldown {
	return &cooldown{every: every, now: now, last: map[string]time.Time{}}
}

// wait returns how long the user must wait before asking again, and
// records the question when they need not wait.
func (c *cooldown) wait(user string) time.Duration {
	if c.every <= 0 || user == "" {
		return 0
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	now := c.now()
	if last, ok := c.last[user]; ok {
		if w := last.Add(c.every).Sub(now); w > 0 {
			return w
		}
	}
	c.last[user] = now
	if len(c.last) > 10000 {
		c.forget(now)
	}
	return 0
}

// forget drops users whose cooldown is over, so the map stays small.
func (c *cooldown) forget(now time.Time) {
	for u, t := range c.last {
		if now.Sub(t) >= c.every {
			delete(c.last, u)
		}
	}
}
