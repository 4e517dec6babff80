package corpus_test

// A fourth review of the list-of-questions decision (questionlist.go),
// tested in both directions on notes written as study groups write them.
// Each test failed when written: it proved a misreading.

import (
	"slices"
	"testing"

	"github.com/startupqa/startupqa/corpus"
)

// rev4Want parses src and wants exactly these titles and this reading.
func rev4Want(t *testing.T, src string, list bool, want ...string) {
	t.Helper()
	art := parseArticle(t, "a.md", src)
	if got := sectionTitles(art); art.QuestionList != list || !slices.Equal(got, want) {
		t.Errorf("sections %q (QuestionList %v), want %q (QuestionList %v)\ninput:\n%s",
			got, art.QuestionList, want, list, src)
	}
}

// TestRev4DigitChaptersNamedByTechAreLists: chapters numbered in digits
// and named by a technology ("## 1. Redis") whose questions name it, as
// they naturally do ("Redis 为什么这么快？"), are read as sections with
// follow-ups: "持久化方式有哪些？" and "什么是回表？" vanish into answers.
// Condition: digits == listing && 2*restated > listing.
func TestRev4DigitChaptersNamedByTechAreLists(t *testing.T) {
	src := doc("# 后端八股", "",
		"## 1. Redis", "", "**Q：Redis 为什么这么快？**", "", "A：纯内存操作，IO 多路复用。", "",
		"**Q：持久化方式有哪些？**", "", "A：RDB 和 AOF。", "",
		"## 2. MySQL", "", "**Q：MySQL 索引为什么用 B+ 树？**", "", "A：树矮，磁盘 IO 少。", "",
		"**Q：什么是回表？**", "", "A：二级索引查到主键后再回聚簇索引取整行。")
	rev4Want(t, src, true, "Redis 为什么这么快？", "持久化方式有哪些？", "MySQL 索引为什么用 B+ 树？", "什么是回表？")
}

// TestRev4ChapterWithOneQuestionKeepsList: chapters in Chinese numerals,
// one with three questions and the others with one each, their questions
// naming the chapter's subject. Condition: 2*several <= listing &&
// 2*restated > listing.
func TestRev4ChapterWithOneQuestionKeepsList(t *testing.T) {
	src := doc("# Java 面试题", "",
		"## 一、JVM", "",
		"问：JVM 内存区域有哪些？", "答：程序计数器、虚拟机栈、本地方法栈、堆、方法区。", "",
		"问：对象什么时候进入老年代？", "答：年龄达到阈值、大对象。", "",
		"## 二、Spring", "",
		"问：Spring 的 Bean 是线程安全的吗？", "答：默认单例，不保证线程安全。", "",
		"## 三、MyBatis", "",
		"问：MyBatis 的 #{} 和 ${} 有什么区别？", "答：#{} 预编译防注入，${} 直接拼接。")
	rev4Want(t, src, true, "JVM 内存区域有哪些？", "对象什么时候进入老年代？",
		"Spring 的 Bean 是线程安全的吗？", "MyBatis 的 #{} 和 ${} 有什么区别？")
}

// TestRev4AspectQuestionsAreFollowUps: topics whose bold lines ask about
// an aspect of the heading without a question word ("原理？", "优缺点？",
// "解决方案？") are read as a list of sections titled "优缺点？" twice.
// Condition: elliptical needs a question word in Chinese; nothing else
// stops headings that all list several questions.
func TestRev4AspectQuestionsAreFollowUps(t *testing.T) {
	src := doc("# Redis 持久化", "",
		"## RDB", "", "**原理？**", "", "fork 子进程写快照。", "", "**优缺点？**", "", "恢复快；可能丢数据。", "",
		"## AOF", "", "**原理？**", "", "追加写命令。", "", "**优缺点？**", "", "更安全；文件大。")
	art, _ := corpus.Parse("a.md", []byte(src))
	if art.QuestionList || slices.Contains(sectionTitles(art), "优缺点？") {
		t.Errorf("sections %q (QuestionList %v), want the headings RDB and AOF as sections", sectionTitles(art), art.QuestionList)
	}
}

// TestRev4ChineseBackReferencesAreFollowUps: a question that points back
// with 这样 / 它们 or goes on with 如果…呢 is a follow-up. Condition:
// elliptical knows only 那/那么/还有/另外/再问 and two-character rests.
func TestRev4ChineseBackReferencesAreFollowUps(t *testing.T) {
	for name, second := range map[string][2]string{
		"这样": {"**这样做有什么问题？**", "**为什么要这样设计？**"},
		"它们": {"**它有什么问题？**", "**它们各自适合什么场景？**"},
		"如果": {"**如果锁过期了呢？**", "**如果父加载器加载不了呢？**"},
	} {
		t.Run(name, func(t *testing.T) {
			src := doc("# 分布式与 JVM", "",
				"## 分布式锁", "", "**Redis 怎么实现分布式锁？**", "", "SET NX PX，释放时 Lua 校验。", "",
				second[0], "", "业务没执行完锁就过期了。", "",
				"## 类加载", "", "**双亲委派模型是什么？**", "", "先交给父加载器加载。", "",
				second[1], "", "防止核心类被篡改。")
			art, _ := corpus.Parse("a.md", []byte(src))
			if art.QuestionList {
				t.Errorf("read as a list %q, want sections 分布式锁 and 类加载", sectionTitles(art))
			}
		})
	}
}

