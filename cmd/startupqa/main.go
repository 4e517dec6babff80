// Command startupqa answers questions from a Q&A corpus of Markdown
// articles, in the terminal or as a Discord bot. Run "startupqa help".
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.LookupEnv)
	stop()
	if err != nil {
		if msg := err.Error(); msg != "" {
			fmt.Fprintln(os.Stderr, "startupqa:", msg)
		}
		os.Exit(exitCode(err))
	}
}
