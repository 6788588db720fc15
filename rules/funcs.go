package rules

import (
	"fmt"
	"math"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/common/types/traits"

	"github.com/factcheck/factcheck/claims"
)

// listFunctions are the functions that take a list of claims first; the
// cost tracker charges them by its size.
var listFunctions = map[string]bool{
	"conflicts":      true,
	"conflicting":    true,
	"has_conflict":   true,
	"spread":         true,
	"consensus":      true,
	"sources":        true,
	"unique_values":  true,
	"outdated":       true,
	"current":        true,
	"text_conflicts": true,
}

// functions declares the native functions of the environment.
func (e *environment) functions() []cel.EnvOption {
	list := func(name string, result *cel.Type, fn func(objs []*claimObj, grp *groupData) ref.Val) cel.EnvOption {
		return cel.Function(name, cel.Overload(name+"_list", []*cel.Type{claimListType}, result,
			cel.UnaryBinding(func(v ref.Val) ref.Val {
				objs, grp, err := listObjs(v)
				if err != nil {
					return types.NewErrFromString(name + ": " + err.Error())
				}
				return fn(objs, grp)
			})))
	}
	return []cel.EnvOption{
		cel.Function("overlaps", cel.Overload("overlaps_claim_claim", []*cel.Type{claimType, claimType}, cel.BoolType,
			cel.BinaryBinding(func(a, b ref.Val) ref.Val {
				x, y, err := claimPair("overlaps", a, b)
				if err != nil {
					return err
				}
				return types.Bool(claims.Overlaps(x.value(), y.value()))
			}))),
		cel.Function("within", cel.Overload("within_claim_claim_double", []*cel.Type{claimType, claimType, cel.DoubleType}, cel.BoolType,
			cel.FunctionBinding(func(args ...ref.Val) ref.Val {
				x, y, err := claimPair("within", args[0], args[1])
				if err != nil {
					return err
				}
				tol, ok := args[2].(types.Double)
				if !ok {
					return types.NewErrFromString("within: tolerance is not a double")
				}
				return types.Bool(within(x.value(), y.value(), float64(tol)))
			}))),
		list("conflicts", cel.ListType(claimListType), func(objs []*claimObj, grp *groupData) ref.Val {
			// The pairs are adapted to CEL lists only when a rule reads
			// them, so a message that shows five of ten thousand pairs
			// builds five.
			pairs := distinctPairs(objs, analysisOf(objs, grp))
			flat := make([]*claimObj, 2*len(pairs))
			rows := make([][]*claimObj, len(pairs))
			for i, p := range pairs {
				flat[2*i], flat[2*i+1] = objs[p[0]], objs[p[1]]
				rows[i] = flat[2*i : 2*i+2 : 2*i+2]
			}
			return types.NewDynamicList(e.adapter, rows)
		}),
		list("conflicting", claimListType, func(objs []*claimObj, grp *groupData) ref.Val {
			a := analysisOf(objs, grp)
			var out []*claimObj
			for i, p := range a.partner {
				if p >= 0 {
					out = append(out, objs[i])
				}
			}
			return e.newClaimList(out, nil)
		}),
		list("has_conflict", cel.BoolType, func(objs []*claimObj, grp *groupData) ref.Val {
			return types.Bool(analysisOf(objs, grp).any)
		}),
		list("spread", cel.DoubleType, func(objs []*claimObj, _ *groupData) ref.Val {
			return types.Double(spread(objs))
		}),
		list("sources", cel.IntType, func(objs []*claimObj, _ *groupData) ref.Val {
			seen := map[string]bool{}
			for _, o := range objs {
				if !o.Superseded {
					seen[o.Source] = true
				}
			}
			return types.Int(len(seen))
		}),
		list("unique_values", claimListType, func(objs []*claimObj, _ *groupData) ref.Val {
			return e.newClaimList(uniqueValues(objs), nil)
		}),
		list("consensus", consensusType, func(objs []*claimObj, grp *groupData) ref.Val {
			c := consensus(objs)
			c.measure = measureOf(objs, grp)
			c.Claims = e.newClaimList(c.agree, nil)
			return e.adapter.NativeToValue(&c.consensusObj)
		}),
		list("outdated", cel.ListType(claimListType), func(objs []*claimObj, grp *groupData) ref.Val {
			u := updatesOf(objs, grp)
			var rows [][]*claimObj
			for _, i := range u.outdated() {
				rows = append(rows, []*claimObj{objs[i], objs[u.newer[i]]})
			}
			return types.NewDynamicList(e.adapter, rows)
		}),
		list("current", claimListType, func(objs []*claimObj, grp *groupData) ref.Val {
			if isGroupList(objs, grp) {
				return grp.currentList(e)
			}
			return e.newClaimList(currentObjs(objs, analyseUpdates(objs)), nil)
		}),
		list("text_conflicts", cel.ListType(claimListType), func(objs []*claimObj, _ *groupData) ref.Val {
			pairs := textConflicts(objs)
			rows := make([][]*claimObj, len(pairs))
			for i, p := range pairs {
				rows[i] = []*claimObj{objs[p[0]], objs[p[1]]}
			}
			return types.NewDynamicList(e.adapter, rows)
		}),
		cel.Function("normalize", cel.Overload("normalize_string", []*cel.Type{cel.StringType}, cel.StringType,
			cel.UnaryBinding(func(v ref.Val) ref.Val {
				s, ok := v.(types.String)
				if !ok {
					return types.NewErrFromString("normalize: argument is not a string")
				}
				return types.String(normalize(string(s)))
			}))),
		cel.Function("show",
			cel.Overload("show_claim", []*cel.Type{claimType}, cel.StringType,
				cel.UnaryBinding(func(v ref.Val) ref.Val {
					o, ok := asClaim(v)
					if !ok {
						return types.NewErrFromString("show: argument is not a factcheck.Claim")
					}
					return types.String(o.show())
				})),
			cel.Overload("show_consensus", []*cel.Type{consensusType}, cel.StringType,
				cel.UnaryBinding(func(v ref.Val) ref.Val {
					c, ok := v.Value().(*consensusObj)
					if !ok {
						return types.NewErrFromString("show: argument is not a factcheck.Consensus")
					}
					return types.String(c.show())
				}))),
	}
}

