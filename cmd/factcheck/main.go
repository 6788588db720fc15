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
				msg := fmt.Sprintf("unknown command %q", args[0])
				if near := cmd.SuggestionsFor(args[0]); len(near) > 0 {
					msg += fmt.Sprintf(" (did you mean %q?)", near[0])
				} else {
					msg += " (want check, extract, rules, explain, explain-claims, config, completion or version)"
				}
				return usagef("%s", msg)
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			cmd.SetOut(stderr)
			cmd.Usage()
			return usagef("no command given (want check, extract, rules, explain, explain-claims, config, completion or version)")
		},
		Version: versionString(),
	}
	root.SetVersionTemplate("{{.Version}}\n")
	root.SuggestionsMinimumDistance = 2
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.CompletionOptions.DisableDefaultCmd = true
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		if !cmd.HasParent() {
			return usagef("%v (see 'factcheck --help')", err)
		}
		path := strings.TrimPrefix(cmd.CommandPath(), root.Name()+" ")
		return usagef("%s: %v (see 'factcheck %s --help')", path, err, path)
	})
	root.AddCommand(
		newCheckCmd(stdin, stdout, stderr),
		newExtractCmd(stdin, stdout, stderr),
		newVersionCmd(stdout),
		newRulesCmd(stdout),
		newExplainCmd(stdout),
		newExplainClaimsCmd(stdin, stdout, stderr),
		newConfigCmd(stdout),
		newCompletionCmd(root, stdout),
	)
	return root
}

// newCompletionCmd prints a shell's completion script for root.
func newCompletionCmd(root *cobra.Command, stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "completion bash|zsh|fish|powershell",
		Short: "Print a shell completion script",
		Long: `completion prints the script that makes a shell complete factcheck's
commands, flags and rule ids. Load it for the session, or save it where the
shell reads completions:

  source <(factcheck completion bash)
  factcheck completion zsh > "${fpath[1]}/_factcheck"
  factcheck completion fish > ~/.config/fish/completions/factcheck.fish
  factcheck completion powershell | Out-String | Invoke-Expression`,
		ValidArgs: []string{"bash", "zsh", "fish", "powershell"},
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("completion: want one shell: bash, zsh, fish or powershell")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			switch args[0] {
			case "bash":
				return root.GenBashCompletionV2(stdout, true)
			case "zsh":
				return root.GenZshCompletion(stdout)
			case "fish":
				return root.GenFishCompletion(stdout, true)
			case "powershell":
				return root.GenPowerShellCompletionWithDesc(stdout)
			}
			return usagef("completion: unknown shell %q (want bash, zsh, fish or powershell)", args[0])
		},
	}
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
			_, err := fmt.Fprintln(stdout, versionString())
			return err
		},
	}
}

// toolVersion returns factcheck's version: the one set at link time, else
// the module's, else "(devel)".
func toolVersion() string {
	v := version
	if info, ok := debug.ReadBuildInfo(); v == "" && ok && info.Main.Version != "" {
		v = info.Main.Version
	}
	if v == "" {
		v = "(devel)"
	}
	return v
}

// versionString is what version and --version print: "factcheck v1.2.3
// (JSON output version 1, go1.26.8)".
func versionString() string {
	goVersion := "unknown"
	if info, ok := debug.ReadBuildInfo(); ok {
		goVersion = info.GoVersion
	}
	return fmt.Sprintf("factcheck %s (JSON output version %d, %s)", toolVersion(), report.Version, goVersion)
}
