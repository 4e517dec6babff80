package metrics

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// Everything recorded shows on /metrics in Prometheus's text format, as
// its own parser reads it.
func TestMetricsScraped(t *testing.T) {
	m := New()
	m.Interaction("ask", "ok", 30*time.Millisecond)
	m.Interaction("ask", "ok", 2*time.Second)
	m.Interaction("challenge", "refused", time.Millisecond)
	m.Search(true, 0.93)
	m.Search(false, 0.2)
	m.Search(false, 0)
	m.GatewayReconnect()
	m.RateLimited()
	m.Gauge("startupqa_index_sections", "Sections in the corpus served.", func() float64 { return 6 })
	m.Counter("startupqa_store_failures_total", "Failed store transactions.", func() float64 { return 2 })
	srv := httptest.NewServer(m.Handler(func(context.Context) error { return nil }))
	defer srv.Close()

	resp, err := http.Get(srv.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	parser := expfmt.NewTextParser(model.LegacyValidation)
	families, err := parser.TextToMetricFamilies(resp.Body)
	if err != nil {
		t.Fatalf("parse /metrics: %v", err)
	}
	value := func(name string, labels map[string]string) float64 {
		t.Helper()
		f := families[name]
		if f == nil {
			t.Fatalf("no %s", name)
		}
	next:
		for _, mt := range f.Metric {
			for _, l := range mt.Label {
				if want, ok := labels[l.GetName()]; ok && want != l.GetValue() {
					continue next
				}
			}
			switch {
			case mt.Counter != nil:
				return mt.Counter.GetValue()
			case mt.Gauge != nil:
				return mt.Gauge.GetValue()
			case mt.Histogram != nil:
				return float64(mt.Histogram.GetSampleCount())
			}
		}
		t.Fatalf("no %s%v", name, labels)
		return 0
	}
	for _, tt := range []struct {
		name   string
		labels map[string]string
		want   float64
	}{
		{"startupqa_interactions_total", map[string]string{"command": "ask", "outcome": "ok"}, 2},
		{"startupqa_interactions_total", map[string]string{"command": "challenge", "outcome": "refused"}, 1},
		{"startupqa_interaction_seconds", map[string]string{"command": "ask"}, 2},
		{"startupqa_searches_total", map[string]string{"result": "answered"}, 1},
		{"startupqa_searches_total", map[string]string{"result": "abstained"}, 2},
		{"startupqa_search_confidence", nil, 2},
		{"startupqa_gateway_reconnects_total", nil, 1},
		{"startupqa_rest_rate_limited_total", nil, 1},
		{"startupqa_index_sections", nil, 6},
		{"startupqa_store_failures_total", nil, 2},
	} {
		if got := value(tt.name, tt.labels); got != tt.want {
			t.Errorf("%s%v = %v, want %v", tt.name, tt.labels, got, tt.want)
		}
	}
	for _, runtime := range []string{"go_goroutines", "go_memstats_heap_alloc_bytes", "process_resident_memory_bytes"} {
		if families[runtime] == nil {
			t.Errorf("no %s", runtime)
		}
	}
}

// /readyz follows the readiness check; /healthz only says the process
// answers.
func TestHealthAndReadiness(t *testing.T) {
	var down atomic.Bool
	srv := httptest.NewServer(New().Handler(func(context.Context) error {
		if down.Load() {
			return errors.New("store: database is closed")
		}
		return nil
	}))
	defer srv.Close()
	get := func(path string) (int, string) {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	if code, _ := get("/readyz"); code != http.StatusOK {
		t.Errorf("/readyz = %d while ready", code)
	}
	down.Store(true)
	if code, body := get("/readyz"); code != http.StatusServiceUnavailable || !strings.Contains(body, "store") {
		t.Errorf("/readyz = %d %q with the store gone", code, body)
	}
	if code, _ := get("/healthz"); code != http.StatusOK {
		t.Errorf("/healthz = %d", code)
	}
	down.Store(false)
	if code, _ := get("/readyz"); code != http.StatusOK {
		t.Errorf("/readyz = %d after the store came back", code)
	}
}
