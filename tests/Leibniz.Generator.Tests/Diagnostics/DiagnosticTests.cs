using Leibniz.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Leibniz.Generator.Tests.Diagnostics;

/// <summary>Each diagnostic at its exact location; the span is marked in the source with [| and |].</summary>
public sealed class DiagnosticTests
{
    [Theory]
    [InlineData("LZ0001", "loop header", "double s = x; [|for (;;) { s *= 2; if (s > 3) break; }|] return s;")]
    [InlineData("LZ0001", "return inside a loop", "double s = x; for (var i = 0; i < 3; i++) { for (var j = 0; j < 2; j++) { s *= x; if (s > 2) [|return s;|] } } return s;")]
    [InlineData("LZ0001", "foreach over something other", "double s = x; [|foreach (var v in new[] { x, 2.0 }) { s += v; }|] return s;")]
    [InlineData("LZ0001", "step is not a constant", "double s = x; [|for (var i = 1; i < 30; i *= 2) { s *= x; }|] return s;")]
    [InlineData("LZ0001", "counting down towards an upper bound", "double s = x; for (var i = 3; [|i < 10|]; i--) { s *= x; } return s;")]
    [InlineData("LZ0001", "'!=' with a step of 2 (it can step over its bound)", "double s = x; for (var i = 0; [|i != 9|]; i += 2) { s *= x; } return s;")]
    [InlineData("LZ0001", "does not compare the loop variable with a bound", "double s = x; for (var i = 0; [|s < 9|]; i++) { s *= 2; } return s;")]
    [InlineData("LZ0001", "assignment inside a loop condition", "double s = x; int k = 0; for (var i = 0; i < 9 && [|k++|] < 3; i++) { s *= 2; } return s;")]
    [InlineData("LZ0001", "Remainder", "return [|x % 2|];")]
    [InlineData("LZ0012", "'r[0]' of local array 'r' is written after it was read", "Span<double> r = stackalloc double[3]; r[0] = x; var y = r[0]; [|r[0] = y * 2|]; return r[0];")]
    [InlineData("LZ0012", "'r[i]' of local array 'r'", "Span<double> r = stackalloc double[3]; for (var i = 0; i < 3; i++) { r[i] = x; } for (var i = 0; i < 3; i++) { [|r[i] = r[i] * x|]; } return r[1];")]
    [InlineData("LZ0001", "declared inside a loop with a length that changes in the loop", "var s = 0.0; for (var i = 0; i < 2; i++) { var [|r = new double[i + 1]|]; r[0] = x; s += r[0]; } return s;")]
    [InlineData("LZ0001", "declared inside a loop and rented from the pool", "var s = 0.0; for (var i = 0; i < 2; i++) { var [|r = System.Buffers.ArrayPool<double>.Shared.Rent(2)|]; r[0] = x; s += r[0]; } return s;")]
    [InlineData("LZ0001", "in-place update of 'r' inside a loop nested in another loop", "Span<double> r = stackalloc double[2]; r[0] = x; r[1] = x; for (var t = 0; t < 2; t++) { for (var i = 0; i < 2; i++) { [|r[i] *= x|]; } } return r[0];")]
    [InlineData("LZ0012", "'r[i]' of local array 'r'", "Span<double> r = stackalloc double[2]; r[0] = x; r[1] = x; var s = 0.0; for (var i = 0; i < 2; i++) { s += r[i]; [|r[i] /= s|]; } return r[0];")]
    [InlineData("LZ0001", "rented from the pool", "double[] r = System.Buffers.ArrayPool<double>.Shared.Rent(3); r[0] = x; var n = [|r.Length|]; return r[0] * n;")]
    [InlineData("LZ0001", "without a length", "Span<double> [|r = stackalloc double[] { x, 2 }|]; return r[0];")]
    [InlineData("LZ0001", "without a length", "var n = 3; Span<double> [|r = n <= 4 ? stackalloc double[4] : new double[n]|]; r[0] = x; return r[0];")]
    [InlineData("LZ0001", "conversion", "return [|(float)x|];")]
    [InlineData("LZ0002", "mark 'Helper' [Differentiable]", "return [|Helper(x)|];")]
    [InlineData("LZ0002", "not in the derivative table", "return [|Math.IEEERemainder(x, 2)|];")]
    [InlineData("LZ0006", "recursive", "return x > 1 ? [|F(x - 1)|] : x;")]
    public void BodyDiagnosticsPointAtTheOffendingCode(string id, string messagePart, string body)
    {
        var source = $$"""
            using System;
            using Leibniz;

            public static partial class C
            {
                [Differentiable]
                public static double F(double x)
                {
                    {{body}}
                }

                public static double Helper(double v) => v;
            }
            """;
        AssertSingle(source, id, messagePart);
    }

