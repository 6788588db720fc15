package gate

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factcheck/factcheck/claims"
)

// A feature is one number the gate reads off a pair of claims. Its weight
// is fit on labelled pairs (see Fit); Prior is the weight the fit is
// drawn to where the labelled pairs say little about the feature (a
// frame part that extraction does not fill in yet), and Lo and Hi bound
// the weight the fit may give it. The table of features, with their
// priors and bounds, is in doc.go.
type feature struct {
	Name string
	// Doc says in a few words what a value of 1 means, for Explain.
	Doc    string
	Prior  float64
	Lo, Hi float64
	value  func(a, b *info) float64
}

var inf = math.Inf(1)

// features lists the gate's features in the order the weights file gives
// them. Adding, removing or renaming one changes what the weights file
// must say: run `make train`.
var features = []feature{
	// The legacy key: today's grouping by equal slot and subject.
	{"key_equal", "same slot and same subject (the legacy key)", 0, -inf, inf, func(a, b *info) float64 {
		return b2f(a.slot != "" && a.slot == b.slot && a.subject == b.subject)
	}},
	{"slot_equal", "same slot", 0, -inf, inf, func(a, b *info) float64 {
		return b2f(a.slot != "" && a.slot == b.slot)
	}},
	{"key_one_value", "same slot, subject and frame key, and each source gives one value under them", 0, -inf, inf, func(a, b *info) float64 {
		return b2f(a.slot != "" && a.slot == b.slot && a.subject == b.subject && a.fkey == b.fkey && a.keyValues == 1 && b.keyValues == 1)
	}},
	{"slot_one_value", "same slot and frame key, and each source gives one value under them", 0, -inf, inf, func(a, b *info) float64 {
		return b2f(a.slot != "" && a.slot == b.slot && a.fkey == b.fkey && a.slotValues == 1 && b.slotValues == 1)
	}},
	{"slot_conflict", "both have a slot and the slots differ", 0, -inf, inf, func(a, b *info) float64 {
		return b2f(a.slot != "" && b.slot != "" && a.slot != b.slot)
	}},
	{"slot_open", "at least one has no slot (an open figure)", 0, -inf, inf, func(a, b *info) float64 {
		return b2f(a.slot == "" || b.slot == "")
	}},
	{"subject_overlap", "subjects differ but share a word (neither holds all the other's)", 0, -inf, inf, func(a, b *info) float64 {
		return b2f(a.subject != b.subject && relate(a.subjectW, b.subjectW) == partial)
	}},
	{"subject_conflict", "both have a subject and the subjects share no word", 0, -inf, inf, func(a, b *info) float64 {
		return b2f(relate(a.subjectW, b.subjectW) == disjoint)
	}},
	{"subject_one", "only one has a subject", 0, -inf, inf, func(a, b *info) float64 {
		return b2f((a.subject == "") != (b.subject == ""))
	}},
	{"subject_name_conflict", "both subjects are names (capitalised) sharing no word: whose figure differs", -1, -inf, inf, func(a, b *info) float64 {
		return b2f(a.subjectName && b.subjectName && relate(a.subjectW, b.subjectW) == disjoint)
	}},
	{"unit_equal", "same unit as written", 0, -inf, inf, func(a, b *info) float64 {
		return b2f(a.unit != "" && a.unit == b.unit)
	}},
	{"unit_conflict", "both give a unit and the units differ", 0, -inf, inf, func(a, b *info) float64 {
		return b2f(a.unit != "" && b.unit != "" && a.unit != b.unit)
	}},
	// What is counted or measured.
	{"counts_equal", "the same thing counted", 1, -inf, inf, func(a, b *info) float64 {
		return b2f(relate(a.countsW, b.countsW) == same)
	}},
	{"counts_overlap", "what is counted shares a word", 0.5, -inf, inf, func(a, b *info) float64 {
		return b2f(relate(a.countsW, b.countsW) == partial)
	}},
	{"counts_conflict", "different things counted", -4, -inf, inf, func(a, b *info) float64 {
		return b2f(relate(a.countsW, b.countsW) == disjoint)
	}},
	{"counts_one", "only one says what it counts", -0.5, -inf, inf, func(a, b *info) float64 {
		return b2f((len(a.countsW) == 0) != (len(b.countsW) == 0))
	}},
	// Whose figure it is.
	{"owner_equal", "the same owner", 1, -inf, inf, func(a, b *info) float64 {
		return b2f(relate(a.ownerW, b.ownerW) == same)
	}},
	{"owner_conflict", "different owners", -6, -inf, inf, func(a, b *info) float64 {
		return b2f(relate(a.ownerW, b.ownerW) == disjoint)
	}},
	{"owner_one", "only one names an owner", -0.5, -inf, inf, func(a, b *info) float64 {
		return b2f((len(a.ownerW) == 0) != (len(b.ownerW) == 0))
	}},
	// The figure's role.
	{"role_equal", "the same role other than a total (two previous records)", 0.5, -inf, inf, func(a, b *info) float64 {
		return b2f(a.role != claims.RoleTotal && a.role == b.role)
	}},
	{"role_part", "a part against a total or another role", -6, -inf, inf, func(a, b *info) float64 {
		return b2f((a.role == claims.RolePart) != (b.role == claims.RolePart))
	}},
	{"role_reference", "a previous or reference value against a current one", -6, -inf, inf, func(a, b *info) float64 {
		return b2f((a.role == claims.RoleReference) != (b.role == claims.RoleReference))
	}},
	{"role_forecast", "a forecast against a result", -6, -inf, inf, func(a, b *info) float64 {
		return b2f((a.role == claims.RoleForecast) != (b.role == claims.RoleForecast))
	}},
	{"role_change", "a change or increment against a level", -6, -inf, inf, func(a, b *info) float64 {
		return b2f(isChange(a.role) != isChange(b.role))
	}},
	{"role_estimate", "an estimate by a named body against another figure", -2, -inf, inf, func(a, b *info) float64 {
		return b2f((a.role == claims.RoleEstimate) != (b.role == claims.RoleEstimate))
	}},
	// The measure: a rate's period, gross or net.
	{"per_equal", "the same rate period", 0.5, -inf, inf, func(a, b *info) float64 {
		return b2f(a.per != "" && a.per == b.per)
	}},
	{"per_conflict", "different rate periods (a week against a year)", -6, -inf, inf, func(a, b *info) float64 {
		return b2f(a.per != "" && b.per != "" && a.per != b.per)
	}},
	{"per_one", "only one is a rate", -3, -inf, inf, func(a, b *info) float64 {
		return b2f((a.per == "") != (b.per == ""))
	}},
	{"basis_conflict", "gross against net", -4, -inf, inf, func(a, b *info) float64 {
		return b2f(a.basis != "" && b.basis != "" && a.basis != b.basis)
	}},
	// Event, place and time.
	{"event_equal", "the same event", 0.5, -inf, inf, func(a, b *info) float64 {
		return b2f(relate(a.eventW, b.eventW) == same)
	}},
	{"event_conflict", "different events", -3, -inf, inf, func(a, b *info) float64 {
		return b2f(relate(a.eventW, b.eventW) == disjoint)
	}},
	{"place_equal", "the same place", 0.5, -inf, inf, func(a, b *info) float64 {
		return b2f(relate(a.placeW, b.placeW) == same)
	}},
	{"place_conflict", "different places", -3, -inf, inf, func(a, b *info) float64 {
		return b2f(relate(a.placeW, b.placeW) == disjoint)
	}},
	{"time_equal", "the same day, month or year (one may be finer)", 0.5, -inf, inf, func(a, b *info) float64 {
		return b2f(a.time != "" && b.time != "" && timesAgree(a.time, b.time))
	}},
	{"time_conflict", "different days, months or years", -3, -inf, inf, func(a, b *info) float64 {
		return b2f(a.time != "" && b.time != "" && !timesAgree(a.time, b.time))
	}},
	// One source, or two.
	{"same_source", "both from one source", 0, -inf, inf, func(a, b *info) float64 {
		return b2f(a.c.Source == b.c.Source)
	}},
	{"same_sentence", "both from one sentence of one source, with the same slot and subject", 0, -inf, inf, func(a, b *info) float64 {
		return b2f(sameSentence(a, b) && a.slot == b.slot && a.subject == b.subject)
	}},
	{"same_sentence_other_key", "both from one sentence of one source, with another slot or subject", 0, -inf, inf, func(a, b *info) float64 {
		return b2f(sameSentence(a, b) && (a.slot != b.slot || a.subject != b.subject))
	}},
	// The words around the figure, in two sources: within one source they
	// say nothing of whether two figures are one fact.
	{"context_overlap", "share of the content words near the figures the two sources have in common", 0, -inf, inf, func(a, b *info) float64 {
		if a.c.Source == b.c.Source {
			return 0
		}
		return dice(a.context, b.context)
	}},
	{"context_same", "share of the words right next to the figures that are the same in two sources (a copied wire)", 0, -inf, inf, func(a, b *info) float64 {
		if a.c.Source == b.c.Source {
			return 0
		}
		return sameNeighbours(a, b)
	}},
	// Who says it.
	{"attribution_equal", "attributed to the same speaker", 0, -inf, inf, func(a, b *info) float64 {
		r := relate(a.attrW, b.attrW)
		return b2f(r == same || r == partial)
	}},
	{"attribution_conflict", "attributed to different speakers", 0, -inf, inf, func(a, b *info) float64 {
		return b2f(relate(a.attrW, b.attrW) == disjoint)
	}},
	// The values themselves, mildly: sources that disagree must still be
	// compared, so these weights are bounded.
	{"magnitude", "how far apart the values are, in doublings (capped at 1: twice or more)", 0, -magnitudeBound, 0, func(a, b *info) float64 {
		return magnitude(a, b)
	}},
	{"magnitude_far", "the values are ten times apart or more (a share of a total, a figure of another scale)", 0, -inf, 0, func(a, b *info) float64 {
		return magnitudeFar(a, b)
	}},
	{"date_gap", "how far apart the dates are, in years (capped at 1)", 0, -magnitudeBound, 0, func(a, b *info) float64 {
		return dateGap(a, b)
	}},
	{"generic", "share of the two whose frame says nothing of what it is of", -1, -inf, inf, func(a, b *info) float64 {
		return (b2f(a.generic) + b2f(b.generic)) / 2
	}},
	// The base rate of each kind of figure.
	{"kind_count", "both are counts", 0, -inf, inf, kindIs(claims.KindCount)},
	{"kind_money", "both are money", 0, -inf, inf, kindIs(claims.KindMoney)},
	{"kind_duration", "both are durations", 0, -inf, inf, kindIs(claims.KindDuration)},
	{"kind_percent", "both are percentages", 0, -inf, inf, kindIs(claims.KindPercent)},
	{"kind_measure", "both are physical measures", 0, -inf, inf, kindIs(claims.KindMeasure)},
	{"kind_ordinal", "both are ranks", 0, -inf, inf, kindIs(claims.KindOrdinal)},
	{"kind_date", "both are dates or times of day", 0, -inf, inf, func(a, b *info) float64 {
		return b2f(a.kind == claims.KindDate || a.kind == claims.KindTime)
	}},
	{"kind_text", "both are text values", 0, -inf, inf, kindIs(claims.KindText)},
}

