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

    /// <summary>A counted loop carrying two values through a nonlinear recurrence and a branch.</summary>
    Loop,

    /// <summary>
    /// After a guard clause, a local array filled by a loop counting down, updated in place, then read by a loop
    /// stepping by two.
    /// </summary>
    LocalArray,

    /// <summary>Two accumulators in one loop, whose adjoints (a parameter, a constant) are known before it.</summary>
    Accumulator,

    /// <summary>
    /// A span parameter v and a scalar y, called with v = (x, x/2 + y, x·y): a recurrence over v's elements. The
    /// harness maps the span gradient back to ∂/∂x and ∂/∂y by the chain rule.
    /// </summary>
    SpanParameter,

    /// <summary>
    /// A counted loop whose body branches into a counted recurrence or a while loop, so loops sit inside an if
    /// inside a loop.
    /// </summary>
    BranchedInnerLoops,

    /// <summary>
    /// Span parameters v and u and a scalar y, both spans called with (x, x/2 + y, x·y) as in <see cref="SpanParameter"/>:
    /// a local array filled from x and y is passed to a [Differentiable] span helper (with its own random expression)
    /// inside a taped loop, v to the same helper after it, and u, used nowhere else, too (its gradient is written
    /// straight into the caller's span).
    /// </summary>
    SpanCall,

    /// <summary>
    /// A record struct parameter p = (x, y) (<see cref="FuzzCase.StructSource"/>): its fields read, a struct built from random
    /// expressions, the struct's own operator and method (inlined by the generator); the gradient is a struct.
    /// </summary>
    Struct,

    /// <summary>
    /// Integer state: a counter incremented under a branch and divided by, a running index stepped by two (an
    /// induction variable), a loop header written <c>i + 1 &lt; 5</c>, and a while loop with an iteration cap beside a
    /// data condition.
    /// </summary>
    IntegerState,

    /// <summary>
    /// A 2-D array parameter g and a scalar y, called with g = [[x, x/2 + y], [x·y, y]]: a recurrence over g's elements
    /// bounded by GetLength. The harness maps the gradient array back to ∂/∂x and ∂/∂y by the chain rule.
    /// </summary>
    Grid,
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
        FuzzShape.IntegerState => $$"""
                [Differentiable]
                public static double {{Name}}(double x, double y)
                {
                    double r = {{A.ToCSharp()}};
                    double s = y;
                    int k = 0;
                    int idx = 1;
                    for (int i = 0; i + 1 < 5; i++)
                    {
                        if (r > s)
                        {
                            k++;
                            s = s * 0.9 + ({{C.ToCSharp()}}) * 0.1 * idx;
                        }
                        else
                        {
                            r -= 0.1 * s * k;
                        }

                        r = 0.5 * r + 0.25 * ({{B.ToCSharp()}}) * Math.Sin(r) / (1 + k);
                        idx += 2;
                    }

                    int n = 0;
                    while (n < 3 && s < 40)
                    {
                        s = s * 1.5 + 0.1 * r;
                        n++;
                    }

                    return r * s + x * k + n;
                }

            """,
        FuzzShape.Grid => $$"""
                [Differentiable]
                public static double {{Name}}(double[,] g, double y)
                {
                    double x = g[0, 0];
                    double s = {{A.ToCSharp()}};
                    for (int i = 0; i < g.GetLength(0); i++)
                    {
                        for (int j = 0; j < g.GetLength(1); j++)
                        {
                            s = s * 0.5 + Math.Tanh({{B.ToCSharp()}}) * Math.Sin(g[i, j]) * g[j, i];
                        }
                    }

                    return s * y + ({{C.ToCSharp()}});
                }

            """,
        FuzzShape.Loop => $$"""
                [Differentiable]
                public static double {{Name}}(double x, double y)
                {
                    double r = {{A.ToCSharp()}};
                    double s = y;
                    for (int i = 0; i < 3; i++)
                    {
                        r = 0.5 * r + 0.25 * ({{B.ToCSharp()}}) * Math.Sin(r);
                        if (r > s)
                        {
                            s = s * 0.9 + ({{C.ToCSharp()}}) * 0.1 * i;
                        }
                        else
                        {
                            r -= 0.1 * s * i;
                        }
                    }

                    return r * s + x;
                }

            """,
        FuzzShape.BranchedInnerLoops => $$"""
                [Differentiable]
                public static double {{Name}}(double x, double y)
                {
                    double r = {{A.ToCSharp()}};
                    double s = y;
                    for (int i = 0; i < 3; i++)
                    {
                        if (r > s)
                        {
                            for (int j = 0; j < 2; j++)
                            {
                                r = 0.5 * r + 0.25 * ({{B.ToCSharp()}}) * Math.Sin(r + j);
                            }
                        }
                        else
                        {
                            double t = Math.Tanh(s);
                            while (t < 1.5)
                            {
                                t = t * 0.5 + 1 + 0.1 * r * r;
                            }

                            s = s * 0.9 + ({{C.ToCSharp()}}) * 0.1 * t;
                        }
                    }

                    return r * s + x;
                }

            """,
        FuzzShape.LocalArray => $$"""
                [Differentiable]
                public static double {{Name}}(double x, double y)
                {
                    if (x > 1.9)
                    {
                        return x * y;
                    }

                    Span<double> a = stackalloc double[5];
                    for (int i = 4; i >= 0; i--)
                    {
                        a[i] = {{A.ToCSharp()}} + 0.1 * i * y;
                    }

                    a[1] += {{B.ToCSharp()}};
                    a[3] -= x * y;
                    double s = x;
                    for (int i = 0; i < 5; i += 2)
                    {
                        s = s * 0.5 + Math.Sin(a[i]) * ({{C.ToCSharp()}}) + y;
                    }

                    return s * a[3] + a[1];
                }

            """,
        FuzzShape.Struct => $$"""
                [Differentiable]
                public static double {{Name}}(P2 p)
                {
                    double x = p.X;
                    double y = p.Y;
                    var q = new P2({{A.ToCSharp()}}, y) with { Y = {{B.ToCSharp()}} };
                    var w = q - p;
                    return w.Dot(q) + ({{C.ToCSharp()}});
                }

            """,
        FuzzShape.SpanParameter => $$"""
                [Differentiable]
                public static double {{Name}}(ReadOnlySpan<double> v, double y)
                {
                    double x = v[0];
                    double s = {{A.ToCSharp()}};
                    for (int i = 1; i < v.Length; i++)
                    {
                        s = s * 0.5 + Math.Tanh({{B.ToCSharp()}}) * Math.Sin(v[i]) * v[i - 1];
                    }

                    return s * y + ({{C.ToCSharp()}});
                }

            """,
        FuzzShape.SpanCall => $$"""
                [Differentiable]
                public static double {{Name}}Helper(ReadOnlySpan<double> v, double t)
                {
                    double s = t;
                    for (int i = 0; i < v.Length; i++)
                    {
                        double x = v[i];
                        double y = t;
                        s = s * 0.5 + Math.Tanh({{C.ToCSharp()}}) * v[(i + 1) % v.Length];
                    }

                    return s;
                }

                [Differentiable]
                public static double {{Name}}(ReadOnlySpan<double> v, ReadOnlySpan<double> u, double y)
                {
                    double x = v[0];
                    Span<double> a = stackalloc double[4];
                    for (int i = 0; i < 4; i++)
                    {
                        a[i] = {{A.ToCSharp()}} + 0.25 * i * y;
                    }

                    double s = 0;
                    for (int k = 0; k < 2; k++)
                    {
                        s = Math.Sin(s) + {{Name}}Helper(a, {{B.ToCSharp()}} + 0.1 * k);
                    }

                    return s * x + {{Name}}Helper(v, y) * 0.5 + {{Name}}Helper(u, x) * 0.25;
                }

            """,
        FuzzShape.Accumulator => $$"""
                [Differentiable]
                public static double {{Name}}(double x, double y)
                {
                    double sum = 0;
                    double other = x;
                    for (int i = 0; i < 4; i++)
                    {
                        sum += ({{A.ToCSharp()}}) * Math.Sin(0.3 * i * x + y);
                        other -= {{B.ToCSharp()}};
                    }

                    return sum * y + other + ({{C.ToCSharp()}});
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

    /// <summary>The record struct <see cref="FuzzShape.Struct"/> methods take, with an operator and a method of its own.</summary>
    public const string StructSource = """
        public readonly record struct P2(double X, double Y)
        {
            public static P2 operator -(P2 a, P2 b) => new(a.X - b.X, a.Y - b.Y);

            public double Dot(P2 other) => X * other.X + Y * other.Y;
        }

        """;

    /// <summary>The span a <see cref="FuzzShape.SpanParameter"/> method is called with, for the point (x, y).</summary>
    /// <summary>The 2-D argument of a <see cref="FuzzShape.Grid"/> method: [[x, x/2 + y], [x·y, y]].</summary>
    public static T[,] GridArgument<T>(T x, T y) where T : System.Numerics.IFloatingPointIeee754<T> =>
        new T[,] { { x, x / (T.One + T.One) + y }, { x * y, y } };

    public static T[] SpanArgument<T>(T x, T y) where T : System.Numerics.IFloatingPointIeee754<T> =>
        [x, x / T.CreateChecked(2) + y, x * y];

    /// <summary>The span helper of a <see cref="FuzzShape.SpanCall"/> method, on Duals.</summary>
    private Dual Helper(Dual[] v, Dual t)
    {
        var s = t;
        for (var i = 0; i < v.Length; i++)
        {
            s = s * 0.5 + Dual.Tanh(C.Evaluate(v[i], t)) * v[(i + 1) % v.Length];
        }

        return s;
    }

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
            case FuzzShape.BranchedInnerLoops:
                var level = y;
                for (var i = 0; i < 3; i++)
                {
                    if (r.Value > level.Value)
                    {
                        for (var j = 0; j < 2; j++)
                        {
                            r = 0.5 * r + 0.25 * B.Evaluate(x, y) * Dual.Sin(r + j);
                        }
                    }
                    else
                    {
                        var t = Dual.Tanh(level);
                        while (t.Value < 1.5)
                        {
                            t = t * 0.5 + 1 + 0.1 * r * r;
                        }

                        level = level * 0.9 + C.Evaluate(x, y) * 0.1 * t;
                    }
                }

                return r * level + x;
            case FuzzShape.IntegerState:
                {
                    var kept = y;
                    var (k, idx) = (0, 1);
                    for (var i = 0; i + 1 < 5; i++)
                    {
                        if (r.Value > kept.Value)
                        {
                            k++;
                            kept = kept * 0.9 + C.Evaluate(x, y) * 0.1 * idx;
                        }
                        else
                        {
                            r -= 0.1 * kept * k;
                        }

                        r = 0.5 * r + 0.25 * B.Evaluate(x, y) * Dual.Sin(r) / (1 + k);
                        idx += 2;
                    }

                    var n = 0;
                    while (n < 3 && kept.Value < 40)
                    {
                        kept = kept * 1.5 + 0.1 * r;
                        n++;
                    }

                    return r * kept + x * k + n;
                }

            case FuzzShape.Grid:
                {
                    var g = GridArgument(x, y);
                    var walked = r;
                    for (var i = 0; i < 2; i++)
                    {
                        for (var j = 0; j < 2; j++)
                        {
                            walked = walked * 0.5 + Dual.Tanh(B.Evaluate(x, y)) * Dual.Sin(g[i, j]) * g[j, i];
                        }
                    }

                    return walked * y + C.Evaluate(x, y);
                }

            case FuzzShape.Loop:
                var carried = y;
                for (var i = 0; i < 3; i++)
                {
                    r = 0.5 * r + 0.25 * B.Evaluate(x, y) * Dual.Sin(r);
                    if (r.Value > carried.Value)
                    {
                        carried = carried * 0.9 + C.Evaluate(x, y) * 0.1 * i;
                    }
                    else
                    {
                        r -= 0.1 * carried * i;
                    }
                }

                return r * carried + x;
            case FuzzShape.Struct:
                var (qx, qy) = (r, B.Evaluate(x, y));
                return (qx - x) * qx + (qy - y) * qy + C.Evaluate(x, y);
            case FuzzShape.SpanParameter:
                var v = SpanArgument(x, y);
                var state = r;
                for (var i = 1; i < v.Length; i++)
                {
                    state = state * 0.5 + Dual.Tanh(B.Evaluate(x, y)) * Dual.Sin(v[i]) * v[i - 1];
                }

                return state * y + C.Evaluate(x, y);
            case FuzzShape.SpanCall:
                var filled = Enumerable.Range(0, 4).Select(i => r + 0.25 * i * y).ToArray();
                var carriedSum = new Dual(0, 0);
                for (var k = 0; k < 2; k++)
                {
                    carriedSum = Dual.Sin(carriedSum) + Helper(filled, B.Evaluate(x, y) + 0.1 * k);
                }

                return carriedSum * x + Helper(SpanArgument(x, y), y) * 0.5 + Helper(SpanArgument(x, y), x) * 0.25;
            case FuzzShape.Accumulator:
                var total = new Dual(0, 0);
                var other = x;
                for (var i = 0; i < 4; i++)
                {
                    total += r * Dual.Sin(0.3 * i * x + y);
                    other -= B.Evaluate(x, y);
                }

                return total * y + other + C.Evaluate(x, y);
            case FuzzShape.LocalArray:
                if (x.Value > 1.9)
                {
                    return x * y;
                }

                var a = new Dual[5];
                for (var i = 4; i >= 0; i--)
                {
                    a[i] = r + 0.1 * i * y;
                }

                a[1] += B.Evaluate(x, y);
                a[3] -= x * y;
                var sum = x;
                for (var i = 0; i < 5; i += 2)
                {
                    sum = sum * 0.5 + Dual.Sin(a[i]) * C.Evaluate(x, y) + y;
                }

                return sum * a[3] + a[1];
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
