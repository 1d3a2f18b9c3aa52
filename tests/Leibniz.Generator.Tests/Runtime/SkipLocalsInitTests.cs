using Leibniz.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;

namespace Leibniz.Generator.Tests.Runtime;

/// <summary>
/// A project compiled with <c>[module: SkipLocalsInit]</c> gets stack memory that is not zeroed: the generated code
/// must not rely on <c>stackalloc</c> zeroing its local arrays and adjoint buffers.
/// </summary>
public sealed class SkipLocalsInitTests
{
    private const string Source = """
        using System;
        using Leibniz;

        [module: System.Runtime.CompilerServices.SkipLocalsInit]

        public static partial class Dirty
        {
            [Differentiable]
            public static double Buckets(ReadOnlySpan<double> x, int k)
            {
                var sums = new double[k];
                for (int i = 0; i < x.Length; i++)
                {
                    sums[i % k] += x[i] * x[i];
                }

                var total = 0.0;
                for (int j = 0; j < k; j++)
                {
                    total += Math.Sin(sums[j]);
                }

                return total;
            }

            /// <summary>Leaves garbage on the stack where the next call's buffers will be.</summary>
            public static double Scribble()
            {
                Span<double> junk = stackalloc double[512];
                junk.Fill(1e300);
                return junk[^1];
            }

            public static double GradientAfterScribbling(double[] x, int k, double[] dx)
            {
                Scribble();
                return BucketsGradient(x, k, dx);
            }
        }
        """;

    [Fact]
    public void LocalArraysAndAdjointBuffersStartAtZeroWithoutLocalsInit()
    {
        var compilation = GeneratorHarness.Compilation(Source);
        compilation = compilation.WithOptions(((CSharpCompilationOptions)compilation.Options).WithAllowUnsafe(true));
        var type = GeneratorHarness.Run(compilation).Load().GetType("Dirty")!;
        var gradient = type.GetMethod("GradientAfterScribbling")!.CreateDelegate<Func<double[], int, double[], double>>();

        double[] x = [0.3, -0.7, 1.1, 0.2, -0.4];
        var dx = new double[x.Length];
        var value = gradient(x, 3, dx);

        var sums = new double[3];
        for (var i = 0; i < x.Length; i++)
        {
            sums[i % 3] += x[i] * x[i];
        }

        Assert.Equal(sums.Sum(Math.Sin), value, 14);
        for (var i = 0; i < x.Length; i++)
        {
            Assert.Equal(Math.Cos(sums[i % 3]) * 2 * x[i], dx[i], 14);
        }
    }
}
