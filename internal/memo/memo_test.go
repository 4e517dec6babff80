package memo

import (
	"fmt"
	"sync"
	"testing"
)

func TestMapKeepsUpToItsBound(t *testing.T) {
	m := New[int](3)
	var wg sync.WaitGroup
	for i := range 10 {
		wg.Go(func() { m.Store(fmt.Sprint(i), i) })
	}
	wg.Wait()
	kept := 0
	for i := range 10 {
		if v, ok := m.Load(fmt.Sprint(i)); ok {
			kept++
			if v != i {
				t.Errorf("Load(%d) = %d", i, v)
			}
		}
	}
	if kept != 3 {
		t.Errorf("%d values kept, want the bound of 3", kept)
	}
	if v, ok := m.Load("absent"); ok || v != 0 {
		t.Errorf("Load(absent) = %d, %v", v, ok)
	}
}
