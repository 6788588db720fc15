package extract

import (
	"math/big"
	"math/bits"
	"strconv"
	"strings"
)

// Exact unit conversion: a factor and an offset as fractions, applied in
// integer arithmetic when they fit in 53 bits.

// decimalParts splits v's shortest decimal form into mant × 10^exp.
func decimalParts(v float64) (mant, exp int64, ok bool) {
	var buf [32]byte
	b := strconv.AppendFloat(buf[:0], v, 'e', -1, 64) // "-4.5359237e+00"
	neg := false
	if len(b) > 0 && b[0] == '-' {
		neg, b = true, b[1:]
	}
	e := -1
	for i, c := range b {
		if c == 'e' {
			e = i
			break
		}
	}
	if e < 0 {
		return 0, 0, false
	}
	digits := 0
	for _, c := range b[:e] {
		if c == '.' {
			continue
		}
		if digits >= 17 {
			return 0, 0, false
		}
		mant = mant*10 + int64(c-'0')
		digits++
	}
	x, err := strconv.Atoi(string(b[e+1:]))
	if err != nil {
		return 0, 0, false
	}
	if neg {
		mant = -mant
	}
	return mant, int64(x - (digits - 1)), true
}

// intConvert converts v, as its shortest decimal a × 10^e, with integers:
// (a×10^e + on/od) × fn/fd, one division at the end; ok is false when a
// product does not fit in 53 bits.
func (u *unitDef) intConvert(v float64) (float64, bool) {
	a, e, ok := decimalParts(v)
	if !ok || e > 15 || e < -15 {
		return 0, false
	}
	// v = num/den
	num, den := a, int64(1)
	if e >= 0 {
		if num, ok = mul53(a, int64(pow10[e])); !ok {
			return 0, false
		}
	} else {
		den = int64(pow10[-e])
	}
	if u.on != 0 { // num/den + on/od
		x, ok1 := mul53(num, u.od)
		y, ok2 := mul53(u.on, den)
		d, ok3 := mul53(den, u.od)
		if !ok1 || !ok2 || !ok3 {
			return 0, false
		}
		num, den = x+y, d
	}
	n, ok1 := mul53(num, u.fn)
	d, ok2 := mul53(den, u.fd)
	if !ok1 || !ok2 {
		return 0, false
	}
	return float64(n) / float64(d), true
}

// mul53 multiplies a and b, ok while the product's magnitude is below
// 2^53 (a float64 holds it exactly).
func mul53(a, b int64) (int64, bool) {
	hi, lo := bits.Mul64(uint64(absInt(a)), uint64(absInt(b)))
	if hi != 0 || lo >= 1<<53 {
		return 0, false
	}
	p := int64(lo)
	if (a < 0) != (b < 0) {
		p = -p
	}
	return p, true
}

func absInt(a int64) int64 {
	if a < 0 {
		return -a
	}
	return a
}

// intFraction gives a factor and an offset as fractions of int64s, when
// they fit in 53 bits.
func intFraction(factor, off *big.Rat) (fn, fd, on, od int64, ok bool) {
	small := func(r *big.Rat) (int64, int64, bool) {
		if r == nil {
			return 0, 1, true
		}
		n, d := r.Num(), r.Denom()
		if n.BitLen() > 53 || d.BitLen() > 53 {
			return 0, 0, false
		}
		return n.Int64(), d.Int64(), true
	}
	if factor == nil {
		return 0, 0, 0, 0, false
	}
	fn, fd, ok1 := small(factor)
	on, od, ok2 := small(off)
	return fn, fd, on, od, ok1 && ok2
}

// exactRatio reads a factor as an exact fraction ("1609.344", "5/9"); a
// factor written otherwise than in plain decimals has none.
func exactRatio(s string) *big.Rat {
	if len(s) > 40 || strings.Trim(s, "0123456789./ -") != "" {
		return nil
	}
	a, b, frac := strings.Cut(strings.TrimSpace(s), "/")
	n, ok := new(big.Rat).SetString(strings.TrimSpace(a))
	if !ok {
		return nil
	}
	if frac {
		d, ok := new(big.Rat).SetString(strings.TrimSpace(b))
		if !ok || d.Sign() == 0 {
			return nil
		}
		n.Quo(n, d)
	}
	return n
}

// ratio reads a factor: a number or a fraction "5/9".
func ratio(s string) (num, den float64, ok bool) {
	a, b, frac := strings.Cut(strings.TrimSpace(s), "/")
	n, err := strconv.ParseFloat(strings.TrimSpace(a), 64)
	if err != nil {
		return 0, 0, false
	}
	if !frac {
		return n, 1, true
	}
	d, err := strconv.ParseFloat(strings.TrimSpace(b), 64)
	if err != nil || d == 0 {
		return 0, 0, false
	}
	return n, d, true
}
