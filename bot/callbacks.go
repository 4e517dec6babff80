package bot

import (
	"fmt"
	"hash/fnv"

	"github.com/bwmarrin/discordgo"
)

// callbackBuckets is how many rate-limit buckets interaction callbacks
// (and, apart, edits of deferred answers) share. discordgo keys a bucket
// by the request URL, which for a callback holds the interaction's id and
// token, and never forgets a bucket: about 31 MiB per 100k interactions.
// A fixed pool keeps that memory flat. A bucket is locked for the whole of
// a request, so the pool is also how many callbacks can be in flight at
// once: with 80 ms round trips, 128 buckets carry 1,600 a second.
const callbackBuckets = 128

// callbackBucket is the pooled bucket of one interaction's requests of a
// kind ("callback", "edit").
func callbackBucket(kind, interactionID string) string {
	h := fnv.New32a()
	h.Write([]byte(interactionID))
	return fmt.Sprintf("interaction-%s/%d", kind, h.Sum32()%callbackBuckets)
}

// interactionRespond is s.InteractionRespond through the pooled buckets.
func interactionRespond(s *discordgo.Session, i *discordgo.Interaction, resp *discordgo.InteractionResponse) error {
	endpoint := discordgo.EndpointInteractionResponse(i.ID, i.Token)
	bucket := callbackBucket("callback", i.ID)
	defer forgetLimits(s, bucket)
	if resp.Data != nil && len(resp.Data.Files) > 0 {
		contentType, body, err := discordgo.MultipartBodyWithJSON(resp, resp.Data.Files)
		if err != nil {
			return err
		}
		_, err = s.RequestRaw("POST", endpoint, contentType, body, bucket, 0)
		return err
	}
	_, err := s.RequestWithBucketID("POST", endpoint, *resp, bucket)
	return err
}

// forgetLimits clears what the last response said about a pooled bucket's
// remaining requests. Discord limits callbacks per interaction token, so
// "none left until reset" from one interaction says nothing about the next
// that shares its bucket, and must not make it wait. A 429 is still waited
// out, inside the request that got it.
func forgetLimits(s *discordgo.Session, bucket string) {
	b := s.Ratelimiter.GetBucket(bucket)
	b.Lock()
	b.Remaining = 1
	b.Unlock()
}
