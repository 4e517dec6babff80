package corpus_test

import (
	"slices"
	"testing"
)

// TestParseOutline reads a mind map's tree of bullets: each bullet that
// asks and has points under it is a section, the topics above it its
// chapter, its points its answer.
func TestParseOutline(t *testing.T) {
	tests := []struct {
		name, src string
		titles    []string
		chapter   string // of the first section
		answer    string // of the first section
	}{
		{
			name: "幕布, indented with spaces",
			src: doc("- MySQL 面试", "    - 索引", "        - 聚簇索引和非聚簇索引的区别？", "            - 聚簇索引：叶子节点存整行", "            - 非聚簇索引：存主键值",
				"        - 什么是最左前缀？", "            - 从最左列开始匹配", "    - 锁", "        - 行锁有哪几种？", "            - 记录锁", "            - 间隙锁"),
			titles:  []string{"聚簇索引和非聚簇索引的区别？", "什么是最左前缀？", "行锁有哪几种？"},
			chapter: "索引", answer: "聚簇索引：叶子节点存整行\n非聚簇索引：存主键值",
		},
		{
			name:    "Logseq, indented with tabs, with properties and tags, points nested",
			src:     doc("- Java 并发 #面试", "\t- 什么是 CAS？ #card", "\t  id:: 650a1b2c-3d4e-5f60-7182-93a4b5c6d7e8", "\t\t- 无锁原子操作", "\t\t\t- 靠 CPU 指令", "\t- volatile 的作用是什么？", "\t  collapsed:: true", "\t\t- 保证可见性"),
			titles:  []string{"什么是 CAS？", "volatile 的作用是什么？"},
			chapter: "Java 并发", answer: "无锁原子操作：靠 CPU 指令",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			art := parseArticle(t, "a.md", tt.src)
			if got := sectionTitles(art); !slices.Equal(got, tt.titles) {
				t.Fatalf("titles %q, want %q", got, tt.titles)
			}
			s := art.Sections[0]
			if s.Chapter != tt.chapter {
				t.Errorf("chapter %q, want %q", s.Chapter, tt.chapter)
			}
			if got := s.Answer.PlainText(); got != tt.answer {
				t.Errorf("answer %q, want %q", got, tt.answer)
			}
		})
	}
}

// TestParseOutlineLeavesOtherShapes: bullets that only list an answer's
// points, questions at the top of the tree, follow-ups asked under the
// points of a list of questions, and a note on one question whose points
// have follow-ups are read as before (each was misread by a first version
// of the rule).
func TestParseOutlineLeavesOtherShapes(t *testing.T) {
	art := parseArticle(t, "a.md", doc("# Redis", "## 1. 为什么快？", "- 纯内存", "    - 为什么内存快？", "        - 不走磁盘", "- 单线程", "    - 为什么单线程不慢？", "        - 多路复用"))
	if got := sectionTitles(art); !slices.Equal(got, []string{"为什么快？"}) {
		t.Errorf("titles %q: a section's nested points became sections", got)
	}
	art = parseArticle(t, "a.md", doc("- 什么是 CAS？", "\t- 无锁原子操作", "- volatile 的作用是什么？", "\t- 保证可见性"))
	if got := sectionTitles(art); !slices.Equal(got, []string{"什么是 CAS？", "volatile 的作用是什么？"}) {
		t.Errorf("titles %q", got)
	}
	art = parseArticle(t, "a.md", doc("1. Redis 为什么快？", "   - 纯内存", "   - 常见追问：单线程怎么利用多核？", "      - 多实例", "2. 什么是缓存穿透？", "   - 查不存在的数据", "   - 常见追问：布隆过滤器会误判吗？", "      - 会"))
	if got := sectionTitles(art); !slices.Equal(got, []string{"Redis 为什么快？", "什么是缓存穿透？"}) {
		t.Errorf("titles %q: follow-ups took the questions' place", got)
	}
	art = parseArticle(t, "什么是MVCC.md", doc("- 多版本并发控制", "- 靠 undo log 和 ReadView", "- 常见追问", "    - RC 和 RR 的 ReadView 有什么区别？", "        - RC 每次读都生成", "    - 能解决幻读吗？", "        - 快照读能"))
	if got := sectionTitles(art); !slices.Equal(got, []string{"什么是MVCC"}) {
		t.Errorf("titles %q: a note's follow-ups took its question's place", got)
	}
}
