package bot

import (
	"reflect"
	"sync"
	"testing"
)

// TestCallbackBucketsStayBounded drives many interactions and counts the
// buckets discordgo keeps: with a bucket per interaction they grow without
// end (about 31 MiB per 100k interactions); lent buckets stay as many as
// were ever in flight at once.
func TestCallbackBucketsStayBounded(t *testing.T) {
	r := startBot(t, nil, Config{}, defaultIndex(t))
	const n = 300
	for i := range n {
		q := "大模型的训练过程"
		if i%2 == 1 {
			q = "模型解释性差有什么影响"
		}
		if s := r.interact(t, r.srv.CommandInteraction(member, cmdAsk, ask(q)...)); len(s.Data.Embeds) != 1 {
			t.Fatalf("interaction %d: no answer: %+v", i, s.Data)
		}
	}
	// The rate limiter keeps its buckets unexported; reflection reads
	// only their number.
	buckets := reflect.ValueOf(r.bot.session().Ratelimiter).Elem().FieldByName("buckets").Len()
	if buckets > 32 {
		t.Errorf("%d interactions, one at a time, left %d rate-limit buckets, want a handful", n, buckets)
	}
}

// A bucket is lent to one request at a time: concurrent requests get
// distinct buckets, and returned ones are lent again.
func TestBucketPool(t *testing.T) {
	p := &bucketPool{kind: "callback"}
	const n = 50
	ids := make([]string, n)
	var wg sync.WaitGroup
	for k := range n {
		wg.Add(1)
		go func() { defer wg.Done(); ids[k] = p.get() }()
	}
	wg.Wait()
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			t.Fatalf("bucket %s lent twice at once", id)
		}
		seen[id] = true
	}
	for _, id := range ids {
		p.put(id)
	}
	for range 5 * n {
		p.put(p.get())
	}
	if p.size() != n {
		t.Errorf("the pool made %d buckets for %d requests in flight at most", p.size(), n)
	}
}
