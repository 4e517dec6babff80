package corpus

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"
)

// MaxFileSize is the largest article accepted. Real articles are a few
// kilobytes; anything larger is almost certainly the wrong file.
const MaxFileSize = 1 << 20

//go:embed default/*.md
var defaultFS embed.FS

// DefaultName is how messages name the built-in corpus.
const DefaultName = "builtin"

// Default loads the built-in corpus, the article "大模型创业的创新与挑战",
// embedded in the binary so that startupqa works with no files around it.
func Default() (*Corpus, error) {
	sub, err := fs.Sub(defaultFS, "default")
	if err != nil {
		return nil, fmt.Errorf("open built-in corpus: %w", err)
	}
	return Load(sub, DefaultName)
}

// LoadDir loads every article in a directory.
func LoadDir(dir string) (*Corpus, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("load corpus: %w", err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("load corpus %s: not a directory", dir)
	}
	return Load(os.DirFS(dir), dir)
}

// Load reads every article of fsys (see ArticleFiles) as an article. root prefixes file names in problems and in Article.File.
//
// A corpus with any problem is refused as a whole: the error is a Problems
// listing every problem of every file, so authors fix them all in one go
// and no one is ever served half a corpus. A file that holds no notes at
// all (no label, no heading with text under it: a table of contents, a
// daily note) is no problem: it is left out, listed in Corpus.Skipped.
func Load(fsys fs.FS, root string) (*Corpus, error) {
	names, err := ArticleFiles(fsys)
	if err != nil {
		return nil, fmt.Errorf("load corpus %s: %w", root, err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("load corpus %s: no *.md articles", root)
	}
	c := &Corpus{byID: map[string]*Section{}}
	var problems Problems
	h := sha256.New()
	slugFiles := map[string]string{}
	type read struct {
		name, display string
		art           *Article
	}
	var articles, companions []read
	// A file named as a translation (notes.en.md) whose original is not
	// in the corpus is an article of its own: notes kept in English
	// beside Chinese ones are often named so.
	present := map[string]bool{}
	for _, name := range names {
		present[name] = true
	}
	translates := func(name string) bool {
		_, _, ok := companionOf(name)
		return ok && present[originalOf(name)]
	}
	for _, name := range names {
		display := name
		if root != "" {
			display = path.Join(root, name)
		}
		data, problem, err := readArticle(fsys, name)
		if errors.Is(err, fs.ErrNotExist) {
			continue // a dangling link (an editor's lock file) or a file gone since the listing
		}
		if err != nil {
			return nil, fmt.Errorf("load corpus %s: %w", root, err)
		}
		if problem != "" {
			problems = append(problems, Problem{File: display, Line: 1, Message: problem})
			continue
		}
		fmt.Fprintf(h, "%s\x00%d\x00", name, len(data))
		h.Write(data)
		data, enc := decodeLegacy(data)
		art, ps := parseArticle(display, data, translates(name))
		art.Encoding = enc
		problems = append(problems, ps...)
		if art.Skipped != "" {
			c.Skipped = append(c.Skipped, art)
			continue
		}
		if translates(name) {
			companions = append(companions, read{name, display, art})
		} else {
			articles = append(articles, read{name, display, art})
		}
	}
	// Slugs once every file is read: only articles count, not the files
	// skipped for holding no notes (a table of contents named alike).
	var articleNames []string
	for _, a := range articles {
		articleNames = append(articleNames, a.name)
	}
	slugOf := articleSlugs(articleNames)
	for _, a := range articles {
		art := a.art
		if slug := slugOf(a.name); slug != art.Slug {
			art.rename(slug)
		}
		if other, dup := slugFiles[art.Slug]; dup {
			problems = append(problems, Problem{File: a.display, Line: 1,
				Message: fmt.Sprintf("article slug %q is already used by %s; rename one file", art.Slug, other)})
			continue
		}
		slugFiles[art.Slug] = a.display
		c.Articles = append(c.Articles, art)
		for _, s := range art.Sections {
			s.ArticleTitle = art.Title
			c.Sections = append(c.Sections, s)
			c.byID[s.ID] = s
		}
	}
	for _, cp := range companions {
		base := slugOf(originalOf(cp.name))
		_, lang, _ := companionOf(cp.name)
		cp.art.rename(base)
		problems = append(problems, c.link(cp.art, base, lang, slugFiles)...)
	}
	if len(problems) > 0 {
		problems.sort()
		return nil, problems
	}
	if len(c.Sections) == 0 {
		return nil, fmt.Errorf("load corpus %s: no article has sections: %s; README.md's \"Corpus format\" shows the shapes notes may take", root, skippedFiles(c.Skipped))
	}
	c.hash = hex.EncodeToString(h.Sum(nil))
	return c, nil
}

// readArticle reads one article, trusting nothing of the file system: a
// FIFO would block, /dev/zero behind a link would fill memory, a file can
// grow between its size being checked and its being read, and one
// rewritten in place can be read half old, half new. problem says why a
// file cannot be an article.
func readArticle(fsys fs.FS, name string) (data []byte, problem string, err error) {
	var previous []byte
	for range readAttempts {
		before, err := fs.Stat(fsys, name)
		if err != nil {
			return nil, "", err
		}
		if !before.Mode().IsRegular() {
			return nil, fmt.Sprintf("not a regular file (%s); an article is a plain text file", before.Mode().Type()), nil
		}
		if before.Size() > MaxFileSize {
			return nil, fmt.Sprintf("file is %d bytes; the limit is %d (1 MiB)", before.Size(), MaxFileSize), nil
		}
		data, err = readLimited(fsys, name)
		if err != nil {
			return nil, "", err
		}
		if len(data) > MaxFileSize {
			return nil, fmt.Sprintf("file grew past the limit of %d bytes (1 MiB) while it was read", MaxFileSize), nil
		}
		after, err := fs.Stat(fsys, name)
		if err != nil {
			return nil, "", err
		}
		steady := after.ModTime().Equal(before.ModTime()) && after.Size() == before.Size() && int64(len(data)) == after.Size()
		// A file last written a moment ago may be half written by a
		// writer that pauses between writes: it counts once a second
		// read, readSettle later, finds the same bytes.
		if steady && (time.Since(after.ModTime()) >= readSettle || bytes.Equal(data, previous)) {
			return data, "", nil
		}
		previous = data
		time.Sleep(readSettle)
	}
	return nil, "file kept changing while it was read; save it again, or reload once the editor is done", nil
}

// A file written to while it is read, or a moment before, is read again,
// readAttempts times in all, readSettle apart.
const (
	readAttempts = 5
	readSettle   = 20 * time.Millisecond
)

func readLimited(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, MaxFileSize+1))
}

