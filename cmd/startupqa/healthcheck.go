package main

import (
	"context"
	"fmt"
	"net/http"
	"time"
)

// healthcheck asks a running serve's /healthz (or /readyz with --ready)
// on METRICS_ADDR and exits 0 when it answers 200: a container's
// HEALTHCHECK, in an image that has no curl.
func (a *app) healthcheck(ctx context.Context, args []string) error {
	fs := a.newFlagSet("healthcheck", "[--ready]")
	ready := fs.Bool("ready", false, "ask /readyz (corpus, store and Discord) instead of /healthz (the process)")
	if rest, err := parseFlags(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		fmt.Fprintf(a.stderr, "startupqa healthcheck: unexpected argument %q\n", rest[0])
		return usageError{}
	}
	if a.cfg.MetricsAddr == "" {
		fmt.Fprintln(a.stderr, "startupqa healthcheck: METRICS_ADDR is not set; serve answers health checks there")
		return usageError{}
	}
	path := "/healthz"
	if *ready {
		path = "/readyz"
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+a.cfg.MetricsAddr+path, nil)
	if err != nil {
		return fmt.Errorf("METRICS_ADDR %q: %w", a.cfg.MetricsAddr, err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("health check: %w", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("health check: %s answered %s", path, resp.Status)
	}
	return nil
}
