// Command wordnet writes the English word lists of package words that come
// from WordNet 3.0 (Princeton University; its licence is in the header of
// each file it writes):
//
//	go run ./words/internal/wordnet -wordnet DIR
//
// DIR is /usr/share/wordnet of Debian's package wordnet-base. It writes
// en_forms.txt (irregular forms → base form, from WordNet's exception
// lists: made → make, criteria → criterion, bigger → big) and en_syn.txt
// (a word → its synonyms in the commonest senses of each part of speech,
// kept only where words/en_zh.txt can translate the synonym: choose →
// select, pick) and en_deriv.txt (a word → the words of its stem in other
// parts of speech: elastic → elasticity, reduce → reduction).
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// senses is how many of a word's commonest senses, per part of speech,
// lend it synonyms. Two let "venture" reach 风险 through "hazard" (venture
// a guess) and answered an off-topic question about venture capitalists;
// one keeps the tuning questions' abstention where it was.
const senses = 1

// maxSynonyms bounds the synonyms kept for one word.
const maxSynonyms = 6

const licence = `# Derived from WordNet 3.0 by words/internal/wordnet. WordNet 3.0 Copyright 2006
# by Princeton University. All rights reserved. Permission to use, copy, modify
# and distribute this software and database and its documentation for any
# purpose and without fee or royalty is hereby granted, provided that you agree
# to comply with the following copyright notice and statements, including the
# disclaimer, and that the same appear on ALL copies of the software, database
# and documentation, including modifications that you make for internal use or
# for distribution. THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND
# PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR
# IMPLIED. The name of Princeton University or Princeton may not be used in
# advertising or publicity pertaining to distribution of the software and/or
# database.
`

var parts = []string{"noun", "verb", "adj", "adv"}

func main() {
	dir := flag.String("wordnet", "/usr/share/wordnet", "WordNet's dict directory")
	out := flag.String("out", "words", "directory holding en_zh.txt, to write the lists to")
	flag.Parse()
	if err := run(*dir, *out); err != nil {
		fmt.Fprintln(os.Stderr, "wordnet:", err)
		os.Exit(1)
	}
}

func run(dir, out string) error {
	forms, err := readForms(dir)
	if err != nil {
		return err
	}
	if err := write(filepath.Join(out, "en_forms.txt"), "# An English word form → its base form (irregular plurals, past forms,\n# comparatives), from WordNet's exception lists.\n", forms); err != nil {
		return err
	}
	translatable, err := readKeys(filepath.Join(out, "en_zh.txt"))
	if err != nil {
		return err
	}
	syn, err := readSynonyms(dir, translatable)
	if err != nil {
		return err
	}
	if err := write(filepath.Join(out, "en_syn.txt"), "# An English word → its synonyms in its commonest senses, those that\n# en_zh.txt translates, commonest sense first.\n", syn); err != nil {
		return err
	}
	der, err := readDerivations(dir, translatable)
	if err != nil {
		return err
	}
	return write(filepath.Join(out, "en_deriv.txt"), "# An English word → the words of other parts of speech it is derived from\n# or to (elastic → elasticity, reduce → reduction, economic → economy) in\n# its commonest sense of each part of speech, those that en_zh.txt\n# translates.\n", der)
}

