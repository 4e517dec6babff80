// Package engine is the answer engine as the bot and the CLI use it: a
// corpus and its index, which can be reloaded from the corpus directory
// while questions are being answered. A reload validates the new corpus
// first and swaps the index atomically; an invalid corpus keeps the old
// index and reports its problems.
package engine

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/startupqa/startupqa/corpus"
	"github.com/startupqa/startupqa/index"
)

// Config says where the corpus and the index live.
type Config struct {
	CorpusDir string // "" for the built-in corpus, which never changes
	IndexDir  string // "" for an in-memory index
	Options   []index.Option
	// NoCache turns off the cache of answers to repeated questions (see
	// CacheSize), for measurements that must search every time.
	NoCache bool
}

// Engine answers questions from the current index.
type Engine struct {
	cfg Config
	log *slog.Logger

	mu    sync.RWMutex // held for reading during a search, for writing to swap
	ix    *index.Index
	cache *answerCache // of ix; nil when Config.NoCache

	reloadMu sync.Mutex // one reload at a time
	stamp    string     // what the corpus directory looked like when loaded

	statsMu sync.Mutex
	stats   Stats
	// Counted apart from stats: they change on every search.
	cacheHits, cacheMisses atomic.Int64
}

// Stats say how the engine's index came to be, for an operator's
// dashboards.
type Stats struct {
	Sections       int           // in the corpus served
	IndexTook      time.Duration // to load the corpus and index it, the last time
	IndexBytes     int64         // on disk, for an index kept in a directory; 0 in memory
	Reloads        int           // reloads that swapped in a new index
	ReloadFailures int           // reloads refused (a broken corpus) or failed
	CacheHits      int           // questions answered from the cache of repeated questions
	CacheMisses    int           // questions searched (NoCache: none counted)
}

// Stats returns the engine's figures.
func (e *Engine) Stats() Stats {
	e.statsMu.Lock()
	s := e.stats
	e.statsMu.Unlock()
	s.CacheHits, s.CacheMisses = int(e.cacheHits.Load()), int(e.cacheMisses.Load())
	return s
}

func (e *Engine) record(f func(*Stats)) {
	e.statsMu.Lock()
	f(&e.stats)
	e.statsMu.Unlock()
}

// Open loads the corpus and builds its index.
func Open(ctx context.Context, cfg Config, log *slog.Logger) (*Engine, error) {
	e := &Engine{cfg: cfg, log: log}
	start := time.Now()
	stamp, _ := e.dirStamp()
	c, err := e.loadCorpus()
	if err != nil {
		return nil, err
	}
	ix, err := e.index(ctx, c)
	if err != nil {
		return nil, err
	}
	e.setIndex(ix)
	e.stamp = stamp
	e.stats = Stats{Sections: len(c.Sections), IndexTook: time.Since(start), IndexBytes: dirBytes(cfg.IndexDir)}
	return e, nil
}

func (e *Engine) loadCorpus() (*corpus.Corpus, error) {
	if e.cfg.CorpusDir == "" {
		return corpus.Default()
	}
	c, err := corpus.LoadDir(e.cfg.CorpusDir)
	if err != nil {
		return nil, err
	}
	for _, art := range c.Skipped {
		e.log.Info("file skipped: no notes in it", "file", art.File, "why", art.Skipped)
	}
	return c, nil
}

func (e *Engine) index(ctx context.Context, c *corpus.Corpus) (*index.Index, error) {
	if e.cfg.IndexDir == "" {
		return index.Build(ctx, c, e.cfg.Options...)
	}
	ix, rebuilt, err := index.Open(ctx, c, e.cfg.IndexDir, e.cfg.Options...)
	if errors.Is(err, index.ErrBusy) {
		// A bot is serving from the directory: answer from memory
		// rather than wait for it to stop.
		e.log.Warn("index directory in use by another process; indexing in memory", "dir", e.cfg.IndexDir)
		return index.Build(ctx, c, e.cfg.Options...)
	}
	if err == nil {
		e.log.Debug("index opened", "dir", e.cfg.IndexDir, "rebuilt", rebuilt, "sections", len(c.Sections))
	}
	return ix, err
}

// setIndex makes ix the index searched, with a cache of its own. The
// caller holds e.mu for writing, or has not shared e yet.
func (e *Engine) setIndex(ix *index.Index) {
	e.ix = ix
	if !e.cfg.NoCache {
		e.cache = newAnswerCache(CacheSize)
	}
}

// Search answers a question from the current index. A question asked
// before, in the same words, is answered from a cache (see CacheSize and
// Transient): callers share the result and must not change it.
func (e *Engine) Search(ctx context.Context, q string) (*index.Result, error) {
	e.mu.RLock()
	defer e.mu.RUnlock()
	if e.cache == nil {
		return e.ix.Search(ctx, q)
	}
	if res, ok := e.cache.get(q); ok {
		e.cacheHits.Add(1)
		return res, nil
	}
	res, err := e.ix.Search(ctx, q)
	if err != nil {
		return nil, err
	}
	if !isTransient(ctx) && len(q) <= maxCachedQuestion {
		e.cache.put(q, res)
	}
	e.cacheMisses.Add(1)
	return res, nil
}

// Corpus returns the current corpus.
func (e *Engine) Corpus() *corpus.Corpus {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return e.ix.Corpus()
}

// Index returns the current index, for callers that need more than
// Search; it may be swapped after the call.
func (e *Engine) Index() *index.Index {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return e.ix
}