// repositoryFile reports whether a file's name is one a repository keeps
// about itself: README, CONTRIBUTING, CHANGELOG, CODE_OF_CONDUCT, LICENSE.
func repositoryFile(name string) bool {
	switch strings.ToUpper(name) {
	case "README", "CONTRIBUTING", "CHANGELOG", "CODE_OF_CONDUCT", "LICENSE", "SECURITY":
		return true
	}
	return false
}

// ArticleFiles lists the articles under the root of fsys: every *.md or
// *.markdown file, in subdirectories too (a group keeps its notes in
// folders by subject), as slash-separated paths in sorted order. Hidden
// files and directories are skipped (an editor's .#notes.md, .git, and
// the ..data directories Kubernetes mounts a ConfigMap through), as are
// a repository's files about itself (README.md, CONTRIBUTING.md …) and
// directories deeper than maxDepth.
func ArticleFiles(fsys fs.FS) ([]string, error) {
	var names []string
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			if name == "." {
				return err
			}
			return nil // a subdirectory that cannot be read holds no articles we can serve
		}
		base := d.Name()
		if d.IsDir() {
			if name != "." && (strings.HasPrefix(base, ".") || strings.Count(name, "/") >= maxDepth) {
				return fs.SkipDir
			}
			return nil
		}
		ext := path.Ext(base)
		if strings.HasPrefix(base, ".") || !(strings.EqualFold(ext, ".md") || strings.EqualFold(ext, ".markdown")) || repositoryFile(strings.TrimSuffix(base, ext)) {
			return nil
		}
		names = append(names, name)
		return nil
	})
	slices.Sort(names)
	return names, err
}

// maxDepth bounds how deep ArticleFiles looks, so that a corpus directory
// pointed at a home directory by mistake does not walk the whole disk.
const maxDepth = 4

// AsProblems returns the problems inside err, if it carries any.
func AsProblems(err error) (Problems, bool) {
	var ps Problems
	ok := errors.As(err, &ps)
	return ps, ok
}

// Languages of companion files: "llm-startup.en.md" is the English version
// of "llm-startup.md".
var companionLangs = map[string]bool{"en": true}

// companionOf tells whether a file name is a companion translation, and
// of which article slug.
func companionOf(name string) (base, lang string, ok bool) {
	stem := strings.TrimSuffix(name, path.Ext(name))
	dot := strings.LastIndexByte(stem, '.')
	if dot < 0 || !companionLangs[strings.ToLower(stem[dot+1:])] {
		return "", "", false
	}
	return Slug(stem[:dot] + ".md"), strings.ToLower(stem[dot+1:]), true
}

