using Leibniz.Generator.Tests.Infrastructure;

namespace Leibniz.Generator.Tests.Diagnostics;

/// <summary>
/// What stays unsupported among switch, local functions, float casts and instance methods: one diagnostic each, at
/// the construct, all methods in one compilation (each [| |] marks where the next expected diagnostic points).
/// </summary>
public sealed class NaturalFormDiagnosticTests
{
    private static readonly (string Id, string MessagePart)[] Expected =
    [
        ("LZ0001", "switch arm that throws"),
        ("LZ0001", "call to the recursive local function 'Fact'"),
        ("LZ0001", "which assigns 's' of the enclosing method"),
        ("LZ0001", "call to the generic local function 'Square'"),
        ("LZ0001", "break or goto case before the end of a switch section"),
        ("LZ0001", "switch on a value of type 'bool'"),
        ("LZ0001", "local of type 'double'"),
        ("LZ0001", "call to [Differentiable] method 'Energy' of a different shape"),
        ("LZ0001", "primary constructor parameter 'k'"),
    ];

    private const string Source = """
        using System;
        using Leibniz;

        public static partial class C
        {
            [Differentiable]
            public static double Throws(double x) => x switch { > 0 => x, _ => [|throw new ArgumentOutOfRangeException(nameof(x))|] };

            [Differentiable]
            public static double Recursive(double x)
            {
                return [|Fact(x, 3)|];

                static double Fact(double v, int n) => n == 0 ? 1 : v * Fact(v, n - 1);
            }

            [Differentiable]
            public static double AssignsOuter(double x)
            {
                var s = x;
                return [|Bump(2)|];

                double Bump(double v)
                {
                    s += v;
                    return s;
                }
            }

            [Differentiable]
            public static double GenericLocal(double x)
            {
                return [|Square(x)|];

                static T Square<T>(T v) where T : System.Numerics.INumber<T> => v * v;
            }

            [Differentiable]
            public static double BreakInSection(double x, int k)
            {
                var s = x;
                switch (k)
                {
                    case 0:
                        if (x > 1)
                        {
                            [|break;|]
                        }

                        s = 2 * x;
                        break;
                }

                return s;
            }

            [Differentiable]
            public static double OnBool(double x, int k) => ([|k > 0|]) switch { true => x, _ => 2 * x };

            [Differentiable]
            public static float DoubleLocal(float x)
            {
                double [|d = x * 2.0|];
                return x;
            }
        }

        public partial class Spring
        {
            private static readonly Spring Shared = new();

            [Differentiable]
            public double Energy(double x) => x * x;

            [Differentiable]
            public double Twice(double x) => 2 * [|Shared.Energy(x)|];
        }

        public partial class Primary(double k)
        {
            [Differentiable]
            public double Energy(double x) => [|k|] * x * x;
        }
        """;

    [Fact]
    public void EachUnsupportedFormGetsOneDiagnosticAtTheConstruct()
    {
        var spans = new List<(int Start, int End)>();
        var text = Source;
        while (text.IndexOf("[|", StringComparison.Ordinal) is var start and >= 0)
        {
            text = text.Remove(start, 2);
            var end = text.IndexOf("|]", StringComparison.Ordinal);
            text = text.Remove(end, 2);
            spans.Add((start, end));
        }

        var run = GeneratorHarness.Run(text);
        var diagnostics = run.GeneratorDiagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.True(spans.Count == diagnostics.Count, string.Join("\n", diagnostics));
        for (var i = 0; i < spans.Count; i++)
        {
            Assert.Equal(Expected[i].Id, diagnostics[i].Id);
            Assert.Contains(Expected[i].MessagePart, diagnostics[i].GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            Assert.Equal(text[spans[i].Start..spans[i].End], text[diagnostics[i].Location.SourceSpan.Start..diagnostics[i].Location.SourceSpan.End]);
        }
    }
}
