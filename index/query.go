package index

import (
	"bufio"
	"cmp"
	_ "embed"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxQueryRunes is where a question is cut. Real questions are a sentence or
// two; a pasted essay would only add noise and time.
const MaxQueryRunes = 300

// cleanQuery makes any input safe to search: valid UTF-8, control
// characters and runs of spaces folded, at most MaxQueryRunes long.
func cleanQuery(q string) (clean string, truncated bool) {
	q = strings.ToValidUTF8(q, " ")
	q = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.IsSpace(r) {
			return ' '
		}
		return r
	}, q)
	q = strings.Join(strings.Fields(q), " ")
	if utf8.RuneCountInString(q) > MaxQueryRunes {
		q = string([]rune(q)[:MaxQueryRunes])
		truncated = true
	}
	return q, truncated
}

// normalizeQuery prepares a cleaned question for analysis: full-width
// letters and digits folded, and the phrases that make a sentence a
// question (请问, 是什么, 有哪些, tell me about …) turned into word breaks,
// since they say nothing about the topic and would otherwise count as
// unmatched words. What the question's words mean in the corpus's own
// words (English terms, paraphrases) is found later, by Index.parse.
func normalizeQuery(q string) string {
	q = strings.ToLower(foldWidth(q))
	q = englishPhrases.ReplaceAllString(q, " ")
	q = versionName.ReplaceAllString(q, "${1}-${2}")
	return questionPhrases.Replace(q)
}

// foldWidth maps full-width ASCII (Ｌｌｍ，１２３) to its half-width form.
func foldWidth(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			return r - 0xFEE0
		case r == 0x3000:
			return ' '
		}
		return r
	}, s)
}

// versionName matches a model name written without its hyphen, "gpt3", so
// that it is searched like "gpt-3".
var versionName = regexp.MustCompile(`\b([a-z]{2,})(\d)`)

// questionPhrases turns the phrases that make a sentence a question
// (请问, 是什么, 有哪些 …), particles (吗, 㗎) and function words into word
// breaks. They are general language, the same for every corpus. Longer
// phrases are tried first, so that 有哪些 wins over 哪些.
var questionPhrases = func() *strings.Replacer {
	drop := []string{
		"请问", "请简述", "简述", "简要", "简单说", "描述一下", "介绍一下", "介绍",
		"讲讲", "讲一下", "说说", "说一下", "聊聊", "谈谈", "解释一下", "一下",
		"怎么样", "怎么", "怎样", "什么", "如何", "哪些", "哪个", "哪里", "哪儿",
		"为什么", "为啥", "是否", "有没有", "能不能", "可不可以", "到底", "究竟",
		"一般来说", "一般", "大概", "大约", "具体", "有哪些", "有什么", "有多少",
		"是什么", "是啥", "多少", "几个", "几种", "分别", "知道", "告诉我",
		"我想", "想问", "问下", "这个", "这些", "那个", "那些", "这种", "其实",
		"比如说", "一个", "一家", "一些", "一种", "好用", "定义", "概念", "含义", "意思", "吗", "呢", "吧", "啊", "呀",
		"嘛", "啥", "咋", "哈", "嗯", "呗", "你", "我", "?", "？", "!", "！",
		",", "，", "。", "、",
		// Cantonese question words and particles, as they read after
		// OpenCC (係咩 → 系咩): OpenCC converts script, not dialect.
		"系咩", "系唔系", "系乜", "乜嘢", "乜野", "咩", "点样", "点解", "边个",
		"边度", "有冇", "㗎", "嚟", "喎", "啦", "咁", "嘅", "啲", "吖",
		// Spoken Mandarin: the do-verbs that stand for any action
		// (搞, 弄, and 整 and 干 in phrases: 咋整, 干嘛), directional
		// endings (火起来, 搞出来), tag questions (好不好, 要不要) and
		// chat openers (求问, 各位).
		"咋弄", "咋整", "咋搞", "怎么搞", "怎么整", "怎么弄", "怎么破", "咋破", "咋办", "咋回事", "怎么回事", "干嘛", "干啥", "拿来",
		"搞", "弄", "起来", "出来", "好不好", "行不行", "对不对", "是不是",
		"要不要", "该不该", "值不值", "会不会", "靠不靠谱", "一句话", "简单来说",
		"给我", "帮我", "求问", "请教", "各位", "大佬", "有人知道", "谁知道", "想知道",
		"好奇", "呐", "哦", "噢", "喔", "诶", "哟", "了",
	}
	ws := slices.Compact(slices.Sorted(slices.Values(append(drop, stopwordsZH()...))))
	slices.SortStableFunc(ws, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	args := make([]string, 0, 2*len(ws))
	for _, w := range ws {
		args = append(args, w, " ")
	}
	return strings.NewReplacer(args...)
}()

//go:embed stopwords_zh.txt
var stopwordsFile string

// stopwordsZH lists the function words of stopwords_zh.txt.
func stopwordsZH() []string {
	var ws []string
	sc := bufio.NewScanner(strings.NewReader(stopwordsFile))
	for sc.Scan() {
		if w := strings.TrimSpace(sc.Text()); w != "" && !strings.HasPrefix(w, "#") {
			ws = append(ws, w)
		}
	}
	return ws
}

// englishPhrases are English question phrases, dropped like 请问 and
// 是什么: they ask, they do not say what about.
var englishPhrases = func() *regexp.Regexp {
	phrases := []string{
		"what counts as", "tell me about", "can you", "could you", "would you",
		"please", "definition of", "meaning of", "i want to know", "define",
		"in simple words", "in plain words", "in a few words", "what is", "what are",
		"what's", "how do you", "how do i", "how does", "how do", "how can", "how should",
		"how to", "why do", "why does", "why is", "explain", "describe",
	}
	for i, p := range phrases {
		phrases[i] = strings.ReplaceAll(regexp.QuoteMeta(p), " ", `\s+`)
	}
	slices.SortFunc(phrases, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	return regexp.MustCompile(`\b(?:` + strings.Join(phrases, "|") + `)\b`)
}()
