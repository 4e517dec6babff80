package bot

import (
	"sync"
	"testing"
	"time"
)

// Handlers that start while a shutdown drains are not waited for, and
// counting them cannot race the wait (go test -race).
func TestInflightDrain(t *testing.T) {
	var f inflight
	if !f.begin() {
		t.Fatal("begin before draining refused")
	}
	release := make(chan struct{})
	go func() { <-release; f.end() }()
	var wg sync.WaitGroup
	for range 50 {
		wg.Go(func() {
			if f.begin() {
				f.end()
			}
		})
	}
	if f.drain(50 * time.Millisecond) {
		t.Error("drained while a handler was running")
	}
	if f.begin() {
		t.Error("a handler counted after draining began")
	}
	close(release)
	if !f.drain(time.Second) {
		t.Error("not drained after the last handler ended")
	}
	wg.Wait()
}
