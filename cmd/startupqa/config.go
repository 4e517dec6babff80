package main

import (
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/joho/godotenv"

	"github.com/startupqa/startupqa/bot"
)

// config is every setting, read once from the environment and .env; flags
// override some of them per command. No other package reads the
// environment.
type config struct {
	CorpusDir string     // CORPUS_DIR: "" means the built-in corpus
	IndexDir  string     // INDEX_DIR: "" means an in-memory index
	LogLevel  slog.Level // LOG_LEVEL: debug, info, warn, error
	LogFormat string     // LOG_FORMAT: text or json
	NoColor   bool       // NO_COLOR: no ANSI styling in the terminal (no-color.org)

	// The Discord bot's settings, used by "serve".
	DiscordToken   string   // DISCORD_TOKEN; never logged or printed
	DiscordGuildID string   // DISCORD_GUILD_ID: register commands to one guild
	DiscordAPIBase *url.URL // DISCORD_API_BASE: replaces https://discord.com
	// DISCORD_PUBLIC_KEY: the application's Ed25519 key, which signs
	// what Discord POSTs to the interactions endpoint (serve --http).
	DiscordPublicKey ed25519.PublicKey
	Cooldown         time.Duration // ASK_COOLDOWN_SECONDS per user
	DatabasePath     string        // DATABASE_PATH: SQLite file for challenge scores
	// DATABASE_URL: PostgreSQL instead of the SQLite file; never logged
	// or printed, since it may hold a password.
	DatabaseURL string
	MetricsAddr string // METRICS_ADDR: host:port of /metrics, /healthz, /readyz
	// SHARD_COUNT: how many shards the bot runs as over all its processes
	// (0: unsharded; bot.AutoShards: Discord's count); SHARD_IDS: those
	// this process runs (nil: all).
	ShardCount    int
	ShardIDs      []int
	Retention     time.Duration // UNANSWERED_RETENTION_DAYS; 0 keeps everything
	ScheduleCheck time.Duration // SCHEDULE_CHECK_SECONDS: how often daily challenges are checked
}

// maxCooldown bounds ASK_COOLDOWN_SECONDS: a day is longer than any study
// group means, and 1e300 seconds would overflow to no cooldown at all.
const maxCooldown = 24 * time.Hour

// lookupFunc is os.LookupEnv, or a fake in tests.
type lookupFunc func(key string) (string, bool)

