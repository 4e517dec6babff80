// Command pgserver starts and stops the throwaway PostgreSQL server that
// .ci/run gives the tests:
//
//	pgserver start      # prints the server's directory and URL
//	pgserver stop DIR   # stops it and removes DIR
//
// start exits with status 3 when the machine has no PostgreSQL server
// binaries.
package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/startupqa/startupqa/internal/pgtest"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "pgserver:", err)
		if errors.Is(err, pgtest.ErrNoBinaries) {
			os.Exit(3)
		}
		os.Exit(1)
	}
}

func run(args []string) error {
	switch {
	case len(args) == 1 && args[0] == "start":
		s, err := pgtest.Start()
		if err != nil {
			return err
		}
		fmt.Println(s.Dir(), s.URL())
		return nil
	case len(args) == 2 && args[0] == "stop":
		s, err := pgtest.Attach(args[1])
		if err != nil {
			return err
		}
		return s.Stop()
	}
	return errors.New("usage: pgserver start | pgserver stop DIR")
}
