package corpus

import "testing"

func TestTidyLinks(t *testing.T) {
	tests := []struct{ in, want string }{
		{"见 [[dp-and-sorting#快排什么时候会退化？]]。", "见 快排什么时候会退化？。"},
		{"相关：[[array-patterns|数组题型笔记]]", "相关：数组题型笔记"},
		{"和 [[dp-and-sorting]] 一起过", "和 dp-and-sorting 一起过"},
		{"![](img/lis.png)", "[lis.png]"},
		{"![tails 数组](img/lis.png) 如图", "tails 数组 如图"},
		{"![[diagram.png]]", "[diagram.png]"},
		{"![[diagram.png|300]] 如图", "[diagram.png] 如图"},
		{"用 `df[['a', 'b']]` 选列，见 [[pandas]]", "用 `df[['a', 'b']]` 选列，见 pandas"},
		{"[答案](https://example.com) 不变", "[答案](https://example.com) 不变"},
		{"数组 a[i][j] 不变", "数组 a[i][j] 不变"},
	}
	for _, tt := range tests {
		if got := tidyLinks(tt.in, true); got != tt.want {
			t.Errorf("tidyLinks(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAnswerQuotes(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  []string // paragraph texts
	}{
		{"callout with a title", []string{"> [!warning] 踩坑", "> 中间值会溢出。"}, []string{"> **踩坑**\n中间值会溢出。"}},
		{"callout titled in English", []string{"> [!tip] Remember", "> overflow in the middle."}, []string{"> **Remember**\noverflow in the middle."}},
		{"callout without a title", []string{"> [!note]", "> Keep it short."}, []string{"> Keep it short."}},
		{"quote after a paragraph", []string{"先看结论。", "> 引用一句。", "> 再一句。"}, []string{"先看结论。", "> 引用一句。再一句。"}},
		{"lazy continuation", []string{"> quoted", "and on"}, []string{"> quoted and on"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var a answerBuilder
			for _, l := range tt.lines {
				a.add(l, true)
			}
			var got []string
			for _, b := range a.finish().Blocks {
				got = append(got, b.Text)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("paragraphs %q, want %q", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("paragraph %d = %q, want %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}
