package storetest

import (
	"context"
	"testing"
)

func testSettings(t *testing.T, be Backend) {
	ctx := context.Background()
	db := be.New(t)
	type get struct {
		guild, key string
		value      string
		ok         bool
	}
	for i, step := range []struct {
		put  []string // guild, key, value; nil for none
		gets []get
	}{
		{nil, []get{{"g1", "lang", "", false}}},
		{[]string{"g1", "lang", "zh"}, []get{{"g1", "lang", "zh", true}, {"g2", "lang", "", false}, {"g1", "other", "", false}}},
		{[]string{"g2", "lang", "en"}, []get{{"g1", "lang", "zh", true}, {"g2", "lang", "en", true}}},
		{[]string{"g1", "lang", "zh-TW"}, []get{{"g1", "lang", "zh-TW", true}, {"g2", "lang", "en", true}}},
		{[]string{"g1", "empty", ""}, []get{{"g1", "empty", "", true}}},
		{[]string{"", "dm", "值"}, []get{{"", "dm", "值", true}}},
	} {
		if step.put != nil {
			if err := db.PutSetting(ctx, step.put[0], step.put[1], step.put[2]); err != nil {
				t.Fatal(err)
			}
		}
		for _, g := range step.gets {
			v, ok, err := db.Setting(ctx, g.guild, g.key)
			if err != nil {
				t.Fatal(err)
			}
			if v != g.value || ok != g.ok {
				t.Errorf("step %d: Setting(%q, %q) = %q, %v; want %q, %v", i, g.guild, g.key, v, ok, g.value, g.ok)
			}
		}
	}
	if n := count(t, db, "settings"); n != 4 {
		t.Errorf("%d settings, want 4", n)
	}
}