// frameOnly marks the features read off the frames' parts alone (what is
// counted, the owner, the role, the rate, event, place, and whether the
// frame says anything): 0 for two claims whose frames say nothing.
var frameOnly = func() []bool {
	names := map[string]bool{}
	for _, p := range []string{"counts_", "owner_", "role_", "per_", "basis_", "event_", "place_"} {
		for _, f := range features {
			if strings.HasPrefix(f.Name, p) {
				names[f.Name] = true
			}
		}
	}
	names["generic"] = true
	out := make([]bool, len(features))
	for i, f := range features {
		out[i] = names[f.Name]
	}
	return out
}()

// magnitudeBound bounds the weight of the value features: values ten
// times apart lower the log-odds by at most this much.
const magnitudeBound = 2

func init() {
	if len(features) > maxFeatures {
		panic("gate: more features than maxFeatures")
	}
}

// FeatureNames returns the names of the gate's features in the order a
// weights file lists them.
func FeatureNames() []string {
	out := make([]string, len(features))
	for i, f := range features {
		out[i] = f.Name
	}
	return out
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func kindIs(k claims.Kind) func(a, b *info) float64 {
	return func(a, b *info) float64 { return b2f(a.kind == k) }
}

func sameSentence(a, b *info) bool {
	return a.c.Source == b.c.Source && a.c.Sentence != "" && a.c.Sentence == b.c.Sentence
}

func isChange(role string) bool { return role == claims.RoleChange || role == claims.RoleIncrement }

// info is what the gate reads off one claim, worked out once.
type info struct {
	c              *claims.Claim
	kind           claims.Kind
	dim            string // Frame.Dimension, "" when extraction gave none
	currency       string
	unit           string // the unit as written, else the normalised unit
	slot, subject  string
	subjectW       []string
	subjectName    bool // the subject starts with a capital letter: a name
	countsW        []string
	ownerW         []string
	eventW, placeW []string
	attrW          []string
	role           string // "" is RoleTotal
	per, basis     string
	time           string
	// fkey is the frame key: the role, owner, rate and what is counted,
	// as the frame gives them. keyValues and slotValues count the
	// distinct values the claim's source gives under its slot, frame key
	// and subject, and under its slot and frame key: how many facts one
	// report states under them.
	fkey                  string
	keyValues, slotValues int
	context               []uint64           // hashed content words near the figure, sorted
	left, right           [neighbours]uint64 // the words right before and after the figure, hashed, nearest first
	generic               bool
	// frameSays is whether the frame gives any part the frame-only
	// features read.
	frameSays bool
	// mid is the value's representative figure (Value.Mid), log2 the
	// base-2 logarithm of its size (0 when mid is 0).
	mid, log2 float64
}

// contextWindow is how many words either side of the figure count as near
// it; neighbours is how many right next to it are compared for copies.
const (
	contextWindow = 10
	neighbours    = 3
)

func newInfo(c *claims.Claim) *info {
	in := &info{}
	fillInfo(in, c, contentWords, make([]uint64, 0, 2*contextWindow))
	return in
}

// fillInfo fills in what the gate reads off c, with words splitting a
// text into its content words (contentWords, or a cache of it) and the
// hashes of the words near the figure kept in ctx, which has room for
// 2*contextWindow of them.
func fillInfo(in *info, c *claims.Claim, words func(string) []string, ctx []uint64) {
	f := c.Frame
	*in = info{
		c:           c,
		kind:        c.Kind,
		dim:         norm(f.Dimension),
		currency:    f.Currency,
		unit:        f.Unit,
		slot:        c.Slot,
		subject:     c.Subject,
		subjectW:    words(c.Subject),
		subjectName: startsUpper(c.Subject),
		countsW:     words(f.Counts),
		ownerW:      words(f.Owner),
		eventW:      words(f.Event),
		placeW:      words(f.Place),
		attrW:       words(c.Attribution),
		role:        norm(f.Role),
		per:         norm(f.Per),
		basis:       norm(f.Basis),
		time:        f.Time,
	}
	if in.role == "" {
		in.role = claims.RoleTotal
	}
	if f.Role != "" || f.Owner != "" || f.Per != "" || f.Counts != "" {
		in.fkey = in.role + "\x00" + norm(f.Owner) + "\x00" + in.per + "\x00" + norm(f.Counts)
	}
	if in.unit == "" {
		in.unit = c.Unit
	}
	if in.currency == "" && c.Kind == claims.KindMoney {
		in.currency = c.Unit
	}
	if in.time == "" {
		in.time = c.AsOf
	}
	in.generic = f.Dimension != "" && f.Counts == "" && f.Owner == "" && f.Event == "" && f.Place == ""
	in.frameSays = f.Dimension != "" || f.Counts != "" || f.Owner != "" || f.Role != "" || f.Per != "" ||
		f.Basis != "" || f.Event != "" || f.Place != ""
	in.mid = c.Value.Mid()
	if in.mid != 0 {
		in.log2 = math.Log2(math.Abs(in.mid))
	}
	in.context, in.left, in.right = around(c.Sentence, c.Text, ctx)
}

// startsUpper reports whether s starts with an upper-case letter.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func norm(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// contentWords returns the lower-cased words of s of more than two
// letters or digits, sorted and without repeats.
func contentWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), notWordRune) {
		if len([]rune(w)) > 2 {
			out = append(out, w)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func notWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9')
	}
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// A relation between two sets of words.
type relation int

const (
	unstated relation = iota // at least one is empty
	same                     // equal, or one holds all the other's words
	partial                  // they share a word
	disjoint                 // they share none
)

func relate(a, b []string) relation {
	if len(a) == 0 || len(b) == 0 {
		return unstated
	}
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	switch {
	case n == min(len(a), len(b)):
		return same
	case n > 0:
		return partial
	}
	return disjoint
}

// timesAgree reports whether two ISO dates or reduced dates can name the
// same time: equal, or one a prefix of the other ("2016" and "2016-08").
func timesAgree(a, b string) bool {
	return strings.HasPrefix(a, b) || strings.HasPrefix(b, a)
}

// around returns the content words near the figure text in sentence
// (hashed: letters only, more than three of them, lower-cased), in
// context's room, and the words right before and after it (hashed,
// lower-cased, nearest first; 0 where there is none). The figure's own
// words are left out.
func around(sentence, text string, context []uint64) (_ []uint64, left, right [neighbours]uint64) {
	if sentence == "" {
		return nil, left, right
	}
	before, after := sentence, ""
	if i := strings.Index(sentence, text); i >= 0 && text != "" {
		before, after = sentence[:i], sentence[i+len(text):]
	}
	context = context[:0]
	// Words before the figure, nearest first.
	k := 0
	for end := len(before); end > 0 && k < contextWindow; {
		if r, size := lastRune(before[:end]); notWordRune(r) {
			end -= size
			continue
		}
		start := end
		for start > 0 {
			r, size := lastRune(before[:start])
			if notWordRune(r) {
				break
			}
			start -= size
		}
		h, content := wordHash(before[start:end])
		if k < neighbours {
			left[k] = h
		}
		if content {
			context = append(context, h)
		}
		k++
		end = start
	}
	k = 0
	for start := 0; start < len(after) && k < contextWindow; {
		if r, size := firstRune(after[start:]); notWordRune(r) {
			start += size
			continue
		}
		end := start
		for end < len(after) {
			r, size := firstRune(after[end:])
			if notWordRune(r) {
				break
			}
			end += size
		}
		h, content := wordHash(after[start:end])
		if k < neighbours {
			right[k] = h
		}
		if content {
			context = append(context, h)
		}
		k++
		start = end
	}
	slices.Sort(context)
	return slices.Compact(context), left, right
}

// firstRune and lastRune decode the first and last rune of a non-empty
// s, ASCII without a call.
func firstRune(s string) (rune, int) {
	if s[0] < utf8.RuneSelf {
		return rune(s[0]), 1
	}
	return utf8.DecodeRuneInString(s)
}

func lastRune(s string) (rune, int) {
	if c := s[len(s)-1]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeLastRuneInString(s)
}

// wordHash returns the FNV-1a hash of w lower-cased (never 0), and
// whether w is a content word: more than three letters and nothing else.
// Short words are mostly the grammar of the sentence, not what it is
// about.
func wordHash(w string) (uint64, bool) {
	const offset, prime = 14695981039346656037, 1099511628211
	h, n, letters := uint64(offset), 0, true
	var buf [utf8.UTFMax]byte
	for _, r := range w {
		n++
		if r < utf8.RuneSelf {
			switch {
			case 'A' <= r && r <= 'Z':
				r += 'a' - 'A'
			case r < 'a' || r > 'z':
				letters = false
			}
			h = (h ^ uint64(r)) * prime
			continue
		}
		if !unicode.IsLetter(r) {
			letters = false
		}
		for _, b := range buf[:utf8.EncodeRune(buf[:], unicode.ToLower(r))] {
			h = (h ^ uint64(b)) * prime
		}
	}
	if h == 0 {
		h = 1
	}
	return h, letters && n > 3
}

// dice is the Dice coefficient of two sorted sets: twice the shared
// elements over the sum of the sizes.
func dice(a, b []uint64) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		x, y := a[i], b[j]
		if x == y {
			n++
		}
		if x <= y {
			i++
		}
		if y <= x {
			j++
		}
	}
	if n == 0 {
		return 0
	}
	return 2 * float64(n) / float64(len(a)+len(b))
}

