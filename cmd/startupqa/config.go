package main

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"strings"

	"github.com/joho/godotenv"
)

// config is every setting, read once from the environment and .env; flags
// override some of them per command. No other package reads the
// environment.
type config struct {
	CorpusDir string     // CORPUS_DIR: "" means the built-in corpus
	IndexDir  string     // INDEX_DIR: "" means an in-memory index
	LogLevel  slog.Level // LOG_LEVEL: debug, info, warn, error
	LogFormat string     // LOG_FORMAT: text or json
}

// lookupFunc is os.LookupEnv, or a fake in tests.
type lookupFunc func(key string) (string, bool)

// loadConfig reads the settings: the environment wins over the .env file
// at dotenvPath, which may be missing.
func loadConfig(env lookupFunc, dotenvPath string) (config, error) {
	dotenv, err := godotenv.Read(dotenvPath)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return config{}, fmt.Errorf("read %s: %w", dotenvPath, err)
	}
	get := func(key, def string) string {
		if v, ok := env(key); ok {
			return strings.TrimSpace(v)
		}
		if v, ok := dotenv[key]; ok {
			return strings.TrimSpace(v)
		}
		return def
	}
	cfg := config{
		CorpusDir: get("CORPUS_DIR", ""),
		IndexDir:  get("INDEX_DIR", ""),
		LogFormat: strings.ToLower(get("LOG_FORMAT", "text")),
	}
	if err := cfg.LogLevel.UnmarshalText([]byte(get("LOG_LEVEL", "warn"))); err != nil {
		return config{}, fmt.Errorf("LOG_LEVEL: %w", err)
	}
	if cfg.LogFormat != "text" && cfg.LogFormat != "json" {
		return config{}, fmt.Errorf("LOG_FORMAT is %q; want text or json", cfg.LogFormat)
	}
	return cfg, nil
}
