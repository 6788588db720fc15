package rules

import (
	"fmt"
	"math"
	"sync"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/common/types/traits"
	"cel.dev/cel-go/ext"
	"cel.dev/cel-go/interpreter"

	"github.com/factcheck/factcheck/claims"
)

// The CEL names of the object types rules see.
const (
	claimTypeName     = "factcheck.Claim"
	groupTypeName     = "factcheck.Group"
	consensusTypeName = "factcheck.Consensus"
)

var (
	claimType     = cel.ObjectType(claimTypeName)
	claimListType = cel.ListType(claimType)
	groupType     = cel.ObjectType(groupTypeName)
	consensusType = cel.ObjectType(consensusTypeName)
)

// claimObj is the CEL view of a claims.Claim: the object type
// factcheck.Claim. Only exported fields are visible to CEL, under the name in
// their cel tag.
type claimObj struct {
	ID          string  `cel:"id"`
	Source      string  `cel:"source"`
	Story       string  `cel:"story"`
	Kind        string  `cel:"kind"`
	Slot        string  `cel:"slot"`
	Subject     string  `cel:"subject"`
	Lo          float64 `cel:"lo"`
	Hi          float64 `cel:"hi"`
	HasLo       bool    `cel:"has_lo"`
	HasHi       bool    `cel:"has_hi"`
	LoOpen      bool    `cel:"lo_open"`
	HiOpen      bool    `cel:"hi_open"`
	Approx      bool    `cel:"approx"`
	Tol         float64 `cel:"tol"`
	Vague       bool    `cel:"vague"`
	Mid         float64 `cel:"mid"`
	Date        string  `cel:"date"`
	Text        string  `cel:"text"`
	Unit        string  `cel:"unit"`
	Quote       string  `cel:"quote"`
	Sentence    string  `cel:"sentence"`
	Qualifier   string  `cel:"qualifier"`
	Attribution string  `cel:"attribution"`
	Published   string  `cel:"published"`
	AsOf        string  `cel:"as_of"`
	Offset      int     `cel:"offset"`
	Line        int     `cel:"line"`
	Col         int     `cel:"col"`
	Superseded  bool    `cel:"superseded"`

	// claim is the claim the object shows; nil for an object a rule built
	// itself with a factcheck.Claim{...} literal.
	claim *claims.Claim
	// index is the claim's position in its group.
	index int
}

func newClaimObj(c *claims.Claim, index int) *claimObj {
	o := new(claimObj)
	o.set(c, index)
	return o
}

// set makes o show claim c, the index'th of its group.
func (o *claimObj) set(c *claims.Claim, index int) {
	v := c.Value
	*o = claimObj{
		ID:          c.ID,
		Source:      c.Source,
		Story:       c.Story,
		Kind:        string(c.Kind),
		Slot:        c.Slot,
		Subject:     c.Subject,
		Lo:          v.Lo,
		Hi:          v.Hi,
		HasLo:       !math.IsInf(v.Lo, 0) && !math.IsNaN(v.Lo),
		HasHi:       !math.IsInf(v.Hi, 0) && !math.IsNaN(v.Hi),
		LoOpen:      v.LoOpen,
		HiOpen:      v.HiOpen,
		Approx:      v.Approx,
		Tol:         v.Tol,
		Vague:       v.Vague,
		Mid:         v.Mid(),
		Date:        v.Date,
		Text:        v.Text,
		Unit:        c.Unit,
		Quote:       c.Text,
		Sentence:    c.Sentence,
		Qualifier:   c.Qualifier,
		Attribution: c.Attribution,
		Published:   c.Published,
		AsOf:        c.AsOf,
		Offset:      c.Offset,
		Line:        c.Span.Line,
		Col:         c.Span.Col,
		Superseded:  c.Superseded,
		claim:       c,
		index:       index,
	}
}

// show writes o's value in words, in its own unit and frame
// (claims.FormatValue).
func (o *claimObj) show() string {
	if o.claim != nil {
		return o.claim.FormatValue()
	}
	return claims.FormatValue(o.value(), claims.Kind(o.Kind), o.Unit, claims.Frame{})
}