// derivationPointers are WordNet's pointers between words of one stem in
// different parts of speech: derivationally related forms (reduce →
// reduction) and pertainyms (economic → economy, quickly → quick). Its
// attributes (good → quality, large → size) are left out: they name what
// an adjective measures, and "good" read as 质量 answered a question about
// what large models are good for with a section on data quality.
var derivationPointers = map[string]bool{"+": true, `\`: true}

// posParts names the data file of a pointer's part-of-speech letter.
var posParts = map[string]string{"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}

// readDerivations reads, for the commonest sense of each lemma in each
// part of speech, the words its derivation pointers lead to.
func readDerivations(dir string, translatable map[string]bool) (map[string]string, error) {
	type ptr struct {
		part, offset string
		source       int // word number in the pointing synset; 0 for all
		target       int // word number in the target synset; 0 for all
	}
	members := map[string][]string{} // part+offset → lemmas
	pointers := map[string][]ptr{}   // part+offset → its derivation pointers
	for _, p := range parts {
		err := eachSynset(filepath.Join(dir, "data."+p), func(s synset) {
			key := p + s.offset
			members[key] = s.members
			for _, pt := range s.pointers {
				if !derivationPointers[pt.symbol] || len(pt.sourceTarget) != 4 {
					continue
				}
				src, err1 := strconv.ParseInt(pt.sourceTarget[:2], 16, 32)
				dst, err2 := strconv.ParseInt(pt.sourceTarget[2:], 16, 32)
				if err1 != nil || err2 != nil {
					continue
				}
				pointers[key] = append(pointers[key], ptr{posParts[pt.pos], pt.offset, int(src), int(dst)})
			}
		})
		if err != nil {
			return nil, err
		}
	}
	out := map[string][]string{}
	for _, p := range parts {
		err := eachLemma(filepath.Join(dir, "index."+p), func(lemma string, offsets []string) {
			if strings.Contains(lemma, " ") {
				return
			}
			for _, off := range offsets[:min(senses, len(offsets))] {
				key := p + off
				self := slices.IndexFunc(members[key], func(m string) bool { return words(m) == lemma }) + 1
				for _, pt := range pointers[key] {
					if pt.source != 0 && pt.source != self {
						continue
					}
					targets := members[pt.part+pt.offset]
					if pt.target > 0 && pt.target <= len(targets) {
						targets = targets[pt.target-1 : pt.target]
					}
					for _, m := range targets {
						w := words(m)
						if strings.ToLower(m) != m || strings.Contains(w, " ") || w == lemma {
							continue
						}
						if translatable[w] && !slices.Contains(out[lemma], w) {
							out[lemma] = append(out[lemma], w)
						}
					}
				}
			}
		})
		if err != nil {
			return nil, err
		}
	}
	res := map[string]string{}
	for k, v := range out {
		res[k] = strings.Join(v[:min(maxSynonyms, len(v))], "|")
	}
	return res, nil
}

func write(path, header string, m map[string]string) error {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	b.WriteString(header)
	b.WriteString(licence)
	for _, k := range keys {
		fmt.Fprintf(&b, "%s\t%s\n", k, m[k])
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// readForms reads the exception lists: "form base [base…]" lines.
func readForms(dir string) (map[string]string, error) {
	out := map[string]string{}
	for _, p := range parts {
		err := eachLine(filepath.Join(dir, p+".exc"), func(f []string) {
			if len(f) < 2 || f[0] == f[1] {
				return
			}
			form, base := words(f[0]), words(f[1])
			if _, ok := out[form]; !ok && !strings.Contains(form, " ") {
				out[form] = base
			}
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

func readKeys(path string) (map[string]bool, error) {
	keys := map[string]bool{}
	err := eachLine(path, func(f []string) {
		if len(f) > 0 && !strings.HasPrefix(f[0], "#") {
			keys[f[0]] = true
		}
	})
	return keys, err
}

// readSynonyms reads each lemma's first senses from the index files and
// their members from the data files.
func readSynonyms(dir string, translatable map[string]bool) (map[string]string, error) {
	out := map[string][]string{}
	for _, p := range parts {
		members := map[string][]string{}   // synset offset → lemmas
		hypernyms := map[string][]string{} // synset offset → its hypernyms' offsets
		err := eachSynset(filepath.Join(dir, "data."+p), func(s synset) {
			members[s.offset] = s.members
			for _, pt := range s.pointers {
				if pt.symbol == "@" && pt.pos == s.pos {
					hypernyms[s.offset] = append(hypernyms[s.offset], pt.offset)
				}
			}
		})
		if err != nil {
			return nil, err
		}
		err = eachLemma(filepath.Join(dir, "index."+p), func(lemma string, offsets []string) {
			if strings.Count(lemma, " ") > 1 {
				return
			}
			for _, off := range offsets[:min(senses, len(offsets))] {
				related := members[off]
				if p == "verb" {
					// A verb's commonest sense also reads as what it is a
					// way of: "tune" is a way to "adjust" (调整), "partner"
					// to "collaborate" (合作). A noun's hypernyms are too
					// broad ("startup" is a "company").
					for _, h := range hypernyms[off] {
						related = append(slices.Clone(related), members[h]...)
					}
				}
				for _, m := range related {
					if m == strings.ReplaceAll(lemma, " ", "_") || strings.Contains(m, "_") && strings.Count(m, "_") > 1 {
						continue
					}
					// Proper names (Apple, Java) are not synonyms of a word.
					if strings.ToLower(m) != m {
						continue
					}
					w := words(m)
					if w != lemma && translatable[w] && !slices.Contains(out[lemma], w) {
						out[lemma] = append(out[lemma], w)
					}
				}
			}
		})
		if err != nil {
			return nil, err
		}
	}
	res := map[string]string{}
	for k, v := range out {
		if len(v) > 0 {
			res[k] = strings.Join(v[:min(maxSynonyms, len(v))], "|")
		}
	}
	return res, nil
}

// eachLemma calls fn with every lemma of an index file and the offsets of
// its senses, commonest first.
func eachLemma(path string, fn func(lemma string, offsets []string)) error {
	return eachLine(path, func(f []string) {
		if len(f) < 4 || strings.HasPrefix(f[0], " ") {
			return
		}
		nPtr, err := strconv.Atoi(f[3])
		if err != nil || len(f) < 6+nPtr {
			return
		}
		fn(words(f[0]), f[6+nPtr:])
	})
}

// synset is a line of a WordNet data file: a synset's offset, part of
// speech, member lemmas and pointers to other synsets.
type synset struct {
	offset, pos string
	members     []string
	pointers    []pointer
}

type pointer struct {
	symbol, offset, pos string
	sourceTarget        string // "0000" for the synset, else word numbers in hex
}

// eachSynset calls fn with every synset of a data file.
func eachSynset(path string, fn func(synset)) error {
	return eachLine(path, func(f []string) {
		if len(f) < 4 || strings.HasPrefix(f[0], " ") {
			return
		}
		n, err := strconv.ParseInt(f[3], 16, 32)
		if err != nil || len(f) < 4+2*int(n) {
			return
		}
		s := synset{offset: f[0], pos: f[2]}
		for i := range int(n) {
			w := f[4+2*i]
			if j := strings.IndexByte(w, '('); j >= 0 { // adjective markers: big(a)
				w = w[:j]
			}
			s.members = append(s.members, w)
		}
		at := 4 + 2*int(n)
		if at < len(f) {
			if np, err := strconv.Atoi(f[at]); err == nil {
				for k := range np {
					i := at + 1 + 4*k
					if i+3 < len(f) {
						s.pointers = append(s.pointers, pointer{f[i], f[i+1], f[i+2], f[i+3]})
					}
				}
			}
		}
		fn(s)
	})
}

// words turns WordNet's pick_out into pick out.
func words(s string) string { return strings.ToLower(strings.ReplaceAll(s, "_", " ")) }

func eachLine(path string, fn func([]string)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "  ") { // licence header
			continue
		}
		fn(strings.Fields(line))
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	return nil
}