// TestRev4EnglishFollowUpsWithoutPronoun: "Why?", "What about reads?",
// "Pros and cons?", "And with an empty array?" are follow-ups. Condition:
// elliptical in English needs a pronoun (it, this, that …).
func TestRev4EnglishFollowUpsWithoutPronoun(t *testing.T) {
	for _, second := range [][2]string{
		{"**Why?**", "**What about reads?**"},
		{"**Pros and cons?**", "**Pros and cons?**"},
		{"**And what if the capacity is known?**", "**What about deletes?**"},
	} {
		src := doc("# Go Notes", "",
			"## Slices", "", "**How does append grow a slice?**", "", "Doubles capacity up to 256, then about 1.25x.", "",
			second[0], "", "Amortised copies; less waste later.", "",
			"## Maps", "", "**Are Go maps safe for concurrent use?**", "", "No; concurrent writes panic.", "",
			second[1], "", "Fine on their own.")
		art, _ := corpus.Parse("a.md", []byte(src))
		if art.QuestionList {
			t.Errorf("read as a list %q, want sections Slices and Maps", sectionTitles(art))
		}
	}
}

// TestRev4ChapterIntroKeepsList: a chapter that opens with a line of its
// own ("> 高频，必背。") before its numbered bold questions loses the list:
// each chapter becomes one free-form section. Condition: the block's
// b.text && b.level >= 2 in questionList.
func TestRev4ChapterIntroKeepsList(t *testing.T) {
	src := doc("# 计算机网络", "",
		"## 一、TCP", "", "> 高频，必背。", "",
		"1. **TCP 为什么是三次握手？**", "", "   双方确认收发能力。", "",
		"2. **TIME_WAIT 为什么是 2MSL？**", "", "   保证最后的 ACK 到达。", "",
		"## 二、HTTP", "",
		"1. **HTTP/2 比 HTTP/1.1 好在哪？**", "", "   多路复用、头部压缩。", "",
		"2. **HTTPS 握手过程？**", "", "   校验证书，协商对称密钥。")
	rev4Want(t, src, true, "TCP 为什么是三次握手？", "TIME_WAIT 为什么是 2MSL？", "HTTP/2 比 HTTP/1.1 好在哪？", "HTTPS 握手过程？")
}

// TestRev4ShortConceptQuestionIsNotFollowUp: "什么是栈？" / "什么是堆？"
// name what they ask about in one character; read as follow-ups, they
// turn the whole article into one free-form section per chapter.
// Condition: elliptical counts han <= 2 after the question words.
func TestRev4ShortConceptQuestionIsNotFollowUp(t *testing.T) {
	src := doc("# 数据结构", "",
		"## 线性结构", "", "**1. 数组和链表的区别？**", "", "数组连续存储，链表插删快。", "",
		"**2. 什么是栈？**", "", "后进先出的线性表。", "",
		"## 非线性结构", "", "**3. 什么是红黑树？**", "", "近似平衡的二叉查找树。", "",
		"**4. 什么是堆？**", "", "父节点不小于子节点的完全二叉树。")
	rev4Want(t, src, true, "数组和链表的区别？", "什么是栈？", "什么是红黑树？", "什么是堆？")
}

// TestRev4EnglishThisKeywordIsNotFollowUp: "What is this in JavaScript?"
// asks about the keyword this. Condition: elliptical's English pronouns.
func TestRev4EnglishThisKeywordIsNotFollowUp(t *testing.T) {
	src := doc("# JavaScript", "",
		"## Functions", "", "**Q: What is a closure?**", "", "A: A function that keeps its scope's variables.", "",
		"**Q: What is this in JavaScript?**", "", "A: The object a function is called on.", "",
		"## Objects", "", "**Q: What is a prototype?**", "", "A: The object lookups are delegated to.", "",
		"**Q: What does Object.freeze do?**", "", "A: Stops the object's properties from changing.")
	rev4Want(t, src, true, "What is a closure?", "What is this in JavaScript?", "What is a prototype?", "What does Object.freeze do?")
}

// TestRev4OneAnswerWithoutLabelKeepsList: one question of a Q/A list
// answered only by a code block, no "A：", turns the article into one
// section whose answer swallows the other questions. Condition:
// labelled != 0 && labelled != total.
func TestRev4OneAnswerWithoutLabelKeepsList(t *testing.T) {
	src := doc("# Go 面试题", "", "## 并发", "",
		"Q：goroutine 和线程有什么区别？", "A：goroutine 是用户态的，由 GMP 调度。", "",
		"Q：如何等待多个 goroutine 结束？", "", "```go", "var wg sync.WaitGroup", "wg.Wait()", "```", "",
		"Q：channel 关闭后还能读吗？", "A：能，读到零值。")
	rev4Want(t, src, true, "goroutine 和线程有什么区别？", "如何等待多个 goroutine 结束？", "channel 关闭后还能读吗？")
}

// TestRev4ReferencesSectionKeepsList: a closing "## 参考" of links beside
// a list of questions made the article invalid ("section 3 has no 答案");
// the list is read, and the references are a section of their own.
func TestRev4ReferencesSectionKeepsList(t *testing.T) {
	src := doc("# 操作系统", "",
		"## 进程", "", "**Q：进程和线程的区别？**", "", "A：资源分配单位和调度单位。", "",
		"**Q：进程间通信有哪些方式？**", "", "A：管道、消息队列、共享内存。", "",
		"## 参考", "", "- 《现代操作系统》", "- 小林 coding")
	rev4Want(t, src, true, "进程和线程的区别？", "进程间通信有哪些方式？", "参考")
}
