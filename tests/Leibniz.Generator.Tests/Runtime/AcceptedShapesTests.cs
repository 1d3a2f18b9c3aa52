using System.Reflection;
using Leibniz.Generator.Tests.Infrastructure;

namespace Leibniz.Generator.Tests.Runtime;

/// <summary>
/// Every accepted language shape, compiled in memory in one compilation: the generated gradient agrees with
/// finite differences and the Jvp with the gradient.
/// </summary>
public sealed class AcceptedShapesTests
{
    private const string Source = """
        using System;
        using Leibniz;

        namespace Shapes
        {
            public static partial class Methods
            {
                private static readonly double Scale = 1.75;
                private const double Offset = 0.25;

                [Differentiable]
                public static double ReassignedParameter(double x, double y)
                {
                    x = x * 2 + y;
                    x -= Offset;
                    x++;
                    return x * x + +y;
                }

                [Differentiable]
                public static double BoolLocals(double x, double y)
                {
                    bool positive = x > 0;
                    var small = y * y < 1;
                    if (positive && !small || x == y)
                    {
                        return Math.Sin(x) * y;
                    }

                    return positive ? x / (1 + y * y) : Math.Exp(x) * Scale;
                }

                [Differentiable]
                public static double NestedEarlyReturns(double x, double y)
                {
                    double r = x;
                    if (x > -0.5)
                    {
                        if (y > 0.5)
                        {
                            return x * y;
                        }

                        r = x * x;
                    }
                    else if (y < -1)
                    {
                        return Math.Cos(y);
                    }
                    else
                    {
                        r += y;
                    }

                    r *= 3;
                    return r + (y > 0 ? (x > 0 ? y : -y) : 2 * y);
                }

                [Differentiable]
                public static double Collisions(double x, double dx, double @in) => x * dx + Math.Log(2 + @in * @in, 2) + Math.Sign(x) * x;

                [Differentiable]
                public static double Constants(double t)
                {
                    const double Half = 0.5;
                    double Tau = 2 * Math.PI;
                    return Half * Math.Sin(Tau * t) + Math.E * Math.Pow(t, 2);
                }
            }

            public partial class Box<T>
            {
                [Differentiable]
                internal static double Inside(double u) => Math.Tanh(u) * u;
            }

            public partial record struct Point
            {
                [Differentiable]
                public static double Norm(double a, double b) => Math.Sqrt(a * a + b * b + 1) + Box<int>.Inside(a);
            }

            public static partial class Floats
            {
                [Differentiable]
                public static float Wave(float x, float y) => float.Sin(MathF.PI * x) * MathF.Exp(-y) + MathF.Round(2.5f) * y;
            }
        }
        """;

    private static readonly Lazy<Assembly> Compiled = new(() =>
    {
        var run = GeneratorHarness.Run(Source);
        Assert.Empty(run.GeneratorDiagnostics);
        return run.Load();
    });

    [Theory]
    [InlineData("Shapes.Methods", "ReassignedParameter", 2)]
    [InlineData("Shapes.Methods", "BoolLocals", 2)]
    [InlineData("Shapes.Methods", "NestedEarlyReturns", 2)]
    [InlineData("Shapes.Methods", "Collisions", 3)]
    [InlineData("Shapes.Methods", "Constants", 1)]
    [InlineData("Shapes.Box`1", "Inside", 1)]
    [InlineData("Shapes.Point", "Norm", 2)]
    public void GradientAgreesWithFiniteDifferences(string typeName, string method, int arity)
    {
        var type = Compiled.Value.GetType(typeName)!;
        if (type.IsGenericTypeDefinition)
        {
            type = type.MakeGenericType(typeof(int));
        }

        const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;
        var primal = type.GetMethod(method, flags)!;
        var gradient = type.GetMethod(method + "Gradient", flags)!;
        var jvp = type.GetMethod(method + "Jvp", flags)!;
        var random = new Random(arity * 31 + method.Length);
        for (var trial = 0; trial < 50; trial++)
        {
            var x = Enumerable.Range(0, arity).Select(_ => Math.Round(random.NextDouble() * 4 - 2, 3) + 0.0005).ToArray();
            var result = (System.Runtime.CompilerServices.ITuple)gradient.Invoke(null, x.Cast<object>().ToArray())!;
            var value = (double)result[0]!;
            Assert.Equal((double)primal.Invoke(null, x.Cast<object>().ToArray())!, value);
            var fd = FiniteDifference.Gradient(p => (double)primal.Invoke(null, p.ToArray().Cast<object>().ToArray())!, x, accuracy: 4, step: 1e-4);
            var direction = Enumerable.Range(0, arity).Select(i => 0.5 - i).ToArray();
            var (jvpValue, tangent) = ((double, double))jvp.Invoke(null, x.Concat(direction).Cast<object>().ToArray())!;
            Assert.Equal(value, jvpValue);
            var expectedTangent = 0.0;
            for (var i = 0; i < arity; i++)
            {
                var partial = (double)result[i + 1]!;
                Assert.True(Math.Abs(fd[i] - partial) <= 1e-6 * (1 + Math.Abs(partial)), $"{method} ∂{i} at ({string.Join(", ", x)}): {partial} vs {fd[i]}");
                expectedTangent += partial * direction[i];
            }

            Assert.True(Math.Abs(expectedTangent - tangent) <= 1e-12 * (1 + Math.Abs(tangent)), $"{method} Jvp: {tangent} vs {expectedTangent}");
        }
    }

    [Fact]
    public void FloatMethodReturnsFloats()
    {
        var wave = Compiled.Value.GetType("Shapes.Floats")!.GetMethod("WaveGradient")!;
        Assert.Equal(typeof((float, float, float)), wave.ReturnType);
        var (_, dx, dy) = ((float, float, float))wave.Invoke(null, [0.25f, 0.5f])!;
        Assert.Equal(MathF.PI * MathF.Cos(MathF.PI * 0.25f) * MathF.Exp(-0.5f), dx, 5);
        Assert.Equal(-MathF.Sin(MathF.PI * 0.25f) * MathF.Exp(-0.5f) + 2f, dy, 5);
    }
}
