using Onnx;

namespace Leibniz.Nn;

/// <content>The multi-node activation patterns: Softplus with β or a threshold, SiLU, Sign.</content>
internal sealed partial class OnnxGraphReader
{
    /// <summary>Div(Softplus(Mul(x, β)), β): torch's export of nn.Softplus(beta) and ours for an infinite threshold.</summary>
    private (double Beta, string Input, string Scaled)? ScaledSoftplus(NodeProto div)
    {
        if (Producer(div.Input[0], "Softplus") is not { } softplus || Producer(softplus.Input[0], "Mul") is not { } mul
            || ScalarOf(div.Input[1]) is not { } beta)
        {
            return null;
        }

        var input = ScalarOf(mul.Input[1]) == beta ? mul.Input[0] : ScalarOf(mul.Input[0]) == beta ? mul.Input[1] : null;
        if (input is null)
        {
            return null;
        }

        Use(softplus);
        Use(mul);
        return (beta, input, mul.Output[0]);
    }

    /// <summary>Where(Greater(βx, threshold), x, softplus(βx)/β): the exporter's Softplus with a finite threshold.</summary>
    private (Module, string) ThresholdedSoftplus(NodeProto where)
    {
        var x = where.Input[1];
        var smooth = where.Input[2];
        if (Producer(where.Input[0], "Greater") is { } greater && ScalarOf(greater.Input[1]) is { } threshold)
        {
            if (Producer(smooth, "Softplus") is { } softplus && softplus.Input[0] == x && greater.Input[0] == x)
            {
                Use(greater);
                Use(softplus);
                return (new Softplus(1, threshold), x);
            }

            if (Producer(smooth, "Div") is { } div && ScaledSoftplus(div) is { } scaled && scaled.Input == x && greater.Input[0] == scaled.Scaled)
            {
                Use(greater);
                Use(div);
                return (new Softplus(scaled.Beta, threshold), x);
            }
        }

        throw Unsupported(where, "only the pattern Where(Greater(βx, threshold), x, Softplus(βx)/β) is a layer (Softplus with a threshold).");
    }

    /// <summary>x·σ(x), the SiLU pattern.</summary>
    private string SiluInput(NodeProto mul)
    {
        foreach (var (sigmoidSide, other) in new[] { (0, 1), (1, 0) })
        {
            if (Producer(mul.Input[sigmoidSide], "Sigmoid") is { } sigmoid && sigmoid.Input[0] == mul.Input[other])
            {
                Use(sigmoid);
                return mul.Input[other];
            }
        }

        throw Unsupported(mul, "only x·Sigmoid(x) (SiLU) is a layer.");
    }

    /// <summary>Cast(x &gt; 0) − Cast(x &lt; 0), the exporter's Sign.</summary>
    private string? SignInput(NodeProto sub)
    {
        if (Producer(sub.Input[0], "Cast") is { } positive && Producer(sub.Input[1], "Cast") is { } negative
            && Producer(positive.Input[0], "Greater") is { } greater && Producer(negative.Input[0], "Less") is { } less
            && greater.Input[0] == less.Input[0] && IsZero(greater.Input[1]) && IsZero(less.Input[1]))
        {
            foreach (var node in new[] { positive, negative, greater, less })
            {
                Use(node);
            }

            return greater.Input[0];
        }

        return null;
    }
}
