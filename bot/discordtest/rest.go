package discordtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strings"
	"time"
)

// restCall is one REST request being handled.
type restCall struct {
	rec    *Request
	params map[string]string
}

// param returns the path parameter name (":name" in the route pattern).
func (c *restCall) param(name string) string { return c.params[name] }

// object returns the JSON body as an object (nil if it is not one).
func (c *restCall) object() map[string]any {
	m, _ := c.rec.JSON.(map[string]any)
	return m
}

// message returns the JSON body as a message to create (or, with create
// false, the fields of an edit), or the 400 Discord would answer it with.
func (c *restCall) message(create bool) (data map[string]any, rep reply, bad bool) {
	data = c.object()
	if data == nil {
		data = map[string]any{}
	}
	rep, bad = validateMessage(data, create, len(c.rec.Files))
	return data, rep, bad
}

// authKind says how a route is authenticated.
type authKind int

const (
	authBot  authKind = iota // Authorization: Bot <token>
	authNone                 // public (gateway) or token in the URL (webhooks)
)

type route struct {
	method  string
	pattern []string // segments; ":name" is a parameter
	auth    authKind
	handle  func(*Server, *restCall) reply // called with s.mu held
}

func at(method, pattern string, auth authKind, h func(*Server, *restCall) reply) route {
	return route{method: method, pattern: strings.Split(pattern, "/"), auth: auth, handle: h}
}

// routes are matched in order against the path after /api/vN/.
var routes = []route{
	at("GET", "gateway", authNone, (*Server).getGateway),
	at("GET", "gateway/bot", authBot, (*Server).getGatewayBot),
	at("GET", "users/:user", authBot, (*Server).getUser),
	at("GET", "applications/:app/commands", authBot, (*Server).listCommands),
	at("PUT", "applications/:app/commands", authBot, (*Server).overwriteCommands),
	at("POST", "applications/:app/commands", authBot, (*Server).createCommand),
	at("GET", "applications/:app/commands/:cmd", authBot, (*Server).getCommand),
	at("DELETE", "applications/:app/commands/:cmd", authBot, (*Server).deleteCommand),
	at("GET", "applications/:app/guilds/:guild/commands", authBot, (*Server).listCommands),
	at("PUT", "applications/:app/guilds/:guild/commands", authBot, (*Server).overwriteCommands),
	at("POST", "applications/:app/guilds/:guild/commands", authBot, (*Server).createCommand),
	at("GET", "applications/:app/guilds/:guild/commands/:cmd", authBot, (*Server).getCommand),
	at("DELETE", "applications/:app/guilds/:guild/commands/:cmd", authBot, (*Server).deleteCommand),
	at("POST", "interactions/:id/:token/callback", authNone, (*Server).interactionCallback),
	at("POST", "webhooks/:app/:token", authNone, (*Server).createFollowup),
	at("GET", "webhooks/:app/:token/messages/:msg", authNone, (*Server).getWebhookMessage),
	at("PATCH", "webhooks/:app/:token/messages/:msg", authNone, (*Server).editWebhookMessage),
	at("DELETE", "webhooks/:app/:token/messages/:msg", authNone, (*Server).deleteWebhookMessage),
	at("POST", "channels/:channel/messages", authBot, (*Server).createChannelMessage),
	at("POST", "channels/:channel/typing", authBot, (*Server).typing),
}

// splitAPIPath splits /api/v9/rest into "v9" and "/rest".
func splitAPIPath(p string) (ver, rest string, ok bool) {
	after, found := strings.CutPrefix(p, "/api/")
	if !found {
		return "", "", false
	}
	ver, rest, _ = strings.Cut(after, "/")
	if ver != "v9" && ver != "v10" {
		return "", "", false
	}
	return ver, "/" + rest, true
}

func matchRoute(rt route, method string, segs []string) (map[string]string, bool) {
	if rt.method != method || len(rt.pattern) != len(segs) {
		return nil, false
	}
	params := map[string]string{}
	for i, p := range rt.pattern {
		if name, isParam := strings.CutPrefix(p, ":"); isParam {
			if segs[i] == "" {
				return nil, false
			}
			params[name] = segs[i]
		} else if p != segs[i] {
			return nil, false
		}
	}
	return params, true
}

