package corpus

import "strings"

// enterChapter starts a chapter: a heading above the sections' level,
// which ends those of its level and below.
func (p *parser) enterChapter(level int, heading string) {
	clear(p.chapterSeen)
	for l := level; l < len(p.chapters); l++ {
		p.chapters[l] = ""
	}
	if level < len(p.chapters) {
		p.chapters[level] = unnumberedTitle(heading)
	}
}

// chapter is the nearest chapter the current section sits under.
func (p *parser) chapter() string {
	for l := min(p.level, len(p.chapters)) - 1; l >= 1; l-- {
		if p.chapters[l] != "" {
			return p.chapters[l]
		}
	}
	return ""
}

// chapterTitles gives each section of notes that split their topics into
// aspects (## 缓存穿透, ### 是什么, ### 怎么解决) its chapter in its title,
// "缓存穿透 › 怎么解决", so that replies and lists tell the aspects of two
// topics apart: where one title stands under two chapters, the titles
// alone do not name what they are about. Chapters that only group
// sections (## 一、集合) leave the titles as they are.
func chapterTitles(secs []*Section) {
	under := map[string]string{}
	aspects := false
	for _, s := range secs {
		if c, ok := under[s.Title]; ok && c != s.Chapter && s.Chapter != "" {
			aspects = true
			break
		}
		under[s.Title] = s.Chapter
	}
	if !aspects {
		return
	}
	for _, s := range secs {
		s.titleChapter()
	}
}

// titleChapter puts the section's chapter in its title (and in its
// question, where the heading is the question), once.
func (s *Section) titleChapter() {
	if s.Chapter == "" || s.TitledWithChapter() {
		return
	}
	t := s.Chapter + ChapterSeparator + s.Title
	if s.Question == s.Title {
		s.Question = t
	}
	s.Title = t
}

// TitledWithChapter reports whether the section's title carries its
// chapter (see Section.Chapter).
func (s *Section) TitledWithChapter() bool {
	return s.Chapter != "" && strings.HasPrefix(s.Title, s.Chapter+ChapterSeparator)
}

// ChapterSeparator joins a chapter and a title (see Section.Chapter).
const ChapterSeparator = " › "
