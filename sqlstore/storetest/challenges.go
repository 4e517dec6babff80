package storetest

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/startupqa/startupqa"
	"github.com/startupqa/startupqa/sqlstore"
)

func testChallengeRoundTrip(t *testing.T, be Backend) {
	ctx := context.Background()
	db := be.New(t)
	started := at(t, "2025-01-15T12:00:00.123Z")
	c := &startupqa.Challenge{
		GuildID:     "g1",
		ChannelID:   "c1",
		StarterID:   "u1",
		Topic:       "训练",
		Lang:        "en",
		Sections:    []string{"llm-startup/2", "llm-startup/5", "llm-startup/1"},
		Seconds:     90,
		Round:       1,
		State:       startupqa.ChallengeRunning,
		RoundEndsAt: started.Add(90 * time.Second),
		StartedAt:   started,
		UpdatedAt:   started,
	}
	if err := db.CreateChallenge(ctx, c); err != nil {
		t.Fatal(err)
	}
	if c.ID == 0 {
		t.Fatal("CreateChallenge did not set ID")
	}
	// Another one in a DM, with no sections and zero times.
	dm := &startupqa.Challenge{ChannelID: "dm-7", StarterID: "u7"}
	if err := db.CreateChallenge(ctx, dm); err != nil {
		t.Fatal(err)
	}
	if dm.ID == c.ID || dm.State != startupqa.ChallengeRunning || dm.StartedAt.IsZero() || !dm.UpdatedAt.Equal(dm.StartedAt) {
		t.Errorf("defaults: %+v", dm)
	}

	check := func(step string, want *startupqa.Challenge) {
		t.Helper()
		got, err := db.Challenge(ctx, want.ID)
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got %+v\nwant %+v", step, got, want)
		}
	}
	check("created", c)
	check("created dm", dm)
	if got, err := db.RunningChallenge(ctx, "c1"); err != nil || !reflect.DeepEqual(got, c) {
		t.Errorf("RunningChallenge(c1) = %+v, %v", got, err)
	}
	running, err := db.RunningChallenges(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := []startupqa.Challenge{*c, *dm}; !reflect.DeepEqual(running, want) {
		t.Errorf("RunningChallenges:\n got %+v\nwant %+v", running, want)
	}

	// Next round.
	c.Round = 2
	c.RoundEndsAt = started.Add(3 * time.Minute)
	c.UpdatedAt = started.Add(91 * time.Second)
	c.Topic = "not stored by UpdateChallenge"
	if err := db.UpdateChallenge(ctx, c); err != nil {
		t.Fatal(err)
	}
	c.Topic = "训练"
	check("round 2", c)

	// The end.
	c.State = startupqa.ChallengeEnded
	c.RoundEndsAt = time.Time{}
	c.UpdatedAt = time.Time{}
	if err := db.UpdateChallenge(ctx, c); err != nil {
		t.Fatal(err)
	}
	if c.UpdatedAt.IsZero() {
		t.Error("a zero UpdatedAt was not set")
	}
	check("ended", c)
	if got, err := db.RunningChallenge(ctx, "c1"); got != nil || err != nil {
		t.Errorf("RunningChallenge after the end = %+v, %v; want nil, nil", got, err)
	}
	running, err = db.RunningChallenges(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := []startupqa.Challenge{*dm}; !reflect.DeepEqual(running, want) {
		t.Errorf("RunningChallenges after the end:\n got %+v\nwant %+v", running, want)
	}

	if _, err := db.Challenge(ctx, 999); !errors.Is(err, sqlstore.ErrNotFound) {
		t.Errorf("Challenge(999): %v, want sqlstore.ErrNotFound", err)
	}
	if err := db.UpdateChallenge(ctx, &startupqa.Challenge{ID: 999, State: startupqa.ChallengeEnded}); !errors.Is(err, sqlstore.ErrNotFound) {
		t.Errorf("UpdateChallenge(999): %v, want sqlstore.ErrNotFound", err)
	}
	if err := db.UpdateChallenge(ctx, &startupqa.Challenge{ID: c.ID, State: "paused"}); err == nil {
		t.Error("UpdateChallenge stored an unknown state")
	}
	if err := db.CreateChallenge(ctx, nil); err == nil {
		t.Error("CreateChallenge(nil) succeeded")
	}
	if got, err := db.RunningChallenge(ctx, "nowhere"); got != nil || err != nil {
		t.Errorf("RunningChallenge(nowhere) = %+v, %v", got, err)
	}
}

func testOneRunningChallengePerChannel(t *testing.T, be Backend) {
	ctx := context.Background()
	type step struct {
		do      string // "create" or "end" (the channel's running one) or "restart" (the channel's first one)
		channel string
		wantErr bool
	}
	for _, tc := range []struct {
		name  string
		steps []step
	}{
		{"second in the same channel is refused", []step{
			{"create", "a", false},
			{"create", "a", true},
			{"create", "a", true},
		}},
		{"other channels are fine", []step{
			{"create", "a", false},
			{"create", "b", false},
			{"create", "c", false},
			{"create", "b", true},
		}},
		{"after the end a new one may start", []step{
			{"create", "a", false},
			{"end", "a", false},
			{"create", "a", false},
			{"create", "a", true},
			{"end", "a", false},
			{"create", "a", false},
		}},
		{"an ended one cannot run again beside a running one", []step{
			{"create", "a", false},
			{"end", "a", false},
			{"create", "a", false},
			{"restart", "a", true},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := be.New(t)
			first := map[string]*startupqa.Challenge{}
			wantRows := 0
			for i, s := range tc.steps {
				var err error
				switch s.do {
				case "create":
					c := &startupqa.Challenge{GuildID: "g", ChannelID: s.channel, Sections: []string{"x/1", "x/2"}}
					err = db.CreateChallenge(ctx, c)
					if err == nil {
						wantRows++
						if first[s.channel] == nil {
							first[s.channel] = c
						}
					} else if c.ID != 0 {
						t.Errorf("step %d: refused challenge got ID %d", i, c.ID)
					}
				case "end":
					c, rerr := db.RunningChallenge(ctx, s.channel)
					if rerr != nil || c == nil {
						t.Fatalf("step %d: running challenge in %s: %v, %v", i, s.channel, c, rerr)
					}
					c.State = startupqa.ChallengeEnded
					err = db.UpdateChallenge(ctx, c)
				case "restart":
					c := *first[s.channel]
					c.State = startupqa.ChallengeRunning
					err = db.UpdateChallenge(ctx, &c)
				}
				if s.wantErr {
					if !errors.Is(err, sqlstore.ErrChallengeRunning) {
						t.Errorf("step %d (%s %s): error %v, want sqlstore.ErrChallengeRunning", i, s.do, s.channel, err)
					}
				} else if err != nil {
					t.Errorf("step %d (%s %s): %v", i, s.do, s.channel, err)
				}
				// A refused step changes nothing.
				if n := count(t, db, "challenges"); n != wantRows {
					t.Errorf("step %d: %d challenges, want %d", i, n, wantRows)
				}
				if n := count(t, db, "challenge_sections"); n != 2*wantRows {
					t.Errorf("step %d: %d sections, want %d", i, n, 2*wantRows)
				}
			}
			// Never two running in a channel.
			running, err := db.RunningChallenges(ctx)
			if err != nil {
				t.Fatal(err)
			}
			seen := map[string]bool{}
			for _, c := range running {
				if seen[c.ChannelID] {
					t.Errorf("two running challenges in channel %s", c.ChannelID)
				}
				seen[c.ChannelID] = true
			}
		})
	}
}
