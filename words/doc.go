// Package words holds general knowledge of Chinese and English words that
// no corpus teaches: a Chinese dictionary with each word's frequency,
// general IDF and whether it is a function word (jieba's, via gse), a word
// segmenter over it, an English→Chinese lexicon (CC-CEDICT) with the
// startup, AI and technology field's own terms (field.txt), English word
// forms and synonyms (WordNet) to reach the lexicon from words it lacks,
// and the Chinese→English direction of both for notes written in English.
//
// The lists are embedded sorted text and searched in place, so that a
// process that answers one question pays nothing to load them.
package words
