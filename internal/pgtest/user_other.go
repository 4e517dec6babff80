//go:build !unix

package pgtest

import "os/exec"

type credential struct{}

func serverUser(string) (*credential, error) { return nil, nil }

func (*credential) apply(*exec.Cmd) {}

func ownerOf(string) (*credential, error) { return nil, nil }
