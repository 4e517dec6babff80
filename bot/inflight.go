package bot

import (
	"sync"
	"time"
)

// inflight counts the handlers in progress, so that a shutdown can let
// them finish. A WaitGroup alone would race: a handler that starts while
// the shutdown waits would Add to a group being waited on. Once draining,
// handlers still run but are not counted: the gateway is closing, and an
// HTTP interaction must still get its answer.
type inflight struct {
	mu       sync.Mutex
	draining bool
	wg       sync.WaitGroup
}

// begin counts a handler in, unless the bot is draining; the handler calls
// end when it is done if begin said true.
func (f *inflight) begin() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.draining {
		return false
	}
	f.wg.Add(1)
	return true
}

func (f *inflight) end() { f.wg.Done() }

// drain stops counting new handlers and waits up to d for those counted;
// it reports whether they all finished.
func (f *inflight) drain(d time.Duration) bool {
	f.mu.Lock()
	f.draining = true
	f.mu.Unlock()
	done := make(chan struct{})
	go func() { f.wg.Wait(); close(done) }()
	select {
	case <-done:
		return true
	case <-time.After(d):
		return false
	}
}
