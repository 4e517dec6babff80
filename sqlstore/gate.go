package sqlstore

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// IdentifyGate spaces the gateway IDENTIFYs of a bot's shards across the
// processes that share the store: a lease per rate-limit bucket, taken for
// the interval Discord asks between two IDENTIFYs of a bucket and never
// released, so that the next shard of that bucket, in any process, waits
// until it runs out.
type IdentifyGate struct {
	DB     *DB
	Holder string        // this process (ProcessHolder)
	Every  time.Duration // Discord's 5 s when 0
	Poll   time.Duration // how often a waiting shard tries; 250 ms when 0
}

// WaitIdentify returns once the bucket is free, holding it for Every.
func (g IdentifyGate) WaitIdentify(ctx context.Context, bucket int) error {
	every, poll := g.Every, g.Poll
	if every <= 0 {
		every = 5 * time.Second
	}
	if poll <= 0 {
		poll = 250 * time.Millisecond
	}
	name := fmt.Sprintf("identify bucket %d", bucket)
	// Each IDENTIFY is its own holder: the same process's next shard of
	// the bucket must wait as another process's would.
	holder := fmt.Sprintf("%s at %d", g.Holder, time.Now().UnixNano())
	for {
		err := g.DB.AcquireLease(ctx, name, holder, every)
		var held *LeaseHeldError
		if !errors.As(err, &held) {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(poll):
		}
	}
}
