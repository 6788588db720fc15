// Package draft answers an editor's question about a story before it is
// published: for each figure of the draft, do the sources support it,
// contradict it, not state it at all, or state it more precisely or more
// recently? It also finds sources that are copies of one another (a wire
// story republished by several sites), so that a figure is not counted as
// confirmed three times when one agency wrote it once.
//
// It sees claims and documents only (package claims); extraction and the
// command line are elsewhere.
package draft
