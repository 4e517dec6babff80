// Package metrics shows an operator what the bot does: Prometheus metrics,
// and the health checks an orchestrator asks (/healthz, /readyz), served
// on an address of their own, apart from the interactions endpoint.
package metrics

import (
	"context"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics records the bot's work. It is safe for concurrent use.
type Metrics struct {
	reg          *prometheus.Registry
	interactions *prometheus.CounterVec
	latency      *prometheus.HistogramVec
	searches     *prometheus.CounterVec
	confidence   prometheus.Histogram
	reconnects   prometheus.Counter
	rateLimited  prometheus.Counter
}

// New returns metrics on a registry of their own, with Go's runtime and
// the process's own figures.
func New() *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		interactions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "startupqa_interactions_total",
			Help: "Interactions handled, by command and outcome (ok, deferred, error, panic, send_failed).",
		}, []string{"command", "outcome"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "startupqa_interaction_seconds",
			Help:    "Time from an interaction's arrival to its answer being sent, by command.",
			Buckets: []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2, 3, 5, 10},
		}, []string{"command"}),
		searches: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "startupqa_searches_total",
			Help: "Questions searched, by result: answered, or abstained (no section fits well enough).",
		}, []string{"result"}),
		confidence: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "startupqa_search_confidence",
			Help:    "Calibrated confidence of the best section of each search that matched anything.",
			Buckets: prometheus.LinearBuckets(0.1, 0.1, 9),
		}),
		reconnects: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "startupqa_gateway_reconnects_total",
			Help: "Times the gateway connection dropped and was opened again.",
		}),
		rateLimited: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "startupqa_rest_rate_limited_total",
			Help: "REST requests Discord answered with 429 Too Many Requests.",
		}),
	}
	m.reg.MustRegister(m.interactions, m.latency, m.searches, m.confidence, m.reconnects, m.rateLimited,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Interaction records one handled interaction.
func (m *Metrics) Interaction(command, outcome string, took time.Duration) {
	m.interactions.WithLabelValues(command, outcome).Inc()
	m.latency.WithLabelValues(command).Observe(took.Seconds())
}

// Search records one search and its confidence; 0 when nothing matched.
func (m *Metrics) Search(answered bool, confidence float64) {
	result := "abstained"
	if answered {
		result = "answered"
	}
	m.searches.WithLabelValues(result).Inc()
	if confidence > 0 {
		m.confidence.Observe(confidence)
	}
}

// GatewayReconnect records a reconnection of the gateway.
func (m *Metrics) GatewayReconnect() { m.reconnects.Inc() }

// RateLimited records a 429 from Discord's REST API.
func (m *Metrics) RateLimited() { m.rateLimited.Inc() }

// Gauge adds a figure read when Prometheus scrapes: the index's sections,
// the store's failures, the gateway's latency.
func (m *Metrics) Gauge(name, help string, read func() float64) {
	m.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: name, Help: help}, read))
}

// Counter adds a count kept elsewhere and read when Prometheus scrapes.
func (m *Metrics) Counter(name, help string, read func() float64) {
	m.reg.MustRegister(prometheus.NewCounterFunc(prometheus.CounterOpts{Name: name, Help: help}, read))
}

// Handler serves /metrics, /healthz (the process answers) and /readyz
// (ready reports no error: the index loaded, the store reachable, the
// gateway connected).
func (m *Metrics) Handler(ready func(context.Context) error) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{}))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := ready(ctx); err != nil {
			http.Error(w, "not ready: "+err.Error(), http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("ready\n"))
	})
	return mux
}
