namespace Leibniz.Generator.Tests.Fuzz;

/// <summary>The body shape of a fuzzed method.</summary>
internal enum FuzzShape
{
    /// <summary><c>=> A</c>.</summary>
    Expression,

    /// <summary>A local, an if/else statement and compound assignments.</summary>
    IfElse,

    /// <summary>Two locals, nested ifs, an else-if chain and an early return inside a nested branch.</summary>
    NestedWithEarlyReturn,
}

/// <summary>One fuzzed method: its C# text and its evaluation on <see cref="Dual"/> (the independent reference).</summary>
internal sealed record FuzzCase(int Index, FuzzShape Shape, Expr A, Expr B, Expr C)
{
    public string Name => "M" + Index;

    public string ToCSharp() => Shape switch
    {
        FuzzShape.Expression => $"    [Differentiable] public static double {Name}(double x, double y) => {A.ToCSharp()};\n",
        FuzzShape.IfElse => $$"""
                [Differentiable]
                public static double {{Name}}(double x, double y)
                {
                    double r = {{A.ToCSharp()}};
                    if (r > {{B.ToCSharp()}})
                    {
                        r += {{C.ToCSharp()}};
                    }
                    else
                    {
                        r *= 0.5;
                    }

                    return r * y;
                }

            """,
        _ => $$"""
                [Differentiable]
                public static double {{Name}}(double x, double y)
                {
                    double r = {{A.ToCSharp()}};
                    double s = {{B.ToCSharp()}};
                    if (r < s)
                    {
                        s = s * r + {{C.ToCSharp()}};
                        if (s > 0.5)
                        {
                            return s * y;
                        }
                    }
                    else if (r > 1.5)
                    {
                        r -= s;
                    }

                    return r * s + x;
                }

            """,
    };

    public Dual Evaluate(Dual x, Dual y)
    {
        var r = A.Evaluate(x, y);
        switch (Shape)
        {
            case FuzzShape.Expression:
                return r;
            case FuzzShape.IfElse:
                r = r.Value > B.Evaluate(x, y).Value ? r + C.Evaluate(x, y) : r * 0.5;
                return r * y;
            default:
                var s = B.Evaluate(x, y);
                if (r.Value < s.Value)
                {
                    s = s * r + C.Evaluate(x, y);
                    if (s.Value > 0.5)
                    {
                        return s * y;
                    }
                }
                else if (r.Value > 1.5)
                {
                    r -= s;
                }

                return r * s + x;
        }
    }
}
