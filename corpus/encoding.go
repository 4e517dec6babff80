package corpus

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// Notes typed on Chinese Windows are often saved in GBK (GB18030 extends
// it), or in Big5 in Taiwan and Hong Kong, not in UTF-8: read as UTF-8,
// every Chinese character of them is invalid. decodeLegacy reads such a
// file in the encoding it was saved in, and names it. A UTF-8 file with a
// few bad bytes (a broken copy) is left alone, and its bad lines are
// problems: read as GB18030, its Chinese would turn to nonsense without a
// single decoding error.
//
// Windows' Notepad saves "Unicode" as UTF-16 with a byte-order mark, which
// says so; such a file is read as UTF-16.
func decodeLegacy(data []byte) ([]byte, string) {
	if utf8.Valid(data) {
		return data, ""
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		if decoded, err := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewDecoder().Bytes(data); err == nil && utf8.Valid(decoded) {
			return decoded, "UTF-16"
		}
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
	// In GBK or Big5 text, about one Chinese character in five happens
	// to be a valid UTF-8 sequence and the rest are not; in broken UTF-8
	// the invalid bytes are the few.
	if invalid <= valid {
		return data, ""
	}
	for _, enc := range []struct {
		name string
		enc  encoding.Encoding
	}{{"GB18030", simplifiedchinese.GB18030}, {"Big5", traditionalchinese.Big5}} {
		decoded, err := enc.enc.NewDecoder().Bytes(data)
		if err == nil && plausible(decoded) {
			return decoded, enc.name
		}
	}
	return data, ""
}

// plausible reports whether decoded text is Chinese notes: no character
// the decoder could not map, and no kana or private-use characters, which
// is what Big5's commonest characters become when read as GBK.
func plausible(text []byte) bool {
	for _, r := range string(text) {
		if r == utf8.RuneError || unicode.In(r, unicode.Hiragana, unicode.Katakana) || (r >= 0xE000 && r <= 0xF8FF) {
			return false
		}
	}
	return true
}