// articleSlugs returns the slug of each article of a corpus, given the
// names of its articles' files (not translations, not files skipped): its
// file name's (notes/缓存.md → 缓存), or, where
// two folders hold a file of the same name (网络/基础.md, 数据库/基础.md),
// its folders' and file name's (网络-基础, 数据库-基础), so that notes
// kept one folder a subject may name their files alike. A translation's
// slug is its original's, and so is the slug of an English article
// without one (notes.en.md → notes).
//
// Notion names an exported page after its title and its id ("Redis 面试题
// 3f2a…e1.md"): the id is left out of the slug (redis-面试题) unless
// another file would then have the same.
func articleSlugs(names []string) func(name string) string {
	files, short := map[string]int{}, map[string]int{}
	for _, name := range names {
		slug := Slug(originalOf(name))
		files[slug]++
		short[withoutNotionID(slug)]++
	}
	return func(name string) string {
		slug := Slug(originalOf(name))
		if s := withoutNotionID(slug); s != slug && short[s] == 1 {
			return s
		}
		if files[slug] < 2 {
			return slug
		}
		dir := path.Dir(strings.ReplaceAll(name, `\`, "/"))
		if dir == "." {
			return slug
		}
		return slugify(dir) + "-" + slug
	}
}

// notionID matches the id Notion puts after an exported page's title.
var notionID = regexp.MustCompile(`-[0-9a-f]{32}$`)

// withoutNotionID is a slug without Notion's id, if it ends with one.
func withoutNotionID(slug string) string {
	if s := notionID.ReplaceAllString(slug, ""); s != "" {
		return s
	}
	return slug
}

// originalOf returns the name of the file a companion translates
// (缓存.en.md → 缓存.md), and other names as they are.
func originalOf(name string) string {
	stem := strings.TrimSuffix(name, path.Ext(name))
	if _, _, ok := companionOf(name); ok {
		return stem[:strings.LastIndexByte(stem, '.')] + path.Ext(name)
	}
	return name
}

// rename gives an article, and the ids of its sections, another slug.
func (a *Article) rename(slug string) {
	a.Slug = slug
	for _, s := range a.Sections {
		s.ArticleSlug, s.ID = slug, fmt.Sprintf("%s/%d", slug, s.Number)
	}
}

// article returns the article of the given slug, nil if there is none.
func (c *Corpus) article(slug string) *Article {
	for _, a := range c.Articles {
		if a.Slug == slug {
			return a
		}
	}
	return nil
}

// link attaches a companion article's sections to their originals by
// section number, reporting sections that have none.
func (c *Corpus) link(art *Article, base, lang string, slugFiles map[string]string) []Problem {
	if _, ok := slugFiles[base]; !ok {
		return []Problem{{File: art.File, Line: 1, Message: fmt.Sprintf("translation of a missing article: no %s.md in the corpus", base)}}
	}
	if orig := c.article(base); orig != nil && (orig.restarted || art.restarted) && len(art.Sections) != len(orig.Sections) {
		// Numbers by position would attach a partial translation to
		// the wrong sections, and its headings' own numbers repeat.
		return []Problem{{File: art.File, Line: 1, Message: fmt.Sprintf(
			"%s numbers each chapter's sections anew, so a translation must give every section, in order: this one has %d of %d",
			slugFiles[base], len(art.Sections), len(orig.Sections))}}
	}
	var ps []Problem
	for _, s := range art.Sections {
		orig, ok := c.byID[fmt.Sprintf("%s/%d", base, s.Number)]
		if !ok {
			ps = append(ps, Problem{File: art.File, Line: s.Line, Message: fmt.Sprintf("section %d has no counterpart in %s", s.Number, slugFiles[base])})
			continue
		}
		s.ID, s.ArticleSlug, s.ArticleTitle, s.Lang = orig.ID, orig.ArticleSlug, art.Title, lang
		if orig.TitledWithChapter() {
			// A partial translation may repeat no title under two
			// chapters, but its sections are aspects as the
			// original's are.
			s.titleChapter()
		}
		if orig.Translations == nil {
			orig.Translations = map[string]*Section{}
		}
		orig.Translations[lang] = s
	}
	return ps
}

// skippedFiles says which files were left out and why, the first few of
// them: a corpus of one file in a shape the parser does not read must
// name it, not send its author to the command they ran.
func skippedFiles(arts []*Article) string {
	const shown = 3
	var b strings.Builder
	for i, art := range arts[:min(shown, len(arts))] {
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%s: %s", art.File, art.Skipped)
	}
	if len(arts) > shown {
		fmt.Fprintf(&b, "; and %d more file(s)", len(arts)-shown)
	}
	return b.String()
}