// Reload re-reads the corpus directory and, when it is valid, swaps in a
// new index. An invalid corpus keeps the current index: the error is a
// corpus.Problems listing every problem as file:line. An in-memory index
// is built beside the current one, so searches never wait; a persisted
// index lives in one directory, so searches wait while it is rebuilt.
func (e *Engine) Reload(ctx context.Context) (sections int, err error) {
	e.reloadMu.Lock()
	defer e.reloadMu.Unlock()
	defer func() {
		if err != nil {
			e.record(func(s *Stats) { s.ReloadFailures++ })
		}
	}()
	stamp, _ := e.dirStamp()
	start := time.Now()
	c, err := e.loadCorpus()
	if err != nil {
		e.log.Warn("reload refused; keeping the current corpus", "err", firstLine(err))
		return 0, err
	}
	if e.cfg.IndexDir == "" {
		ix, err := e.index(ctx, c)
		if err != nil {
			return 0, err
		}
		e.mu.Lock()
		old := e.ix
		e.setIndex(ix)
		e.stamp = stamp
		e.mu.Unlock()
		old.Close() // searches on it finished: they held the read lock
	} else {
		e.mu.Lock()
		old := e.ix
		old.Close()
		ix, err := e.index(ctx, c)
		if err != nil && ctx.Err() == nil {
			// The corpus is valid; the index directory failed it
			// (read-only, full, replaced). Serve the new corpus from
			// memory rather than nothing, and say so.
			e.log.Error("index directory unusable; serving the corpus from memory", "dir", e.cfg.IndexDir, "err", err)
			ix, err = index.Build(ctx, c, e.cfg.Options...)
		}
		if err != nil {
			// Put the previous corpus back rather than serve a closed
			// index: in its directory if that still works, else in memory.
			back, berr := e.index(context.WithoutCancel(ctx), old.Corpus())
			if berr != nil {
				back, berr = index.Build(context.WithoutCancel(ctx), old.Corpus(), e.cfg.Options...)
			}
			if berr == nil {
				e.setIndex(back)
			} else {
				e.log.Error("reload failed and the previous corpus could not be indexed again", "err", berr)
			}
			e.mu.Unlock()
			return 0, err
		}
		e.setIndex(ix)
		e.stamp = stamp
		e.mu.Unlock()
	}
	took := time.Since(start)
	size := dirBytes(e.cfg.IndexDir)
	e.record(func(s *Stats) {
		s.Sections, s.IndexTook, s.IndexBytes, s.Reloads = len(c.Sections), took, size, s.Reloads+1
	})
	e.log.Info("corpus reloaded", "sections", len(c.Sections), "took", took)
	return len(c.Sections), nil
}

// Watch reloads the corpus whenever its directory changes (a file added,
// removed, or with a new size or modification time), checking every
// interval until ctx ends. Invalid corpora are logged and skipped until
// the next change.
func (e *Engine) Watch(ctx context.Context, interval time.Duration) {
	if e.cfg.CorpusDir == "" {
		return
	}
	t := time.NewTicker(interval)
	defer t.Stop()
	failed := ""
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		stamp, err := e.dirStamp()
		if err != nil {
			e.log.Warn("watch corpus", "err", err)
			continue
		}
		e.reloadMu.Lock()
		same := stamp == e.stamp
		e.reloadMu.Unlock()
		if same || stamp == failed {
			continue
		}
		if _, err := e.Reload(ctx); err != nil {
			failed = stamp
			continue
		}
		failed = ""
	}
}

// Close releases the index.
func (e *Engine) Close() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.ix.Close()
}

// dirStamp summarises the corpus directory's articles (corpus.ArticleFiles):
// names, sizes and modification times. A link is followed and its target
// named: Kubernetes mounts a ConfigMap as links that never change, through
// a ..data link it swaps to a new directory on every update.
func (e *Engine) dirStamp() (string, error) {
	if e.cfg.CorpusDir == "" {
		return "", nil
	}
	names, err := corpus.ArticleFiles(os.DirFS(e.cfg.CorpusDir))
	if err != nil {
		return "", fmt.Errorf("read %s: %w", e.cfg.CorpusDir, err)
	}
	var parts []string
	for _, name := range names {
		path := filepath.Join(e.cfg.CorpusDir, filepath.FromSlash(name))
		info, err := os.Lstat(path)
		target := ""
		if err == nil && info.Mode()&fs.ModeSymlink != 0 {
			if target, err = filepath.EvalSymlinks(path); err == nil {
				info, err = os.Stat(target)
			}
		}
		if err != nil {
			if os.IsNotExist(err) {
				// Gone since the listing, or a dangling link: the
				// loader reports the latter; either way a later
				// change of it changes the listing.
				parts = append(parts, name+":missing")
				continue
			}
			return "", err
		}
		parts = append(parts, stampOf(name, target, info))
	}
	sort.Strings(parts)
	return fmt.Sprint(parts), nil
}

func stampOf(name, target string, info fs.FileInfo) string {
	return fmt.Sprintf("%s>%s:%d:%d", name, target, info.Size(), info.ModTime().UnixNano())
}

// dirBytes is the size of the regular files under dir; 0 for "" or when
// it cannot be read.
func dirBytes(dir string) int64 {
	if dir == "" {
		return 0
	}
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}

func firstLine(err error) string {
	s := err.Error()
	for i, r := range s {
		if r == '\n' {
			return s[:i] + " …"
		}
	}
	return s
}
