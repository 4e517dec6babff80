package index

import (
	"slices"
	"strconv"
	"strings"

	"github.com/startupqa/startupqa/corpus"
)

// passage is one indexed document: a piece of a section small enough that a
// question about one list item matches that item rather than the section's
// boilerplate. Its fields are rebuilt from the corpus when needed instead of
// being stored in the index.
type passage struct {
	Title    string `json:"title,omitempty"`
	Question string `json:"question,omitempty"`
	Lead     string `json:"lead,omitempty"`
	Text     string `json:"text,omitempty"`
	Alias    string `json:"alias,omitempty"`
}

// passages splits a section into its passages, in a fixed order so that a
// passage's number identifies it: the heading with the question first, then
// the answer's paragraphs and items, then the analysis.
func passages(s *corpus.Section) []passage {
	ps := []passage{{Title: headingTitle(s), Question: headingQuestion(s), Alias: strings.Join(s.Aliases, "、")}}
	for _, b := range s.Answer.Blocks {
		if b.Kind == corpus.Paragraph {
			ps = append(ps, passage{Text: b.Text})
			continue
		}
		for _, it := range b.Items {
			ps = append(ps, passage{Lead: it.Lead, Text: it.Text})
		}
	}
	if s.Analysis != "" {
		ps = append(ps, passage{Text: s.Analysis})
	}
	return ps
}

// headingTitle is what the heading passage holds as the title: the
// section's title with the chapter it sits under, which notes that split a
// topic into aspects (## 缓存穿透, ### 怎么解决) name there only. Where
// chapters only group sections (## 一、集合), measured on the eight
// tuning and held-out corpora that have them, the right section came first
// as often with the chapter as without (560 of 625 against 559).
func headingTitle(s *corpus.Section) string {
	if s.Chapter == "" || s.TitledWithChapter() {
		return s.Title
	}
	return s.Chapter + corpus.ChapterSeparator + s.Title
}

// headingQuestion is what the heading passage holds as the question. A
// section whose heading is its question (free-form notes, "## 什么是缓存
// 穿透？" with only an 答案) would hold the heading twice, and in notes
// written so the first paragraph is what says what the section answers:
// it stands in for the question. Measured on five tuning corpora with
// their 题目 taken out: top-1 on their tuning questions rose on three
// (startup finance 55.6 → 60.0 %) and fell on none. Not for a section
// under a chapter: on the two tuning corpora of notes split into topics
// and aspects the right section then came first 87.5 % of the time
// against 85.6 %.
func headingQuestion(s *corpus.Section) string {
	if s.Question != s.Title {
		return s.Question
	}
	if s.Chapter != "" {
		// Under a chapter, the heading and its chapter say what the
		// section is about ("消息积压", "原因"), and the first paragraph
		// is the answer itself: in the heading passage it made every
		// word of it count as the section's topic, and an aspect's text
		// outrank the aspect a question names.
		return ""
	}
	if len(s.Answer.Blocks) > 0 && s.Answer.Blocks[0].Kind == corpus.Paragraph {
		return s.Answer.Blocks[0].Text
	}
	return ""
}

// field returns the value of a named field.
func (p passage) field(name string) string {
	switch name {
	case fieldTitle:
		return p.Title
	case fieldQuestion:
		return p.Question
	case fieldLead:
		return p.Lead
	case fieldText:
		return p.Text
	case fieldAlias:
		return p.Alias
	}
	return ""
}

// docID names passage n of a section: "llm-startup/3#2".
func docID(sectionID string, n int) string {
	return sectionID + "#" + strconv.Itoa(n)
}

// parseDocID splits a document id into section id and passage number.
func parseDocID(id string) (sectionID string, n int, ok bool) {
	i := strings.LastIndexByte(id, '#')
	if i < 0 {
		return "", 0, false
	}
	n, err := strconv.Atoi(id[i+1:])
	if err != nil {
		return "", 0, false
	}
	return id[:i], n, true
}

// allPassages are a section's passages followed by those of its
// translations, in a fixed order (by language), so that passage numbers
// stay stable: an English question matches the English text and is
// credited to the same section.
func allPassages(s *corpus.Section) []passage {
	ps := passages(s)
	langs := make([]string, 0, len(s.Translations))
	for l := range s.Translations {
		langs = append(langs, l)
	}
	slices.Sort(langs)
	for _, l := range langs {
		ps = append(ps, passages(s.Translations[l])...)
	}
	return ps
}