// value returns the value o states.
func (o *claimObj) value() claims.Value {
	if o.claim != nil {
		return o.claim.Value
	}
	return claims.Value{Lo: o.Lo, Hi: o.Hi, LoOpen: o.LoOpen, HiOpen: o.HiOpen,
		Approx: o.Approx, Tol: o.Tol, Vague: o.Vague, Date: o.Date, Text: o.Text}
}

// groupObj is the CEL view of a claims.Group: the object type factcheck.Group.
type groupObj struct {
	Story   string     `cel:"story"`
	Slot    string     `cel:"slot"`
	Subject string     `cel:"subject"`
	Kind    string     `cel:"kind"`
	Unit    string     `cel:"unit"`
	Claims  *claimList `cel:"claims"`
	// About says in words what the group's figures are about ("the death
	// toll of the chemical attack"): claims.Frame.About of the frame its
	// claims share.
	About string `cel:"about"`
	// StorySources counts the sources with a claim in any group of the
	// group's story that is being evaluated.
	StorySources int `cel:"story_sources"`
}

// consensusObj is what consensus() returns: the object type
// factcheck.Consensus.
type consensusObj struct {
	Lo     float64    `cel:"lo"`
	Hi     float64    `cel:"hi"`
	HasLo  bool       `cel:"has_lo"`
	HasHi  bool       `cel:"has_hi"`
	LoOpen bool       `cel:"lo_open"`
	HiOpen bool       `cel:"hi_open"`
	Text   string     `cel:"text"`
	Count  int        `cel:"count"`
	Total  int        `cel:"total"`
	Claims *claimList `cel:"claims"`

	// measure is how the claims agreed on write their values: show
	// writes the consensus as it writes them.
	measure measure
}

// A measure is the kind, unit and frame values are written in.
type measure struct {
	kind  claims.Kind
	unit  string
	frame claims.Frame
}

// measureOf returns the measure of a list of claims: the group's kind and
// unit, and the frame its claims share; without a group, those of the
// first claim.
func measureOf(objs []*claimObj, grp *groupData) measure {
	switch {
	case grp != nil:
		m := measure{kind: grp.group.Kind, unit: grp.group.Unit}
		if grp.frame != nil {
			m.frame = *grp.frame
		}
		return m
	case len(objs) > 0:
		m := measure{kind: claims.Kind(objs[0].Kind), unit: objs[0].Unit}
		if objs[0].claim != nil {
			m.frame = objs[0].claim.Frame
		}
		return m
	}
	return measure{}
}

// show writes the consensus interval in words.
func (c *consensusObj) show() string {
	v := claims.Value{Lo: c.Lo, Hi: c.Hi, LoOpen: c.LoOpen, HiOpen: c.HiOpen, Text: c.Text}
	return claims.FormatValue(v, c.measure.kind, c.measure.unit, c.measure.frame)
}

// claimList is a CEL list of claims that remembers the Go objects it holds,
// so that the list functions need not adapt every element, and the group
// it is (when it is a group's claims) so that they can share one analysis.
//
// It is a ref.Val, which lets a native struct field of this type declare
// the element type list(factcheck.Claim) to the type checker (see Type).
type claimList struct {
	traits.Lister
	objs []*claimObj
	grp  *groupData
}

// Type returns list(factcheck.Claim) for the zero value, which is what the
// native type provider asks when it declares a field of this type, and
// the plain list type otherwise, as every CEL list does at run time.
func (l *claimList) Type() ref.Type {
	if l == nil || l.Lister == nil {
		return claimListType
	}
	return l.Lister.Type()
}

func (e *environment) newClaimList(objs []*claimObj, grp *groupData) *claimList {
	return &claimList{Lister: types.NewDynamicList(e.adapter, objs), objs: objs, grp: grp}
}

// groupData is a group made ready for evaluation: its CEL objects, built
// once and shared by every rule, and its conflict analysis, computed at most
// once.
type groupData struct {
	group *claims.Group
	frame *claims.Frame // what the group's claims state alike; nil: nothing
	objs  []*claimObj
	list  *claimList
	obj   *groupObj

	once     sync.Once
	analysis *conflictAnalysis

	updOnce sync.Once
	updates *updateAnalysis

	curOnce sync.Once
	current *claimList // current(claims), with analyses of its own
}

