package grade

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/startupqa/startupqa/corpus"
	"github.com/startupqa/startupqa/index"
	"github.com/startupqa/startupqa/zh"
)

func newGrader(t testing.TB) (*Grader, *corpus.Corpus) {
	t.Helper()
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	an, err := index.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	conv, err := zh.New()
	if err != nil {
		t.Fatal(err)
	}
	g, err := New(c, an, conv.Simplified)
	if err != nil {
		t.Fatal(err)
	}
	return g, c
}

func TestKeyPoints(t *testing.T) {
	c, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	s3, _ := c.Section("llm-startup/3")
	var names []string
	for _, p := range KeyPoints(s3) {
		names = append(names, p.Name)
	}
	if got := strings.Join(names, ","); got != "计算资源需求,数据质量,模型解释性,模型可扩展性,安全和隐私" {
		t.Errorf("key points of section 3 = %s", got)
	}
	// An answer without a list is split into sentences.
	art, ps := corpus.Parse("x.md", []byte("# T\n\n## 1. A\n\n**题目：** q\n\n**答案：** 第一句话。第二句话！第三句\n"))
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	if got := KeyPoints(art.Sections[0]); len(got) != 3 || got[1].Text != "第二句话！" {
		t.Errorf("sentence points = %+v", got)
	}
	// Code and tables are shown, not graded: no member puts them into words.
	art, ps = corpus.Parse("x.md", []byte("# T\n\n## 1. A\n\n**题目：** q\n\n**答案：** 先构建。\n\n```bash\nmake build\n```\n\n| 步骤 | 命令 |\n| --- | --- |\n\n再部署。\n"))
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	var texts []string
	for _, p := range KeyPoints(art.Sections[0]) {
		texts = append(texts, p.Text)
	}
	if got := strings.Join(texts, "|"); got != "先构建。|再部署。" {
		t.Errorf("key points of an answer with code and a table = %q, want 先构建。|再部署。", got)
	}
}

// TestKeyPointsOfNotes: what notes hold besides the answer's points is not
// graded: a to-do's box, a line that only introduces the lines after it.
func TestKeyPointsOfNotes(t *testing.T) {
	tests := []struct {
		name, answer string
		want         []string
	}{{
		name:   "to-dos beside the points",
		answer: "- 线程共享地址空间\n- 线程切换开销小\n- [x] 已背\n- [ ] 需要补充协程",
		want:   []string{"线程共享地址空间", "线程切换开销小"},
	}, {
		name:   "a term a line, after an introduction",
		answer: "表现差。相关术语：\n过拟合：学到了噪声。\n欠拟合：模型太简单",
		want:   []string{"表现差。", "过拟合：学到了噪声。", "欠拟合：模型太简单"},
	}, {
		name:   "a term on a line of its own",
		answer: "过拟合：\n模型学到了噪声。\n欠拟合：\n模型太简单。",
		want:   []string{"过拟合：模型学到了噪声。", "欠拟合：模型太简单。"},
	}, {
		// Before code, a sentence that ends in a colon says what it shows.
		name:   "a colon before code",
		answer: "排查：先检查关联键是否唯一：\n\n```sql\nselect 1\n```",
		want:   []string{"排查：先检查关联键是否唯一："},
	}, {
		name:   "an introduction of its own",
		answer: "主要有两个原因：\n\n确认双方能收发。防止旧请求建立连接。",
		want:   []string{"确认双方能收发。", "防止旧请求建立连接。"},
	}, {
		name:   "an English line that ends in a colon",
		answer: "The pipeline has three stages:\nparse, plan and run.",
		want:   []string{"The pipeline has three stages: parse, plan and run."},
	}, {
		name:   "to-dos beside a paragraph",
		answer: "确认双方的收发能力。\n\n- [x] 已背\n- [ ] 复习",
		want:   []string{"确认双方的收发能力。"},
	}, {
		name:   "an answer written as a checklist",
		answer: "- [x] **原子性：** 要么全做，要么全不做\n- [ ] **隔离性：** 互不干扰",
		want:   []string{"原子性：要么全做，要么全不做", "隔离性：互不干扰"},
	}, {
		name:   "a checklist without lead terms",
		answer: "- [x] 原子性\n- [ ] 隔离性",
		want:   []string{"原子性", "隔离性"},
	}, {
		name:   "HTML breaks",
		answer: "singleton：单例<br>prototype：每次新建",
		want:   []string{"singleton：单例", "prototype：每次新建"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			art, ps := corpus.Parse("x.md", []byte("# T\n\n## 1. A\n\n**题目：** q\n\n**答案：**\n\n"+tt.answer+"\n"))
			if len(ps) > 0 {
				t.Fatal(ps)
			}
			var got []string
			for _, p := range KeyPoints(art.Sections[0]) {
				got = append(got, p.Text)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("key points %q, want %q", got, tt.want)
			}
		})
	}
}

