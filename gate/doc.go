// Package gate is the comparability gate: it decides which claims of one
// story state the same fact, and so which are compared at all.
//
// A rule can only be as right as the groups it is given. Two figures that
// share a slot name may still be different facts (one candidate's share
// and the other's, a weekly and an annual wage, a part and its total, the
// previous record and the new one), and two that do not may be the same
// one. The gate looks at what each figure is of, its claims.Frame, and at
// the words around it, and scores every pair of candidate claims with a
// small logistic regression whose weights are fit on labelled pairs. It
// imports only package claims and the standard library.
//
// # Hard rules
//
// Some pairs are never compared, whatever the features say (Comparable):
// claims of different stories; of different dimensions (Frame.Dimension
// when both frames give one, else the claim's Kind); a date or time only
// with a date or time; money only in one currency, unless a Rate the
// texts themselves give converts between the two (the hook is Model.Rate;
// nothing sets it yet); text values only about one subject (the subject of
// a text value is whose it is: Russia voted against, Bolivia too); and,
// when the frames give no dimension, physical measures only in one unit
// (metres never with tonnes).
//
// # Features
//
// Every other pair of claims of the same kind in a story is scored. The
// features are read off the two claims, each 0 when the claims do not
// say (a part of the frame that neither, or only one, gives is not a
// disagreement, except where a feature says so). Priors are the weights
// the fit starts from and is drawn to (an L2 pull of strength
// FitOptions.L2): they matter only where the labelled pairs say little
// about a feature, as for frame parts extraction does not fill in yet,
// and say what is plainly general (a part is not its total, a weekly wage
// is not an annual one). Bounds limit what the fit may make of a
// feature.
//
//	feature                  value 1 (or the share, from 0 to 1) when        prior  bound
//	key_equal                same slot and same subject: the legacy key         0
//	slot_equal               same slot                                          0
//	key_one_value            same slot, subject and frame key (role, owner,     0
//	                         rate, what is counted), and each source gives one
//	                         value under them: the key names one fact in each
//	slot_one_value           the same for the slot and frame key alone          0
//	slot_conflict            both have a slot and they differ                   0
//	slot_open                one or both have no slot (an open figure)          0
//	subject_overlap          subjects differ but share a word (neither holds    0
//	                         all the other's)
//	subject_conflict         both have a subject, sharing no word               0
//	subject_one              only one has a subject                             0
//	subject_name_conflict    both subjects are names (capitalised), sharing    -1
//	                         no word: whose figure it is differs
//	unit_equal               the same unit as written (Frame.Unit, else Unit)   0
//	unit_conflict            both give a unit and they differ                   0
//	counts_equal             what is counted is the same (Frame.Counts; one    +1
//	                         holding all the other's words is the same)
//	counts_overlap           … shares a word                                 +0.5
//	counts_conflict          … shares none                                     -4
//	counts_one               only one says what it counts                    -0.5
//	owner_equal              the same owner (Frame.Owner)                      +1
//	owner_conflict           different owners                                  -6
//	owner_one                only one names an owner                         -0.5
//	role_equal               the same role other than a total (Frame.Role)   +0.5
//	role_part                one is a part of a total, the other not           -6
//	role_reference           one is a previous or reference value, the         -6
//	                         other not
//	role_forecast            one is a forecast, the other not                  -6
//	role_change              one is a change or an increment, the other a      -6
//	                         level
//	role_estimate            one is an estimate by a named body, the other     -2
//	                         not
//	per_equal                the same rate period (Frame.Per)                +0.5
//	per_conflict             different periods (a week, a year)                -6
//	per_one                  only one is a rate                                -3
//	basis_conflict           gross against net (Frame.Basis)                   -4
//	event_equal              the same event (Frame.Event)                    +0.5
//	event_conflict           different events                                  -3
//	place_equal              the same place (Frame.Place)                    +0.5
//	place_conflict           different places                                  -3
//	time_equal               the same day, month or year (Frame.Time, else   +0.5
//	                         AsOf; "2016" agrees with "2016-08")
//	time_conflict            different days, months or years                   -3
//	same_source              both from one source                               0
//	same_sentence            both from one sentence of one source, same slot    0
//	                         and subject (a figure read twice)
//	same_sentence_other_key  both from one sentence, another slot or subject    0
//	context_overlap          Dice share of the content words (more than three   0
//	                         letters) within ten words of the two figures, in
//	                         two sources
//	context_same             share of the three words either side of the        0
//	                         figures that are the same, in two sources (a
//	                         copied wire)
//	attribution_equal        both attributed, to speakers sharing a word        0
//	attribution_conflict     both attributed, to speakers sharing none          0
//	magnitude                |log2| of the ratio of the values, capped at 1     0   [-2, 0]
//	                         (one value twice the other, or more)
//	magnitude_far            the values are ten times apart or more             0   [-inf, 0]
//	date_gap                 years between two dates, capped at 1               0   [-2, 0]
//	generic                  share of the two whose frame gives a dimension    -1
//	                         but no counts, owner, event or place ("$3
//	                         billion")
//	kind_count …             both are of that kind (count, money, duration,     0
//	kind_text                percent, measure, ordinal, date, text): the base
//	                         rate of each kind
//
// The value features are bounded so that two sources that disagree are
// still compared: values twice or more apart cost at most 2 in log-odds.
// The words around the figure are evidence, never enough alone: the fit
// decides how much, and the legacy key (today's grouping by equal slot
// and subject, with key_one_value and slot_one_value) stays the strongest
// evidence while frames are mostly empty. A conflict of frame parts both
// frames state (owners, roles, periods) has a prior that outweighs the
// key: two figures are the same fact only when their frames agree on what
// both say, unless labelled pairs show otherwise.
//
// # Weights and thresholds
//
// weights.json, embedded in the binary, lists the features it was fit
// for, their weights and the bias, and two thresholds: Link, the pair
// probability at which claims are grouped, and Alarm, the confidence a
// group needs for a finding at warning or error (below it a finding is
// info at most). A file fit for other features than the code computes is
// refused. `make train` (cmd/factcheck-train) rebuilds it from the tune
// half of testdata/gold, byte for byte the same every run: Fit runs a
// fixed number of damped Newton steps over the pairs in a fixed order.
// When extraction fills in more of the frames, retraining is that one
// command.
//
// # Groups
//
// Model.Group scores every candidate pair of a story, joins claims whose
// pairs reach Link into components, and within each merges by average
// linkage (the two groups whose mean pair probability is highest, while
// it reaches Link), so that a chain of strong pairs does not join two
// different facts. Each group carries a Confidence, the mean probability
// of its cross-source pairs leaving out the value features (a
// disagreement must not lower the confidence its own finding needs), and
// a key (slot and subject) for display. A story with more than a
// thousand claims of one kind is split by slot, then by slot and
// subject, so that time stays linear in the number of claims.
//
// Model.Explain says, for two claims, both frames, the hard rule that
// keeps them apart or every feature's value and contribution, the
// probability and the decision.
package gate
