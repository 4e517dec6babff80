package bot

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
)

// AutoShards as Config.ShardCount takes the shard count Discord
// recommends (GET /gateway/bot).
const AutoShards = -1

// identifyEvery is how long Discord wants between two IDENTIFYs of one
// rate-limit bucket (shard id modulo max_concurrency).
const identifyEvery = 5 * time.Second

// ShardOf is the shard that Discord sends a guild's events to: (guild id
// >> 22) modulo the shard count. DMs (no guild) go to shard 0.
func ShardOf(guildID string, count int) int {
	if count <= 1 || guildID == "" {
		return 0
	}
	id, err := strconv.ParseUint(guildID, 10, 64)
	if err != nil {
		return 0
	}
	return int((id >> 22) % uint64(count))
}

// shard is one gateway connection of the bot.
type shard struct {
	id    int
	s     *discordgo.Session
	ready chan struct{} // READY arrived
	lost  chan struct{} // the connection dropped
	up    atomic.Bool
}

// shardPlan is what this process runs: count shards in all, ids of them
// here, and how many may identify at once.
type shardPlan struct {
	count, concurrency int
	ids                []int
}

// planShards settles the shard count (asking Discord when it is
// AutoShards), the ids this process runs and the identify concurrency.
// Unsharded, it asks Discord nothing.
func (b *Bot) planShards(s *discordgo.Session) (shardPlan, error) {
	count := b.cfg.ShardCount
	p := shardPlan{count: max(count, 1), concurrency: 1}
	if count == 0 || (count == 1 && len(b.cfg.ShardIDs) == 0) {
		p.ids = []int{0}
		return p, nil
	}
	gb, err := s.GatewayBot()
	if err != nil {
		if fe, ok := fatalREST(err); ok {
			return p, fe
		}
		return p, fmt.Errorf("ask Discord for the shard count (GET /gateway/bot): %w", err)
	}
	if count == AutoShards {
		p.count = max(gb.Shards, 1)
	}
	p.concurrency = max(gb.SessionStartLimit.MaxConcurrency, 1)
	p.ids = slices.Clone(b.cfg.ShardIDs)
	if len(p.ids) == 0 {
		for i := range p.count {
			p.ids = append(p.ids, i)
		}
	}
	slices.Sort(p.ids)
	p.ids = slices.Compact(p.ids)
	for _, id := range p.ids {
		if id < 0 || id >= p.count {
			return p, fmt.Errorf("shard %d does not exist: there are %d shards (0 to %d)", id, p.count, p.count-1)
		}
	}
	if r := gb.SessionStartLimit.Remaining; gb.SessionStartLimit.Total > 0 && r < len(p.ids) {
		return p, fmt.Errorf("%d shards need a gateway session each, and Discord allows %d more until its limit resets in %s",
			len(p.ids), r, time.Duration(gb.SessionStartLimit.ResetAfter)*time.Millisecond)
	}
	return p, nil
}

// fatalREST turns a 401 from REST into the bad-token error the gateway
// would give.
func fatalREST(err error) (*FatalCloseError, bool) {
	var re *discordgo.RESTError
	if errors.As(err, &re) && re.Response != nil && re.Response.StatusCode == 401 {
		return &FatalCloseError{Code: 4004}, true
	}
	return nil, false
}

// openShards connects the shards, those of one identify round together
// (one per rate-limit bucket) and the rounds identifyEvery apart, as
// Discord asks, and waits for each one's READY.
func (b *Bot) openShards(ctx context.Context, shards []*shard, concurrency int) error {
	every := b.cfg.IdentifyEvery
	if every <= 0 {
		every = identifyEvery
	}
	for i := 0; i < len(shards); {
		round := shards[i].id / concurrency
		j := i
		for j < len(shards) && shards[j].id/concurrency == round {
			j++
		}
		errs := make([]error, j-i)
		var wg sync.WaitGroup
		for k, sh := range shards[i:j] {
			wg.Go(func() { errs[k] = b.openShard(ctx, sh, concurrency) })
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			return err
		}
		if i = j; i < len(shards) {
			select {
			case <-ctx.Done():
				return nil
			case <-time.After(every):
			}
		}
	}
	return nil
}

func (b *Bot) openShard(ctx context.Context, sh *shard, concurrency int) error {
	if b.identifyGate != nil {
		// Other processes' shards of the same bucket identify too.
		if err := b.identifyGate.WaitIdentify(ctx, sh.id%concurrency); err != nil {
			return fmt.Errorf("shard %d: wait for its turn to identify: %w", sh.id, err)
		}
	}
	if err := sh.s.Open(); err != nil {
		if fe, ok := fatalClose(err); ok {
			return fe
		}
		return fmt.Errorf("connect shard %d to the Discord gateway: %w", sh.id, err)
	}
	select {
	case <-sh.ready:
		return nil
	case <-ctx.Done():
		return nil
	case <-time.After(30 * time.Second):
		return fmt.Errorf("connect shard %d to the Discord gateway: no READY within 30 s", sh.id)
	}
}

// owns reports whether this process serves the guild's events: always
// unsharded, else when the guild's shard is one of this process's.
func (b *Bot) owns(guildID string) bool {
	b.mu.Lock()
	count, ids := b.shardCount, b.shardIDs
	b.mu.Unlock()
	if count <= 1 {
		return true
	}
	_, ok := slices.BinarySearch(ids, ShardOf(guildID, count))
	return ok
}

// registersCommands reports whether this process registers the slash
// commands: the one that runs shard 0, so that they are registered once.
func (b *Bot) registersCommands() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.shardIDs) == 0 || b.shardIDs[0] == 0
}

// IdentifyGate spaces the IDENTIFYs of a bot's shards across its
// processes: Discord lets one shard of each rate-limit bucket (shard id
// modulo max_concurrency) identify every 5 s, whichever process runs it.
type IdentifyGate interface {
	// WaitIdentify returns when a shard of the bucket may identify, and
	// holds the bucket for the next 5 s.
	WaitIdentify(ctx context.Context, bucket int) error
}

// UseIdentifyGate makes the shards wait for g before they identify. Call
// it before Run.
func (b *Bot) UseIdentifyGate(g IdentifyGate) { b.identifyGate = g }
