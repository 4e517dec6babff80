package bot

import (
	"context"
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

// SharedCooldowns keeps members' cooldowns where every process of a
// sharded bot sees them, so that a member in servers of several shards
// waits the same in all; *sqlstore.DB is one.
type SharedCooldowns interface {
	TakeCooldown(ctx context.Context, userID string, now time.Time, every time.Duration) (time.Duration, error)
}

// UseSharedCooldowns makes the bot keep cooldowns in c as well as in
// memory. Call it before Run.
func (b *Bot) UseSharedCooldowns(c SharedCooldowns) { b.sharedCooldowns = c }

// coolDown returns how long a user must wait before asking again, and
// records the question when they need not. The shared cooldowns are asked
// only when memory lets the question through; when they fail, memory
// decides, so that a lost database never stops /ask.
func (b *Bot) coolDown(ctx context.Context, user string) time.Duration {
	if wait := b.cooldown.wait(user); wait > 0 || b.sharedCooldowns == nil || b.cooldown.every <= 0 || user == "" {
		return wait
	}
	now := b.cooldown.now()
	wait, err := b.sharedCooldowns.TakeCooldown(ctx, user, now, b.cooldown.every)
	if err != nil {
		b.log.Warn("shared cooldown", "err", err)
		return 0
	}
	if wait > 0 {
		// Another process took the question: memory, which has just
		// started a whole cooldown, ends it when the shared one ends.
		b.cooldown.endAt(user, now.Add(wait))
	}
	return wait
}

// endAt makes the user's cooldown end at t.
func (c *cooldown) endAt(user string, t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.last[user] = t.Add(-c.every)
}
