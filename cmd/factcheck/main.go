package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"

	"github.com/factcheck/factcheck/report"
	"github.com/factcheck/factcheck/rules"
	"github.com/spf13/cobra"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// Exit codes.
const (
	exitOK       = 0 // nothing at or above --fail-on
	exitFindings = 1 // findings at or above --fail-on
	exitError    = 2 // usage, configuration, rule or input error
)

// errFindings is returned by check when a finding reaches --fail-on. It is
// not an error to report: the report has been written.
var errFindings = errors.New("findings at or above --fail-on")

// A usageError is a mistake on the command line.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// run runs factcheck with args (without the program name) and returns the
// exit code. It never panics: an unexpected panic is reported as an
// internal error with exit code 2.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			// One line, whatever the panic value holds.
			msg := strings.Join(strings.Fields(fmt.Sprint(r)), " ")
			fmt.Fprintf(stderr, "factcheck: internal error: %s (please report this bug)\n", msg)
			code = exitError
		}
	}()
	root := newRootCmd(stdin, stdout, stderr)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errFindings):
		return exitFindings
	}
	msg := strings.TrimRight(err.Error(), "\n")
	var ee *rules.EvalError
	if errors.As(err, &ee) {
		// One line per rule failure, each a message of its own.
		msg = strings.ReplaceAll(msg, "\n", "\nfactcheck: ")
	}
	fmt.Fprintf(stderr, "factcheck: %s\n", msg)
	return exitError
}

func newRootCmd(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "factcheck",
		Short: "Check news articles for figures their sources disagree on",
		Long: `factcheck reads several reports of the same story, pulls out the numeric and
factual claims each one makes, lines up the claims about the same thing and
runs rules that flag where the sources disagree.

Exit status: 0 when nothing reaches --fail-on, 1 when findings do, 2 on a
usage, configuration, rule or input error.`,
		SilenceErrors: true,
		SilenceUsage:  true,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("unknown command %q (want check, extract, rules, explain, config or version)", args[0])
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			cmd.SetOut(stderr)
			cmd.Usage()
			return usagef("no command given (want check, extract, rules, explain, config or version)")
		},
	}
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.CompletionOptions.DisableDefaultCmd = true
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		if !cmd.HasParent() {
			return usagef("%v (see 'factcheck --help')", err)
		}
		return usagef("%s: %v (see 'factcheck %s --help')", cmd.Name(), err, cmd.Name())
	})
	root.AddCommand(
		newCheckCmd(stdin, stdout, stderr),
		newExtractCmd(stdin, stdout, stderr),
		newVersionCmd(stdout),
		newRulesCmd(stdout),
		newExplainCmd(stdout),
		newConfigCmd(stdout),
	)
	return root
}

// version is set at link time with -ldflags "-X main.version=v1.2.3";
// otherwise it comes from the module's build information.
var version = ""

func newVersionCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print factcheck's version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			v := version
			info, ok := debug.ReadBuildInfo()
			if v == "" && ok && info.Main.Version != "" {
				v = info.Main.Version
			}
			if v == "" {
				v = "(devel)"
			}
			goVersion := "unknown"
			if ok {
				goVersion = info.GoVersion
			}
			_, err := fmt.Fprintf(stdout, "factcheck %s (JSON output version %d, %s)\n", v, report.Version, goVersion)
			return err
		},
	}
}
