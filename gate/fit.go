package gate

import (
	"errors"
	"fmt"
	"math"
)

// FitOptions control Fit.
type FitOptions struct {
	// L2 is the strength of the pull of each weight towards its feature's
	// prior (a Gaussian prior of variance 1/L2). The bias is pulled
	// towards 0 a hundred times more weakly.
	L2 float64
	// Iterations is the number of Newton steps; the fit runs all of them.
	Iterations int
}

// DefaultFit is what `make train` fits with.
var DefaultFit = FitOptions{L2: 1, Iterations: 40}

// A Pair is one labelled pair of claims for Fit: its features (as
// Model.Features gives them) and whether the two state the same fact.
type Pair struct {
	X    []float64
	Same bool
}

// Fit fits a logistic regression to pairs: the weights that minimise the
// pairs' log loss plus L2/2 times the squared distance of each weight from
// its feature's prior, with each weight kept within its feature's bounds.
// It runs a fixed number of damped Newton steps from the priors, over the
// pairs in their order, so the same pairs give the same weights, to the
// bit, every run. The thresholds of the returned model are zero: they are
// chosen from the data by the caller.
func Fit(pairs []Pair, opt FitOptions) (*Model, error) {
	if opt.L2 <= 0 || opt.Iterations <= 0 {
		return nil, errors.New("fit: L2 and Iterations must be positive")
	}
	d := len(features) + 1 // the bias first
	for i, p := range pairs {
		if len(p.X) != len(features) {
			return nil, fmt.Errorf("fit: pair %d has %d features, want %d", i, len(p.X), len(features))
		}
	}
	prior := make([]float64, d)
	lo, hi := make([]float64, d), make([]float64, d)
	reg := make([]float64, d)
	lo[0], hi[0], reg[0] = math.Inf(-1), math.Inf(1), opt.L2/100
	for j, f := range features {
		prior[j+1], lo[j+1], hi[j+1], reg[j+1] = f.Prior, f.Lo, f.Hi, opt.L2
	}
	theta := make([]float64, d)
	for j := range theta {
		theta[j] = clamp(prior[j], lo[j], hi[j])
	}
	loss := func(th []float64) float64 {
		s := 0.0
		for _, p := range pairs {
			z := dotBias(th, p.X)
			s += softplus(z)
			if p.Same {
				s -= z
			}
		}
		for j := range th {
			s += reg[j] / 2 * (th[j] - prior[j]) * (th[j] - prior[j])
		}
		return s
	}
	g := make([]float64, d)
	h := make([]float64, d*d)
	next := make([]float64, d)
	cur := loss(theta)
	for range opt.Iterations {
		clear(g)
		clear(h)
		for _, p := range pairs {
			q := sigmoid(dotBias(theta, p.X))
			r := q
			if p.Same {
				r -= 1
			}
			wq := q * (1 - q)
			for j := range d {
				xj := xAt(p.X, j)
				if xj == 0 {
					continue
				}
				g[j] += r * xj
				for k := j; k < d; k++ {
					if xk := xAt(p.X, k); xk != 0 {
						h[j*d+k] += wq * xj * xk
					}
				}
			}
		}
		for j := range d {
			g[j] += reg[j] * (theta[j] - prior[j])
			h[j*d+j] += reg[j]
			for k := range j {
				h[j*d+k] = h[k*d+j]
			}
		}
		// Weights held at a bound the gradient pushes them past stay
		// there; Newton's step is taken in the others.
		var free []int
		for j := range d {
			if (theta[j] <= lo[j] && g[j] > 0) || (theta[j] >= hi[j] && g[j] < 0) {
				continue
			}
			free = append(free, j)
		}
		step, ok := newtonStep(h, g, d, free)
		if !ok {
			break
		}
		// Halve the step until the loss does not rise.
		improved := false
		for t := 1.0; t > 1e-6; t /= 2 {
			for j := range d {
				next[j] = clamp(theta[j]-t*step[j], lo[j], hi[j])
			}
			if l := loss(next); l <= cur {
				copy(theta, next)
				cur = l
				improved = true
				break
			}
		}
		if !improved {
			break
		}
	}
	m := &Model{Bias: theta[0], Weights: append([]float64(nil), theta[1:]...)}
	return m, nil
}

func xAt(x []float64, j int) float64 {
	if j == 0 {
		return 1
	}
	return x[j-1]
}

func dotBias(th, x []float64) float64 {
	z := th[0]
	for i, v := range x {
		z += th[i+1] * v
	}
	return z
}

func softplus(z float64) float64 {
	if z > 0 {
		return z + math.Log1p(math.Exp(-z))
	}
	return math.Log1p(math.Exp(z))
}

func clamp(x, lo, hi float64) float64 { return min(max(x, lo), hi) }

// newtonStep solves H[free,free] s = g[free] by Cholesky decomposition and
// returns s (zero outside free); ok is false when H is not positive
// definite there.
func newtonStep(h, g []float64, d int, free []int) ([]float64, bool) {
	n := len(free)
	a := make([]float64, n*n)
	for i, fi := range free {
		for j, fj := range free {
			a[i*n+j] = h[fi*d+fj]
		}
	}
	// a = L Lᵀ, L stored in the lower triangle.
	for j := range n {
		s := a[j*n+j]
		for k := range j {
			s -= a[j*n+k] * a[j*n+k]
		}
		if s <= 0 {
			return nil, false
		}
		a[j*n+j] = math.Sqrt(s)
		for i := j + 1; i < n; i++ {
			t := a[i*n+j]
			for k := range j {
				t -= a[i*n+k] * a[j*n+k]
			}
			a[i*n+j] = t / a[j*n+j]
		}
	}
	y := make([]float64, n)
	for i := range n {
		t := g[free[i]]
		for k := range i {
			t -= a[i*n+k] * y[k]
		}
		y[i] = t / a[i*n+i]
	}
	s := make([]float64, n)
	for i := n - 1; i >= 0; i-- {
		t := y[i]
		for k := i + 1; k < n; k++ {
			t -= a[k*n+i] * s[k]
		}
		s[i] = t / a[i*n+i]
	}
	out := make([]float64, d)
	for i, fi := range free {
		out[fi] = s[i]
	}
	return out, true
}
