package sqlstore

import (
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"syscall"
)

// ProcessHolder names this process as a lease holder: its host, its pid
// and a nonce, so that two holders in one process differ too.
func ProcessHolder() string {
	host, _ := os.Hostname()
	return fmt.Sprintf("%s pid %d #%s", host, os.Getpid(), rand.Text()[:8])
}

// goneHere reports whether holder names a process of this host that no
// longer runs: a bot that crashed and is restarted on the same machine
// need not wait for its old lease to run out. Anything it cannot tell
// counts as running.
func goneHere(holder string) bool {
	var host, nonce string
	var pid int
	if n, _ := fmt.Sscanf(holder, "%s pid %d #%s", &host, &pid, &nonce); n != 3 || pid <= 0 {
		return false
	}
	if here, err := os.Hostname(); err != nil || here != host {
		return false
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	return errors.Is(p.Signal(syscall.Signal(0)), os.ErrProcessDone)
}
