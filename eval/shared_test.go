package eval_test

import (
	"context"
	"os"
	"sync"
	"testing"

	"github.com/startupqa/startupqa/eval"
	"github.com/startupqa/startupqa/index"
	"github.com/startupqa/startupqa/index/indextest"
)

// built holds one index per corpus directory for the tests of this package
// that only search it: the calibration, the quality floors and the first
// of the determinism test's two builds. Searching never changes an index,
// and building the suite's corpora once rather than once per run takes
// about a third off the package's time under -race.
var built = struct {
	sync.Mutex
	m map[string]*index.Index
}{m: map[string]*index.Index{}}

func TestMain(m *testing.M) {
	code := m.Run()
	for _, ix := range built.m {
		ix.Close()
	}
	os.Exit(code)
}

// shared returns an Opener that searches the indexes in built with params
// p, building each corpus the first time it is asked for.
func shared(p index.Params) eval.Opener {
	return func(ctx context.Context, dir string) (eval.Searcher, func(), error) {
		built.Lock()
		defer built.Unlock()
		ix, ok := built.m[dir]
		if !ok {
			var err error
			if ix, err = indextest.Open(ctx, dir); err != nil {
				return nil, nil, err
			}
			built.m[dir] = ix
		}
		return ix.WithParams(p), func() {}, nil
	}
}
