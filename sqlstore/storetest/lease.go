package storetest

import (
	"context"
	"errors"
	"fmt"
	"github.com/startupqa/startupqa/sqlstore"
	"log/slog"
	"os"
	"os/exec"
	"testing"
	"time"
)

func testAcquireLease(t *testing.T, be Backend) {
	ctx := context.Background()
	db := be.New(t)
	const ttl = 200 * time.Millisecond
	if err := db.AcquireLease(ctx, "serve", "a", ttl); err != nil {
		t.Fatal(err)
	}
	var held *sqlstore.LeaseHeldError
	if err := db.AcquireLease(ctx, "serve", "b", ttl); !errors.As(err, &held) || held.Holder != "a" {
		t.Fatalf("b's acquire while a holds = %v, want a *sqlstore.LeaseHeldError naming a", err)
	}
	if err := db.AcquireLease(ctx, "other", "b", ttl); err != nil {
		t.Errorf("another lease: %v", err)
	}
	if err := db.AcquireLease(ctx, "serve", "a", ttl); err != nil {
		t.Errorf("a's renewal: %v", err)
	}
	time.Sleep(ttl + 50*time.Millisecond)
	if err := db.AcquireLease(ctx, "serve", "b", ttl); err != nil {
		t.Fatalf("b's acquire of a lease that ran out: %v", err)
	}
	if err := db.AcquireLease(ctx, "serve", "a", ttl); !errors.As(err, &held) || held.Holder != "b" {
		t.Errorf("a's late renewal = %v, want held by b", err)
	}
	if err := db.ReleaseLease(ctx, "serve", "a"); err != nil {
		t.Fatal(err)
	}
	if err := db.AcquireLease(ctx, "serve", "a", ttl); err == nil {
		t.Error("a's release let go of b's lease")
	}
	if err := db.ReleaseLease(ctx, "serve", "b"); err != nil {
		t.Fatal(err)
	}
	if err := db.AcquireLease(ctx, "serve", "a", ttl); err != nil {
		t.Errorf("acquire after release: %v", err)
	}
}

// Two processes are two connections to one file: the second sees the
// first's lease.
func testLeaseAcrossConnections(t *testing.T, be Backend) {
	ctx := context.Background()
	a := be.New(t)
	other := be.Again(t, a)
	la, err := a.HoldLease(ctx, "serve", "a", time.Minute, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	var held *sqlstore.LeaseHeldError
	if _, err := other.HoldLease(ctx, "serve", "b", time.Minute, slog.New(slog.DiscardHandler)); !errors.As(err, &held) {
		t.Fatalf("second holder = %v, want refused", err)
	}
	if err := la.Release(ctx); err != nil {
		t.Fatal(err)
	}
	lb, err := other.HoldLease(ctx, "serve", "b", time.Minute, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatalf("after release: %v", err)
	}
	lb.Release(ctx)
}

func testHoldLeaseNoticesTakeover(t *testing.T, be Backend) {
	ctx := context.Background()
	db := be.New(t)
	const ttl = 90 * time.Millisecond
	l, err := db.HoldLease(ctx, "serve", "a", ttl, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Release(ctx)
	select {
	case <-l.Lost():
		t.Fatal("lost a lease nobody else wanted")
	case <-time.After(3 * ttl):
	}
	// As if a's renewals had stalled and b had taken the lease over. a's
	// renewer may take the freed lease back before b gets it: then again.
	took := false
	for range 100 {
		if err := db.ReleaseLease(ctx, "serve", "a"); err != nil {
			t.Fatal(err)
		}
		if err := db.AcquireLease(ctx, "serve", "b", time.Minute); err == nil {
			took = true
			break
		}
	}
	if !took {
		t.Fatal("b never got the lease")
	}
	select {
	case <-l.Lost():
	case <-time.After(5 * time.Second):
		t.Fatal("the takeover went unnoticed")
	}
}

// A holder on this host whose process has ended gives way at once; one
// whose process runs, or on another host, does not.
func testLeaseOfEndedProcess(t *testing.T, be Backend) {
	ctx := context.Background()
	host, _ := os.Hostname()
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Skip("no true(1) to make a pid that has ended:", err)
	}
	for _, tt := range []struct {
		holder string
		free   bool
	}{
		{fmt.Sprintf("%s pid %d #ended", host, dead.Process.Pid), true},
		{fmt.Sprintf("%s pid %d #running", host, os.Getpid()), false},
		{fmt.Sprintf("elsewhere.example pid %d #remote", dead.Process.Pid), false},
		{"not a process holder", false},
	} {
		db := be.New(t)
		if err := db.AcquireLease(ctx, "serve", tt.holder, time.Minute); err != nil {
			t.Fatal(err)
		}
		err := db.AcquireLease(ctx, "serve", sqlstore.ProcessHolder(), time.Minute)
		if free := err == nil; free != tt.free {
			t.Errorf("lease of %q: acquire = %v, want free %v", tt.holder, err, tt.free)
		}
	}
}
