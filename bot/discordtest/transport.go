package discordtest

import (
	"net/http"
	"net/url"
	"strings"
)

// DiscordHost is the host discordgo sends every REST request to.
const DiscordHost = "discord.com"

// Rewrite returns u pointed at base when u's host is discord.com, and
// whether it did. Scheme and host (with port) are base's; the path is base's
// path (without trailing slash) followed by u's path, so with base
// http://127.0.0.1:8080 the request https://discord.com/api/v9/users/@me
// becomes http://127.0.0.1:8080/api/v9/users/@me, and with base
// http://proxy/discord it becomes http://proxy/discord/api/v9/users/@me.
// Query and fragment are kept. Other hosts (cdn.discordapp.com, ...) are
// left alone. u is not modified.
func Rewrite(u *url.URL, base *url.URL) (*url.URL, bool) {
	if u == nil || base == nil || !strings.EqualFold(u.Hostname(), DiscordHost) {
		return u, false
	}
	v := *u
	v.Scheme = base.Scheme
	v.Host = base.Host
	v.User = base.User
	prefix := strings.TrimSuffix(base.Path, "/")
	v.Path = prefix + u.Path
	if u.RawPath != "" || base.RawPath != "" {
		v.RawPath = strings.TrimSuffix(base.EscapedPath(), "/") + u.EscapedPath()
	}
	return &v, true
}

// RewriteTransport returns a RoundTripper that sends requests for
// discord.com to base (see Rewrite) through next, and every other request
// through next unchanged. A nil next means http.DefaultTransport. The
// incoming request is not modified.
func RewriteTransport(base *url.URL, next http.RoundTripper) http.RoundTripper {
	if next == nil {
		next = http.DefaultTransport
	}
	b := *base
	return &rewriteTransport{base: &b, next: next}
}

type rewriteTransport struct {
	base *url.URL
	next http.RoundTripper
}

func (t *rewriteTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	u, ok := Rewrite(req.URL, t.base)
	if !ok {
		return t.next.RoundTrip(req)
	}
	r := req.Clone(req.Context())
	r.URL = u
	r.Host = ""
	return t.next.RoundTrip(r)
}
