package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestGradeCommand(t *testing.T) {
	answer := "主要是计算资源需求太大，训练需要很多算力和存储；另外数据质量也很关键，需要大量高质量数据。"
	out, errOut, code := runCLI(t, answer, nil, "grade", "--section", "3", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	var got struct {
		Section string   `json:"section"`
		Score   float64  `json:"score"`
		Covered []string `json:"covered"`
		Missed  []string `json:"missed"`
	}
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("%v in %q", err, out)
	}
	if dec.More() {
		t.Error("more than one JSON value")
	}
	if got.Section != "llm-startup/3" || got.Score != 0.4 || strings.Join(got.Covered, ",") != "计算资源需求,数据质量" || len(got.Missed) != 3 {
		t.Errorf("got %+v", got)
	}

	out, _, code = runCLI(t, "計算資源需求大；數據質量要高", nil, "grade", "--section", "llm-startup/3")
	if code != 0 || !strings.Contains(out, "✓ 计算资源需求") || !strings.Contains(out, "✗ 模型解释性") {
		t.Errorf("text verdict (exit %d):\n%s", code, out)
	}
	// The section may be given bare, and English grades against the
	// English companion's key points, in English.
	out, _, code = runCLI(t, "Huge compute needs and data quality matter.", nil, "grade", "--lang", "en", "3")
	if code != 0 || !strings.Contains(out, "key points covered") || !strings.Contains(out, "✓ ") || strings.Contains(out, "覆盖") {
		t.Errorf("English verdict (exit %d):\n%s", code, out)
	}
	for _, args := range [][]string{{"grade"}, {"grade", "--section", "99"}, {"grade", "--section", "nope/1"}, {"grade", "--lang", "fr", "3"}} {
		if _, _, code := runCLI(t, "x", nil, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

func TestChallengeCommand(t *testing.T) {
	in := "参数量巨大，泛化能力强，知识表达丰富，计算资源需求大；应用在自然语言处理、计算机视觉、推荐系统、语音识别\n\n不知道\n\n"
	out, errOut, code := runCLI(t, in, nil, "challenge", "--rounds", "2", "--topic", "大模型是什么", "--seed", "1")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"第 1/2 题 · 什么是大模型？", "覆盖 8/8 个要点", "本题 +100 分", "解析：", "第 2/2 题", "总分：100（答了 2 题，最多可得 200 分）"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// Input ending early ends the quiz with the points so far, out of
	// the rounds answered (issue 14, item 10).
	out, _, code = runCLI(t, "参数量巨大\n\n", nil, "challenge", "--rounds", "3", "--seed", "1")
	if code != 0 || !strings.Contains(out, "（答了 1 题，最多可得 100 分）") {
		t.Errorf("input ending after one round: exit %d\n%s", code, out)
	}
	out, _, code = runCLI(t, "Huge numbers of parameters and strong generalisation\n\n", nil, "challenge", "--rounds", "1", "--topic", "large model", "--seed", "1", "--lang", "en")
	for _, want := range []string{"Round 1/1 · ", "Question: ", "key points covered", "Answer:", "Total: "} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("English challenge lacks %q (exit %d):\n%s", want, code, out)
		}
	}
	if _, errOut, code := runCLI(t, "", nil, "challenge", "--rounds", "0"); code != 2 || !strings.Contains(errOut, "--rounds takes 1 to 50") {
		t.Errorf("--rounds 0: exit %d, %q", code, errOut)
	}
	if _, errOut, code := runCLI(t, "", nil, "challenge", "训练"); code != 2 || strings.Contains(errOut, "--rounds") || !strings.Contains(errOut, "--topic") {
		t.Errorf("a bare topic: exit %d, %q; want a hint at --topic, not at --rounds", code, errOut)
	}
}
