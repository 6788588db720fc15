package main

import (
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// seedsUnder copies the seeds to dir/rel and returns that directory.
func seedsUnder(t *testing.T, dir, rel string) string {
	t.Helper()
	to := filepath.Join(dir, filepath.FromSlash(rel))
	copyDir(t, seeds, to)
	return to
}

// TestConfigDiscovery checks that the configuration file is found above
// the first input, that flags override it, and that --config and
// --no-config choose another or none. On the seeds, precision reports an
// info finding, so fail-on info exits 1.
func TestConfigDiscovery(t *testing.T) {
	root := t.TempDir()
	wires := seedsUnder(t, root, "desk/stories/wires")
	writeFiles(t, root, map[string]string{
		".factcheck.yaml": "version: 1\nfail-on: info\n",
		"strict.yaml":     "version: 1\nfail-on: error\n",
	})
	t.Chdir(t.TempDir()) // the inputs are far from the working directory
	tests := []struct {
		args []string
		code int
	}{
		{[]string{"check", wires}, exitFindings},                                                   // found three levels up
		{[]string{"check", filepath.Join(wires, "004_a83c10c80409f3a7.txt"), wires}, exitFindings}, // from a file's directory
		{[]string{"check", "--fail-on", "none", wires}, exitOK},                                    // the flag wins
		{[]string{"check", "--no-config", wires}, exitOK},                                          // the default, error
		{[]string{"check", "--config", filepath.Join(root, "strict.yaml"), wires}, exitOK},
	}
	for _, tt := range tests {
		code, stdout, stderr := runCLI(t, nil, tt.args...)
		if code != tt.code {
			t.Errorf("factcheck %s: exit %d, want %d\n%s%s", strings.Join(tt.args, " "), code, tt.code, stdout, stderr)
		}
	}
}

// TestConfigRuleSettings checks severity overrides, off, and that rule
// and lexicon paths are relative to the configuration file.
func TestConfigRuleSettings(t *testing.T) {
	root := t.TempDir()
	wires := seedsUnder(t, root, "wires")
	copyDir(t, customRules, filepath.Join(root, "desk"))
	cfg := filepath.Join(root, ".factcheck.yaml")
	t.Chdir(t.TempDir())
	tests := []struct {
		config string
		code   int
		rules  []string
	}{
		{"version: 1\n", exitOK, []string{"precision:info"}},
		{"version: 1\nrule:\n  precision: {severity: error}\n", exitFindings, []string{"precision:error"}},
		{"version: 1\nrule:\n  precision:\n    severity: off\n    reason: the desk checks precision by hand\n", exitOK, nil},
		{"version: 1\nrules: [desk]\n", exitOK, []string{"death-toll-spread:warning", "precision:info"}},
		{"version: 1\nrules: desk\nfail-on: warning\n", exitFindings, []string{"death-toll-spread:warning", "precision:info"}},
		{"version: 1\nrules: [desk]\nfail-on: warning\nrule:\n  death-toll-spread: {params: {tolerance: 0.1}}\n", exitOK, []string{"precision:info"}},
		{"version: 1\nrules: [desk]\nfail-on: warning\nrule:\n  death-toll-spread: {severity: off}\n", exitOK, []string{"precision:info"}},
		{"version: 1\nrules: [desk]\nfail-on: warning\nrule:\n  death-toll-spread: {severity: info}\n", exitOK, []string{"death-toll-spread:info", "precision:info"}},
	}
	for _, tt := range tests {
		writeFiles(t, root, map[string]string{".factcheck.yaml": tt.config})
		code, ids := findingRules(t, wires)
		if code != tt.code || !slices.Equal(ids, tt.rules) {
			t.Errorf("with %s:\n%sexit %d, findings %v; want %d, %v", cfg, tt.config, code, ids, tt.code, tt.rules)
		}
	}
}

// TestConfigErrors checks that mistakes in the configuration file exit 2
// with file:line:col, before any article is read.
func TestConfigErrors(t *testing.T) {
	root := t.TempDir()
	cfg := filepath.Join(root, "c.yaml")
	tests := []struct {
		config, stderr string
	}{
		{"version: 1\nfail_on: warning\n", `c.yaml:2:1: unknown key "fail_on" (did you mean "fail-on"?)`},
		{"version: 2\n", "c.yaml:1:10: unsupported version 2 (this factcheck reads version 1)"},
		{"rules: [x]\n", `c.yaml:1:1: missing key "version" (add version: 1)`},
		{"version: 1\nrule:\n  precison: {severity: off}\n", `c.yaml:3:3: rule: no rule "precison" (did you mean "precision"?)`},
		{"version: 1\nrule:\n  precision: {params: {tol: 0.1}}\n", `c.yaml:3:24: set param precision.tol: rule precision has no param "tol" (it has tolerance)`},
		{"version: 1\nrule:\n  precision: {params: {tolerance: lots}}\n", `c.yaml:3:24: set param precision.tolerance: want a number, got lots (string)`},
		{"version: 1\nrule:\n  precision: {severity: fatal}\n", `c.yaml:3:25: unknown severity "fatal" (want error, warning, info or off)`},
		{"version: 1\nrules: [nowhere]\n", filepath.Join(root, "nowhere") + ": read rules: no such file or directory"},
		{"version: 1\nlexicons: [nowhere.yaml]\n", filepath.Join(root, "nowhere.yaml")},
	}
	for _, tt := range tests {
		writeFiles(t, root, map[string]string{"c.yaml": tt.config})
		code, stdout, stderr := runCLI(t, nil, "check", "--config", cfg, "no-such-article.txt")
		if code != exitError || stdout != "" || !strings.HasPrefix(stderr, "factcheck: ") ||
			!strings.Contains(stderr, strings.ReplaceAll(tt.stderr, "c.yaml:", cfg+":")) {
			t.Errorf("config\n%sexit %d, stderr %q; want 2 and %q", tt.config, code, stderr, tt.stderr)
		}
		if strings.Contains(stderr, "no-such-article") {
			t.Errorf("config\n%sthe article was read before the configuration was checked: %s", tt.config, stderr)
		}
	}
	for _, args := range [][]string{
		{"check", "--config", filepath.Join(root, "nope.yaml"), seeds},
		{"check", "--config", cfg, "--no-config", seeds},
		{"config", "print", "--config", filepath.Join(root, "nope.yaml")},
		{"rules", "list", "--config", filepath.Join(root, "nope.yaml")},
	} {
		code, _, stderr := runCLI(t, nil, args...)
		if code != exitError {
			t.Errorf("factcheck %s: exit %d, stderr %q", strings.Join(args, " "), code, stderr)
		}
		oneLineError(t, stderr)
	}
}

func TestConfigPrint(t *testing.T) {
	root := t.TempDir()
	wires := seedsUnder(t, root, "wires")
	copyDir(t, customRules, filepath.Join(root, "desk"))
	writeFiles(t, root, map[string]string{".factcheck.yaml": "version: 1\n" +
		"rules: [desk]\n" +
		"fail-on: warning\n" +
		"rule:\n" +
		"  precision:\n" +
		"    severity: off\n" +
		"    reason: checked by hand\n" +
		"  death-toll-spread:\n" +
		"    params: {tolerance: 0.1}\n"})
	t.Chdir(root)
	code, stdout, stderr := runCLI(t, nil, "config", "print", "wires")
	if code != exitOK || stderr != "" {
		t.Fatalf("config print: exit %d\n%s%s", code, stdout, stderr)
	}
	want := []string{
		`SETTING +VALUE +FROM`,
		`config +\.factcheck\.yaml +found above wires`,
		`fail-on +warning +\.factcheck\.yaml:3:10`,
		`rules +rules\.d +built-in`,
		`rules +desk +\.factcheck\.yaml:2:9`,
		`lexicons +lexicon\.yaml +built-in`,
		`conflict\.severity +error +built-in`,
		`death-toll-spread\.severity +warning +desk/death-toll-spread\.yaml`,
		`death-toll-spread\.tolerance +0\.1 +\.factcheck\.yaml:9:14`,
		`precision\.severity +off +\.factcheck\.yaml:6:15 \(checked by hand\)`,
		`precision\.tolerance +0\.05 +built-in`,
		`single-source\.severity +info +built-in`,
		`single-source\.min_sources +2 +built-in`,
		`superseded\.severity +warning +built-in`,
		`text-conflict\.severity +error +built-in`,
	}
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	if len(lines) != len(want) {
		t.Fatalf("config print printed %d lines, want %d:\n%s", len(lines), len(want), stdout)
	}
	for i, re := range want {
		if !regexp.MustCompile("^" + re + "$").MatchString(lines[i]) {
			t.Errorf("line %d = %q, want /%s/", i+1, lines[i], re)
		}
	}
	code, stdout, _ = runCLI(t, nil, "config", "print", "--fail-on", "none", "--no-config", wires)
	if code != exitOK || !regexp.MustCompile(`(?m)^fail-on +none +flag --fail-on$`).MatchString(stdout) ||
		!regexp.MustCompile(`(?m)^config +\(none\) +flag --no-config$`).MatchString(stdout) ||
		!regexp.MustCompile(`(?m)^precision\.severity +info +built-in$`).MatchString(stdout) {
		t.Errorf("config print --fail-on none --no-config: exit %d\n%s", code, stdout)
	}
	// rules list reads the configuration above the working directory.
	_, stdout, _ = runCLI(t, nil, "rules", "list")
	if !regexp.MustCompile(`(?m)^precision +off +`).MatchString(stdout) || !strings.Contains(stdout, "death-toll-spread") {
		t.Errorf("rules list with the configuration:\n%s", stdout)
	}
}

// TestConfigLexicons checks that check and extract both read the lexicons
// the configuration names, relative to it: a broken one fails both.
func TestConfigLexicons(t *testing.T) {
	root := t.TempDir()
	wires := seedsUnder(t, root, "wires")
	writeFiles(t, root, map[string]string{
		".factcheck.yaml": "version: 1\nlexicons: [desk/slots.yaml]\n",
		"desk/slots.yaml": "slots: [not, a, mapping\n",
	})
	for _, cmd := range []string{"check", "extract"} {
		code, _, stderr := runCLI(t, nil, cmd, wires)
		if code != exitError || !strings.Contains(stderr, filepath.Join(root, "desk", "slots.yaml")) {
			t.Errorf("%s with a broken configured lexicon: exit %d, stderr %q", cmd, code, stderr)
		}
		if code, _, stderr := runCLI(t, nil, cmd, "--no-config", wires); code == exitError {
			t.Errorf("%s --no-config: exit 2: %s", cmd, stderr)
		}
	}
}