    [Theory]
    [InlineData("LZ0001", "array argument that is not a whole array", "return Dot([|x[1..]|], x);")]
    [InlineData("LZ0001", "array argument that is not a whole array", "return Dot([|x.AsSpan(1)|], x);")]
    [InlineData("LZ0001", "array argument that is not a whole array", "return Dot([|x.AsSpan().Slice(0, 2)|], x);")]
    [InlineData("LZ0001", "array argument that is not a whole array", "return Dot([|new[] { s, 2.0 }|], x);")]
    [InlineData("LZ0001", "rented local array 'r' passed to 'Dot'", "double[] r = System.Buffers.ArrayPool<double>.Shared.Rent(3); r[0] = s; return Dot([|r|], x);")]
    [InlineData("LZ0001", "local array 'r' passed to the double[] parameter 'a' of 'DotArray'", "double[] r = new double[x.Length]; r[0] = s; return DotArray([|r|], x);")]
    [InlineData("LZ0012", "'r[0]' of local array 'r' is written after it was read", "Span<double> r = stackalloc double[2]; r[0] = s; r[1] = s; var d = Dot(r, r); [|r[0] = d|]; return r[0];")]
    [InlineData("LZ0012", "'r[1]' of local array 'r'", "Span<double> r = stackalloc double[2]; var t = 0.0; for (var i = 0; i < 2; i++) { r[0] = s; t += Dot(r, x); [|r[1] = t|]; } return t;")]
    public void ArrayArgumentsTheGeneratorCannotFollowPointAtTheArgument(string id, string messagePart, string body)
    {
        var source = $$"""
            using System;
            using Leibniz;

            public static partial class C
            {
                [Differentiable]
                public static double F(double[] x, double s)
                {
                    {{body}}
                }

                [Differentiable]
                public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => a[0] * b[0] + a[1] * b[1];

                [Differentiable]
                public static double DotArray(double[] a, double[] b) => a[0] * b[0];
            }
            """;
        AssertSingle(source, id, messagePart);
    }

    [Fact]
    public void SecondOrderOfACallWithArraysIsNotSupportedYet() => AssertSingle("""
        using System;
        using Leibniz;
        public static partial class C
        {
            [Differentiable(Order = 2)]
            public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => a[0] * b[0] + a[1] * b[1];

            [Differentiable(Order = 2)]
            public static double [|F|](double[] x) => Dot(x, x) * x[0];
        }
        """, "LZ0010", "calls 'Dot', which takes array, span, int or [NoDerivative] parameters, is not supported yet");

    [Fact]
    public void AGenericCallerCallsGenericMethodsOnlyWithItsOwnTypeParameter() => AssertSingle("""
        using System;
        using System.Numerics;
        using Leibniz;
        public static partial class C
        {
            [Differentiable]
            public static T Dot<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b) where T : IFloatingPointIeee754<T> => a[0] * b[0];

            [Differentiable]
            public static double F(double[] x) => [|Dot<double>(x, x)|] * x[0];
        }
        """, "LZ0001", "call to [Differentiable] method 'Dot' of a different shape");

    [Fact]
    public void CustomDerivativeWithTheWrongSignatureShowsTheExpectedOne() => AssertSingle("""
        using Leibniz;
        public static partial class C
        {
            public static double F(double x, double y) => x * y;

            [DerivativeOf(nameof(F))]
            public static (double Value, double dx) [|FDerivative|](double x, double y) => (x * y, y);
        }
        """, "LZ0011", "expected static (double Value, double dx, double dy) FDerivative(double x, double y) (or, with second derivatives, static (double Value, double dx, double dy, double dxdx, double dxdy, double dydy) FDerivative(double x, double y))");

