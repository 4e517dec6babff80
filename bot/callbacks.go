package bot

import (
	"strconv"
	"sync"

	"github.com/bwmarrin/discordgo"
)

// bucketPool lends rate-limit bucket ids to interaction callbacks (and,
// in a pool of their own, to the edits of deferred answers). discordgo
// keys a bucket by the request URL, which for a callback holds the
// interaction's id and token, and never forgets a bucket: about 31 MiB per
// 100k interactions. It also locks a bucket for the whole of a request, so
// two requests sharing one wait for each other. A bucket lent to one
// request at a time and then reused keeps both right: as many buckets as
// requests were ever in flight at once, none waiting for another.
type bucketPool struct {
	kind string
	mu   sync.Mutex
	free []string
	made int
}

func (p *bucketPool) get() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	if n := len(p.free); n > 0 {
		id := p.free[n-1]
		p.free = p.free[:n-1]
		return id
	}
	p.made++
	return "interaction-" + p.kind + "/" + strconv.Itoa(p.made)
}

func (p *bucketPool) put(id string) {
	p.mu.Lock()
	p.free = append(p.free, id)
	p.mu.Unlock()
}

// size is how many buckets the pool has made.
func (p *bucketPool) size() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.made
}

// request runs one REST request in a bucket lent for it.
func (p *bucketPool) request(s *discordgo.Session, do func(bucket string) error) error {
	bucket := p.get()
	defer p.put(bucket)
	defer forgetLimits(s, bucket)
	return do(bucket)
}

// interactionRespond is s.InteractionRespond in a lent bucket.
func (b *Bot) interactionRespond(s *discordgo.Session, i *discordgo.Interaction, resp *discordgo.InteractionResponse) error {
	endpoint := discordgo.EndpointInteractionResponse(i.ID, i.Token)
	return b.callbacks.request(s, func(bucket string) error {
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
	})
}

// forgetLimits clears what the last response said about a lent bucket's
// remaining requests. Discord limits callbacks per interaction token, so
// "none left until reset" from one interaction says nothing about the next
// to borrow the bucket, and must not make it wait. A 429 is still waited
// out, inside the request that got it.
func forgetLimits(s *discordgo.Session, bucket string) {
	bk := s.Ratelimiter.GetBucket(bucket)
	bk.Lock()
	bk.Remaining = 1
	bk.Unlock()
}
