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

func testSchedules(t *testing.T, be Backend) {
	ctx := context.Background()
	db := be.New(t)
	ran := at(t, "2025-01-15T01:00:00.5Z")

	list := func(step string, want []startupqa.Schedule) {
		t.Helper()
		got, err := db.Schedules(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got %+v\nwant %+v", step, got, want)
		}
	}
	list("empty", nil)

	a := startupqa.Schedule{GuildID: "g2", ChannelID: "c1", TimeOfDay: "09:00", Timezone: "Asia/Shanghai", CreatedBy: "u1"}
	b := startupqa.Schedule{GuildID: "g1", ChannelID: "c9", TimeOfDay: "21:30", Timezone: "UTC", CreatedBy: "u2"}
	c := startupqa.Schedule{GuildID: "g1", ChannelID: "c2", TimeOfDay: "12:00", Timezone: "Europe/Paris", CreatedBy: "u3", LastRun: ran}
	for _, s := range []startupqa.Schedule{a, b, c} {
		if err := db.PutSchedule(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	list("three", []startupqa.Schedule{c, b, a})

	if err := db.MarkScheduleRun(ctx, "g2", "c1", ran); err != nil {
		t.Fatal(err)
	}
	a.LastRun = ran
	list("a ran", []startupqa.Schedule{c, b, a})

	// Replacing a schedule keeps its last run unless one is given.
	a2 := startupqa.Schedule{GuildID: "g2", ChannelID: "c1", TimeOfDay: "10:15", Timezone: "UTC", CreatedBy: "u4"}
	if err := db.PutSchedule(ctx, a2); err != nil {
		t.Fatal(err)
	}
	a2.LastRun = ran
	list("a replaced", []startupqa.Schedule{c, b, a2})
	later := ran.Add(24 * time.Hour)
	a2.LastRun = later
	if err := db.PutSchedule(ctx, a2); err != nil {
		t.Fatal(err)
	}
	list("a replaced with a last run", []startupqa.Schedule{c, b, a2})

	if err := db.MarkScheduleRun(ctx, "g1", "nowhere", ran); !errors.Is(err, sqlstore.ErrNotFound) {
		t.Errorf("MarkScheduleRun of a missing schedule: %v, want sqlstore.ErrNotFound", err)
	}
	for _, tc := range []struct {
		guild, channel string
		want           bool
	}{
		{"g1", "c9", true},
		{"g1", "c9", false},
		{"g2", "c2", false}, // c2 is g1's
	} {
		ok, err := db.DeleteSchedule(ctx, tc.guild, tc.channel)
		if err != nil {
			t.Fatal(err)
		}
		if ok != tc.want {
			t.Errorf("DeleteSchedule(%s, %s) = %v, want %v", tc.guild, tc.channel, ok, tc.want)
		}
	}
	list("b deleted", []startupqa.Schedule{c, a2})
}
