package index

import (
	"bufio"
	"cmp"
	_ "embed"
	"iter"
	"maps"
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
// letters and digits folded, English terms of the field replaced by the
// Chinese terms the corpus uses, and the phrases that make a sentence a
// question (请问, 是什么, 有哪些 …) turned into word breaks, since they say
// nothing about the topic and would otherwise count as unmatched words.
// rw applies the rewrites; see newRewriter.
func normalizeQuery(q string, rw *strings.Replacer) string {
	q = strings.ToLower(foldWidth(q))
	q = expandSynonyms(q)
	q = versionName.ReplaceAllString(q, "${1}-${2}")
	return rw.Replace(q)
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

// queryRewrites maps the phrases that make a sentence a question (请问,
// 是什么, 有哪些 …), particles (吗, 㗎) and function words into word breaks,
// since they say nothing about the topic and would otherwise count as
// unmatched words, and maps the field's common Chinese paraphrases to the
// words the corpus uses (难点 → 挑战). It applies to queries only; stopChars
// holds the single characters that are safe to drop from the index too.
var queryRewrites = func() map[string]string {
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
		"咋弄", "咋整", "咋搞", "怎么搞", "怎么整", "怎么弄", "干嘛", "干啥", "拿来",
		"搞", "弄", "起来", "出来", "好不好", "行不行", "对不对", "是不是",
		"要不要", "该不该", "值不值", "会不会", "靠不靠谱", "一句话", "简单来说",
		"给我", "帮我", "求问", "请教", "各位", "大佬", "有人知道", "谁知道", "想知道",
		"好奇", "呐", "哦", "噢", "喔", "诶", "哟", "了",
	}
	rewrite := map[string][]string{
		"挑战": {"困难", "难点", "难题", "障碍", "门槛", "难处", "痛点", "瓶颈", "坑",
			"风险", "难在哪", "有多难", "难不难", "卡在哪", "卡脖子", "扛不住", "吃不消", "搞不定"},
		"特点":   {"特征", "特性", "优势", "牛在哪", "厉害在哪", "好在哪"},
		"成功":   {"火了", "爆火", "火起来", "走红", "这么牛", "那么牛", "很牛", "太牛"},
		"开发":   {"做出来", "搞出来", "弄出来", "研发出", "造出来"},
		"安全":   {"泄露", "泄漏", "被盗"},
		"清洗":   {"洗干净"},
		"训练":   {"训大模型", "训模型", "炼丹"},
		"超参数":  {"超参"},
		"策略":   {"对策", "办法", "思路", "打法", "从哪下手", "切入点"},
		"机遇":   {"机会"},
		"商业模式": {"赚钱", "盈利", "变现", "营收", "挣钱", "商业化", "获利"},
		"付费":   {"收费"},
		"质量":   {"品质"},
		"计算资源": {"算力", "运算资源"},
		"应对":   {"克服", "解决", "怎么办"},
		"案例":   {"例子", "栗子", "举例", "实例", "范例"},
		"步骤":   {"流程", "阶段", "环节"},
		"应用场景": {"用途", "用处", "领域"},
		"成本":   {"烧钱"},
		"创业公司": {"初创公司", "初创企业", "创业企业", "创企", "小公司", "初创",
			"新创公司", "新创企业", "新创", "小团队", "创业团队"},
		"黑箱": {"黑盒子", "黑盒"},
		"合作": {"抱团", "合伙"},
		"总结": {"总的来说", "总的来看", "总体", "整体来说", "整体而言", "概括", "归纳"},
		"计算": {"算出"},
	}
	replace := map[string]string{}
	for _, w := range append(drop, stopwordsZH()...) {
		replace[w] = " "
	}
	// A rewrite wins over a drop: 总的来说 is a stop phrase, but here it
	// asks for the summary.
	for to, froms := range rewrite {
		for _, from := range froms {
			replace[from] = " " + to + " "
		}
	}
	return replace
}()

// newRewriter returns a replacer for queryRewrites that leaves the guard
// words as they are. Chinese is matched by substring, so a rewrite can cut
// through a word: 对策 → 策略 would turn 应对策略 into 应策略略. Guarding
// the corpus's own word 应对 keeps it whole, because the replacer consumes
// it before reaching 对策.
func newRewriter(guards []string) *strings.Replacer {
	pairs := maps.Clone(rewritePairs)
	for _, g := range guards {
		if _, ok := pairs[g]; !ok {
			pairs[g] = g
		}
	}
	// strings.Replacer tries the old strings in argument order: longest
	// first, so that "有哪些" wins over "哪些".
	olds := slices.SortedFunc(maps.Keys(pairs), func(a, b string) int {
		return cmp.Or(cmp.Compare(len(b), len(a)), cmp.Compare(a, b))
	})
	args := make([]string, 0, 2*len(olds))
	for _, old := range olds {
		args = append(args, old, pairs[old])
	}
	return strings.NewReplacer(args...)
}

// rewritePairs are queryRewrites plus each rewrite's target kept as it is:
// a target is never cut by another rewrite (超参 inside 超参数). Every
// index's rewriter starts from them.
var rewritePairs = func() map[string]string {
	pairs := maps.Clone(queryRewrites)
	for _, new := range queryRewrites {
		if t := strings.TrimSpace(new); t != "" {
			if _, ok := pairs[t]; !ok {
				pairs[t] = t
			}
		}
	}
	return pairs
}()

// guardWords returns the pairs of Han characters in texts that a
// paraphrase rewrite starting at their second character would cut: 应对
// for the rewrite of 对策 → 策略. Question phrases that are only dropped
// (能不能, 可不可以) are not guarded against: a question's 大模型能不能 must
// lose 能不能 even though the corpus pairs 型能. Stop characters are
// skipped, since the index never pairs them.
func guardWords(texts iter.Seq[string]) []string {
	starts := map[rune][]string{}
	for old, new := range queryRewrites {
		if strings.TrimSpace(new) == "" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(old)
		starts[r] = append(starts[r], old)
	}
	// Bit sets of the Han characters to skip and of those that start a
	// rewrite: every character of the corpus is tested against both.
	var stop, start bmpSet
	for _, s := range stopChars {
		r, _ := utf8.DecodeRuneInString(s)
		stop.add(r)
	}
	for r := range starts {
		start.add(r)
	}
	// cut counts, for each pair, the times the corpus itself has the
	// rewrite there (公司如何: 如何 is a word of its own, not a cut) less
	// the times it has not (如何应对: 对策 would cut 应对). Pairs are keyed
	// by their two runes: a corpus of 10,000 sections has millions.
	type pair struct{ a, b rune }
	cut := map[pair]int{}
	for text := range texts {
		prev := rune(0)
		for i, r := range text {
			if r < 0x3400 || stop.has(r) || !unicode.Is(unicode.Han, r) {
				prev = 0
				continue
			}
			if prev != 0 && start.has(r) {
				if ws := starts[r]; !anyPrefix(string([]rune{prev, r}), starts[prev]) {
					if anyPrefix(text[i:], ws) {
						cut[pair{prev, r}]++
					} else {
						cut[pair{prev, r}]--
					}
				}
			}
			prev = r
		}
	}
	var guards []string
	for p, c := range cut {
		if c < 0 {
			guards = append(guards, string([]rune{p.a, p.b}))
		}
	}
	slices.Sort(guards)
	return guards
}

// bmpSet is a set of runes of the Basic Multilingual Plane, which holds
// the Han characters questions and corpora use; others are never members.
type bmpSet [0x10000 / 64]uint64

func (s *bmpSet) add(r rune) {
	if r < 0x10000 {
		s[r/64] |= 1 << (r % 64)
	}
}

func (s *bmpSet) has(r rune) bool { return r < 0x10000 && s[r/64]&(1<<(r%64)) != 0 }

// anyPrefix reports whether one of words starts s.
func anyPrefix(s string, words []string) bool {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// plainRewriter rewrites without guards, for text read outside an index.
var plainRewriter = newRewriter(nil)

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

// synonyms maps English terms study groups type to the Chinese terms of the
// corpus. Terms the corpus itself uses in English (OpenAI, GPT-3, API) are
// not listed: they match as they are.
var synonyms = map[string]string{
	"llm": "大模型", "llms": "大模型", "large language model": "大模型",
	"large language models": "大模型", "large model": "大模型",
	"large models": "大模型", "foundation model": "大模型",
	"foundation models": "大模型", "big model": "大模型", "big models": "大模型",
	"model": "模型", "models": "模型",
	"training": "训练", "train": "训练", "trained": "训练",
	"training process": "训练过程", "pipeline": "流程",
	"startup": "创业", "startups": "创业", "start up": "创业", "start ups": "创业",
	"entrepreneurship": "创业", "founder": "创业", "founders": "创业",
	"challenge": "挑战", "challenges": "挑战", "difficulties": "挑战",
	"innovation": "创新", "innovations": "创新", "innovative": "创新",
	"strategy": "策略", "strategies": "策略",
	"data": "数据", "dataset": "数据集", "datasets": "数据集",
	"data quality": "数据质量", "privacy": "隐私", "security": "安全",
	"safety": "安全", "scalability": "可扩展性", "scalable": "可扩展",
	"scale": "扩展", "scaling": "扩展",
	"interpretability": "解释性", "explainability": "解释性",
	"interpretable": "可解释", "explainable": "可解释", "black box": "黑箱",
	"business model": "商业模式", "business models": "商业模式",
	"monetization": "商业模式", "monetize": "商业模式",
	"partnership": "合作", "partnerships": "合作", "cooperation": "合作",
	"collaboration": "合作", "partner": "合作",
	"market positioning": "市场定位", "positioning": "定位", "market": "市场",
	"target market": "目标市场", "case study": "案例", "case": "案例",
	"example": "案例", "summary": "总结", "conclusion": "总结",
	"parameter": "参数", "parameters": "参数", "params": "参数",
	"generalization": "泛化", "generalize": "泛化", "transfer learning": "迁移",
	"knowledge": "知识", "compute": "计算资源", "computing": "计算资源",
	"gpu": "计算资源", "gpus": "计算资源", "computational resources": "计算资源",
	"cost": "成本", "costs": "成本", "storage": "存储",
	"deployment": "部署", "deploy": "部署",
	"nlp": "自然语言处理", "natural language processing": "自然语言处理",
	"computer vision": "计算机视觉", "cv": "计算机视觉",
	"recommendation": "推荐", "recommender": "推荐系统",
	"recommendation system": "推荐系统", "speech recognition": "语音识别",
	"speech": "语音", "translation": "翻译", "machine translation": "机器翻译",
	"preprocessing": "预处理", "data preprocessing": "数据预处理",
	"data cleaning": "数据清洗", "initialization": "初始化", "init": "初始化",
	"forward pass": "前向传播", "forward propagation": "前向传播",
	"backprop": "反向传播", "backpropagation": "反向传播",
	"back propagation": "反向传播", "backward pass": "反向传播",
	"loss": "损失", "loss function": "损失函数", "gradient": "梯度",
	"gradients": "梯度", "optimization": "优化", "optimizer": "优化",
	"iteration": "迭代", "evaluation": "评估", "evaluate": "评估",
	"hyperparameter": "超参数", "hyperparameters": "超参数",
	"validation": "验证", "deep learning": "深度学习",
	"machine learning":        "机器学习",
	"artificial intelligence": "人工智能", "customization": "定制化",
	"customized": "定制化", "application": "应用", "applications": "应用",
	"use case": "应用场景", "use cases": "应用场景", "difficulty": "挑战",
	"problem": "挑战", "problems": "挑战", "risk": "挑战", "risks": "挑战",
	"revenue": "商业模式", "profit": "商业模式", "make money": "商业模式",
	"makes money": "商业模式", "making money": "商业模式", "earn money": "商业模式",
	"revenue model": "商业模式", "opportunity": "机遇", "opportunities": "机遇",
	"tl;dr": "总结", "tldr": "总结", "overview": "总结", "in a nutshell": "总结", "step": "步骤", "steps": "步骤",
	"process": "过程", "features": "特点", "feature": "特点", "characteristics": "特点", "personalized": "个性化", "personalization": "个性化",
	// Words of the field whose stems differ from the translation's
	// (private/privacy) or that it says otherwise (created/developed).
	"private": "隐私", "secure": "安全", "protect": "保障", "protection": "保障",
	"developed": "开发", "develop": "开发", "created": "开发", "create": "开发",
	"creator": "开发", "respond": "应对", "response": "应对", "cope": "应对",
	"tackle": "应对", "overcome": "应对", "deal with": "应对", "handle": "应对",
	"overall": "总结", "big picture": "总结", "in short": "总结",
	"in summary": "总结", "summarize": "总结", "sum up": "总结", "recap": "总结",
	"takeaways": "总结", "entrepreneur": "创业", "entrepreneurs": "创业",
	"research lab": "研究机构", "research labs": "研究机构",
	"research institute": "研究机构", "research institutes": "研究机构",
	"academia": "研究机构", "universities": "研究机构",
	"explain": "解释", "explanation": "解释", "decision": "决策", "decisions": "决策",
	"transparent": "可解释", "transparency": "可解释", "noise": "噪声", "noisy": "噪声",
	"bias": "偏差", "biased": "偏差", "incomplete": "不完整", "label": "标签",
	"labels": "标签", "weights": "参数", "tune": "调整", "tuning": "调整",
	"industry": "行业", "industries": "行业", "vertical": "行业", "niche": "特定行业",
	"internet": "互联网", "paid": "付费", "pricing": "付费", "fee": "付费",
	"headquarters": "总部", "headquartered": "总部", "success": "成功",
	"successful": "成功", "image": "图像", "images": "图像",
	"question answering": "问答系统", "text generation": "文本生成",
	"sustainable": "可持续发展", "competitive": "竞争力", "competitiveness": "竞争力",
	// "AI" says nothing about which section: every one is about AI
	// startups. Mapped to 人工智能 it drew questions to the OpenAI case,
	// the one section that says 人工智能 three times.
	"ai": "",
	// English question phrases, dropped like 请问 and 是什么.
	"what counts as": "", "tell me about": "", "can you": "", "could you": "",
	"please": "", "definition of": "", "meaning of": "", "i want to know": "",
	"define": "", "in simple words": "", "in plain words": "", "in a few words": "",
}

// synonymPattern matches any synonym as whole words, longest first.
var synonymPattern = func() *regexp.Regexp {
	terms := make([]string, 0, len(synonyms))
	for t := range synonyms {
		terms = append(terms, t)
	}
	// Longer terms first so "data quality" wins over "data".
	slices.SortFunc(terms, func(a, b string) int {
		return cmp.Or(cmp.Compare(len(b), len(a)), cmp.Compare(a, b))
	})
	for i, t := range terms {
		terms[i] = strings.ReplaceAll(regexp.QuoteMeta(t), " ", `[\s\-_]+`)
	}
	return regexp.MustCompile(`\b(?:` + strings.Join(terms, "|") + `)\b`)
}()

func expandSynonyms(q string) string {
	return synonymPattern.ReplaceAllStringFunc(q, func(m string) string {
		key := strings.Join(strings.FieldsFunc(m, func(r rune) bool {
			return r == ' ' || r == '-' || r == '_' || unicode.IsSpace(r)
		}), " ")
		if zh, ok := synonyms[key]; ok {
			return " " + zh + " "
		}
		return m
	})
}
