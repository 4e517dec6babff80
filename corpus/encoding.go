package corpus

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Notes typed on Chinese Windows are often saved in GBK (GB18030 extends
// it), which is not UTF-8: read as UTF-8, every Chinese character of them
// is invalid. decodeGB18030 reads such a file as GB18030. A UTF-8 file
// with a few bad bytes (a broken copy) is left alone, and its bad lines
// are problems: read as GB18030, its Chinese would turn to nonsense
// without a single decoding error.
func decodeGB18030(data []byte) ([]byte, bool) {
	if utf8.Valid(data) {
		return data, false
	}
	valid, invalid := 0, 0
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			invalid++
		case size > 1:
			valid++
		}
		i += size
	}
	// In GBK text, about one Chinese character in five happens to be a
	// valid UTF-8 sequence and the rest are not; in broken UTF-8 the
	// invalid bytes are the few.
	if invalid <= valid {
		return data, false // UTF-8, broken in places
	}
	decoded, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil || bytes.ContainsRune(decoded, utf8.RuneError) {
		return data, false
	}
	return decoded, true
}
