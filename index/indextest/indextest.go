// Package indextest builds the indexes that tests across the project
// search: the built-in corpus as the CLI and the bot serve it.
package indextest

import (
	"context"
	"testing"

	"github.com/startupqa/startupqa/corpus"
	"github.com/startupqa/startupqa/index"
	"github.com/startupqa/startupqa/zh"
)

// Default indexes the built-in corpus in memory, with traditional
// questions mapped to simplified ones, and closes it when tb ends.
func Default(tb testing.TB) *index.Index {
	tb.Helper()
	c, err := corpus.Default()
	if err != nil {
		tb.Fatal(err)
	}
	return build(tb, c)
}

// Dir indexes the corpus in dir the same way, and closes it when tb ends.
func Dir(tb testing.TB, dir string) *index.Index {
	tb.Helper()
	ix, err := Open(context.Background(), dir)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ix.Close() })
	return ix
}

// Open indexes the corpus in dir as Dir does, for an index that outlives
// one test: the caller closes it.
func Open(ctx context.Context, dir string) (*index.Index, error) {
	c, err := corpus.LoadDir(dir)
	if err != nil {
		return nil, err
	}
	return newIndex(ctx, c)
}

func build(tb testing.TB, c *corpus.Corpus) *index.Index {
	tb.Helper()
	ix, err := newIndex(context.Background(), c)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ix.Close() })
	return ix
}

func newIndex(ctx context.Context, c *corpus.Corpus) (*index.Index, error) {
	conv, err := zh.New()
	if err != nil {
		return nil, err
	}
	return index.Build(ctx, c, index.WithSimplifier(conv.Simplified), index.WithReadings(conv.Readings))
}
