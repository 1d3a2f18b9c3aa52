namespace Leibniz;

/// <summary>Where a finite-difference stencil samples the function relative to the point x.</summary>
public enum DifferenceScheme
{
    /// <summary>Samples at x − kh and x + kh, symmetrically: O(h²) or O(h⁴).</summary>
    Central,

    /// <summary>Samples at x, x + h, x + 2h, …: O(h) or O(h²). Useful at the left end of a domain.</summary>
    Forward,

    /// <summary>Samples at x, x − h, x − 2h, …: O(h) or O(h²). Useful at the right end of a domain.</summary>
    Backward,
}
