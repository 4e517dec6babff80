package corpus

import (
	"regexp"
	"strings"
)

// Exam and interview notes annotate a question with fields of their own
// between and after its parts: what it tests (**考点：**), where people
// slip (**易错点：**), how hard or frequent it is. Left where they stand,
// the 考点 reads as part of the question (and gives a quiz away) and the
// 易错点 as a point of the answer that a member must name. They are the
// analysis's kind of text, and moveNotes puts them there.

// noteLabels are the bold labels of such annotations, lower-cased.
// Words that may as well open a point of an answer (难点, 注意事项, 来源,
// 频率) are not among them.
var noteLabels = map[string]bool{
	"考点": true, "考察点": true, "考查点": true, "知识点": true, "相关知识点": true,
	"易错点": true, "易错": true, "易混点": true, "难度": true, "考频": true,
	"出现频率": true, "出处": true, "标签": true,
	"考點": true, "知識點": true, "易錯點": true, "易混點": true, "難度": true, "出處": true, "標籤": true,
	"difficulty": true, "tags": true, "pitfalls": true, "common mistakes": true,
}

// noteParagraph matches a paragraph that opens with a bold label:
// "**考点：** …", "**易错点**：…".
var noteParagraph = regexp.MustCompile(`^\*\*\s*([^*：:]{1,16}?)\s*[：:]?\s*\*\*\s*[：:]?`)

func isNote(paragraph string) bool {
	m := noteParagraph.FindStringSubmatch(paragraph)
	return m != nil && noteLabels[strings.ToLower(m[1])]
}

// moveNotes moves the annotation paragraphs of a section's question and
// answer to the start of its analysis, in the order they came, with the
// list an annotation that is only its label ("**易错点：**") opens. In an
// answer, only those after its first point move: an answer that opens
// with one ("**知识点：** 原子性、一致性…") answers with it. A question that
// is nothing but annotations is asked by the heading.
func (s *Section) moveNotes() {
	var notes []string
	if strings.Contains(s.Question, "**") {
		var question []string
		for _, para := range strings.Split(s.Question, "\n\n") {
			if isNote(para) {
				notes = append(notes, para)
			} else {
				question = append(question, para)
			}
		}
		switch {
		case len(question) > 0:
			s.Question = strings.Join(question, "\n\n")
		case s.Title != "" && len(notes) > 0:
			s.Question = s.Title
		default:
			notes = nil
		}
	}
	var kept []Block
	var moved []string
	for i := 0; i < len(s.Answer.Blocks); i++ {
		b := s.Answer.Blocks[i]
		if len(kept) == 0 || b.Kind != Paragraph || b.Verbatim || !isNote(b.Text) {
			kept = append(kept, b)
			continue
		}
		note := b.Text
		if onlyLabel(note) && i+1 < len(s.Answer.Blocks) && s.Answer.Blocks[i+1].Kind == List {
			i++
			note += "\n\n" + Answer{Blocks: s.Answer.Blocks[i : i+1]}.Markdown()
		}
		moved = append(moved, note)
	}
	if len(moved) > 0 {
		s.Answer.Blocks = kept
		notes = append(notes, moved...)
	}
	if len(notes) == 0 {
		return
	}
	if s.Analysis != "" {
		notes = append(notes, s.Analysis)
	}
	s.Analysis = strings.Join(notes, "\n\n")
}

// onlyLabel reports whether an annotation is its label alone.
func onlyLabel(paragraph string) bool {
	return strings.TrimSpace(paragraph[len(noteParagraph.FindString(paragraph)):]) == ""
}