func TestGrade(t *testing.T) {
	g, c := newGrader(t)
	tests := []struct {
		name     string
		section  string
		answer   string
		min, max float64
		covered  []string // must be covered
	}{
		{"complete", "llm-startup/3",
			"创业公司做大模型面临五个挑战：一是计算资源需求大，训练要大量算力和存储，成本高；二是数据质量，要大量高质量数据，噪声和偏差会影响效果；三是模型解释性差，黑箱难以理解决策，金融医疗场景有问题；四是模型可扩展性，怎么高效扩展部署；五是安全和隐私，要保护用户数据。",
			1, 1, nil},
		{"partial two of five", "llm-startup/3",
			"主要是计算资源需求太大，训练需要很多算力和存储；另外数据质量也很关键，需要大量高质量数据。",
			0.4, 0.4, []string{"计算资源需求", "数据质量"}},
		{"paraphrase, other order", "llm-startup/3",
			"用户隐私和数据安全要保障；模型像黑箱一样，解释性不好；还有就是算力资源的需求很高。",
			0.6, 0.6, []string{"安全和隐私", "模型解释性", "计算资源需求"}},
		{"traditional characters", "llm-startup/3",
			"計算資源需求大，訓練需要大量存儲空間；數據質量要高；模型解釋性差，是黑箱；安全和隱私要保護。",
			0.8, 0.8, []string{"计算资源需求", "数据质量", "模型解释性", "安全和隐私"}},
		{"english terms", "llm-startup/2",
			"data preprocessing, 模型 initialization, forward propagation, 计算 loss, backpropagation 更新参数, 迭代 optimization, evaluation on validation set",
			0.7, 1, []string{"数据预处理", "前向传播", "反向传播"}},
		{"leads in other words", "llm-startup/1",
			"参数量巨大，泛化能力强，知识表达丰富，计算资源需求大；应用在自然语言处理、计算机视觉、推荐系统、语音识别",
			1, 1, nil},
		// Read as a teacher would (issue 10): a term of the point's
		// explanation names it, a shared ending does not, a list of key
		// words is not an answer, and the member's own words count.
		{"a word only the explanation has", "llm-startup/2", "数据清洗", 1.0 / 7, 1.0 / 7, []string{"数据预处理"}},
		{"反向传播 alone", "llm-startup/2", "反向传播", 1.0 / 7, 1.0 / 7, []string{"反向传播"}},
		{"key word salad", "llm-startup/3",
			"计算资源 存储空间 成本 高质量数据 噪声 偏差 黑箱 决策过程 金融 医疗 扩展 部署 隐私 数据安全 用户",
			0, 0.59, nil},
		{"own words, two points", "llm-startup/3",
			"算力成本太高，小公司扛不住；数据质量不行的话模型就学不好。",
			0.4, 0.4, []string{"计算资源需求", "数据质量"}},
		{"empty", "llm-startup/1", "", 0, 0, nil},
		{"question copied back", "llm-startup/1", "什么是大模型？请简述大模型的特点和应用场景。", 0, 0.15, nil},
		{"one term fifty times", "llm-startup/1", strings.Repeat("参数量巨大", 50), 0, 0.15, nil},
		{"noise", "llm-startup/3", noise(4000), 0, 0.1, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ok := c.Section(tt.section)
			if !ok {
				t.Fatal("no section", tt.section)
			}
			r := g.Grade(s, tt.answer)
			if r.Score < tt.min || r.Score > tt.max {
				t.Errorf("score %.2f, want %.2f..%.2f; points %s", r.Score, tt.min, tt.max, describe(r))
			}
			for _, want := range tt.covered {
				if !contains(r.Covered, want) {
					t.Errorf("%s not covered; points %s", want, describe(r))
				}
			}
			if len(r.Covered)+len(r.Missed) != len(KeyPoints(s)) {
				t.Errorf("covered %v + missed %v do not list every point", r.Covered, r.Missed)
			}
		})
	}
}

func describe(r Result) string {
	var b strings.Builder
	for _, p := range r.Points {
		fmt.Fprintf(&b, "%s=%.2f ", p.Name, p.Credit)
	}
	return b.String()
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// noise is deterministic gibberish: common Chinese characters in no order.
func noise(n int) string {
	const chars = "的一是了我不人在他有这个上们来到时大地为子中你说生国年着就那和要她出也得里后自以会家可下而过天去能对小多然于心学么之都好看起发当没成只如事把还用第样道想作种开美总从无情己面最女但现前些所同日手又行意动方期它头经长儿回位分爱老因很给名法间斯知世什两次使身者被高已亲其进此话常与活正感"
	r := []rune(chars)
	out := make([]rune, n)
	x := uint32(2463534242)
	for i := range out {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		out[i] = r[int(x)%len(r)]
	}
	return string(out)
}

func TestPointGradeString(t *testing.T) {
	if got := (PointGrade{Name: "数据质量", Covered: true}).String(); got != "✓ 数据质量" {
		t.Errorf("covered: %q", got)
	}
	if got := (PointGrade{Name: "模型解释性"}).String(); got != "✗ 模型解释性" {
		t.Errorf("missed: %q", got)
	}
}

// An English answer is graded against the English translation's key
// points, which the verdict then names in English.
func TestGradeEnglish(t *testing.T) {
	g, c := newGrader(t)
	s, ok := c.Section("llm-startup/3")
	if !ok {
		t.Fatal("no section 3")
	}
	en := s.In("en")
	if en == s {
		t.Fatal("section 3 has no English translation")
	}
	tests := []struct {
		name     string
		answer   string
		min, max float64
	}{
		{"complete", "Training needs huge computing resources and storage, which costs a startup a lot. " +
			"Data quality matters: noisy, incomplete or biased data hurts the model. " +
			"The models are black boxes with poor interpretability. " +
			"Scaling a model efficiently is hard, so scalability is an issue. " +
			"Security and privacy of user data must be protected.", 1, 1},
		{"two of five", "You need a lot of computing resources, and the data quality has to be high.", 0.4, 0.4},
		{"off the point", "Startups should hire good engineers and raise money early.", 0, 0.2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := g.Grade(en, tt.answer)
			if res.Score < tt.min || res.Score > tt.max {
				t.Errorf("score %.2f, want %.2f..%.2f (covered %v, missed %v)", res.Score, tt.min, tt.max, res.Covered, res.Missed)
			}
			for _, name := range append(res.Covered, res.Missed...) {
				if strings.ContainsFunc(name, func(r rune) bool { return r >= 0x4e00 && r <= 0x9fff }) {
					t.Errorf("key point %q is not the English one", name)
				}
			}
		})
	}
}
