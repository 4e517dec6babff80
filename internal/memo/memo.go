// Package memo keeps the answers of look-ups that are asked again and
// never change, up to a bound, for any number of goroutines.
package memo

import (
	"sync"
	"sync/atomic"
)

// Map is a bounded concurrent map from strings to values. Once max values
// have been stored it keeps what it has and stores no more: its callers
// look up what does not change, so nothing kept ever needs evicting.
type Map[V any] struct {
	m   sync.Map
	n   atomic.Int64
	max int64
}

// New returns a map that keeps at most max values.
func New[V any](max int) *Map[V] { return &Map[V]{max: int64(max)} }

// Load returns the value kept for key.
func (c *Map[V]) Load(key string) (V, bool) {
	v, ok := c.m.Load(key)
	if !ok {
		var zero V
		return zero, false
	}
	return v.(V), true
}

// Store keeps v for key, unless the map is full.
func (c *Map[V]) Store(key string, v V) {
	if c.n.Add(1) <= c.max {
		c.m.Store(key, v)
	}
}