// sameNeighbours is the share of the positions right before and after the
// figure (neighbours each side) where both texts have the same word.
func sameNeighbours(a, b *info) float64 {
	n := 0
	for i := range neighbours {
		if a.left[i] != 0 && a.left[i] == b.left[i] {
			n++
		}
		if a.right[i] != 0 && a.right[i] == b.right[i] {
			n++
		}
	}
	return float64(n) / (2 * neighbours)
}

// magnitude is how far apart two numeric values are, in doublings,
// capped at 1 (one twice the other, or more); 0 when either has no
// representative figure or their signs differ (temperatures around zero),
// and for dates and texts.
func magnitude(a, b *info) float64 {
	switch a.kind {
	case claims.KindDate, claims.KindTime, claims.KindText:
		return 0
	}
	if a.mid == 0 || b.mid == 0 || (a.mid < 0) != (b.mid < 0) {
		return 0
	}
	return min(math.Abs(a.log2-b.log2), 1)
}

// farLog2 is log2(10): values this many doublings apart are of another
// scale.
var farLog2 = math.Log2(10)

// magnitudeFar is 1 when two numeric values are ten times apart or more,
// else 0 (as magnitude, 0 when either has no representative figure or
// their signs differ).
func magnitudeFar(a, b *info) float64 {
	switch a.kind {
	case claims.KindDate, claims.KindTime, claims.KindText:
		return 0
	}
	if a.mid == 0 || b.mid == 0 || (a.mid < 0) != (b.mid < 0) {
		return 0
	}
	return b2f(math.Abs(a.log2-b.log2) >= farLog2)
}