    [Fact]
    public void ASecondOrderCustomDerivativeWithoutTheWholeTriangleShowsBothSignatures() => AssertSingle("""
        using Leibniz;
        public static partial class C
        {
            public static double F(double x, double y) => x * y;

            [DerivativeOf(nameof(F))]
            public static (double Value, double dx, double dy, double dxdy) [|FSecond|](double x, double y) => (x * y, y, x, 1);
        }
        """, "LZ0011", "(or, with second derivatives, static (double Value, double dx, double dy, double dxdx, double dxdy, double dydy) FSecond(double x, double y))");

    [Fact]
    public void WritingIntoAnArrayParameterSaysToCopyIt() => AssertSingle("""
        using Leibniz;
        public static partial class C
        {
            [Differentiable]
            public static double F(double[] x)
            {
                [|x[0] = 2 * x[1]|];
                return x[0];
            }
        }
        """, "LZ0001", "copy it into a local array");

    [Fact]
    public void SecondOrderOfACallNeedsTheCalleesSecondOrder() => AssertSingle("""
        using Leibniz;
        public static partial class C
        {
            [Differentiable]
            public static double Square(double v) => v * v;

            [Differentiable(Order = 2)]
            public static double [|F|](double[] x)
            {
                var s = 0.0;
                foreach (var v in x)
                {
                    s += Square(v);
                }

                return s;
            }
        }
        """, "LZ0010", "mark 'Square' [Differentiable(Order = 2)] too");

    [Fact]
    public void SecondOrderOfAGenericMethodWithACallIsNotSupportedYet() => AssertSingle("""
        using System.Numerics;
        using Leibniz;
        public static partial class C
        {
            [Differentiable(Order = 2)]
            public static T G<T>(T x) where T : IFloatingPointIeee754<T> => x * x;

            [Differentiable(Order = 2)]
            public static T [|F|]<T>(T x) where T : IFloatingPointIeee754<T> => G(x) * x;
        }
        """, "LZ0010", "of a generic-math method that calls another [Differentiable] method is not supported yet");

    [Fact]
    public void SecondOrderNeedsASecondOrderCustomDerivative() => AssertSingle("""
        using Leibniz;
        public static partial class C
        {
            public static double Opaque(double x) => x * x;

            [DerivativeOf(nameof(Opaque))]
            public static (double Value, double dx) OpaqueDerivative(double x) => (x * x, 2 * x);

            [Differentiable(Order = 2)]
            public static double [|F|](double x) => Opaque(x) * x;
        }
        """, "LZ0010", "needs second derivatives of 'Opaque', but its [DerivativeOf] derivative has only first ones");

    [Fact]
    public void GenericMethodWithADoubleParameter() => AssertSingle("""
        using System.Numerics;
        using Leibniz;
        public static partial class C
        {
            [Differentiable]
            public static T F<T>(T x, [|double[] y|]) where T : IFloatingPointIeee754<T> => x;
        }
        """, "LZ0003", "'y' of method 'F' has type 'double[]'");

    [Fact]
    public void UnsupportedParameterType() => AssertSingle("""
        using Leibniz;
        public static partial class C
        {
            [Differentiable]
            public static double F([|string n|], double x) => x;
        }
        """, "LZ0003", "'n' of method 'F' has type 'string'");

    [Fact]
    public void ContainingTypeNotPartial() => AssertSingle("""
        using Leibniz;
        public static partial class Outer
        {
            public static class [|Inner|]
            {
                [Differentiable]
                public static double F(double x) => x * x;
            }
        }
        """, "LZ0005", "add the 'partial' modifier");

