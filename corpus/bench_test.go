package corpus_test

import (
	"testing"

	"github.com/startupqa/startupqa/corpus"
	"github.com/startupqa/startupqa/corpus/corpustest"
)

// BenchmarkParse parses a generated article of 1,000 sections (about
// 0.5 MiB, half the largest file Load accepts): what a reload costs per
// large file.
//
//	go test -run '^$' -bench Parse -benchmem ./corpus
func BenchmarkParse(b *testing.B) {
	data := corpustest.Generate(1000, 1)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, ps := corpus.Parse("bench.md", data); len(ps) > 0 {
			b.Fatal(ps[0])
		}
	}
}

// BenchmarkParseUnclosedComments parses 0.5 MiB of lines that each open a
// comment nothing closes: each was once looked ahead from, which made such
// a file take seconds.
func BenchmarkParseUnclosedComments(b *testing.B) {
	var data []byte
	for len(data) < 512<<10 {
		data = append(data, "<!-- 待补充\n%%\n正文一行。\n"...)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		corpus.Parse("bench.md", data)
	}
}
