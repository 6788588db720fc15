package main

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"text/tabwriter"

	"github.com/factcheck/factcheck/config"
	"github.com/spf13/cobra"
)

func newConfigCmd(stdout io.Writer) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Show the configuration",
		Long: `config shows the settings check uses and where each comes from.

  factcheck config print [flags] [PATH...]`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("config: unknown command %q (want print)", args[0])
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return usagef("config: no command given (want print)")
		},
	}
	cmd.AddCommand(newConfigPrintCmd(stdout))
	return cmd
}

// configPrintOptions are config print's flags, arguments and IO.
type configPrintOptions struct {
	stdout io.Writer
	load   loadFlags
	paths  []string
}

func newConfigPrintCmd(stdout io.Writer) *cobra.Command {
	o := &configPrintOptions{stdout: stdout}
	cmd := &cobra.Command{
		Use:   "print [flags] [PATH...]",
		Short: "Print the effective settings and where each came from",
		Long: `print shows the settings check would use on PATH (the working directory
when there is none), one per line: the setting, its value, and where it
came from: built-in (the default), a configuration file's file:line:col,
a flag, or a rule's own file for its severity and params.

It takes check's flags that choose settings (--config, --no-config,
--rules, --lexicon, --fail-on, --exclude), and reads rules and the configuration but
no article.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.paths = args
			return o.run()
		},
	}
	f := cmd.Flags()
	o.load.addRulesFlag(f)
	o.load.addLexiconFlag(f)
	o.load.addFailOnFlag(f)
	o.load.addConfigFlags(f)
	o.load.addExcludeFlag(f)
	return cmd
}

func (o *configPrintOptions) run() error {
	start := ""
	if len(o.paths) > 0 {
		start = o.paths[0]
	}
	s, err := loadSettings("config print", &o.load, start)
	if err != nil {
		return err
	}
	rs, err := s.loadRuleSets(true)
	if err != nil {
		return err
	}
	// The lexicons are loaded too, so that a bad one is reported here as
	// check would report it.
	if _, err := s.lexicon(); err != nil {
		return err
	}
	w := tabwriter.NewWriter(o.stdout, 0, 0, 2, ' ', 0)
	row := func(setting, value, from string) { fmt.Fprintf(w, "%s\t%s\t%s\n", setting, value, from) }
	row("SETTING", "VALUE", "FROM")
	cfgFile := "(none)"
	if s.cfg != nil {
		cfgFile = s.cfg.File
	}
	row("config", cfgFile, s.cfgNote)
	row("fail-on", s.failOn.String(), s.failOnFrom)
	row("rules", "rules.d", builtinFrom)
	for _, p := range s.rulePaths {
		row("rules", p.path, p.from)
	}
	row("lexicons", "lexicon.yaml", builtinFrom)
	for _, p := range s.lexicons {
		row("lexicons", p.path, p.from)
	}
	for _, p := range s.exclude {
		row("exclude", p.path, p.from)
	}
	for _, id := range rs.ids() {
		r := rs.rule(id)
		rc := s.ruleSettingsOf(id)
		defaultFrom := builtinFrom
		if !rs.isBuiltin(r) {
			defaultFrom = r.File
		}
		from := defaultFrom
		if rc != nil && rc.Severity != nil {
			from = rc.Severity.Pos.String()
			if rc.Reason != "" {
				from += " (" + rc.Reason + ")"
			}
		}
		row(id+".severity", rs.severity(r), from)
		params := r.Params()
		for _, name := range slices.Sorted(maps.Keys(params)) {
			from := defaultFrom
			if rc != nil {
				if i := slices.IndexFunc(rc.Params, func(p config.Param) bool { return p.Name == name }); i >= 0 {
					from = rc.Params[i].Pos.String()
				}
			}
			row(id+"."+name, fmt.Sprint(params[name]), from)
		}
	}
	return w.Flush()
}
