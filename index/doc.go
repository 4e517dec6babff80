// Package index owns startupqa's full-text search: the Bleve mapping (built
// in code), building the index from a corpus in batches, persisting it next
// to a hash of the corpus it was built from, and searching it.
//
// Search is tuned for a small corpus of overlapping Chinese sections, where
// the words every section shares (大模型, 参数, 创业) would otherwise drown the
// distinctive ones. Each section is indexed as several passages (its heading
// and question, each list item, each paragraph, the analysis) and passage
// hits are aggregated per section. A search abstains, rather than returning
// the least bad section, when the best section covers too little of what the
// question asks about.
//
// A question's words the corpus lacks are read in the corpus's own words:
// English ones through Chinese translations and synonyms, Chinese ones
// through synonyms, and, in notes written in English, through their
// English (crosslingual.go).
package index
