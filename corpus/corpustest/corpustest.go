// Package corpustest generates synthetic corpora for tests and benchmarks.
//
// Generate returns one article in exactly the format of the built-in corpus
// (corpus/default/llm-startup.md):
//
//	# title
//
//	## N. section title
//
//	**题目：** question
//
//	**答案：** intro paragraph
//
//	- **lead term：** item text      (or "1. **lead term：** …")
//
//	**解析：** analysis
//
// Each answer has an intro paragraph and one list of 3 to 7 items, ordered in
// about half of the sections, every item opening with a bold lead term.
//
// The text is built from a fixed vocabulary of Chinese AI and start-up terms
// (Terms) combined at random by a math/rand/v2 PCG generator seeded only from
// the seed argument, so the output depends on nothing but the arguments and
// is byte-identical from run to run. Terms are drawn from a Zipf
// distribution over the vocabulary: a few terms (大模型, 数据, 模型训练 …)
// occur in many sections, most occur in few, as in real writing, so that
// term statistics and posting lists look like a real corpus rather than
// every term in every section.
package corpustest

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
)

// terms is the vocabulary, most frequent first: term i is drawn with
// probability proportional to (zipfV + i)^-zipfS.
var terms = []string{
	// Shared by nearly everything, like 大模型 and 创业 in the real corpus.
	"大模型", "数据", "模型训练", "创业公司", "算力", "用户", "商业模式", "推理",
	"微调", "应用场景", "成本", "产品", "预训练", "数据质量", "部署", "技术团队",
	// Common AI terms.
	"提示词工程", "检索增强生成", "向量数据库", "知识图谱", "多模态", "注意力机制",
	"Transformer", "上下文窗口", "推理加速", "模型压缩", "量化", "知识蒸馏",
	"剪枝", "混合专家", "强化学习", "人类反馈", "奖励模型", "价值对齐", "幻觉",
	"评测基准", "数据标注", "数据清洗", "合成数据", "分词器", "嵌入向量",
	"语义检索", "智能体", "工具调用", "代码生成", "文本摘要", "机器翻译",
	"情感分析", "语音合成", "图像生成", "扩散模型", "视频理解", "端侧部署",
	"边缘计算", "云原生", "分布式训练", "数据并行", "模型并行", "流水线并行",
	"显存优化", "梯度累积", "混合精度", "学习率调度", "过拟合", "正则化",
	"损失函数", "反向传播", "参数高效微调", "LoRA", "开源模型", "闭源模型",
	"私有化部署", "推理成本", "吞吐量", "响应延迟", "语义缓存", "批处理",
	"长文本", "思维链", "少样本学习", "零样本学习", "迁移学习", "持续学习",
	"联邦学习", "差分隐私", "数据安全", "内容审核", "版权合规", "可解释性",
	"鲁棒性", "公平性", "红队测试", "安全护栏", "GPU 集群", "算力租赁",
	"RAG", "Agent", "MoE", "GPT-4", "API 调用",
	// Common start-up terms.
	"融资", "天使轮", "估值", "现金流", "毛利率", "获客成本", "用户留存",
	"产品市场契合", "最小可行产品", "增长飞轮", "护城河", "竞争壁垒", "垂直行业",
	"行业解决方案", "订阅收费", "按量计费", "企业客户", "开发者生态", "渠道合作",
	"品牌建设", "团队建设", "技术合伙人", "股权激励", "合规风险", "出海",
	"政策监管", "市场定位", "用户体验", "数据飞轮", "私域流量", "客户成功",
	"销售漏斗", "定价策略", "规模化", "盈亏平衡", "路演", "尽职调查", "投资人",
	"孵化器", "智能客服", "金融风控", "医疗影像", "智能制造", "自动驾驶",
	"教育科技", "法律科技", "电商推荐", "营销文案", "办公助手", "搜索引擎",
	// The long tail.
	"稀疏注意力", "位置编码", "旋转位置编码", "归一化层", "激活函数", "词表扩充",
	"课程学习", "主动学习", "对比学习", "自监督学习", "数据配比", "去重过滤",
	"质量打分", "人工评审", "自动评测", "偏好数据", "直接偏好优化", "拒绝采样",
	"模型合并", "检查点", "容错恢复", "集群调度", "网络带宽", "存储吞吐",
	"推理框架", "连续批处理", "投机解码", "键值缓存", "算子融合", "编译优化",
	"国产芯片", "异构计算", "能耗", "碳排放", "数据中心", "冷启动", "灰度发布",
	"A/B 测试", "埋点分析", "北极星指标", "月活跃用户", "付费转化", "续费率",
	"客单价", "生命周期价值", "单位经济模型", "烧钱速度", "跑道", "退出机制",
	"并购", "上市", "战略投资", "产业基金", "政府补贴", "知识产权", "专利布局",
	"商业机密", "人才招聘", "组织文化", "远程协作", "敏捷开发", "技术债务",
}

// aspects are what a section asks about a term.
var aspects = []string{
	"原理", "应用场景", "挑战", "优势", "局限", "实施步骤", "评估方法", "成本",
	"风险", "发展趋势", "最佳实践", "关键指标", "常见误区", "适用条件", "技术路线",
}

// Zipf parameters of term frequencies.
const (
	zipfS = 1.1
	zipfV = 2
)

// Terms returns the vocabulary the generator draws from, most frequent
// first. Benchmarks use it to make questions the synthetic corpus can answer.
func Terms() []string { return append([]string(nil), terms...) }

// Aspects returns what generated sections ask about a term (原理, 挑战 …).
func Aspects() []string { return append([]string(nil), aspects...) }

