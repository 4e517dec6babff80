package storetest

import (
	"context"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/startupqa/startupqa"
	"github.com/startupqa/startupqa/sqlstore"
)

// A schedule's slot is claimed once, by one of several processes racing
// for it, and again only at a later slot.
func testClaimScheduleRun(t *testing.T, be Backend) {
	ctx := context.Background()
	first := be.New(t)
	stores := []*sqlstore.DB{first, be.Again(t, first), be.Again(t, first), be.Again(t, first)}
	if err := first.PutSchedule(ctx, startupqa.Schedule{GuildID: "g", ChannelID: "c", TimeOfDay: "09:00", Timezone: "UTC", CreatedBy: "u"}); err != nil {
		t.Fatal(err)
	}
	slot := at(t, "2026-01-05T09:00:00Z")
	race := func(slot, now time.Time) int64 {
		var won atomic.Int64
		var wg sync.WaitGroup
		for _, db := range stores {
			for range 3 {
				wg.Go(func() {
					ok, err := db.ClaimScheduleRun(ctx, "g", "c", slot, now)
					if err != nil {
						t.Error(err)
					}
					if ok {
						won.Add(1)
					}
				})
			}
		}
		wg.Wait()
		return won.Load()
	}
	if n := race(slot, slot.Add(time.Second)); n != 1 {
		t.Errorf("first slot claimed %d times, want once", n)
	}
	if n := race(slot, slot.Add(time.Hour)); n != 0 {
		t.Errorf("the same slot claimed again %d times", n)
	}
	next := slot.Add(24 * time.Hour)
	if n := race(next, next.Add(30*time.Second)); n != 1 {
		t.Errorf("next day's slot claimed %d times, want once", n)
	}
	if ok, err := first.ClaimScheduleRun(ctx, "g", "gone", slot, slot); ok || err != nil {
		t.Errorf("claim of a missing schedule = %v, %v; want false, nil", ok, err)
	}
	list, err := first.Schedules(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || !list[0].LastRun.Equal(next.Add(30*time.Second)) {
		t.Errorf("schedules after the claims: %+v", list)
	}
}

// A member's cooldown holds across processes: of many questions at once,
// one goes through; the rest learn how long to wait.
func testTakeCooldown(t *testing.T, be Backend) {
	ctx := context.Background()
	first := be.New(t)
	stores := []*sqlstore.DB{first, be.Again(t, first), be.Again(t, first)}
	now := at(t, "2026-02-01T12:00:00Z")
	const every = 10 * time.Second
	var through atomic.Int64
	var wg sync.WaitGroup
	for _, db := range stores {
		for range 4 {
			wg.Go(func() {
				wait, err := db.TakeCooldown(ctx, "u1", now, every)
				switch {
				case err != nil:
					t.Error(err)
				case wait == 0:
					through.Add(1)
				case wait != every:
					t.Errorf("wait %v, want %v", wait, every)
				}
			})
		}
	}
	wg.Wait()
	if n := through.Load(); n != 1 {
		t.Errorf("%d questions went through at once, want 1", n)
	}
	for _, tt := range []struct {
		user string
		at   time.Duration
		want time.Duration
	}{
		{"u1", 4 * time.Second, 6 * time.Second},
		{"u2", 4 * time.Second, 0}, // another member
		{"u1", every, 0},           // over
		{"u1", every + time.Second, 9 * time.Second},
	} {
		wait, err := stores[1].TakeCooldown(ctx, tt.user, now.Add(tt.at), every)
		if err != nil || wait != tt.want {
			t.Errorf("%s at +%v: wait %v, %v; want %v", tt.user, tt.at, wait, err, tt.want)
		}
	}
	n, err := first.PruneCooldowns(ctx, now.Add(time.Hour))
	if err != nil || n != 2 {
		t.Errorf("prune = %d, %v; want both members' cooldowns gone", n, err)
	}
	if c := count(t, first, "cooldowns"); c != 0 {
		t.Errorf("%d cooldowns left", c)
	}
}

// Shards of one identify bucket, in any process, identify Every apart;
// other buckets do not wait for them.
func testIdentifyGate(t *testing.T, be Backend) {
	ctx := context.Background()
	first := be.New(t)
	const every = 300 * time.Millisecond
	gates := []sqlstore.IdentifyGate{
		{DB: first, Holder: "p1", Every: every, Poll: 10 * time.Millisecond},
		{DB: be.Again(t, first), Holder: "p2", Every: every, Poll: 10 * time.Millisecond},
	}
	start := time.Now()
	var mu sync.Mutex
	var at []time.Duration
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() {
			if err := gates[i%2].WaitIdentify(ctx, 0); err != nil {
				t.Error(err)
			}
			mu.Lock()
			at = append(at, time.Since(start))
			mu.Unlock()
		})
	}
	wg.Wait()
	slices.Sort(at)
	// Every wait began after start, and the bucket's k-th grant comes at
	// least k×every after its first: so the k-th return does too. The
	// gaps between returns are no measure: each return lags its grant by
	// a round trip, and under load a late first return made a correct
	// gate look 20 ms short.
	for k := 1; k < len(at); k++ {
		if at[k] < time.Duration(k)*every {
			t.Errorf("identifies of one bucket at %v: the %d-th before %v", at, k+1, time.Duration(k)*every)
		}
	}
	began := time.Now()
	if err := gates[0].WaitIdentify(ctx, 1); err != nil || time.Since(began) > every/2 {
		t.Errorf("another bucket waited %v (%v)", time.Since(began), err)
	}
	cctx, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	if err := gates[1].WaitIdentify(cctx, 1); err == nil {
		t.Error("a taken bucket let a second identify through at once")
	}
}
