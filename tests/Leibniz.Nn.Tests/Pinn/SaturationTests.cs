namespace Leibniz.Nn.Tests.Pinn;

/// <summary>
/// Activation derivatives in the tails, where the activation rounds to its asymptote and the forms 1 − tanh² and
/// σ(1 − σ) cancel to 0, against closed forms evaluated in double: the SiLU and softplus jets relatively (their
/// complement comes free), the tanh and sigmoid jets and the graph form of gradients taken with createGraph to the
/// rounding unit absolutely (they keep the cheap forms for speed; the first-order kernels are relatively accurate).
/// </summary>
public sealed class SaturationTests
{
    private static double Sigma(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    // σ′ = e^{−|z|}/(1 + e^{−|z|})², σ″ = σ′·(1 − 2σ) = −σ′·tanh(z/2), σ‴ = σ′·(1 − 6σ′).
    private static (double D1, double D2, double D3) Logistic(double z)
    {
        var e = Math.Exp(-Math.Abs(z));
        var d1 = e / ((1 + e) * (1 + e));
        return (d1, -d1 * Math.Tanh(z / 2), d1 * (1 - 6 * d1));
    }

    private static (double D1, double D2, double D3) Exact(string rule, double z)
    {
        var (s1, s2, s3) = Logistic(z);
        switch (rule)
        {
            case "tanh":
                var sech = 1 / Math.Cosh(z);
                var t = Math.Tanh(z);
                return (sech * sech, -2 * t * sech * sech, sech * sech * (6 * t * t - 2));
            case "sigmoid":
                return (s1, s2, s3);
            case "silu":
                return (Sigma(z) + z * s1, 2 * s1 + z * s2, 3 * s2 + z * s3);
            default:
                return (Sigma(z), s1, s2);
        }
    }

    private static TaylorRule Rule(string name) => name switch
    {
        "tanh" => TaylorRule.Tanh,
        "sigmoid" => TaylorRule.Sigmoid,
        "silu" => TaylorRule.Silu,
        _ => TaylorRule.Softplus(beta: 1, threshold: 80),
    };

    public static TheoryData<string, bool> Rules => new() { { "tanh", false }, { "sigmoid", false }, { "silu", true }, { "softplus", true } };

    [Theory]
    [MemberData(nameof(Rules))]
    public void TaylorRuleDerivativesStayAccurateInTheTails(string name, bool relative)
    {
        double[] z = [-40, -30, -20, -12, -0.0, 0, 12, 20, 30, 40];
        var (a, d1, d2, d3) = (new double[z.Length], new double[z.Length], new double[z.Length], new double[z.Length]);
        Rule(name).Value<double>(z, a);
        Rule(name).Derivatives<double>(z, a, d1, d2, d3);
        float[] single = [-30, -20, -12, 12, 20, 30];
        var (af, d1f, d2f, d3f) = (new float[single.Length], new float[single.Length], new float[single.Length], new float[single.Length]);
        Rule(name).Value<float>(single, af);
        Rule(name).Derivatives<float>(single, af, d1f, d2f, d3f);
        for (var i = 0; i < z.Length; i++)
        {
            var (e1, e2, e3) = Exact(name, z[i]);
            Close(e1, d1[i], 1e-12, $"{name}′({z[i]})", relative ? 0 : 2e-16);
            Close(e2, d2[i], 1e-12, $"{name}″({z[i]})", relative ? 0 : 4e-16);
            Close(e3, d3[i], 1e-12, $"{name}‴({z[i]})", relative ? 0 : 4e-16);
        }

        for (var i = 0; i < single.Length; i++)
        {
            var (e1, e2, e3) = Exact(name, single[i]);
            Close(e1, d1f[i], 1e-5, $"float32 {name}′({single[i]})", relative ? 0 : 1.2e-7);
            Close(e2, d2f[i], 1e-5, $"float32 {name}″({single[i]})", relative ? 0 : 2.4e-7);
            Close(e3, d3f[i], 1e-5, $"float32 {name}‴({single[i]})", relative ? 0 : 2.4e-7);
        }
    }

    [Fact]
    public void NestedGraphGradientsOfTanhAndSigmoidAreExactToTheRoundingUnit()
    {
        double[] z = [-40, -20, -0.5, 0, 0.5, 20, 40];
        var x = Tensor.FromArray(z, DType.Float64).RequireGrad();
        var tanh = Autograd.Grad(x.Tanh().Sum(), x, createGraph: true).ToArray();
        var sigmoid = Autograd.Grad(x.Sigmoid().Sum(), x, createGraph: true).ToArray();
        var first = Autograd.Grad(x.Tanh().Sum(), x, createGraph: true);
        var secondGraph = Autograd.Grad(first.Sum(), x, createGraph: true);
        var second = secondGraph.ToArray();
        var third = Autograd.Grad(secondGraph.Sum(), x).ToArray();
        for (var i = 0; i < z.Length; i++)
        {
            Close(Exact("tanh", z[i]).D1, tanh[i], 1e-14, $"tanh′({z[i]})", 2e-16);
            Close(Exact("sigmoid", z[i]).D1, sigmoid[i], 1e-14, $"σ′({z[i]})", 2e-16);
            Close(Exact("tanh", z[i]).D2, second[i], 1e-13, $"tanh″({z[i]})", 4e-16);
            Close(Exact("tanh", z[i]).D3, third[i], 1e-13, $"tanh‴({z[i]})", 8e-16);
        }
    }

    private static void Close(double expected, double actual, double tolerance, string what, double absolute = 0) =>
        Assert.True(expected.Equals(actual) || Math.Abs(expected - actual) <= tolerance * Math.Abs(expected) + absolute + 1e-300,
            $"{what}: {actual:R}, exact {expected:R}");
}