// asClaim returns the claim object v holds.
func asClaim(v ref.Val) (*claimObj, bool) {
	switch o := v.Value().(type) {
	case *claimObj:
		return o, o != nil
	case claimObj:
		return &o, true
	}
	return nil, false
}

func claimPair(fn string, a, b ref.Val) (*claimObj, *claimObj, ref.Val) {
	x, ok1 := asClaim(a)
	y, ok2 := asClaim(b)
	if !ok1 || !ok2 {
		return nil, nil, types.NewErrFromString(fn + ": argument is not a factcheck.Claim")
	}
	return x, y, nil
}

// listObjs returns the claim objects of a CEL list, and the group when the
// list is a group's claims.
func listObjs(v ref.Val) ([]*claimObj, *groupData, error) {
	if l, ok := v.(*claimList); ok {
		return l.objs, l.grp, nil
	}
	l, ok := v.(traits.Lister)
	if !ok {
		return nil, nil, fmt.Errorf("argument is %s, not a list", v.Type().TypeName())
	}
	if objs, ok := l.Value().([]*claimObj); ok {
		return objs, nil, nil
	}
	n, _ := l.Size().(types.Int)
	objs := make([]*claimObj, 0, int(n))
	for it := l.Iterator(); it.HasNext() == types.True; {
		e := it.Next()
		o, ok := asClaim(e)
		if !ok {
			return nil, nil, fmt.Errorf("list element %d is %s, not a factcheck.Claim", len(objs), e.Type().TypeName())
		}
		objs = append(objs, o)
	}
	return objs, nil, nil
}

// analysisOf returns the conflict analysis of objs, cached on the group
// when objs are a group's claims.
func analysisOf(objs []*claimObj, grp *groupData) *conflictAnalysis {
	if isGroupList(objs, grp) {
		return grp.conflictsOf()
	}
	return analyseConflicts(objs)
}

// isGroupList reports whether objs are the claims of grp (a group's, or
// the current claims of one).
func isGroupList(objs []*claimObj, grp *groupData) bool {
	return grp != nil && len(grp.objs) == len(objs) && (len(objs) == 0 || &grp.objs[0] == &objs[0])
}

// updatesOf returns the update analysis of objs, cached on the group when
// objs are a group's claims.
func updatesOf(objs []*claimObj, grp *groupData) *updateAnalysis {
	if isGroupList(objs, grp) {
		return grp.updatesOf()
	}
	return analyseUpdates(objs)
}

