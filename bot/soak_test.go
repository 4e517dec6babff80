package bot

import (
	"os"
	"runtime"
	"strconv"
	"testing"
)

// TestSoakHeap drives many /ask interactions through the fake Discord and
// checks that the heap after them is within 10 % of the heap after a
// warm-up of a tenth of them. It takes minutes, so it runs on demand:
//
//	STARTUPQA_SOAK=100000 go test -run TestSoakHeap -v ./bot
func TestSoakHeap(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("STARTUPQA_SOAK"))
	if n <= 0 {
		t.Skip("set STARTUPQA_SOAK=100000 to drive that many interactions and watch the heap")
	}
	r := startBot(t, nil, Config{}, defaultIndex(t))
	questions := evalQuestions(t)
	const batch = 200
	run := func(count int) {
		for done := 0; done < count; done += batch {
			burst(t, r, batch, questions)
			// The fake's record and the test's log buffer are not the
			// bot's memory.
			r.srv.Forget()
			r.logs.reset()
		}
	}
	run(n / 10)
	base := liveHeap()
	run(n - n/10)
	end := liveHeap()
	t.Logf("heap after %d interactions %.1f MiB, after %d %.1f MiB (%+.1f %%)", n/10, mib(base), n, mib(end), 100*(float64(end)/float64(base)-1))
	if float64(end) > 1.10*float64(base) {
		t.Errorf("heap grew from %.1f to %.1f MiB", mib(base), mib(end))
	}
}

func liveHeap() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func mib(b uint64) float64 { return float64(b) / (1 << 20) }
