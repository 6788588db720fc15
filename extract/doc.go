// Package extract reads articles and the claims they make.
//
// Load (and Each, which hands over each document as soon as it is read)
// turns files, directories and standard input into claims.Documents:
// plain text and Markdown as they are, HTML reduced to its visible text
// (every span still points into the HTML), and JSONL feeds of one article
// per line, whose records' ids are the documents' sources and whose
// "story" fields keep stories apart. Bad input is an *InputError naming
// the file and, where there is one, the line and column.
//
// An Extractor reads claims with a slot lexicon (lexicon.yaml, extended by
// the user's files): a byte scanner splits the text into tokens, then
// sentences; quantities and dates are parsed where they stand; the
// lexicon's trigger words and nouns give each figure its slot, and the
// sentence, the document and its story its subject. Run reads a set of
// documents on all cores; its result does not depend on their number. A
// Stream reads a feed a batch at a time, holding one batch in memory.
package extract
