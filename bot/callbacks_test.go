package bot

import (
	"reflect"
	"testing"
)

// TestCallbackBucketsStayBounded drives more interactions than there are
// pooled buckets and counts the buckets discordgo keeps: with a bucket per
// interaction they grow without end (about 31 MiB per 100k interactions).
func TestCallbackBucketsStayBounded(t *testing.T) {
	r := startBot(t, nil, Config{}, defaultIndex(t))
	const n = 3 * callbackBuckets
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
	if limit := callbackBuckets + 32; buckets > limit {
		t.Errorf("%d interactions left %d rate-limit buckets, want at most %d", n, buckets, limit)
	}
}

func TestCallbackBucketSpreadsInteractions(t *testing.T) {
	seen := map[string]bool{}
	for i := range 10 * callbackBuckets {
		seen[callbackBucket("callback", string(rune('a'+i%26))+string(rune(i)))] = true
	}
	if len(seen) < callbackBuckets*9/10 {
		t.Errorf("%d interactions used %d of %d buckets", 10*callbackBuckets, len(seen), callbackBuckets)
	}
	if callbackBucket("callback", "1") == callbackBucket("edit", "1") {
		t.Error("callbacks and edits share a bucket")
	}
}
