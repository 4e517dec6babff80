package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The bash script completes commands and each command's flags when bash
// runs it.
func TestCompletionBash(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	out, _, code := runCLI(t, "", nil, "completion", "bash")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	script := filepath.Join(t.TempDir(), "startupqa.bash")
	if err := os.WriteFile(script, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ words, want string }{
		{"startupqa a", "ask"},
		{"startupqa ask --", "--corpus --index --json --top"},
		{"startupqa grade --l", "--lang"},
		{"startupqa eval -", "--corpus --index --library --split -v"},
		{"startupqa help ch", "challenge check"},
		{"startupqa completion f", "fish"},
	} {
		probe := `source "$1"; COMP_WORDS=($2); [[ $2 == *" " ]] && COMP_WORDS+=(""); COMP_CWORD=$((${#COMP_WORDS[@]}-1)); _startupqa; echo "${COMPREPLY[*]}"`
		got, err := exec.Command(bash, "-c", probe, "probe", script, tt.words).Output()
		if err != nil {
			t.Fatalf("%q: %v", tt.words, err)
		}
		if strings.TrimSpace(string(got)) != tt.want {
			t.Errorf("%q completes to %q, want %q", tt.words, strings.TrimSpace(string(got)), tt.want)
		}
	}
}

// zsh and fish scripts name every command; fish names each flag.
func TestCompletionZshFish(t *testing.T) {
	zshOut, _, code := runCLI(t, "", nil, "completion", "zsh")
	if code != 0 || !strings.HasPrefix(zshOut, "autoload -U +X bashcompinit") || !strings.Contains(zshOut, "complete -o default -F _startupqa startupqa") {
		t.Errorf("zsh (exit %d):\n%s", code, zshOut)
	}
	fish, _, code := runCLI(t, "", nil, "completion", "fish")
	for _, want := range []string{"-a \"ask challenge check completion eval", "'__fish_seen_subcommand_from grade' -l lang", "'__fish_seen_subcommand_from eval' -o v"} {
		if code != 0 || !strings.Contains(fish, want) {
			t.Errorf("fish lacks %q (exit %d):\n%s", want, code, fish)
		}
	}
	if _, errOut, code := runCLI(t, "", nil, "completion", "powershell"); code != 2 || !strings.Contains(errOut, "bash|zsh|fish") {
		t.Errorf("an unknown shell: exit %d, %q", code, errOut)
	}
}
