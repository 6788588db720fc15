package extract

// A wordTable is the extractor's table of known lower-case words, what
// each token of every document is looked up in: open addressing over a
// power-of-two array at most a quarter full, with a hash of a word's first
// and last eight bytes. It answers in a probe or two, without the general
// map's overhead. It is read-only once built.
type wordTable struct {
	slots []wordSlot
	mask  uint32
}

type wordSlot struct {
	hash uint32
	info *wordInfo // nil: empty
}

func newWordTable(words map[string]*wordInfo) *wordTable {
	n := 16
	for n < 4*len(words) {
		n <<= 1
	}
	t := &wordTable{slots: make([]wordSlot, n), mask: uint32(n - 1)}
	for w, wi := range words {
		h := wordHash(w)
		i := h & t.mask
		for t.slots[i].info != nil {
			i = (i + 1) & t.mask
		}
		t.slots[i] = wordSlot{hash: h, info: wi}
	}
	return t
}

// get returns what the lower-case word w is, or nil.
func (t *wordTable) get(w string) *wordInfo {
	h := wordHash(w)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s.info == nil {
			return nil
		}
		if s.hash == h && s.info.word == w {
			return s.info
		}
	}
}

// getBytes is get for a word being built.
func (t *wordTable) getBytes(w []byte) *wordInfo {
	h := wordHash(w)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s.info == nil {
			return nil
		}
		if s.hash == h && s.info.word == string(w) {
			return s.info
		}
	}
}

// wordHash hashes w's length and its first and last eight bytes.
func wordHash[S string | []byte](w S) uint32 {
	n := len(w)
	var a, b uint64
	if n >= 8 {
		a = le64(w[:8])
		b = le64(w[n-8:])
	} else {
		for i := 0; i < n; i++ {
			a |= uint64(w[i]) << (8 * i)
		}
	}
	x := (a ^ b<<7 ^ uint64(n)) * 0x9E3779B97F4A7C15
	x ^= x >> 29
	return uint32(x >> 32)
}

// le64 reads the first eight bytes of s, little-endian.
func le64[S string | []byte](s S) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}
