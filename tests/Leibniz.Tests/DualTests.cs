namespace Leibniz.Tests;

public sealed class DualTests
{
    [Fact]
    public void ComparisonsLookAtTheValueOnly()
    {
        var (a, b) = (new Dual(1, 2), new Dual(1, 3));
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals(b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(0, a.CompareTo(b));
        Assert.True(new Dual(0, 9) < a && a <= b && b >= a && new Dual(2, -1) > b);
        Assert.True(Dual.Variable(2) == 2.0);

        var tape = new Tape();
        var (x, y) = (tape.Variable(1), (Var)1.0);
        Assert.True(x == y && x <= y && x.Equals(y) && x.CompareTo(y) == 0);
    }

    [Fact]
    public void MinAndMaxReturnOneArgumentWhole()
    {
        var (small, large) = (new Dual(1, 10), new Dual(2, 20));
        Assert.Equal(10, Dual.Min(small, large).Tangent);
        Assert.Equal(20, Dual.Max(small, large).Tangent);
        Assert.Equal(20, Dual.Min(new Dual(2, 20), new Dual(2, 30)).Tangent);
        Assert.True(double.IsNaN(Dual.Max(small, double.NaN).Value));
        Assert.True(double.IsNaN(Dual.Min(double.NaN, small).Value));
    }

    [Fact]
    public void DerivativeAndGradientConveniences()
    {
        var (value, derivative) = Dual.Derivative(x => x * Dual.Exp(x), 1.0);
        Assert.Equal(Math.E, value);
        Assert.Equal(2 * Math.E, derivative, 15);

        // More coordinates than fit on the stack: the pooled buffer path.
        var point = Enumerable.Range(1, 40).Select(i => i * 0.1).ToArray();
        var (sum, gradient) = Dual.Gradient(
            x =>
            {
                Dual total = 0.0;
                for (var i = 0; i < x.Length; i++)
                {
                    total += x[i] * x[i];
                }

                return total;
            },
            point);
        Assert.Equal(point.Sum(p => p * p), sum, 12);
        Assert.Equal(point.Select(p => 2 * p), gradient);
    }

    [Fact]
    public void MixedOperatorsWithDoubleFollowTheRules()
    {
        var x = Dual.Variable(3);
        Assert.Equal(new[] { 5.0, 1.0 }, Parts(x + 2));
        Assert.Equal(new[] { 5.0, 1.0 }, Parts(2 + x));
        Assert.Equal(new[] { 1.0, 1.0 }, Parts(x - 2));
        Assert.Equal(new[] { -1.0, -1.0 }, Parts(2 - x));
        Assert.Equal(new[] { 6.0, 2.0 }, Parts(x * 2));
        Assert.Equal(new[] { 6.0, 2.0 }, Parts(2 * x));
        Assert.Equal(new[] { 1.5, 0.5 }, Parts(x / 2));
        Assert.Equal(new[] { 2.0, -6.0 / 9 }, Parts(6 / x));
        Assert.Equal(new[] { -3.0, -1.0 }, Parts(-x));
        Assert.Equal(new[] { 4.0, 1.0 }, Parts(++x));
        Assert.Equal(new[] { 3.0, 1.0 }, Parts(--x));
        Assert.Equal(new[] { 3.0, 1.0 }, Parts(+x));
    }

    private static double[] Parts(Dual d) => [d.Value, d.Tangent];
}
