package words

import "strings"

// sortedLines is a text of "key\tvalue" lines sorted by key, after an
// optional header of "#" lines, searched by bisection in place.
type sortedLines string

// find returns the value of key's line.
func (s sortedLines) find(key string) (string, bool) {
	v, ok, _ := s.search(key)
	return v, ok
}

// search returns the value of key's line, and whether a longer key starts
// with key: a segmenter need not try longer words when none does.
func (s sortedLines) search(key string) (value string, ok, longer bool) {
	data := string(s)
	lo, hi := 0, len(data)
	for lo < hi {
		mid := lo + (hi-lo)/2
		start := lo
		if i := strings.LastIndexByte(data[lo:mid], '\n'); i >= 0 {
			start = lo + i + 1
		}
		end := len(data)
		if i := strings.IndexByte(data[start:], '\n'); i >= 0 {
			end = start + i
		}
		line := data[start:end]
		k, v, _ := strings.Cut(line, "\t")
		switch {
		case strings.HasPrefix(line, "#"):
			lo = end + 1 // the header sorts before every key
		case k == key:
			next := end + 1
			return v, true, next < len(data) && strings.HasPrefix(data[next:], key)
		case k < key:
			lo = end + 1
		default:
			hi = start
		}
	}
	// lo is the start of the first line whose key is greater than key.
	return "", false, lo < len(data) && strings.HasPrefix(data[lo:], key)
}