func (s *Server) serveHTTP(w http.ResponseWriter, hr *http.Request) {
	if hr.URL.Path == gatewayPath || hr.URL.Path == gatewayPath+"/" {
		s.serveGateway(w, hr)
		return
	}
	body, _ := io.ReadAll(io.LimitReader(hr.Body, 64<<20))
	latency := s.getLatency()
	if !s.pause(hr.Context(), latency/2) {
		return
	}

	rec := &Request{
		Method:   hr.Method,
		Path:     hr.URL.Path,
		Endpoint: endpointOf(hr.URL.Path),
		Query:    hr.URL.Query(),
		Header:   hr.Header.Clone(),
		Body:     body,
		Received: time.Now(),
	}
	decodeBody(rec)

	var rep reply
	if f, hit := s.takeFault(hr, body); hit {
		rep = f.reply()
		s.mu.Lock()
	} else {
		s.mu.Lock()
		rep = s.route(hr, rec)
	}
	var out []byte
	if rep.body != nil {
		out, _ = json.Marshal(rep.body)
	}
	rec.Status = rep.status
	rec.Response = out
	rec.Seq = s.forgotten + len(s.requests) + 1
	s.requests = append(s.requests, *rec)
	s.mu.Unlock()
	s.changed.fire()

	if !s.pause(hr.Context(), latency-latency/2) {
		return
	}
	h := w.Header()
	if rep.status != http.StatusTooManyRequests {
		setRateLimitHeaders(h, rec.Endpoint)
	}
	for k, v := range rep.header {
		h[k] = v
	}
	h.Set("Via", "1.1 discordtest")
	if out != nil {
		h.Set("Content-Type", "application/json")
	}
	w.WriteHeader(rep.status)
	_, _ = w.Write(out)
}

// route finds the handler for a request; s.mu is held.
func (s *Server) route(hr *http.Request, rec *Request) reply {
	_, rest, ok := splitAPIPath(hr.URL.Path)
	if !ok {
		return httpError(http.StatusNotFound)
	}
	segs := strings.Split(strings.TrimPrefix(rest, "/"), "/")
	for _, rt := range routes {
		params, ok := matchRoute(rt, hr.Method, segs)
		if !ok {
			continue
		}
		if rt.auth == authBot && hr.Header.Get("Authorization") != "Bot "+s.Token() {
			return httpError(http.StatusUnauthorized)
		}
		if app, has := params["app"]; has && app != s.appID && rt.auth == authBot {
			return apiError(http.StatusForbidden, CodeMissingAccess, "Missing Access")
		}
		return rt.handle(s, &restCall{rec: rec, params: params})
	}
	return httpError(http.StatusNotFound)
}

// setRateLimitHeaders adds headers like Discord's that leave discordgo's
// bucket with requests to spare, so it never waits.
func setRateLimitHeaders(h http.Header, endpoint string) {
	f := fnv.New64a()
	_, _ = f.Write([]byte(endpoint))
	h.Set("X-RateLimit-Limit", "5")
	h.Set("X-RateLimit-Remaining", "4")
	h.Set("X-RateLimit-Reset", fmt.Sprintf("%.3f", float64(time.Now().Add(time.Second).UnixMilli())/1000))
	h.Set("X-RateLimit-Reset-After", "1.000")
	h.Set("X-RateLimit-Bucket", fmt.Sprintf("%016x", f.Sum64()))
}

// decodeBody fills rec.JSON and rec.Files from rec.Body.
func decodeBody(rec *Request) {
	if len(rec.Body) == 0 {
		return
	}
	mt, params, _ := mime.ParseMediaType(rec.Header.Get("Content-Type"))
	if mt != "multipart/form-data" {
		var v any
		if json.Unmarshal(rec.Body, &v) == nil {
			rec.JSON = v
		}
		return
	}
	mr := multipart.NewReader(bytes.NewReader(rec.Body), params["boundary"])
	for {
		p, err := mr.NextPart()
		if err != nil {
			return
		}
		data, _ := io.ReadAll(p)
		if p.FormName() == "payload_json" {
			var v any
			if json.Unmarshal(data, &v) == nil {
				rec.JSON = v
			}
			continue
		}
		rec.Files = append(rec.Files, File{
			Field:       p.FormName(),
			Name:        p.FileName(),
			ContentType: p.Header.Get("Content-Type"),
			Data:        data,
		})
	}
}
