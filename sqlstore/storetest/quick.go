package storetest

import (
	"context"
	"errors"
	"reflect"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/startupqa/startupqa"
	"github.com/startupqa/startupqa/sqlstore"
)

// A quick round reads back as stored from any process, and a member's
// pick counts once however many clicks race.
func testQuickRounds(t *testing.T, be Backend) {
	ctx := context.Background()
	first := be.New(t)
	other := be.Again(t, first)
	q := &startupqa.QuickRound{GuildID: "g", ChannelID: "c", SectionID: "s/1", Lang: "en",
		Options: []string{"数据质量", "计算资源", "可解释性", "安全"}, Correct: 2, ExpiresAt: at(t, "2026-03-01T10:10:00Z")}
	if err := first.CreateQuick(ctx, q); err != nil || q.ID == 0 {
		t.Fatalf("create: %v, id %d", err, q.ID)
	}
	got, err := other.QuickRound(ctx, q.ID)
	if err != nil || !reflect.DeepEqual(got, q) {
		t.Fatalf("read back: %+v, %v; want %+v", got, err, q)
	}
	var firsts atomic.Int64
	var wg sync.WaitGroup
	for i := range 6 {
		wg.Go(func() {
			ok, err := []*sqlstore.DB{first, other}[i%2].PickQuick(ctx, q.ID, "u1")
			if err != nil {
				t.Error(err)
			}
			if ok {
				firsts.Add(1)
			}
		})
	}
	wg.Wait()
	if n := firsts.Load(); n != 1 {
		t.Errorf("u1's pick counted %d times, want once", n)
	}
	if ok, err := other.PickQuick(ctx, q.ID, "u2"); !ok || err != nil {
		t.Errorf("u2's pick: %v, %v", ok, err)
	}
	if _, err := first.QuickRound(ctx, 999); !errors.Is(err, sqlstore.ErrNotFound) {
		t.Errorf("missing round: %v, want ErrNotFound", err)
	}
	if _, err := first.PickQuick(ctx, 999, "u1"); !errors.Is(err, sqlstore.ErrNotFound) {
		t.Errorf("pick in a missing round: %v, want ErrNotFound", err)
	}
	if n, err := first.PruneQuick(ctx, q.ExpiresAt.Add(time.Minute)); n != 1 || err != nil {
		t.Errorf("prune = %d, %v", n, err)
	}
	for _, table := range []string{"quick_rounds", "quick_options", "quick_picks"} {
		if n := count(t, first, table); n != 0 {
			t.Errorf("%d rows left in %s", n, table)
		}
	}
}