// Generate returns one synthetic article of the given number of sections,
// numbered from 1. The same sections and seed always give the same bytes.
func Generate(sections int, seed int64) []byte {
	g := newGen(seed, 0)
	return g.article(fmt.Sprintf("合成语料：大模型创业专题 %d", seed), sections)
}

// WriteDir writes a corpus of the given total number of sections to dir
// (created if needed) as files of perFile sections each, the last one
// possibly shorter: synthetic-0000.md, synthetic-0001.md … Every file has
// its own random stream derived from seed and the file's number, so the
// files differ from one another and the whole directory is deterministic.
// WriteDir(dir, 10000, 100, seed) writes 100 files of 100 sections.
func WriteDir(dir string, sections, perFile int, seed int64) error {
	if sections <= 0 || perFile <= 0 {
		return fmt.Errorf("corpustest: sections (%d) and perFile (%d) must be positive", sections, perFile)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for i := 0; sections > 0; i++ {
		n := min(perFile, sections)
		sections -= n
		g := newGen(seed, uint64(i)+1)
		data := g.article(fmt.Sprintf("合成语料：大模型创业专题 %d-%d", seed, i), n)
		name := filepath.Join(dir, fmt.Sprintf("synthetic-%04d.md", i))
		if err := os.WriteFile(name, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

type gen struct {
	r    *rand.Rand
	zipf *rand.Zipf
	buf  bytes.Buffer
}

func newGen(seed int64, stream uint64) *gen {
	r := rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15^stream))
	return &gen{r: r, zipf: rand.NewZipf(r, zipfS, zipfV, uint64(len(terms)-1))}
}

// term draws a term by its Zipf frequency.
func (g *gen) term() string { return terms[g.zipf.Uint64()] }

// other draws a term different from the given ones.
func (g *gen) other(not ...string) string {
	for {
		t := g.term()
		if !contains(not, t) {
			return t
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *gen) article(title string, sections int) []byte {
	g.buf.Reset()
	fmt.Fprintf(&g.buf, "# %s\n", title)
	for n := 1; n <= sections; n++ {
		g.buf.WriteString("\n")
		g.section(n)
	}
	return bytes.Clone(g.buf.Bytes())
}

var (
	titleForms = []string{
		"%[1]s的%[3]s",
		"%[1]s与%[2]s",
		"%[1]s在%[2]s中的%[3]s",
		"如何用%[1]s改进%[2]s",
		"%[1]s的%[3]s与应对",
	}
	questionForms = []string{
		"请简述%[1]s的%[3]s。",
		"%[1]s在%[2]s中有哪些%[3]s？",
		"创业公司如何利用%[1]s提升%[2]s？",
		"什么是%[1]s？它与%[2]s有什么关系？",
		"请分析%[1]s的%[3]s，并举例说明。",
	}
	introForms = []string{
		"%[1]s是%[2]s的重要基础，它直接影响%[3]s。",
		"%[1]s指的是围绕%[2]s展开的一系列方法，常见于%[3]s。",
		"在%[2]s场景中，%[1]s往往决定了%[3]s的上限。",
		"理解%[1]s需要同时考虑%[2]s和%[3]s。",
	}
	sentenceForms = []string{
		"通过%[1]s可以降低%[2]s的成本。",
		"%[1]s需要与%[2]s配合，才能提高%[3]s。",
		"在%[1]s阶段，团队应当重点关注%[2]s。",
		"%[1]s的效果取决于%[2]s和%[3]s。",
		"许多创业公司把%[1]s作为%[2]s的切入点。",
		"忽视%[1]s会让%[2]s面临更高的风险。",
		"%[1]s正在改变%[2]s的竞争格局。",
		"衡量%[1]s时，可以参考%[2]s的变化。",
	}
	analysisForms = []string{
		"%[1]s是大模型创业绕不开的话题，关键在于平衡%[2]s与%[3]s。",
		"回答这道题时，应先说明%[1]s的定义，再结合%[2]s举例。",
		"这道题考察对%[1]s的理解，%[2]s和%[3]s是常见的追问方向。",
	}
)

func (g *gen) section(n int) {
	topic := g.term()
	related := g.other(topic)
	aspect := g.pick(aspects)
	fmt.Fprintf(&g.buf, "## %d. %s\n\n", n, fmt.Sprintf(g.pick(titleForms), topic, related, aspect))
	fmt.Fprintf(&g.buf, "**题目：** %s\n\n", fmt.Sprintf(g.pick(questionForms), topic, related, aspect))

	fmt.Fprintf(&g.buf, "**答案：** %s", fmt.Sprintf(g.pick(introForms), topic, related, g.other(topic, related)))
	fmt.Fprintf(&g.buf, "%s的%s包括：\n\n", topic, aspect)
	ordered := g.r.IntN(2) == 0
	items := 3 + g.r.IntN(5)
	leads := []string{topic, related}
	for i := 1; i <= items; i++ {
		lead := g.other(leads...)
		leads = append(leads, lead)
		if ordered {
			fmt.Fprintf(&g.buf, "%d. ", i)
		} else {
			g.buf.WriteString("- ")
		}
		fmt.Fprintf(&g.buf, "**%s：** ", lead)
		for range 1 + g.r.IntN(2) {
			g.sentence(lead)
		}
		g.buf.WriteString("\n")
	}
	g.buf.WriteString("\n")
	if g.r.IntN(4) == 0 {
		g.sentence(topic)
		g.buf.WriteString("\n\n")
	}
	fmt.Fprintf(&g.buf, "**解析：** %s\n", fmt.Sprintf(g.pick(analysisForms), topic, g.term(), g.term()))
}

// sentence writes one sentence about subject with random companions.
func (g *gen) sentence(subject string) {
	form := g.pick(sentenceForms)
	g.buf.WriteString(fmt.Sprintf(form, subject, g.other(subject), g.term()))
}
