package corpus_test

import (
	"slices"
	"testing"

	"github.com/startupqa/startupqa/corpus"
)

// TestParseQuestionList reads notes that list their questions under
// chapter headings instead of giving each a heading: every listed
// question and its answer is a section, numbered in order.
func TestParseQuestionList(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // each section's title and first answer block
	}{
		{
			name: "bold Q, plain A, under chapters",
			src: doc("# 八股", "", "> 自己整理的。", "", "## 一、泛化", "", "**Q：什么是过拟合？**", "", "A：训练好、验证差。", "",
				"**Q：过拟合怎么缓解？**", "", "A：", "- 加数据", "- 正则", "", "## 二、优化器", "", "**Q：Adam 为什么快？**", "", "A：自适应学习率。"),
			want: []string{"什么是过拟合？|训练好、验证差。", "过拟合怎么缓解？|- 加数据", "Adam 为什么快？|自适应学习率。"},
		},
		{
			name: "plain Q and A in English",
			src: doc("# Behavioral", "## Part 1", "Q: Tell me about a failure.", "", "A: Pick a real one.", "",
				"Q: How do you say no?", "", "A: Not now, here's why."),
			want: []string{"Tell me about a failure.|Pick a real one.", "How do you say no?|Not now, here's why."},
		},
		{
			name: "numbered Q with bold labels",
			src: doc("## 缓存", "**Q1：** 缓存穿透？", "**A1：** 布隆过滤器。", "**Q2：** 缓存雪崩？", "**A2：** 过期时间加随机值。",
				"**解析：** 常考。"),
			want: []string{"缓存穿透？|布隆过滤器。", "缓存雪崩？|过期时间加随机值。"},
		},
		{
			name: "numbered bold questions, answers indented",
			src: doc("# 指标 背诵版", "", "面试前一晚过一遍。", "", "---", "", "1. **⭐ 精确率怎么算？**", "", "   一句话：预测为正里真的有多少。", "",
				"   - P = TP/(TP+FP)", "", "2. **AUC 是什么？**", "", "   ```python", "   roc_auc_score(y, s)", "   ```"),
			want: []string{"精确率怎么算？|一句话：预测为正里真的有多少。", "AUC 是什么？|```python\nroc_auc_score(y, s)\n```"},
		},
		{
			name: "questions in bold lines, numbered every way",
			src: doc("# MySQL", "", "**1. 什么是最左前缀？**", "", "联合索引从最左列开始用。", "", "**② 为什么用 B+ 树？**", "", "- 树更矮",
				"", "**（3）Q3: 回表是什么？**", "二级索引查到主键再查聚簇索引。"),
			want: []string{"什么是最左前缀？|联合索引从最左列开始用。", "为什么用 B+ 树？|- 树更矮", "Q3: 回表是什么？|二级索引查到主键再查聚簇索引。"},
		},
		{
			name: "plain numbered questions, answers indented",
			src:  doc("# 网络", "1. TCP 为什么三次握手？", "   防止旧连接。", "2. TIME_WAIT 为什么是 2MSL？", "   让旧报文消失。"),
			want: []string{"TCP 为什么三次握手？|防止旧连接。", "TIME_WAIT 为什么是 2MSL？|让旧报文消失。"},
		},
		{
			name: "Notion toggles: bulleted questions, answers indented",
			src: doc("# 操作系统", "## 第一章", "- 什么是僵尸进程？", "    ", "    子进程退出后没被 wait 回收。", "    ", "- **进程间怎么通信？**", "    ", "    管道、共享内存、套接字。",
				"## 第二章", "- 什么是虚拟内存？", "    每个进程独立的地址空间。", "    - 页表映射到物理内存"),
			want: []string{"什么是僵尸进程？|子进程退出后没被 wait 回收。", "进程间怎么通信？|管道、共享内存、套接字。", "什么是虚拟内存？|每个进程独立的地址空间。"},
		},
		{
			name: "folded under their summaries",
			src: doc("# Redis", "<details>", "<summary><b>1. Redis 为什么快？</b></summary>", "", "- 内存操作", "</details>", "",
				"<details><summary>持久化有哪些方式？</summary>", "RDB 和 AOF。", "</details>"),
			want: []string{"Redis 为什么快？|- 内存操作", "持久化有哪些方式？|RDB 和 AOF。"},
		},
		{
			name: "bold questions over answers folded away",
			src: doc("## 一、集合", "", "**1. HashMap 的结构？**", "", "<details>", "<summary>点击展开答案</summary>", "", "数组 + 链表 + 红黑树。", "", "</details>", "",
				"**2. ConcurrentHashMap 怎么保证线程安全？**", "<details><summary>Show answer 👇</summary>", "CAS + synchronized。", "</details>"),
			want: []string{"HashMap 的结构？|数组 + 链表 + 红黑树。", "ConcurrentHashMap 怎么保证线程安全？|CAS + synchronized。"},
		},
		{
			name: "a table of questions and answers",
			src:  doc("# JVM 速记", "", "| 问题 | 答案 | 备注 |", "|---|---|---|", "| 什么是 STW？ | 暂停用户线程 | 常考 |", "| G1 的特点？ | 分 Region<br>可预测停顿 | |"),
			want: []string{"什么是 STW？|暂停用户线程；常考", "G1 的特点？|分 Region可预测停顿"},
		},
		{
			name: "a table with a column of analyses",
			src:  doc("# 护理", "| 题号 | 题目 | 答案 | 解析 |", "| --- | --- | --- | --- |", "| 1 | 成人正常脉搏是多少？ | 60～100 次/分 | 超过 100 为心动过速。 |", "| 2 | 袖带下缘距肘窝多少？ | 2～3 cm | |"),
			want: []string{"成人正常脉搏是多少？|60～100 次/分", "袖带下缘距肘窝多少？|2～3 cm"},
		},
		{
			name: "English questions numbered with a stop",
			src:  doc("# JavaScript", "## Functions", "Q1. What is a closure?", "A: A function with its scope.", "", "Q2. What does bind do?", "A: Fixes this."),
			want: []string{"What is a closure?|A function with its scope.", "What does bind do?|Fixes this."},
		},
		{
			name: "a table whose first column numbers the rows",
			src:  doc("# 速记", "| 序号 | 问题 | 答案 |", "|---|---|---|", "| 1 | 什么是 STW？ | 暂停用户线程 |", "| 2 | G1 的特点？ | 分 Region |"),
			want: []string{"什么是 STW？|暂停用户线程", "G1 的特点？|分 Region"},
		},
		{
			name: "answers without labels",
			src:  doc("## 网络", "问：TCP 为什么三次握手？", "防止旧连接。", "", "问：TIME_WAIT 多久？", "2MSL。"),
			want: []string{"TCP 为什么三次握手？|防止旧连接。", "TIME_WAIT 多久？|2MSL。"},
		},
		{
			name: "an interview write-up that answers only some of what was asked",
			src: doc("# 字节一面", "", "1、自我介绍", "", "2、TCP 为什么三次握手？", "防止旧连接。", "", "3、手撕：反转链表", "",
				"4、进程和线程的区别？", "进程分配资源，线程被调度。", "", "5、HashMap 怎么扩容？", "", "6、Redis 为什么快？", "内存操作，IO 多路复用。", "", "7、反问"),
			want: []string{"TCP 为什么三次握手？|防止旧连接。", "进程和线程的区别？|进程分配资源，线程被调度。", "Redis 为什么快？|内存操作，IO 多路复用。"},
		},
		{
			name: "bold questions whose answers number their points in brackets",
			src:  doc("# 操作系统", "", "**1. 什么是进程？**", "", "进程是资源分配的单位。", "", "（1）为什么需要进程？为了隔离。", "", "（2）为什么需要线程？为了并发。", "", "**2. 什么是死锁？**", "", "互相等待资源。"),
			want: []string{"什么是进程？|进程是资源分配的单位。", "什么是死锁？|互相等待资源。"},
		},
		{
			name: "a table headed 问 and 答",
			src:  doc("# 速记", "| 问 | 答 |", "|---|---|", "| 什么是幻读？ | 看到了新插入的行 |", "| 什么是脏读？ | 读到未提交的数据 |"),
			want: []string{"什么是幻读？|看到了新插入的行", "什么是脏读？|读到未提交的数据"},
		},
		{
			name: "questions numbered in brackets and circles, answered in paragraphs",
			src:  doc("# 管理学", "", "（1）什么是管理的四大职能？", "", "计划、组织、领导、控制。", "", "(2) 什么是 SWOT 分析？", "优势、劣势、机会、威胁。", "", "③ 波特五力是哪五力？", "", "- 供应商议价能力"),
			want: []string{"什么是管理的四大职能？|计划、组织、领导、控制。", "什么是 SWOT 分析？|优势、劣势、机会、威胁。", "波特五力是哪五力？|- 供应商议价能力"},
		},
		{
			name: "an exam paper's choices, answers and analyses in brackets",
			src: doc("# 教育学 选择题", "", "1．最早论证班级授课制的是（  ）", "A．夸美纽斯", "B．赫尔巴特", "【答案】A", "【解析】见《大教学论》。", "",
				"2. 最近发展区是谁提出的？（ ）", "A. 皮亚杰", "B. 维果茨基", "【答案】B"),
			want: []string{"最早论证班级授课制的是（  ）|A", "最近发展区是谁提出的？（ ）|B"},
		},
		{
			name: "questions numbered 第N题",
			src:  doc("# 常识", "第1题 我国的根本政治制度是什么？", "答案：人民代表大会制度。", "", "第2题：我国的基本经济制度是什么？", "答案：公有制为主体。"),
			want: []string{"我国的根本政治制度是什么？|人民代表大会制度。", "我国的基本经济制度是什么？|公有制为主体。"},
		},
		{
			name: "questions numbered （一） in words",
			src:  doc("# 民法", "## 一、代理", "（一）什么是无权代理？", "没有代理权而代理。", "", "（二）表见代理的要件有哪些？", "相对人善意。"),
			want: []string{"什么是无权代理？|没有代理权而代理。", "表见代理的要件有哪些？|相对人善意。"},
		},
		{
			name: "an outliner's blocks, some headings, with tags and properties",
			src:  doc("- ## Redis 为什么快？", "  id:: 64f1a2b3-1c2d-4e5f-8a9b-0c1d2e3f4a5b", "  collapsed:: true", "\t- 纯内存操作。", "- 什么是 CAS？ #card", "  card-next-schedule:: 2023-09-20T00:00:00.000Z", "\t- 无锁原子操作。"),
			want: []string{"Redis 为什么快？|- 纯内存操作。", "什么是 CAS？|- 无锁原子操作。"},
		},
		{
			name: "a checklist of questions",
			src:  doc("# 前端", "## JavaScript", "- [x] 什么是闭包？", "  - 函数和它的词法环境。", "- [ ] 事件循环是怎样的？", "  - 先微任务再宏任务。"),
			want: []string{"什么是闭包？|- 函数和它的词法环境。", "事件循环是怎样的？|- 先微任务再宏任务。"},
		},
		{
			name: "short-answer questions numbered in words",
			src:  doc("# 网络", "一、TCP 为什么需要三次握手？", "答：确认双方收发能力。", "", "二、什么是 CDN？", "答：内容分发网络。"),
			want: []string{"TCP 为什么需要三次握手？|确认双方收发能力。", "什么是 CDN？|内容分发网络。"},
		},
		{
			name: "questions and answers numbered with a stop",
			src:  doc("# 前端", "Q1. 什么是闭包？", "A1. 函数和它的词法环境。", "", "Q2. 防抖和节流的区别？", "A2. 防抖等停下，节流限频率。"),
			want: []string{"什么是闭包？|函数和它的词法环境。", "防抖和节流的区别？|防抖等停下，节流限频率。"},
		},
		{
			name: "an interview write-up that closes with what the writer asked and a summary",
			src: doc("# AI 产品一面", "## 一面", "1、自我介绍", "", "2、怎么评估大模型应用的效果？", "离线看准确率，线上看满意度。", "",
				"3、Prompt 怎么迭代？", "先建评测集，再小步改动。", "", "4、反问", "", "总结：面试官人很好，偏项目深挖。"),
			want: []string{"怎么评估大模型应用的效果？|离线看准确率，线上看满意度。", "Prompt 怎么迭代？|先建评测集，再小步改动。", "反问|总结：面试官人很好，偏项目深挖。"},
		},
		{
			name: "rounds of interviews, one of them unanswered",
			src: doc("# 后端面经", "## 一面", "1、自我介绍", "2、TCP 为什么三次握手？", "防止旧连接。", "3、进程和线程的区别？", "进程分配资源。",
				"## 二面", "1、LRU 怎么实现？", "2、反问", "## 三面", "1、Redis 为什么快？", "内存操作。", "2、索引为什么用 B+ 树？", "树矮。"),
			want: []string{"TCP 为什么三次握手？|防止旧连接。", "进程和线程的区别？|进程分配资源。", "Redis 为什么快？|内存操作。", "索引为什么用 B+ 树？|树矮。"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			art, ps := corpus.Parse("a.md", []byte(tt.src))
			if len(ps) > 0 {
				t.Fatalf("problems: %q", problemLines(ps))
			}
			if !art.QuestionList || !art.NumberedInOrder {
				t.Errorf("QuestionList %v, NumberedInOrder %v; want both", art.QuestionList, art.NumberedInOrder)
			}
			for i, s := range art.Sections {
				if s.Number != i+1 {
					t.Errorf("section %d numbered %d", i+1, s.Number)
				}
			}
			if got := titlesAndFirstBlocks(art); !slices.Equal(got, tt.want) {
				t.Errorf("sections\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

// TestParseQuestionListLeavesOtherShapes keeps articles that only look
// like lists of questions as they were read before.
func TestParseQuestionListLeavesOtherShapes(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		sections int
	}{
		{
			name:     "one labelled question per heading",
			src:      doc("## 1. 甲", "**题目：** 问？", "**答案：** 答。", "## 2. 乙", "**题目：** 问？", "**答案：** 答。"),
			sections: 2,
		},
		{
			name: "an exchange quoted in an answer",
			src: doc("## 1. 面试复盘", "**题目：** 面试问了什么？", "**答案：**", "问：为什么用 Redis？", "答：快。", "问：持久化呢？", "答：AOF。",
				"## 2. 乙", "**题目：** 问？", "**答案：** 答。"),
			sections: 2,
		},
		{
			name: "follow-up questions in a free-form section",
			src: doc("## 缓存穿透", "查不存在的数据。", "", "1. **布隆过滤器为什么有误判？**", "   哈希冲突。", "2. **能删除吗？**", "   计数版可以。",
				"## 缓存雪崩", "大量 key 同时过期。"),
			sections: 2,
		},
		{
			name:     "a heading that is a question, and its follow-ups",
			src:      doc("## 为什么用 MQ？", "", "Q: 解耦？", "A: 是。", "", "Q: 削峰？", "A: 是。"),
			sections: 1,
		},
		{
			name: "a question in bold inside an answer",
			src: doc("## 1. 索引", "**题目：** 什么是索引？", "**答案：** 加速查询的数据结构。", "", "**为什么不用哈希？**", "", "范围查询慢。",
				"", "**为什么不用 B 树？**", "", "树更高。", "## 2. 事务", "**题目：** 什么是事务？", "**答案：** 一组操作。"),
			sections: 2,
		},
		{
			name:     "a table that is not of questions",
			src:      doc("## 对比", "| 方案 | 优点 |", "|---|---|", "| Redis | 快 |", "| MySQL | 稳 |"),
			sections: 1,
		},
		{
			name:     "an answer's points in bullets, one of which asks",
			src:      doc("## 三次握手", "- 为什么是三次？防止旧连接建立。", "- 两次不行吗？", "- 不行，服务端无法确认客户端收到。", "## 四次挥手", "全双工，两边各关一次。"),
			sections: 2,
		},
		{
			name:     "bulleted points with their details nested, none asking",
			src:      doc("## 缓存", "- 缓存穿透", "    - 布隆过滤器", "- 缓存雪崩", "    - 过期时间加随机值", "## 数据库", "- 索引", "    - B+ 树"),
			sections: 2,
		},
		{
			name:     "a bulleted list of questions without answers",
			src:      doc("## 常考题", "- 什么是缓存穿透？", "- 什么是缓存雪崩？", "", "## 缓存穿透", "查不存在的数据。"),
			sections: 2,
		},
		{
			name: "an answer's points numbered in brackets, one asking",
			src: doc("## 1. 职能", "**题目：** 管理有哪些职能？", "**答案：**", "（1）为什么先计划？先定目标。", "（2）组织：分工。",
				"## 2. 领导", "**题目：** 什么是领导？", "**答案：** 影响他人。"),
			sections: 2,
		},
		{
			name:     "an answer key headed 题 and 答",
			src:      doc("## 选择题", "", "| 题 | 答 | 得分 |", "|---|---|---|", "| 1 | B | 2 |", "| 2 | C | 2 |"),
			sections: 1,
		},
		{
			name:     "statements among questions in a topic's list",
			src:      doc("## Redis", "", "1. 数据结构：String、Hash、List", "2. 为什么快？", "   单线程、IO 多路复用", "3. 持久化：RDB 和 AOF", "4. 如何保证高可用？", "   哨兵、集群"),
			sections: 1,
		},
		{
			name:     "a bank of questions, most of them unanswered",
			src:      doc("# 题库", "1、什么是缓存穿透？", "布隆过滤器。", "2、什么是缓存雪崩？", "3、什么是缓存击穿？", "4、热 key 怎么办？"),
			sections: 0, // the title's text: no section
		},
		{
			name:     "questions listed without answers",
			src:      doc("## 常考题", "1. **什么是缓存穿透？**", "2. **什么是缓存雪崩？**", "", "## 缓存穿透", "查不存在的数据。"),
			sections: 2, // free-form: the list is the first section's text
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			art, ps := corpus.Parse("a.md", []byte(tt.src))
			if len(ps) > 0 {
				t.Fatalf("problems: %q", problemLines(ps))
			}
			if art.QuestionList || len(art.Sections) != tt.sections {
				t.Errorf("QuestionList %v with %d sections; want false with %d", art.QuestionList, len(art.Sections), tt.sections)
			}
		})
	}
}

// TestParseFoldedAnswers drops the HTML that folds an answer away under
// its question, and keeps code that shows it.
func TestParseFoldedAnswers(t *testing.T) {
	src := doc("## 1. 缓存穿透", "", "**题目：** 什么是缓存穿透？", "", "**答案：**", "<details>", "<summary>点击查看答案</summary>", "",
		"查询不存在的数据。", "", "```html", "<details><summary>例子</summary></details>", "```", "</details>", "", "<aside>", "💡 常考。", "</aside>")
	s := parseOne(t, src)
	checkAnswer(t, s.Answer, para("查询不存在的数据。"), para("```html\n<details><summary>例子</summary></details>\n```"), para("💡 常考。"))
}

// TestParseQuestionListTableLines reports a problem in a table of
// questions at its row, though each row is read as two or more lines.
func TestParseQuestionListTableLines(t *testing.T) {
	src := doc("# 速记", "| 问题 | 答案 |", "|---|---|", "| 甲？ | 一 |", "| 乙？ | 二<br>三 |", "", "```")
	art, ps := corpus.Parse("a.md", []byte(src))
	want := []string{"a.md:7: code fence ``` opened here is never closed"}
	if got := problemLines(ps); !slices.Equal(got, want) {
		t.Errorf("problems %q, want %q", got, want)
	}
	if len(art.Sections) != 2 || art.Sections[1].Line != 5 {
		t.Errorf("sections %d, the second at line %d; want 2, at line 5", len(art.Sections), art.Sections[len(art.Sections)-1].Line)
	}
}

// TestParseQuestionListProblemLines reports a problem in a list of
// questions at the line of the file, as the rewriting keeps lines.
func TestParseQuestionListProblemLines(t *testing.T) {
	src := doc("## 缓存", "Q: 穿透？", "A: 布隆过滤器。", "Q: 雪崩？", "A: 随机过期。", "", "**答按：** 多余。")
	_, ps := corpus.Parse("a.md", []byte(src))
	want := []string{`a.md:7: unknown label "答按": did you mean "答案"?`}
	if got := problemLines(ps); !slices.Equal(got, want) {
		t.Errorf("problems %q, want %q", got, want)
	}
}

// describeBlock is a block in brief: a paragraph's text, a list's first
// item as "- text".
// titlesAndFirstBlocks describes each section of an article by its title
// and the first block of its answer: "什么是过拟合？|训练好、验证差。".
func titlesAndFirstBlocks(art *corpus.Article) []string {
	var got []string
	for _, s := range art.Sections {
		first := ""
		if len(s.Answer.Blocks) > 0 {
			first = describeBlock(s.Answer.Blocks[0])
		}
		got = append(got, s.Title+"|"+first)
	}
	return got
}

func describeBlock(b corpus.Block) string {
	if b.Kind == corpus.List && len(b.Items) > 0 {
		return "- " + b.Items[0].Text
	}
	return b.Text
}

// TestParseTableAnalysisColumn keeps a table's column of analyses out of
// the answer: it is the section's 解析.
func TestParseTableAnalysisColumn(t *testing.T) {
	art := parseArticle(t, "a.md", doc("# 护理", "| 题目 | 答案 | 解析 |", "| --- | --- | --- |", "| 成人正常脉搏是多少？ | 60～100 次/分 | 超过 100 为心动过速。 |", "| 袖带下缘距肘窝多少？ | 2～3 cm | |"))
	if len(art.Sections) != 2 {
		t.Fatalf("%d sections, want 2", len(art.Sections))
	}
	if got, want := art.Sections[0].Analysis, "超过 100 为心动过速。"; got != want {
		t.Errorf("analysis %q, want %q", got, want)
	}
	if got := art.Sections[1].Analysis; got != "" {
		t.Errorf("analysis %q of an empty cell, want none", got)
	}
}

// TestParseQuestionListKeepsWhatItsRulesMustNotTake: rules for 面经s,
// Q1./A1. lists and cards must not take a note's aspects, cells or
// subjects (each read wrongly by a first version of the rule).
func TestParseQuestionListKeepsWhatItsRulesMustNotTake(t *testing.T) {
	t.Run("aspects of the questions above them are follow-ups", func(t *testing.T) {
		art := parseArticle(t, "a.md", doc("# Redis", "## 持久化", "1. **什么是 RDB？**", "快照。", "2. **优缺点**", "恢复快。", "3. **什么是 AOF？**", "日志。", "4. **优缺点**", "更完整。"))
		if got := sectionTitles(art); !slices.Equal(got, []string{"持久化"}) {
			t.Errorf("titles %q, want the one topic", got)
		}
	})
	t.Run("questions about #define and #id keep them", func(t *testing.T) {
		art := parseArticle(t, "a.md", doc("# C", "1. **什么是 #define？**", "宏。", "2. **CSS 里怎么选中 #id？**", "用 #id。", "3. **# 在 URL 中有什么作用？**", "锚点。"))
		if got, want := sectionTitles(art), []string{"什么是 #define？", "CSS 里怎么选中 #id？", "# 在 URL 中有什么作用？"}; !slices.Equal(got, want) {
			t.Errorf("titles %q, want %q", got, want)
		}
	})
	t.Run("a cell named A1 in an answer", func(t *testing.T) {
		art := parseArticle(t, "a.md", doc("# Excel", "1. 怎么查找匹配的值？", "A1. 单元格里写 =VLOOKUP(…)", "2. 怎么冻结首行？", "视图里选冻结窗格。"))
		if got := art.Sections[0].Answer.PlainText(); got != "A1. 单元格里写 =VLOOKUP(…)" {
			t.Errorf("answer %q lost its cell", got)
		}
	})
	t.Run("a call with a spaced argument list is no blank", func(t *testing.T) {
		art := parseArticle(t, "a.md", doc("# Java", "## ArrayList 常用方法", "1. 添加元素 add( )", "尾部追加。", "2. 删除元素 remove( )", "按下标删。"))
		if got := sectionTitles(art); !slices.Equal(got, []string{"ArrayList 常用方法"}) {
			t.Errorf("titles %q, want the one topic", got)
		}
	})
	t.Run("Setext headings over points numbered A1.", func(t *testing.T) {
		art := parseArticle(t, "a.md", doc("什么是缓存穿透？", "----", "", "A1. 布隆过滤器拦截不存在的 key", "A2. 缓存空值", "", "什么是缓存雪崩？", "----", "", "过期时间加随机值。"))
		if got := len(art.Sections); got != 2 {
			t.Errorf("%d sections, want 2", got)
		}
	})
}