    [Fact]
    public void MutualRecursionIsReportedOnEachMethod()
    {
        var run = GeneratorHarness.Run("""
            using Leibniz;
            public static partial class C
            {
                [Differentiable]
                public static double F(double x) => x > 1 ? D.G(x - 1) : x;
            }
            """, """
            using Leibniz;
            public static partial class D
            {
                [Differentiable]
                public static double G(double x) => 2 * C.F(x);
            }
            """);
        Assert.Equal(["LZ0006", "LZ0006"], run.GeneratorDiagnostics.Select(d => d.Id));
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void NameCollision() => AssertSingle("""
        using Leibniz;
        public static partial class C
        {
            [Differentiable]
            public static double [|F|](double x) => x * x;

            public static double FGradient(double x) => 2 * x;
        }
        """, "LZ0007", "already has a member named 'FGradient'");

    [Fact]
    public void ConstantResultIsAWarningAndStillGenerates()
    {
        var run = AssertSingle("""
            using Leibniz;
            public static partial class C
            {
                [Differentiable]
                public static double [|F|](double x) => 3.5;
            }
            """, "LZ0008", "does not depend on any parameter");
        Assert.Equal(DiagnosticSeverity.Warning, run.GeneratorDiagnostics.Single().Severity);
        Assert.Single(run.Sources);
        Assert.Empty(run.CompileErrors);
    }

    [Theory]
    [InlineData("public static double [|F|]<T>(double x) => x;", "generic")]
    [InlineData("public static double [|F|]() => 1;", "no parameters")]
    public void UnsupportedMethodShape(string method, string messagePart) => AssertSingle($$"""
        using Leibniz;
        public static partial class C
        {
            [Differentiable]
            {{method}}
        }
        """, "LZ0010", messagePart);

    [Fact]
    public void CodeWithCompileErrorsProducesNothing()
    {
        var run = GeneratorHarness.Run("""
            using Leibniz;
            public static partial class C
            {
                [Differentiable]
                public static double F(double x) => x * undefinedName;
            }
            """);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void ACalleeThatCannotBeDifferentiatedGivesItsOwnErrorAndEachCallerOneNamingIt()
    {
        const string source = """
            using System;
            using Leibniz;

            public static partial class C
            {
                [Differentiable] public static double Bad(double x) => x % 2;
                [Differentiable] public static double Caller(double x) => Bad(x) * x;
                [Differentiable] public static double Outer(double x) => Caller(x) + Bad(x);
                [Differentiable] public static double Fine(double x) => x * x;
            }
            """;

        var run = GeneratorHarness.Run(source);

        Assert.Equal(["LZ0001", "LZ0013", "LZ0013"], run.GeneratorDiagnostics.Select(d => d.Id).Order());
        var callers = run.GeneratorDiagnostics.Where(d => d.Id == "LZ0013").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.StartsWith("'Caller' calls 'Bad'", callers[0], StringComparison.Ordinal);
        Assert.StartsWith("'Outer' calls 'Caller'", callers[1], StringComparison.Ordinal);
        Assert.DoesNotContain(run.CompileErrors, d => d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true);
        Assert.Equal(["C.Fine(double).g.cs"], run.Sources.Select(s => s.HintName));
    }

    [Fact]
    public void EveryDescriptorIsReleaseTrackedAndDocumentedAndLinksNowhere()
    {
        var tracked = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "Generator", "AnalyzerReleases.Unshipped.md"));
        var documented = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "generator.md"));
        foreach (var id in Enumerable.Range(1, 13).Select(i => $"LZ{i:0000}"))
        {
            var descriptor = Leibniz.Generator.Diagnostics.ById(id);
            Assert.Empty(descriptor.HelpLinkUri);
            Assert.Contains(id + " |", tracked, StringComparison.Ordinal);
            Assert.Contains($"<a id=\"{id.ToLowerInvariant()}\"></a>{id} |", documented, StringComparison.Ordinal);
        }
    }

    internal static GeneratorRun AssertSingle(string markedSource, string id, string messagePart)
    {
        var start = markedSource.IndexOf("[|", StringComparison.Ordinal);
        var end = markedSource.IndexOf("|]", StringComparison.Ordinal) - 2;
        var source = markedSource.Replace("[|", "").Replace("|]", "");
        var run = GeneratorHarness.Run(source);
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Contains(messagePart, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal(source[start..end], source[diagnostic.Location.SourceSpan.Start..diagnostic.Location.SourceSpan.End]);
        return run;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Leibniz.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Leibniz.slnx not found above " + AppContext.BaseDirectory);
    }
}
