package corpus

import (
	"html"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Notes written in Typora, Obsidian, Feishu or a web page, or converted
// from Word by pandoc, carry markup their editors render and no reader of
// a reply should see: inline HTML (<font color=red>, <img … style="zoom:50%">,
// <u>…</u>, <mark>…</mark>), comments (<!-- TODO -->, Obsidian's %%…%%),
// highlights (==重点==), entities (&nbsp;), attributes ({#id}, {.underline})
// and escapes (TIME\_WAIT, which no question matches). exportMarkup takes
// them out of a line as the editor would show it, and only where the
// markup cannot be what the note talks about: notes on HTML name tags
// ("<div> 和 <span> 的区别"), notes on Java and TypeScript write type
// parameters (Optional<U>, React.FC<P>), notes on JavaScript compare with
// == and notes on C print with %%. Code is left alone.

var (
	// styleTags are the HTML elements notes style or group text with.
	// One is markup when it comes in a pair on its line (<u>…</u>,
	// <strong>题目：</strong>) or carries attributes (<font color=red>,
	// <span style="…">); a name alone is text. Names are lower case:
	// <U> and <B> are type parameters.
	styleTags = []string{"font", "span", "u", "ins", "mark", "kbd", "sup", "sub", "small", "big", "center", "em", "i", "s", "del", "strike", "tt", "cite", "abbr", "label", "p", "div", "section", "article", "a", "strong", "b"}
	// pairedTag and attributedTag match, for each of styleTags, a pair
	// on one line and an opening tag with attributes.
	pairedTag, attributedTag = tagPatterns(styleTags)
	// htmlHeading matches a heading written in HTML on a line of its own.
	htmlHeading = regexp.MustCompile(`^<h([1-6])(?:\s[^<>]*)?>(.*?)</h[1-6]>$`)
	// htmlItem matches a list item written in HTML and closed on its
	// line; listTag a line that only opens or closes a list.
	htmlItem = regexp.MustCompile(`<li(?:\s[^<>]*)?>(.*?)</li>`)
	listTag  = regexp.MustCompile(`^</?(?:ul|ol)(?:\s[^<>]*)?>$`)
	// orphanClosing matches a line that only closes a block of a style
	// element.
	orphanClosing = regexp.MustCompile(`^</(?:div|span|font|p|section|article|center)>$`)
	// htmlBlockLine matches a line an HTML page or a CMS's export opens
	// with a block element.
	htmlBlockLine = regexp.MustCompile(`^<(?:p|div|h[1-6]|li|ul|ol|table|section|article)[\s>]`)
	// imageTag matches an image in HTML, which Typora writes for every
	// image it scales; imageSource its source.
	imageTag    = regexp.MustCompile(`<img\s[^<>]*\bsrc\s*=[^<>]*>`)
	imageSource = regexp.MustCompile(`\bsrc\s*=\s*["']?([^"'\s<>]+)`)
	// htmlComment matches an HTML comment on one line.
	htmlComment = regexp.MustCompile(`<!--.*?-->`)
	// obsidianComment matches Obsidian's %%comment%% within a line, not
	// a printf's "50%%" or SQL's '%%abc%%': the marks stand apart from
	// the words and signs around them.
	obsidianComment = regexp.MustCompile(`(^|[\s\p{Han}，。；：、])%%([^%'"\\]+?)%%($|[\s\p{Han}，。；：、])`)
	// highlight matches ==text== as Obsidian and Typora mark it: no space
	// inside the marks, and marks that stand apart from the operands and
	// signs around them, so that "a == b", "null==undefined", "==和==="
	// and "A==>B" are no highlights.
	highlight = regexp.MustCompile(`(^|[^=!<>A-Za-z0-9_])==([^=>\s](?:[^=]*?[^=\s])?)==($|[^=>A-Za-z0-9_])`)
	// highlightedCode matches code highlighted: "==`ss -lntp`==".
	highlightedCode = regexp.MustCompile("==(`[^`]+`)==")
	// entity matches a character reference: "&nbsp;", "&#39;", "&#x4e2d;".
	entity = regexp.MustCompile(`&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});`)
	// spaceEntity matches a reference to a space: what editors write for
	// the spaces they keep ("**题目：**&nbsp;什么是虚拟内存？").
	spaceEntity = regexp.MustCompile(`&(?:nbsp|ensp|emsp|thinsp|#160|#xa0|#xA0);`)
	// attributes matches pandoc's and Typora's attributes after a heading
	// or a span: "{#lifecycle}", "{.underline}", "{#_Toc123 .anchor}",
	// "{width="3in"}".
	attributes = `\{(?:[#.][^\s{}"]+|[\w-]+="?[^"}\s]*"?)(?:\s+(?:[#.][^\s{}"]+|[\w-]+="?[^"}\s]*"?))*\}`
	// headingAttributes matches attributes at the end of a heading.
	headingAttributes = regexp.MustCompile(`\s*` + attributes + `\s*$`)
	// attributedSpan matches pandoc's "[text]{.underline}", and the empty
	// anchor Word's table of contents leaves: "[]{#_Toc123 .anchor}".
	attributedSpan = regexp.MustCompile(`\[([^\[\]]*)\]` + attributes)
	// escapedUnderscore matches the escape pandoc writes in an identifier:
	// "TIME\_WAIT". Other escapes stay as written: in notes on regular
	// expressions, C or LaTeX ("\(\d+\)", "\'", "\[ x \]") they are the
	// point.
	escapedUnderscore = regexp.MustCompile(`([A-Za-z0-9])\\_([A-Za-z0-9])`)
	// logseqProperty matches a line of Logseq's own block properties,
	// which its editor hides: "id:: 64f1…", "collapsed:: true",
	// "card-next-schedule:: …".
	logseqProperty = regexp.MustCompile(`^\s*(?:id|collapsed|heading|background-color|icon|template|template-including-parent|filters|public|card-[a-z-]+):: `)
	// boldNumber matches the number Word's numbered list leaves in bold
	// through pandoc: "**1.** 什么是三次握手？", read as "**1. 什么是三次握手？**".
	boldNumber = regexp.MustCompile(`^\*\*(\d{1,3}[.、．])\*\*\s*([^*\s].*?)\s*$`)
	// kramdownAttributes matches SiYuan's block attributes (kramdown's
	// inline attribute lists): a line "{: id="20230915101213-abc1234"}",
	// or one that opens an item; superBlock its "{{{row" and "}}}". Only
	// SiYuan's block id marks them: "{: >10}" is Python's format spec.
	kramdownAttributes = regexp.MustCompile(`\{: [^{}]*\bid="\d{14}-[a-z0-9]{7}"[^{}]*\}`)
	superBlock         = regexp.MustCompile(`^(?:\{\{\{(?:row|col)|\}\}\})$`)
	// blockRef matches SiYuan's reference to a block, shown as its text:
	// ((20230915101213-abc1234 "缓存穿透")).
	blockRef = regexp.MustCompile(`\(\(\d{14}-[a-z0-9]{7}(?:\s+["']([^"']*)["'])?\)\)`)
	// templateTag matches a line that is only a tag of GitBook's, Hexo's
	// or Hugo's: "{% hint style="info" %}", "{% endhint %}", "{{< hint
	// info >}}", "{{% /notice %}}". Jinja's and Liquid's "{% if %}" and
	// "{% for %}", which notes on templates show, stay.
	templateTag = regexp.MustCompile(`^(?:\{%-?\s*(?:end)?(?:hint|tabs?|note|raw|codeblock|code|include|embed|content-ref|blockquote|quote|asset_img|post_link|label|folding|spoiler)\b.*%\}|\{\{[<%].*[%>]\}\})$`)
	// escapedNumber matches the number of an item or a heading that an
	// HTML-to-Markdown converter (turndown, in yarle and the like)
	// escaped: "1\. HashMap …"; "1\.2\.3" in a regular expression is
	// not one.
	escapedNumber = regexp.MustCompile(`^(\s*(?:#{1,6}\s+|[-*+]\s+)?\d{1,3})\\\.(\s|$)`)
	// spacedLabel matches a label whose characters are spaced to align
	// with others: "**题　目：**", "答 案：", "【解 析】".
	spacedLabel = regexp.MustCompile(`(题|題|答|解)[ \x{3000}]+(目|案|析)([：:】*])`)
	// bareLabel matches a bold label written without its colon:
	// "**答案**" over the answer, "**题目** 什么是…".
	bareLabel = regexp.MustCompile(`^\*\*(题目|題目|答案|解析|参考答案|參考答案)\*\*(?:\s+(.*))?$`)
	// Heading decorations: a title in bold, numbered in a circle, by a
	// keycap emoji, by "#1" or "1 - ", and followed by tags, shortcodes,
	// VuePress badges or shields.io badges.
	boldTitle     = regexp.MustCompile(`^(#{1,6}\s+)(\*{1,2})([^*].*?)(\*{1,2})\s*$`)
	boldTitleNum  = regexp.MustCompile(`^(#{1,6}\s+)\*\*(\d{1,3}[.、．])\*\*\s*`)
	circledNumber = regexp.MustCompile(`^(#{1,6}\s+)([①-⑳])\s*`)
	keycapNumber  = regexp.MustCompile(`^(#{1,6}\s+)(\d)\x{FE0F}?\x{20E3}\s*`)
	hashNumber    = regexp.MustCompile(`^(#{1,6}\s+)#(\d{1,3})\s+`)
	dashNumber    = regexp.MustCompile(`^(#{1,6}\s+)(\d{1,3})\s+[-–—]\s+([^\d\s])`)
	titleDecor    = regexp.MustCompile(`(?:\s+(?:#[\p{L}\p{N}_/-]+|(?::[a-z0-9_+-]+:)+|<Badge\s[^<>]*/>|!\[[^\]]*\]\(https?://img\.shields\.io[^)]*\)))+\s*$`)
	// containerFence matches the line that opens or closes a container,
	// as Yuque and VuePress write them around tips: ":::info",
	// "::: tip 提示", ":::".
	containerFence = regexp.MustCompile(`^:{3,}\s*(?:[A-Za-z-]+.*)?$`)
)

// tagPatterns compiles, for each tag name, a pattern of a pair of it and
// one of its opening tag with attributes.
func tagPatterns(names []string) (paired, attributed map[string]*regexp.Regexp) {
	paired, attributed = map[string]*regexp.Regexp{}, map[string]*regexp.Regexp{}
	for _, n := range names {
		paired[n] = regexp.MustCompile(`<` + n + `(?:\s[^<>]*)?>(.*?)</` + n + `>`)
		attributed[n] = regexp.MustCompile(`<` + n + `\s+[a-z-]+\s*=[^<>]*>`)
	}
	return paired, attributed
}

// exportMarkup takes the markup of editors and exports out of notes, each
// line where it was (see inlineMarkup); a container's or a comment's lines
// are left blank, what a container holds stays, as text. A heading typed
// with Chinese input on ("##　2. …", an ideographic space) is a heading.
func exportMarkup(lines []string) []string {
	r := rewrite{in: lines}
	page := htmlPage(lines)
	comments := blockComments(lines)
	bare := bareLabels(lines)
	closing := "" // what ends the comment the line is in
	for i, opens := range fencesClosedAt(lines) {
		if opens {
			continue
		}
		line := lines[i]
		trimmed := strings.TrimSpace(line)
		if strings.Contains(trimmed, ":: ") && logseqProperty.MatchString(line) {
			// Logseq indents a block's properties with it, tabs and all.
			r.set(i, "")
			continue
		}
		if codeIndented(line) && closing == "" {
			continue // an indented code block's line
		}
		if closing != "" {
			if trimmed == closing || (closing == "-->" && strings.Contains(line, closing)) {
				_, rest, _ := strings.Cut(line, closing)
				line, closing = rest, ""
				r.set(i, line)
				trimmed = strings.TrimSpace(line)
			} else {
				r.set(i, "")
				continue
			}
		}
		if c := comments[i]; c != "" {
			closing = c
			r.set(i, "")
			continue
		}
		if strings.Contains(trimmed, "{: ") {
			if line = outsideCodeSpans(line, kramdownAttributes); strings.TrimSpace(line) == "" {
				r.set(i, "")
				continue
			}
			trimmed = strings.TrimSpace(line)
		}
		if (strings.HasPrefix(trimmed, "{") || strings.HasPrefix(trimmed, "}")) && (superBlock.MatchString(trimmed) || templateTag.MatchString(trimmed)) {
			r.set(i, "")
			continue
		}
		if strings.Contains(line, "((") {
			line = blockRef.ReplaceAllString(line, "$1")
		}
		if strings.Contains(line, `\.`) {
			line = escapedNumber.ReplaceAllString(line, "$1.$2")
		}
		if spacedLabelLikely(line) && spacedLabel.MatchString(line) {
			line = spacedLabel.ReplaceAllString(line, "$1$2$3")
		}
		if bare && strings.HasPrefix(trimmed, "**") {
			if m := bareLabel.FindStringSubmatch(trimmed); m != nil {
				line = strings.TrimRight("**"+m[1]+"：** "+m[2], " ")
			}
		}
		if headingLevel(trimmed) > 0 {
			line = headingMarks(line)
		}
		if strings.HasPrefix(trimmed, ":::") && containerFence.MatchString(trimmed) {
			r.set(i, containerTitle(trimmed))
			continue
		}
		if n := strings.IndexFunc(line, func(c rune) bool { return c != '#' }); n > 0 && n <= 6 && strings.HasPrefix(line[n:], "\u3000") {
			line = line[:n] + " " + line[n+len("\u3000"):]
		}
		if strings.HasPrefix(trimmed, "</") && orphanClosing.MatchString(trimmed) {
			r.set(i, "") // the end of a block opened above: <div class="callout">
			continue
		}
		if strings.HasPrefix(trimmed, "<") {
			line = htmlBlock(line, trimmed, page)
		}
		if m := boldNumber.FindStringSubmatch(trimmed); m != nil && !strings.Contains(m[2], "**") && strings.ContainsAny(m[2], "？?") {
			line = "**" + m[1] + " " + m[2] + "**"
		}
		if s := inlineMarkup(line, page); s != r.get(i) {
			r.set(i, s)
		}
	}
	return r.lines()
}

// headingMarks takes a heading's decorations off its title and writes its
// number as a number: "## **1. 标题**", "## ① 标题", "## 1️⃣ 标题",
// "## #1 标题" and "## 1 - 标题" are "## 1. 标题"; "## 标题 #高频 :fire:" is
// "## 标题".
func headingMarks(line string) string {
	level := headingLevel(strings.TrimSpace(line))
	text := strings.TrimLeft(strings.TrimSpace(line)[level:], " \t")
	// Most headings have none: each pattern runs only where its mark is.
	if strings.HasPrefix(text, "*") {
		if m := boldTitle.FindStringSubmatch(line); m != nil && m[2] == m[4] && !strings.Contains(m[3], "**") {
			line = m[1] + m[3]
		}
		line = boldTitleNum.ReplaceAllString(line, "$1$2 ")
	}
	if r, _ := utf8.DecodeRuneInString(text); r >= '①' && r <= '⑳' {
		if m := circledNumber.FindStringSubmatch(line); m != nil {
			line = m[1] + strconv.Itoa(int(r-'①')+1) + ". " + line[len(m[0]):]
		}
	}
	if strings.Contains(text, "\u20E3") {
		line = keycapNumber.ReplaceAllString(line, "$1$2. ")
	}
	if strings.HasPrefix(text, "#") {
		line = hashNumber.ReplaceAllString(line, "$1$2. ")
	}
	if strings.ContainsAny(text, "-–—") {
		line = dashNumber.ReplaceAllString(line, "$1$2. $3") // not "3 - 2 = 1"
	}
	// An article's title keeps its tags for the passes that read them
	// (#flashcards); it loses them where it is read.
	if level >= 2 && (strings.Contains(text, " #") || strings.Contains(text, ":") || strings.Contains(text, "<Badge") || strings.Contains(text, "shields.io")) {
		if cut := decorationsStart(line); headingText(strings.TrimSpace(line[:cut])) != "" {
			line = line[:cut]
		}
	}
	return line
}

// decorationsStart returns where the decorations that end a heading
// start, len(line) if it has none. What only looks like one is its text,
// and so is all before it: "## 头文件用 #include", "## 主题色 #1e90ff",
// "## 修复 Issue #42", "## Vue 的 :class 与 :style:".
func decorationsStart(line string) int {
	loc := titleDecor.FindStringIndex(line)
	if loc == nil {
		return len(line)
	}
	cut := loc[0]
	for _, d := range decoration.FindAllStringIndex(line[loc[0]:], -1) {
		if !isDecoration(line[loc[0]+d[0] : loc[0]+d[1]]) {
			cut = loc[0] + d[1]
		}
	}
	return cut
}

// isDecoration reports whether a mark after a heading's title decorates
// it: a tag (#高频), an emoji's shortcode (:fire:) or a badge, not a
// preprocessor's directive, a colour, an issue's number or a word
// between colons.
func isDecoration(mark string) bool {
	switch {
	case strings.HasPrefix(mark, "#"):
		tag := mark[1:]
		return !preprocessorWord[tag] && !hexColour.MatchString(tag) && strings.TrimFunc(tag, unicode.IsDigit) != ""
	case strings.HasPrefix(mark, ":"):
		for _, name := range strings.Split(strings.Trim(mark, ":"), "::") {
			if !emojiShortcode[name] {
				return false
			}
		}
	}
	return true
}

var (
	// decoration matches one of titleDecor's marks.
	decoration = regexp.MustCompile(`#[\p{L}\p{N}_/-]+|(?::[a-z0-9_+-]+:)+|<Badge\s[^<>]*/>|!\[[^\]]*\]\(https?://img\.shields\.io[^)]*\)`)
	hexColour  = regexp.MustCompile(`^(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$`)
	// preprocessorWord holds the directives of C's and Objective-C's
	// preprocessor, which notes on them name in a title.
	preprocessorWord = setOf("include", "define", "undef", "if", "ifdef", "ifndef", "elif", "else", "endif", "pragma", "error", "import", "line")
	// emojiShortcode holds the shortcodes of the emoji notes mark their
	// questions with (GitHub's and Obsidian's names).
	emojiShortcode = setOf("fire", "star", "star2", "stars", "sparkles", "bulb", "rocket", "warning", "memo", "pencil", "pencil2",
		"pushpin", "round_pushpin", "white_check_mark", "heavy_check_mark", "ballot_box_with_check", "x", "question", "grey_question",
		"exclamation", "heavy_exclamation_mark", "bangbang", "tada", "boom", "zap", "key", "book", "books", "open_book", "point_right",
		"point_left", "point_up", "point_down", "thinking", "thinking_face", "eyes", "100", "heart", "+1", "-1", "thumbsup", "thumbsdown",
		"red_circle", "large_blue_circle", "blue_circle", "green_circle", "yellow_circle", "orange_circle", "bookmark", "label",
		"triangular_flag_on_post", "construction", "hammer", "wrench", "gear", "lock", "bell", "mag", "mag_right", "link", "calendar",
		"hourglass", "alarm_clock", "dart", "trophy", "medal", "1st_place_medal", "crown", "gem", "new", "sos", "ok", "cool", "no_entry",
		"rotating_light", "mega", "loudspeaker", "speech_balloon", "clipboard", "chart_with_upwards_trend", "bar_chart", "moneybag",
		"brain", "robot", "computer", "muscle", "smile", "joy", "sob", "scream", "skull", "sweat_smile", "sunglasses", "nerd_face",
		"heavy_plus_sign", "arrow_right", "arrow_up", "arrow_down", "star_struck", "heavy_star", "high_brightness", "triangular_ruler")
)

// setOf returns a set of words.
func setOf(words ...string) map[string]bool {
	set := make(map[string]bool, len(words))
	for _, w := range words {
		set[w] = true
	}
	return set
}

// spacedLabelLikely reports whether a line may hold a spaced label: a
// label's first character before a space.
func spacedLabelLikely(line string) bool {
	for _, c := range []string{"题", "題", "答", "解"} {
		if i := strings.Index(line, c); i >= 0 {
			if rest := line[i+len(c):]; strings.HasPrefix(rest, " ") || strings.HasPrefix(rest, "\u3000") {
				return true
			}
		}
	}
	return false
}

// bareLabels reports whether notes write their labels in bold without a
// colon ("**答案**"): a style, not a word in bold, when an answer is
// labelled so and so is another label ("**题目**", "**解析**"), or two
// answers' labels stand alone on their lines. A problem's statement and
// its solution ("**题目**", "**解析**") with no answer label are not
// labelled questions, and "**答案** 不重要" twice in prose is emphasis.
func bareLabels(lines []string) bool {
	kinds := map[field]bool{}
	alone := 0
	for trimmed := range outsideFences(lines) {
		if !strings.HasPrefix(trimmed, "**") {
			continue
		}
		m := bareLabel.FindStringSubmatch(trimmed)
		if m == nil {
			continue
		}
		f, _ := lookupLabel(m[1])
		kinds[f] = true
		if f == answerField && m[2] == "" {
			alone++
		}
	}
	return kinds[answerField] && (len(kinds) >= 2 || alone >= 2)
}

// outsideCodeSpans removes what re matches in line but not in its code
// spans: a note on SiYuan shows its attributes in code.
func outsideCodeSpans(line string, re *regexp.Regexp) string {
	var b strings.Builder
	last := 0
	for _, loc := range re.FindAllStringIndex(line, -1) {
		if strings.Count(line[:loc[0]], "`")%2 == 1 {
			continue
		}
		b.WriteString(line[last:loc[0]])
		last = loc[1]
	}
	b.WriteString(line[last:])
	return b.String()
}

// containerTitle is what a container's opening line says of what it
// holds: a label when its title is one ("::: tip 题目", "::: details 点击
// 查看答案"), its title as a line of text otherwise ("::: warning 注意"),
// nothing when it has none (":::info", ":::").
func containerTitle(line string) string {
	kind, title, _ := strings.Cut(strings.TrimSpace(strings.TrimLeft(line, ":")), " ")
	title = strings.TrimSpace(title)
	if title == "" {
		return ""
	}
	if _, ok := lookupLabel(title); ok {
		return "**" + title + "：**"
	}
	if kind == "details" && strings.Contains(title, "答案") {
		return "**答案：**" // "点击查看答案"
	}
	return title + "："
}

// htmlPage reports whether notes are an HTML page or a CMS's export
// rather than Markdown with some HTML in it: three or more lines open with
// a block element, and no Markdown heading below the title marks a
// section. Only then is "&lt;" "<", a line "<h2>…</h2>" a heading and
// "<li>…</li>" an item: notes on HTML show them as examples.
func htmlPage(lines []string) bool {
	blocks := 0
	for trimmed := range outsideFences(lines) {
		if headingLevel(trimmed) >= 2 {
			return false
		}
		if strings.HasPrefix(trimmed, "<") && htmlBlockLine.MatchString(trimmed) {
			blocks++
		}
	}
	return blocks >= 3
}

// inlineMarkup returns line as its editor shows it, outside inline code.
// A heading keeps its references (## &nbsp; 和空格的区别), and its text
// when nothing else would be left of it (## <mark>).
func inlineMarkup(line string, page bool) string {
	if !strings.ContainsAny(line, "<>&%={\\") {
		return line
	}
	heading := headingLevel(strings.TrimSpace(line)) > 0
	if strings.Contains(line, "==`") {
		line = highlightedCode.ReplaceAllString(line, "$1")
	}
	// Code spans stand aside while the text around them is read, so
	// that markup around code is read whole: <font color=red>`ss`</font>.
	var spans []string
	text := inlineCode.ReplaceAllStringFunc(line, func(c string) string {
		spans = append(spans, c)
		return string(rune(codeMark + len(spans) - 1))
	})
	text = textMarkup(text, page, heading)
	out := text
	if len(spans) > 0 {
		var b strings.Builder
		for _, r := range text {
			if i := int(r) - codeMark; i >= 0 && i < len(spans) {
				b.WriteString(spans[i])
			} else {
				b.WriteRune(r)
			}
		}
		out = b.String()
	}
	if heading {
		out = headingAttributes.ReplaceAllString(out, "")
		if headingText(strings.TrimSpace(out)) == "" {
			return line
		}
	}
	return out
}

// codeMark is the first of the private-use characters that hold a line's
// code spans while its markup is read.
const codeMark = 0xF0000

// textMarkup is inlineMarkup for text outside code.
func textMarkup(s string, page, heading bool) string {
	if strings.Contains(s, "<") {
		s = htmlComment.ReplaceAllString(s, "")
		s = imageTag.ReplaceAllStringFunc(s, markdownImage)
		if page && strings.Count(s, "<li") > 1 {
			// A list within a line: each item on a line of its own.
			s = htmlItem.ReplaceAllString(s, "<br>- $1")
		}
		for range 3 { // nested pairs: <p><strong>题目：</strong>…</p>
			before := s
			for _, n := range styleTags {
				if !strings.Contains(s, "<"+n) {
					continue
				}
				s = pairedTag[n].ReplaceAllStringFunc(s, func(pair string) string {
					return pairedText(n, pairedTag[n].FindStringSubmatch(pair))
				})
				if attributedTag[n].MatchString(s) {
					// The closing tag goes with its opening's
					// attributes: <font color=red>`ss`…</font>.
					s = attributedTag[n].ReplaceAllString(s, "")
					s = strings.ReplaceAll(s, "</"+n+">", "")
				}
			}
			if s == before {
				break
			}
		}
	}
	if strings.Contains(s, "%%") {
		s = obsidianComment.ReplaceAllString(s, "$1$3")
	}
	if strings.Contains(s, "==") {
		s = highlight.ReplaceAllString(s, "$1$2$3")
	}
	if strings.Contains(s, "]{") {
		s = attributedSpan.ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "&") && !heading {
		if page {
			s = entity.ReplaceAllStringFunc(s, html.UnescapeString)
		}
		s = spaces(s)
	}
	if strings.Contains(s, `\_`) {
		for range 2 { // overlapping: my\_var\_name
			s = escapedUnderscore.ReplaceAllString(s, "${1}_$2")
		}
	}
	return s
}

// pairedText is what a pair of tags shows of the text it holds: bold for
// <strong> and <b>, struck through for <del> and <s>, a power for <sup>
// (2<sup>10</sup> is 2^10, not 210), an index for <sub>, a link's text
// and target; the text alone for the others.
func pairedText(name string, m []string) string {
	text := m[1]
	switch name {
	case "strong", "b":
		return "**" + text + "**"
	case "del", "s", "strike":
		return "~~" + text + "~~"
	case "sup":
		return "^" + text
	case "sub":
		return "_" + text
	case "a":
		// The link's target after its text, not a Markdown link: a
		// line of links is a table of contents.
		if href := hrefAttribute.FindStringSubmatch(m[0]); href != nil && href[1] != text {
			return text + " (" + href[1] + ")"
		}
	}
	return text
}

// hrefAttribute matches a link's target in its opening tag.
var hrefAttribute = regexp.MustCompile(`^<a\s[^<>]*\bhref\s*=\s*["']?([^"'\s<>]+)`)

// markdownImage writes an image in HTML as Markdown, without its alt:
// Typora's is the file's name ("image-20230915101213456").
func markdownImage(tag string) string {
	if m := imageSource.FindStringSubmatch(tag); m != nil {
		return "![](" + m[1] + ")"
	}
	return ""
}

// spaces turns the references to spaces an editor wrote into spaces
// ("**题目：**&nbsp;什么是虚拟内存？"), but not one that stands as a word
// between spaces: "&nbsp; 和普通空格的区别" is about it.
func spaces(s string) string {
	locs := spaceEntity.FindAllStringIndex(s, -1)
	if locs == nil {
		return strings.ReplaceAll(s, "\u00a0", " ")
	}
	var b strings.Builder
	last := 0
	for _, l := range locs {
		before, _ := utf8.DecodeLastRuneInString(s[:l[0]])
		after, _ := utf8.DecodeRuneInString(s[l[1]:])
		word := (l[0] == 0 || unicode.IsSpace(before)) && (l[1] == len(s) || unicode.IsSpace(after))
		b.WriteString(s[last:l[0]])
		if word {
			b.WriteString(s[l[0]:l[1]])
		} else {
			b.WriteByte(' ')
		}
		last = l[1]
	}
	b.WriteString(s[last:])
	return strings.ReplaceAll(b.String(), "\u00a0", " ")
}

// htmlBlock turns a line of an HTML page that is one block into
// Markdown: a heading, a list item, a list's opening or closing tag
// (blank).
func htmlBlock(line, trimmed string, page bool) string {
	if !page {
		return line
	}
	if m := htmlHeading.FindStringSubmatch(trimmed); m != nil {
		return strings.Repeat("#", int(m[1][0]-'0')) + " " + m[2]
	}
	if listTag.MatchString(trimmed) {
		return ""
	}
	if loc := htmlItem.FindStringSubmatchIndex(trimmed); loc != nil && loc[0] == 0 && loc[1] == len(trimmed) {
		indent := line[:strings.Index(line, trimmed)]
		return indent + "- " + trimmed[loc[2]:loc[3]]
	}
	return line
}

// blockComments tells, for each line, what closes the comment that spans
// lines it opens, "" when it opens none: "<!--" until "-->", or a line
// "%%" until a line "%%", as Obsidian writes them. A comment that nothing
// closes before the next heading is text: a MATLAB cell ("%% 第一节") or
// an unfinished comment must not take the notes after it.
func blockComments(lines []string) []string {
	closes := make([]string, len(lines))
	html, percent := false, false // a close follows, before any heading
	for i := len(lines) - 1; i >= 0; i-- {
		t := strings.TrimSpace(lines[i])
		switch {
		case strings.HasPrefix(t, "<!--") && !strings.Contains(t, "-->") && html:
			closes[i] = "-->"
		case t == "%%" && percent:
			closes[i] = "%%"
		}
		switch {
		case headingLevel(t) > 0:
			html, percent = false, false
		case t == "%%":
			percent = true
		case strings.Contains(t, "-->"):
			html = true
		}
	}
	return closes
}
