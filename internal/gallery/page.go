package main

import (
	"fmt"
	"html"
	"regexp"
	"strings"
)

// Scene is one message as the bot posted it (see bot.TestGallery).
type Scene struct {
	Name       string      `json:"name"`
	Caption    string      `json:"caption"`
	Asked      string      `json:"asked"`
	Ephemeral  bool        `json:"ephemeral"`
	Content    string      `json:"content"`
	Embeds     []Embed     `json:"embeds"`
	Components []ActionRow `json:"components"`
	Image      []byte      `json:"image"`
	Users      map[string]string

	imageFile string
}

// Embed is the part of a Discord embed the pages show.
type Embed struct {
	Title       string  `json:"title"`
	Description string  `json:"description"`
	Color       int     `json:"color"`
	Fields      []Field `json:"fields"`
	Footer      *struct {
		Text string `json:"text"`
	} `json:"footer"`
	Image *struct {
		URL string `json:"url"`
	} `json:"image"`
}

type Field struct {
	Name   string `json:"name"`
	Value  string `json:"value"`
	Inline bool   `json:"inline"`
}

type ActionRow struct {
	Components []Button `json:"components"`
}

type Button struct {
	Label string `json:"label"`
	Style int    `json:"style"`
}

// Page is a scene as an HTML page styled like Discord's dark theme.
func Page(sc Scene, fontURL string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<!doctype html><meta charset="utf-8"><style>
@font-face { font-family: cjk; src: url(%q); }
body { margin: 0; background: #313338; color: #dbdee1; font: 15px/1.375 cjk, sans-serif; width: 720px; }
.msg { display: flex; gap: 16px; padding: 16px 16px 8px; }
.avatar { width: 40px; height: 40px; border-radius: 50%%; background: #5865f2; flex: none; }
.me { background: #f0b232; }
.name { font-weight: 600; color: #f2f3f5; } .bot { background: #5865f2; color: #fff; font-size: 10px; padding: 1px 4px; border-radius: 3px; margin-left: 4px; }
.body { flex: 1; min-width: 0; }
.embed { background: #2b2d31; border-left: 4px solid; border-radius: 4px; padding: 8px 16px 16px 12px; margin-top: 4px; max-width: 560px; }
.etitle { font-weight: 600; color: #f2f3f5; margin: 8px 0; } .fname { font-weight: 600; color: #f2f3f5; }
.fields { display: flex; flex-wrap: wrap; gap: 8px 24px; margin-top: 8px; } .field { flex: 0 0 100%%; } .inline { flex: 0 0 28%%; }
.footer { font-size: 12px; color: #b5bac1; margin-top: 8px; } .embed img { max-width: 100%%; border-radius: 4px; margin-top: 8px; }
.buttons { display: flex; gap: 8px; margin-top: 8px; flex-wrap: wrap; }
.button { border-radius: 3px; padding: 2px 16px; color: #fff; font-size: 14px; line-height: 28px; }
.s1 { background: #5865f2; } .s2 { background: #4e5058; } .s3 { background: #248046; } .s4 { background: #da373c; }
.eph { font-size: 12px; color: #949ba4; margin-top: 4px; }
.mention { background: rgba(88,101,242,.3); color: #c9cdfb; border-radius: 3px; padding: 0 2px; }
.caption { color: #949ba4; font-size: 13px; padding: 12px 16px 0; }
ul, ol { margin: 4px 0; padding-left: 22px; } p { margin: 0; }
</style>
<div class="caption">%s</div>
`, fontURL, html.EscapeString(sc.Caption))
	if sc.Asked != "" {
		fmt.Fprintf(&b, `<div class="msg"><div class="avatar me"></div><div class="body"><span class="name">alice</span><div>%s</div></div></div>`, html.EscapeString(sc.Asked))
	}
	b.WriteString(`<div class="msg"><div class="avatar"></div><div class="body"><span class="name">startupqa</span><span class="bot">APP</span>`)
	if sc.Content != "" {
		b.WriteString("<div>" + markdown(sc.Content, sc.Users) + "</div>")
	}
	for _, e := range sc.Embeds {
		fmt.Fprintf(&b, `<div class="embed" style="border-color: #%06x">`, e.Color)
		if e.Title != "" {
			b.WriteString(`<div class="etitle">` + markdown(e.Title, sc.Users) + "</div>")
		}
		if e.Description != "" {
			b.WriteString("<div>" + markdown(e.Description, sc.Users) + "</div>")
		}
		if len(e.Fields) > 0 {
			b.WriteString(`<div class="fields">`)
			for _, f := range e.Fields {
				class := "field"
				if f.Inline {
					class += " inline"
				}
				fmt.Fprintf(&b, `<div class="%s"><div class="fname">%s</div><div>%s</div></div>`, class, markdown(f.Name, sc.Users), markdown(f.Value, sc.Users))
			}
			b.WriteString("</div>")
		}
		if e.Image != nil && sc.imageFile != "" {
			fmt.Fprintf(&b, `<img src="%s">`, html.EscapeString(sc.imageFile))
		}
		if e.Footer != nil && e.Footer.Text != "" {
			b.WriteString(`<div class="footer">` + html.EscapeString(e.Footer.Text) + "</div>")
		}
		b.WriteString("</div>")
	}
	for _, row := range sc.Components {
		b.WriteString(`<div class="buttons">`)
		for _, btn := range row.Components {
			fmt.Fprintf(&b, `<span class="button s%d">%s</span>`, btn.Style, html.EscapeString(btn.Label))
		}
		b.WriteString("</div>")
	}
	if sc.Ephemeral {
		b.WriteString(`<div class="eph">👁 Only you can see this</div>`)
	}
	b.WriteString("</div></div>\n")
	return b.String()
}

var (
	boldRE    = regexp.MustCompile(`\*\*(.+?)\*\*`)
	mentionRE = regexp.MustCompile(`&lt;@(\d+)&gt;`)
	stampRE   = regexp.MustCompile(`&lt;t:(\d+):R&gt;`)
	itemRE    = regexp.MustCompile(`^(\s*)(?:[-*]|(\d+)\.)\s+(.*)$`)
)

// markdown renders the Markdown Discord shows in messages: bold, list
// items, line breaks, user mentions and relative timestamps.
func markdown(s string, users map[string]string) string {
	var b strings.Builder
	list := ""
	for _, line := range strings.Split(s, "\n") {
		line = html.EscapeString(line)
		line = boldRE.ReplaceAllString(line, "<b>$1</b>")
		line = mentionRE.ReplaceAllStringFunc(line, func(m string) string {
			id := mentionRE.FindStringSubmatch(m)[1]
			name := users[id]
			if name == "" {
				name = id
			}
			return `<span class="mention">@` + html.EscapeString(name) + "</span>"
		})
		line = stampRE.ReplaceAllString(line, "in 2 minutes")
		if m := itemRE.FindStringSubmatch(line); m != nil {
			kind := "ul"
			if m[2] != "" {
				kind = "ol"
			}
			if list != kind {
				if list != "" {
					b.WriteString("</" + list + ">")
				}
				b.WriteString("<" + kind + ">")
				list = kind
			}
			b.WriteString("<li>" + m[3] + "</li>")
			continue
		}
		if list != "" {
			b.WriteString("</" + list + ">")
			list = ""
		}
		b.WriteString("<p>" + line + "&nbsp;</p>")
	}
	if list != "" {
		b.WriteString("</" + list + ">")
	}
	return b.String()
}