// ratio is |log2(x/y)| capped at 1; 0 when either is 0 or their signs
// differ.
func ratio(x, y float64) float64 {
	if x == 0 || y == 0 || (x < 0) != (y < 0) {
		return 0
	}
	return min(math.Abs(math.Log2(x/y)), 1)
}

// dateGap is how far apart two dates are, in years, capped at 1; 0 when
// either has no known day.
func dateGap(a, b *info) float64 {
	if a.kind != claims.KindDate {
		return 0
	}
	va, vb := a.c.Value, b.c.Value
	if math.IsInf(va.Lo, 0) || math.IsInf(va.Hi, 0) || math.IsInf(vb.Lo, 0) || math.IsInf(vb.Hi, 0) {
		return 0
	}
	return min(math.Abs(va.Mid()-vb.Mid())/365, 1)
}

// Comparable applies the gate's hard rules: it returns "" when a and b
// may state the same fact, else why they never do. Different kinds or
// dimensions are never compared (a date only with a date); money only in
// one currency, unless rate converts between the two (nil: never);
// physical measures only in one unit, when the frames give no dimension
// (metres and tonnes); text values only about one subject (a text
// value's subject is whose it is: "Russia" voted "against"); and claims
// only within one story.
func Comparable(a, b *claims.Claim, rate Rate) string {
	return comparable(a, b, a.Frame.Dimension, b.Frame.Dimension, currencyOf(a), currencyOf(b), rate)
}

