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
// answer to the start of its analysis, in the order they came; an answer
// that is nothing but annotations keeps them.
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
		if len(question) > 0 {
			s.Question = strings.Join(question, "\n\n")
		} else {
			notes = nil
		}
	}
	var kept []Block
	var moved []string
	for _, b := range s.Answer.Blocks {
		if b.Kind == Paragraph && !b.Verbatim && isNote(b.Text) {
			moved = append(moved, b.Text)
			continue
		}
		kept = append(kept, b)
	}
	if len(kept) > 0 && len(moved) > 0 {
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