// currentObjs returns the claims of objs neither superseded nor outdated.
func currentObjs(objs []*claimObj, u *updateAnalysis) []*claimObj {
	var out []*claimObj
	for i, o := range objs {
		if !o.Superseded && u.newer[i] < 0 && !u.dated[i] {
			out = append(out, o)
		}
	}
	return out
}

// within reports whether the representative figures of a and b differ by at
// most tol relative to the larger. Text values are within when equal; a
// value unbounded on both sides is within anything.
func within(a, b claims.Value, tol float64) bool {
	if a.Text != "" || b.Text != "" {
		return a.Text == b.Text
	}
	if !a.Bounded() || !b.Bounded() {
		return true
	}
	x, y := a.Mid(), b.Mid()
	return math.Abs(x-y) <= tol*math.Max(math.Abs(x), math.Abs(y))
}

// spread returns (max - min) / max(|max|, |min|) over the representative
// figures of the numeric claims that have a finite end and are not
// superseded; 0 when there are fewer than two.
func spread(objs []*claimObj) float64 {
	lo, hi := math.Inf(1), math.Inf(-1)
	n := 0
	for _, o := range objs {
		v := o.value()
		if o.Superseded || v.Text != "" || !v.Bounded() {
			continue
		}
		m := v.Mid()
		if math.IsNaN(m) {
			continue
		}
		lo, hi = math.Min(lo, m), math.Max(hi, m)
		n++
	}
	d := math.Max(math.Abs(lo), math.Abs(hi))
	if n < 2 || d == 0 {
		return 0
	}
	return (hi - lo) / d
}

// valueKey identifies a stated value.
type valueKey struct {
	lo, hi                        float64
	loOpen, hiOpen, approx, vague bool
	tol                           float64
	date, text                    string
}

// keyOf returns the key of the value o states.
func keyOf(o *claimObj) valueKey {
	v := o.value()
	return valueKey{v.Lo, v.Hi, v.LoOpen, v.HiOpen, v.Approx, v.Vague, v.Tol, v.Date, v.Text}
}

// distinctPairs returns the pairs of a without those that say again what
// an earlier one says: the same two values from the same two sources, in
// either order ("at least 7 (a.txt) vs 5 (b.txt)" once, however many
// times b.txt gives 5).
func distinctPairs(objs []*claimObj, a *conflictAnalysis) [][2]int {
	pairs := a.pairs()
	if len(pairs) < 2 {
		return pairs
	}
	// Each claim in a pair gets the id of its source and value. A value
	// without a date or text is keyed by the bits of its numbers, which
	// hash much faster than a key with strings.
	type numClass struct {
		src       int32
		flags     uint32
		lo, hi, t uint64
	}
	type class struct {
		src   int
		value valueKey
	}
	nums := make(map[numClass]int32)
	others := make(map[class]int32)
	id := make([]int32, len(objs))
	for i := range id {
		id[i] = -1
	}
	next := int32(0)
	classOf := func(i int) int32 {
		if id[i] >= 0 {
			return id[i]
		}
		k := keyOf(objs[i])
		var c int32
		var ok bool
		if k.date == "" && k.text == "" {
			flags := uint32(b2i(k.loOpen)) | uint32(b2i(k.hiOpen))<<1 | uint32(b2i(k.approx))<<2 | uint32(b2i(k.vague))<<3
			nk := numClass{int32(a.src[i]), flags, math.Float64bits(k.lo + 0), math.Float64bits(k.hi + 0), math.Float64bits(k.tol + 0)}
			if c, ok = nums[nk]; !ok {
				c, next = next, next+1
				nums[nk] = c
			}
		} else {
			ck := class{a.src[i], k}
			if c, ok = others[ck]; !ok {
				c, next = next, next+1
				others[ck] = c
			}
		}
		id[i] = c
		return c
	}
	seen := make(map[uint64]bool, len(pairs))
	out := pairs[:0]
	for _, p := range pairs {
		x, y := classOf(p[0]), classOf(p[1])
		k := uint64(min(x, y))<<32 | uint64(max(x, y))
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, p)
	}
	return out
}

// uniqueValues returns the first claim stating each distinct value, in
// input order, leaving out superseded claims.
func uniqueValues(objs []*claimObj) []*claimObj {
	seen := map[valueKey]bool{}
	var out []*claimObj
	for _, o := range objs {
		if o.Superseded {
			continue
		}
		k := keyOf(o)
		if !seen[k] {
			seen[k] = true
			out = append(out, o)
		}
	}
	return out
}
