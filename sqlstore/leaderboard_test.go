package sqlstore

import (
	"testing"
	"time"

	"github.com/startupqa/startupqa"
)

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	tm, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

func TestPeriodBounds(t *testing.T) {
	shanghai := time.FixedZone("UTC+8", 8*3600)
	for _, tc := range []struct {
		period   startupqa.Period
		now      time.Time
		from, to string
	}{
		{startupqa.PeriodWeek, time.Date(2025, 1, 15, 12, 0, 0, 0, time.UTC), "2025-01-13T00:00:00Z", "2025-01-20T00:00:00Z"},       // Wednesday
		{startupqa.PeriodWeek, time.Date(2025, 1, 13, 0, 0, 0, 0, time.UTC), "2025-01-13T00:00:00Z", "2025-01-20T00:00:00Z"},        // Monday 00:00
		{startupqa.PeriodWeek, time.Date(2025, 1, 19, 23, 59, 59, 999e6, time.UTC), "2025-01-13T00:00:00Z", "2025-01-20T00:00:00Z"}, // Sunday night
		{startupqa.PeriodWeek, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), "2024-12-30T00:00:00Z", "2025-01-06T00:00:00Z"},         // across the year
		{startupqa.PeriodWeek, time.Date(2025, 1, 20, 7, 0, 0, 0, shanghai), "2025-01-13T00:00:00Z", "2025-01-20T00:00:00Z"},        // Monday in Shanghai, Sunday in UTC
		{startupqa.PeriodMonth, time.Date(2025, 1, 31, 23, 59, 59, 0, time.UTC), "2025-01-01T00:00:00Z", "2025-02-01T00:00:00Z"},
		{startupqa.PeriodMonth, time.Date(2024, 2, 29, 12, 0, 0, 0, time.UTC), "2024-02-01T00:00:00Z", "2024-03-01T00:00:00Z"},
		{startupqa.PeriodMonth, time.Date(2024, 12, 31, 23, 0, 0, 0, time.UTC), "2024-12-01T00:00:00Z", "2025-01-01T00:00:00Z"},
		{startupqa.PeriodMonth, time.Date(2025, 2, 1, 1, 0, 0, 0, shanghai), "2025-01-01T00:00:00Z", "2025-02-01T00:00:00Z"}, // February in Shanghai, January in UTC
	} {
		from, to, err := periodBounds(tc.period, tc.now)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := fromMillis(from), mustTime(t, tc.from); !got.Equal(want) {
			t.Errorf("%s of %v starts %v, want %v", tc.period, tc.now, got, want)
		}
		if got, want := fromMillis(to), mustTime(t, tc.to); !got.Equal(want) {
			t.Errorf("%s of %v ends %v, want %v", tc.period, tc.now, got, want)
		}
	}
	if _, _, err := periodBounds("year", time.Now()); err == nil {
		t.Error("an unknown period was accepted")
	}
}