func (e *environment) newGroupData(g *claims.Group, storySources int) *groupData {
	gd := &groupData{group: g, objs: make([]*claimObj, len(g.Claims))}
	var frame claims.Frame
	if f := claims.CommonFrame(g.Claims); !f.Empty() {
		gd.frame, frame = &f, f
	}
	backing := make([]claimObj, len(g.Claims)) // one allocation, not one per claim
	for i, c := range g.Claims {
		backing[i].set(c, i)
		gd.objs[i] = &backing[i]
	}
	gd.list = e.newClaimList(gd.objs, gd)
	gd.obj = &groupObj{Story: g.Story, Slot: g.Slot, Subject: g.Subject, Kind: string(g.Kind), Unit: g.Unit, Claims: gd.list,
		About: frame.About(g.Slot, g.Subject), StorySources: storySources}
	return gd
}

// conflictsOf returns the conflict analysis of the group's claims.
func (gd *groupData) conflictsOf() *conflictAnalysis {
	gd.once.Do(func() { gd.analysis = analyseConflicts(gd.objs) })
	return gd.analysis
}

// currentList returns current(claims) of the group, built once. It is a
// list with group data of its own, so that the conflict analysis of the
// current claims is shared by every rule too.
func (gd *groupData) currentList(e *environment) *claimList {
	gd.curOnce.Do(func() {
		sub := &groupData{group: gd.group, frame: gd.frame, objs: currentObjs(gd.objs, gd.updatesOf())}
		sub.list = e.newClaimList(sub.objs, sub)
		gd.current = sub.list
	})
	return gd.current
}

// updatesOf returns the update analysis of the group's claims.
func (gd *groupData) updatesOf() *updateAnalysis {
	gd.updOnce.Do(func() { gd.updates = analyseUpdates(gd.objs) })
	return gd.updates
}

// activation resolves the variables of a rule for one group.
type activation struct {
	g      *groupData
	params map[string]ref.Val
}

func (a *activation) ResolveName(name string) (any, bool) {
	switch name {
	case "group":
		return a.g.obj, true
	case "claims":
		return a.g.list, true
	}
	if len(name) > len(paramsPrefix) && name[:len(paramsPrefix)] == paramsPrefix {
		v, ok := a.params[name[len(paramsPrefix):]]
		return v, ok
	}
	return nil, false
}

func (a *activation) Parent() interpreter.Activation { return nil }

const paramsPrefix = "params."

// environment is the one CEL environment every rule is compiled in.
type environment struct {
	env     *cel.Env
	adapter types.Adapter
}

var (
	envOnce sync.Once
	envVal  *environment
	envErr  error
)

// celEnv returns the shared environment, building it on first use.
func celEnv() (*environment, error) {
	envOnce.Do(func() { envVal, envErr = newEnvironment() })
	return envVal, envErr
}

func newEnvironment() (*environment, error) {
	e := &environment{}
	opts := []cel.EnvOption{
		// The group and claim types are registered before the claim type so
		// that the registry maps *claimObj to factcheck.Claim; a nested
		// registration would otherwise name it after the Go type.
		ext.NativeTypes(ext.ParseStructTags(true),
			cel.NativeTypeFor[groupObj](cel.NativeTypeAlias(groupTypeName)),
			cel.NativeTypeFor[consensusObj](cel.NativeTypeAlias(consensusTypeName)),
			cel.NativeTypeFor[claimObj](cel.NativeTypeAlias(claimTypeName)),
		),
		cel.Variable("group", groupType),
		cel.Variable("claims", claimListType),
		cel.CrossTypeNumericComparisons(true),
		ext.Strings(),
		ext.Lists(),
		ext.Math(),
		ext.Sets(),
		ext.Bindings(),
	}
	opts = append(opts, e.functions()...)
	env, err := cel.NewEnv(opts...)
	if err != nil {
		return nil, fmt.Errorf("build CEL environment: %w", err)
	}
	e.env = env
	e.adapter = env.CELTypeAdapter()
	return e, nil
}

// listCost charges the list functions by the size of their list argument so
// that a cost limit stops a rule that calls them once per claim.
type listCost struct{}

func (listCost) CallCost(function, overloadID string, args []ref.Val, result ref.Val) *uint64 {
	if !listFunctions[function] || len(args) == 0 {
		return nil
	}
	l, ok := args[0].(traits.Lister)
	if !ok {
		return nil
	}
	n, _ := l.Size().(types.Int)
	c := uint64(n) + 1
	return &c
}