// loadConfig reads the settings: the environment wins over the .env file
// at dotenvPath, which may be missing.
func loadConfig(env lookupFunc, dotenvPath string) (config, error) {
	dotenv, err := godotenv.Read(dotenvPath)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return config{}, fmt.Errorf("read %s: %w", dotenvPath, err)
	}
	// An empty setting is an unset one: .env.example lists every key
	// with an empty value, and LOG_LEVEL= must mean the default level.
	get := func(key, def string) string {
		if v, ok := env(key); ok && strings.TrimSpace(v) != "" {
			return strings.TrimSpace(v)
		}
		if v, ok := dotenv[key]; ok && strings.TrimSpace(v) != "" {
			return strings.TrimSpace(v)
		}
		return def
	}
	cfg := config{
		CorpusDir: get("CORPUS_DIR", ""),
		IndexDir:  get("INDEX_DIR", ""),
		LogFormat: strings.ToLower(get("LOG_FORMAT", "text")),
	}
	cfg.NoColor = get("NO_COLOR", "") != ""
	cfg.DiscordToken = get("DISCORD_TOKEN", "")
	cfg.DatabasePath = get("DATABASE_PATH", "startupqa.db")
	cfg.DatabaseURL = get("DATABASE_URL", "")
	if u := cfg.DatabaseURL; u != "" && !strings.HasPrefix(u, "postgres://") && !strings.HasPrefix(u, "postgresql://") {
		return config{}, fmt.Errorf("DATABASE_URL must be a PostgreSQL URL, postgres://user:password@host:5432/database; leave it empty for the SQLite file of DATABASE_PATH")
	}
	cfg.MetricsAddr = get("METRICS_ADDR", "")
	check, err := strconv.Atoi(get("SCHEDULE_CHECK_SECONDS", "30"))
	if err != nil || check < 1 || check > 3600 {
		return config{}, fmt.Errorf("SCHEDULE_CHECK_SECONDS must be a whole number of seconds from 1 to 3600")
	}
	cfg.ScheduleCheck = time.Duration(check) * time.Second
	if cfg.ShardCount, cfg.ShardIDs, err = parseShards(get("SHARD_COUNT", ""), get("SHARD_IDS", "")); err != nil {
		return config{}, err
	}
	days, err := strconv.Atoi(get("UNANSWERED_RETENTION_DAYS", "90"))
	if err != nil || days < 0 {
		return config{}, fmt.Errorf("UNANSWERED_RETENTION_DAYS must be a whole number of days ≥ 0")
	}
	cfg.Retention = time.Duration(days) * 24 * time.Hour
	cfg.DiscordGuildID = get("DISCORD_GUILD_ID", "")
	if base := get("DISCORD_API_BASE", ""); base != "" {
		u, err := url.Parse(base)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return config{}, fmt.Errorf("DISCORD_API_BASE is %q; want a URL such as http://127.0.0.1:8080", base)
		}
		cfg.DiscordAPIBase = u
	}
	if hexKey := get("DISCORD_PUBLIC_KEY", ""); hexKey != "" {
		key, err := hex.DecodeString(hexKey)
		if err != nil || len(key) != ed25519.PublicKeySize {
			return config{}, fmt.Errorf("DISCORD_PUBLIC_KEY is not a public key: want the 64 hex digits of General Information → Public Key in the developer portal")
		}
		cfg.DiscordPublicKey = key
	}
	secs, err := strconv.ParseFloat(get("ASK_COOLDOWN_SECONDS", "3"), 64)
	if err != nil || math.IsNaN(secs) || secs < 0 || secs > maxCooldown.Seconds() {
		return config{}, fmt.Errorf("ASK_COOLDOWN_SECONDS is %q; want a number of seconds from 0 to %.0f", get("ASK_COOLDOWN_SECONDS", "3"), maxCooldown.Seconds())
	}
	cfg.Cooldown = time.Duration(secs * float64(time.Second))
	if err := cfg.LogLevel.UnmarshalText([]byte(get("LOG_LEVEL", "warn"))); err != nil {
		return config{}, fmt.Errorf("LOG_LEVEL is %q; want debug, info, warn or error", get("LOG_LEVEL", "warn"))
	}
	if cfg.LogFormat != "text" && cfg.LogFormat != "json" {
		return config{}, fmt.Errorf("LOG_FORMAT is %q; want text or json", cfg.LogFormat)
	}
	return cfg, nil
}

// maxShards bounds SHARD_COUNT: far past any bot (Discord wants a shard
// per 1,000 to 2,500 servers), short of a typo that opens a million
// connections.
const maxShards = 4096

// parseShards reads SHARD_COUNT ("", a number, or auto) and SHARD_IDS (ids
// and ranges: 0-3, 4,5, 0-1,6).
func parseShards(count, ids string) (int, []int, error) {
	n := 0
	switch {
	case count == "":
	case strings.EqualFold(count, "auto"):
		n = bot.AutoShards
	default:
		v, err := strconv.Atoi(count)
		if err != nil || v < 1 || v > maxShards {
			return 0, nil, fmt.Errorf("SHARD_COUNT is %q; want auto or a number of shards from 1 to %d", count, maxShards)
		}
		n = v
	}
	if ids == "" {
		return n, nil, nil
	}
	if n == 0 {
		return 0, nil, errors.New("SHARD_IDS needs SHARD_COUNT: the shards of how many")
	}
	bad := fmt.Errorf("SHARD_IDS is %q; want shard ids and ranges such as 0-3 or 4,5", ids)
	var out []int
	for _, part := range strings.Split(ids, ",") {
		lo, hi, isRange := strings.Cut(strings.TrimSpace(part), "-")
		a, err1 := strconv.Atoi(strings.TrimSpace(lo))
		b := a
		var err2 error
		if isRange {
			b, err2 = strconv.Atoi(strings.TrimSpace(hi))
		}
		if err1 != nil || err2 != nil || a < 0 || b < a || b >= maxShards {
			return 0, nil, bad
		}
		if n > 0 && b >= n {
			return 0, nil, fmt.Errorf("SHARD_IDS names shard %d, but SHARD_COUNT=%d has shards 0 to %d", b, n, n-1)
		}
		for i := a; i <= b; i++ {
			out = append(out, i)
		}
	}
	slices.Sort(out)
	return n, slices.Compact(out), nil
}
