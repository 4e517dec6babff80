package bot

import (
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/startupqa/startupqa/corpus"
)

// Discord's limits on what one message may hold, in characters as Discord
// counts them (UTF-16 code units).
const (
	maxContent     = 2000
	maxEmbedTitle  = 256
	maxEmbedDesc   = 4096
	maxEmbedFields = 25
	maxFieldName   = 256
	maxFieldValue  = 1024
	maxFooterText  = 2048
	maxEmbedTotal  = 6000
	maxButtonLabel = 80
	maxCustomID    = 100
	maxChoices     = 25
	maxChoiceName  = 100
	maxChoiceValue = 100
	maxButtons     = 5 // per action row
)

// length counts s the way Discord does: UTF-16 code units, so an emoji
// outside the Basic Multilingual Plane counts two.
func length(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// truncate cuts s to at most limit characters. It prefers to cut at the end
// of a line and then appends marker on its own line, so a list is never cut
// in the middle of an item unless one item alone is too long; it never
// cuts inside a character.
func truncate(s string, limit int, marker string) string {
	if length(s) <= limit {
		return s
	}
	room := limit - length(marker) - 1
	if strings.Contains(s, "```") || strings.Contains(s, "~~~") {
		room -= maxFenceClose
	}
	if room <= 0 {
		return cutRunes(marker, limit)
	}
	head := cutRunes(s, room)
	if i := strings.LastIndexByte(head, '\n'); i > 0 {
		head = head[:i]
	}
	head = strings.TrimRight(head, " \n")
	if fence, at := openFence(head); fence != "" {
		// Cut inside a code block: closed, or the marker and whatever
		// Discord shows after it would be code; a block cut right after
		// its opening line is left out.
		if strings.IndexByte(head[at:], '\n') < 0 {
			head = strings.TrimRight(head[:at], " \n")
		} else {
			head += "\n" + fence
		}
	}
	return head + "\n" + marker
}

// maxFenceClose is the room a closing fence takes: a new line and the
// fence, which is seldom longer than four characters.
const maxFenceClose = 5

// openFence returns the fence that closes the code block text ends inside
// and the byte offset of the block's opening line, or "" when text ends
// outside one. Fences are read as the corpus reads them.
func openFence(text string) (fence string, at int) {
	off, open := 0, ""
	for line := range strings.Lines(text) {
		t := strings.TrimSpace(line)
		switch {
		case open != "":
			if corpus.ClosesFence(t, open) {
				open = ""
			}
		default:
			if open = corpus.FenceOpening(t); open != "" {
				at = off
			}
		}
		off += len(line)
	}
	if open == "" {
		return "", 0
	}
	return strings.Repeat(open[:1], min(len(open), maxFenceClose-1)), at
}

// cutRunes returns the longest prefix of s of at most limit characters.
func cutRunes(s string, limit int) string {
	n := 0
	for i, r := range s {
		w := 1
		if r >= 0x10000 {
			w = 2
		}
		if n+w > limit {
			return s[:i]
		}
		n += w
	}
	return s
}

// cutLine shortens a one-line label, ending it with "…" when cut.
func cutLine(s string, limit int) string {
	s = strings.Join(strings.Fields(s), " ")
	if length(s) <= limit {
		return s
	}
	return cutRunes(s, limit-1) + "…"
}

// embedLength is what Discord counts towards an embed's 6000 characters.
func embedLength(e *discordgo.MessageEmbed) int {
	n := length(e.Title) + length(e.Description)
	for _, f := range e.Fields {
		n += length(f.Name) + length(f.Value)
	}
	if e.Footer != nil {
		n += length(e.Footer.Text)
	}
	if e.Author != nil {
		n += length(e.Author.Name)
	}
	return n
}

// fitEmbed brings an embed within every limit: each part is cut to its own
// limit, then the description gives way until the whole fits.
func fitEmbed(e *discordgo.MessageEmbed, marker string) {
	e.Title = cutLine(e.Title, maxEmbedTitle)
	e.Description = truncate(e.Description, maxEmbedDesc, marker)
	if len(e.Fields) > maxEmbedFields {
		e.Fields = e.Fields[:maxEmbedFields]
	}
	for _, f := range e.Fields {
		f.Name = cutLine(f.Name, maxFieldName)
		f.Value = truncate(f.Value, maxFieldValue, marker)
	}
	if e.Footer != nil {
		e.Footer.Text = cutLine(e.Footer.Text, maxFooterText)
	}
	if over := embedLength(e) - maxEmbedTotal; over > 0 {
		e.Description = truncate(e.Description, max(0, length(e.Description)-over), marker)
	}
	for len(e.Fields) > 0 && embedLength(e) > maxEmbedTotal {
		e.Fields = e.Fields[:len(e.Fields)-1]
	}
}
