package bot

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/bwmarrin/discordgo"
)

const (
	// maxInteractionBody bounds what the endpoint reads of a request;
	// Discord's interactions are a few kilobytes.
	maxInteractionBody = 1 << 20
	// maxSignatureAge is how far a request's signed timestamp may be from
	// the clock: an older request is a replay.
	maxSignatureAge = 5 * time.Minute
	// ackDeadline is Discord's limit for the first response. respond
	// defers well before it; this bounds a request whose handler never
	// answered at all.
	ackDeadline = 3 * time.Second
)

// interactionsEndpoint serves Discord's Interactions Endpoint URL: Discord
// POSTs each interaction, signed with Ed25519, and the bot answers in the
// HTTP response. The handlers are the gateway's; only the way the first
// response travels differs. A deferred answer is edited in over REST, so
// it outlives the request: handlers run under ctx, not the request's.
type interactionsEndpoint struct {
	b   *Bot
	ctx context.Context
	key ed25519.PublicKey
	now func() time.Time
}

// InteractionsHandler returns the handler of the Interactions Endpoint
// URL, checking requests against the application's public key. Handlers
// run under ctx. It answers 503 until the bot is ready (Run has a REST
// session).
func (b *Bot) InteractionsHandler(ctx context.Context, key ed25519.PublicKey) http.Handler {
	return &interactionsEndpoint{b: b, ctx: ctx, key: key, now: time.Now}
}

func (h *interactionsEndpoint) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "POST interactions here", http.StatusMethodNotAllowed)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxInteractionBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			http.Error(w, "request too large", http.StatusRequestEntityTooLarge)
			return
		}
		http.Error(w, "cannot read the request", http.StatusBadRequest)
		return
	}
	if !h.verify(r.Header, body) {
		http.Error(w, "invalid request signature", http.StatusUnauthorized)
		return
	}
	var i discordgo.Interaction
	if err := json.Unmarshal(body, &i); err != nil {
		http.Error(w, "not an interaction", http.StatusBadRequest)
		return
	}
	if i.Type == discordgo.InteractionPing {
		writeResponse(w, &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong})
		return
	}
	s := h.b.session()
	if s == nil {
		http.Error(w, "starting", http.StatusServiceUnavailable)
		return
	}
	first := make(chan *discordgo.InteractionResponse, 1)
	go h.b.interaction(h.ctx, s, &i, func(resp *discordgo.InteractionResponse) error {
		select {
		case first <- resp:
			return nil
		default:
			return errors.New("an interaction has one first response")
		}
	})
	select {
	case resp := <-first:
		writeResponse(w, resp)
	case <-r.Context().Done():
	case <-time.After(ackDeadline):
		http.Error(w, "no response in time", http.StatusInternalServerError)
	}
}

// verify checks the request's signature: Ed25519 over the timestamp
// header followed by the body, with the timestamp near the clock.
func (h *interactionsEndpoint) verify(header http.Header, body []byte) bool {
	ts := header.Get("X-Signature-Timestamp")
	sig, err := hex.DecodeString(header.Get("X-Signature-Ed25519"))
	if ts == "" || err != nil || len(sig) != ed25519.SignatureSize || len(h.key) != ed25519.PublicKeySize {
		return false
	}
	secs, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return false
	}
	if age := h.now().Sub(time.Unix(secs, 0)); age > maxSignatureAge || age < -maxSignatureAge {
		return false
	}
	return ed25519.Verify(h.key, append([]byte(ts), body...), sig)
}

// writeResponse writes an interaction response as the HTTP response: JSON,
// or multipart when it carries files (a chart).
func writeResponse(w http.ResponseWriter, resp *discordgo.InteractionResponse) {
	if resp.Data != nil && len(resp.Data.Files) > 0 {
		contentType, body, err := discordgo.MultipartBodyWithJSON(resp, resp.Data.Files)
		if err != nil {
			http.Error(w, "cannot encode the response", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", contentType)
		w.Write(body)
		return
	}
	body, err := json.Marshal(resp)
	if err != nil {
		http.Error(w, "cannot encode the response", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(body)
}