// A Rate converts between currencies when a text itself gives the rate
// ("£94m (€105m)"): it returns how many units of to one unit of from is
// worth in story, and false when the texts give none. It is the hook for
// comparing money across currencies; the gate has none yet.
type Rate func(story, from, to string) (float64, bool)

func currencyOf(c *claims.Claim) string {
	if c.Frame.Currency != "" {
		return c.Frame.Currency
	}
	if c.Kind == claims.KindMoney {
		return c.Unit
	}
	return ""
}

// A hardRule is one of the rules that keep two claims apart; 0 is none.
type hardRule int

const (
	noRule hardRule = iota
	ruleStory
	ruleDate
	ruleDimension
	ruleKind
	ruleCurrency
	ruleTextSubject
	ruleMeasureUnit
)

// apart returns the hard rule that keeps a and b apart, given their
// dimensions and currencies, or noRule.
func apart(a, b *claims.Claim, dimA, dimB, curA, curB string, rate Rate) hardRule {
	switch {
	case a.Story != b.Story:
		return ruleStory
	case isDate(a.Kind) != isDate(b.Kind):
		return ruleDate
	case dimA != "" && dimB != "" && !strings.EqualFold(dimA, dimB):
		return ruleDimension
	case (dimA == "" || dimB == "") && a.Kind != b.Kind:
		return ruleKind
	case curA != curB:
		if rate != nil {
			if _, ok := rate(a.Story, curA, curB); ok {
				return noRule
			}
		}
		return ruleCurrency
	case a.Kind == claims.KindText && b.Kind == claims.KindText && a.Subject != b.Subject:
		return ruleTextSubject
	case dimA == "" && dimB == "" && a.Kind == claims.KindMeasure && a.Unit != b.Unit:
		return ruleMeasureUnit
	}
	return noRule
}

// comparable is apart in words: "" for noRule.
func comparable(a, b *claims.Claim, dimA, dimB, curA, curB string, rate Rate) string {
	switch apart(a, b, dimA, dimB, curA, curB, rate) {
	case ruleStory:
		return "different stories"
	case ruleDate:
		return "a date is compared only with a date"
	case ruleDimension:
		return "different dimensions (" + dimA + ", " + dimB + ")"
	case ruleKind:
		return "different kinds (" + string(a.Kind) + ", " + string(b.Kind) + ")"
	case ruleCurrency:
		return "different currencies (" + orNone(curA) + ", " + orNone(curB) + ") and no rate in the texts"
	case ruleTextSubject:
		return "text values about different subjects (" + orNone(a.Subject) + ", " + orNone(b.Subject) + ")"
	case ruleMeasureUnit:
		return "different units of measure (" + orNone(a.Unit) + ", " + orNone(b.Unit) + ")"
	}
	return ""
}

func isDate(k claims.Kind) bool { return k == claims.KindDate || k == claims.KindTime }

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
