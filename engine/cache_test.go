package engine

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/startupqa/startupqa/index"
)

func TestAnswerCacheEvictsLeastRecentlyUsed(t *testing.T) {
	c := newAnswerCache(2)
	a, b, d := &index.Result{Query: "a"}, &index.Result{Query: "b"}, &index.Result{Query: "d"}
	c.put("a", a)
	c.put("b", b)
	if got, ok := c.get("a"); !ok || got != a {
		t.Fatalf("get(a) = %v, %v; want the result put", got, ok)
	}
	c.put("d", d) // b is now the least recently used
	for _, tc := range []struct {
		q    string
		want *index.Result
	}{{"a", a}, {"b", nil}, {"d", d}} {
		got, ok := c.get(tc.q)
		if ok != (tc.want != nil) || got != tc.want {
			t.Errorf("get(%s) = %v, %v; want %v", tc.q, got, ok, tc.want)
		}
	}
	if n := len(c.items); n != 2 || c.order.Len() != 2 {
		t.Errorf("cache holds %d items in a list of %d, want 2", n, c.order.Len())
	}
	c.put("a", &index.Result{Query: "other"}) // a second miss of a cached question
	if got, _ := c.get("a"); got != a {
		t.Errorf("a second put replaced the cached result: %v", got)
	}
}

func TestSearchCachesRepeatedQuestions(t *testing.T) {
	for _, noCache := range []bool{false, true} {
		t.Run(fmt.Sprintf("NoCache=%v", noCache), func(t *testing.T) {
			dir := t.TempDir()
			write(t, dir, article+extra)
			e, err := Open(context.Background(), Config{CorpusDir: dir, NoCache: noCache}, slog.New(slog.DiscardHandler))
			if err != nil {
				t.Fatal(err)
			}
			defer e.Close()
			ctx := context.Background()

			// A failed search is not remembered.
			cancelled, cancel := context.WithCancel(ctx)
			cancel()
			if _, err := e.Search(cancelled, "提示工程是什么"); err == nil {
				t.Fatal("search with a cancelled context succeeded")
			}
			first, err := e.Search(ctx, "提示工程是什么")
			if err != nil {
				t.Fatal(err)
			}
			again, err := e.Search(ctx, "提示工程是什么")
			if err != nil {
				t.Fatal(err)
			}
			if best, ok := again.Best(); !ok || best.Section.ID != "notes/2" {
				t.Fatalf("repeated question answered by %v", best.Section)
			}
			if shared := first == again; shared == noCache {
				t.Errorf("the repeated question's result is shared: %v, want %v", shared, !noCache)
			}
			want := [2]int{1, 1}
			if noCache {
				want = [2]int{}
			}
			s := e.Stats()
			if got := [2]int{s.CacheHits, s.CacheMisses}; got != want {
				t.Errorf("cache hits and misses %v, want %v", got, want)
			}
		})
	}
}

// TestCacheKeepsOnlyFullQuestions checks that autocomplete's keystrokes
// and overlong questions are searched but not kept.
func TestCacheKeepsOnlyFullQuestions(t *testing.T) {
	e, err := Open(context.Background(), Config{}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	ctx := context.Background()
	long := strings.Repeat("大模型的训练过程", 100)
	for _, tc := range []struct {
		ctx  context.Context
		q    string
		kept bool
	}{
		{Transient(ctx), "大模", false},
		{ctx, long, false},
		{ctx, "大模型的训练过程", true},
	} {
		if _, err := e.Search(tc.ctx, tc.q); err != nil {
			t.Fatal(err)
		}
		if _, kept := e.cache.get(tc.q); kept != tc.kept {
			t.Errorf("%.12q kept: %v, want %v", tc.q, kept, tc.kept)
		}
	}
	// A passing search is still answered from the cache.
	if _, err := e.Search(Transient(ctx), "大模型的训练过程"); err != nil {
		t.Fatal(err)
	}
	if s := e.Stats(); s.CacheHits != 1 || s.CacheMisses != 3 {
		t.Errorf("hits %d, misses %d; want 1 and 3", s.CacheHits, s.CacheMisses)
	}
}

// TestReloadStartsANewCache checks that a reload never serves an answer
// from the corpus it replaced.
func TestReloadStartsANewCache(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, article)
	e, err := Open(context.Background(), Config{CorpusDir: dir}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	answered(t, e, "提示工程是什么", "")
	answered(t, e, "提示工程是什么", "") // now cached
	write(t, dir, article+extra)
	if _, err := e.Reload(context.Background()); err != nil {
		t.Fatal(err)
	}
	answered(t, e, "提示工程是什么", "notes/2")
}

func BenchmarkSearchRepeated(b *testing.B) {
	for _, noCache := range []bool{false, true} {
		b.Run(map[bool]string{false: "cache", true: "no-cache"}[noCache], func(b *testing.B) {
			e, err := Open(context.Background(), Config{NoCache: noCache}, slog.New(slog.DiscardHandler))
			if err != nil {
				b.Fatal(err)
			}
			defer e.Close()
			qs := []string{"大模型的训练过程", "大模型创业有哪些挑战", "what is a large model", "商业模式创新"}
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if _, err := e.Search(context.Background(), qs[i%len(qs)]); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}
