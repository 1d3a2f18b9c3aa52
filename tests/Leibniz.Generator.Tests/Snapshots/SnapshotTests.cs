using Leibniz.Generator.Tests.Infrastructure;

namespace Leibniz.Generator.Tests.Snapshots;

public sealed class SnapshotTests
{
    [Fact]
    public void Rastrigin() => Snapshot.Verify(GeneratorHarness.Run("""
        using System;
        using Leibniz;

        namespace Demo;

        public static partial class Functions
        {
            [Differentiable]
            public static double Rastrigin(double x, double y) =>
                20 + (x * x - 10 * Math.Cos(2 * Math.PI * x)) + (y * y - 10 * Math.Cos(2 * Math.PI * y));
        }
        """));

    [Fact]
    public void LocalsAndCompoundAssignment() => Snapshot.Verify(GeneratorHarness.Run("""
        using System;
        using Leibniz;

        namespace Demo
        {
            internal static partial class Physics
            {
                private const double G = 9.81;

                [Differentiable]
                internal static double Energy(double mass, double velocity, double height)
                {
                    var kinetic = 0.5 * mass * velocity * velocity;
                    double potential = mass * G;
                    potential *= height;
                    var total = kinetic;
                    total += potential;
                    return total;
                }
            }
        }
        """));

    [Fact]
    public void BranchesAndEarlyReturn() => Snapshot.Verify(GeneratorHarness.Run("""
        using System;
        using Leibniz;

        public static partial class Piecewise
        {
            [Differentiable]
            public static double Huber(double r, double delta)
            {
                var a = Math.Abs(r);
                if (a <= delta)
                {
                    return 0.5 * r * r;
                }

                return delta * (a - 0.5 * delta);
            }

            [Differentiable]
            public static double SafeLog(double x) => x > 0 ? Math.Log(x) : x - 1;

            [Differentiable]
            public static double Merge(double x, double y)
            {
                double s;
                if (x > y && y > 0)
                {
                    s = Math.Sqrt(x * y);
                }
                else
                {
                    s = Math.Exp(y);
                }

                return s * x;
            }
        }
        """));

    [Fact]
    public void FloatMethod() => Snapshot.Verify(GeneratorHarness.Run("""
        using System;
        using Leibniz;

        public static partial class Single
        {
            [Differentiable]
            public static float Wave(float x, float t) => MathF.Sin(3f * x - t) * MathF.Exp(-0.5f * t) + float.Sqrt(x * x + 1f);
        }
        """));

    [Fact]
    public void NestedTypesAndCallsBetweenMethods() => Snapshot.Verify(GeneratorHarness.Run("""
        using System;
        using Leibniz;

        namespace Demo.Nested;

        public partial class Outer
        {
            internal partial struct Inner
            {
                [Differentiable]
                public static double Square(double u) => u * u;

                [Differentiable]
                public static double Norm(double a, double b) => Math.Sqrt(Square(a) + Other.Twice(b));
            }
        }
        """, """
        using Leibniz;

        namespace Demo.Nested;

        public static partial class Other
        {
            [Differentiable]
            public static double Twice(double v) => 2 * v * v;
        }
        """));

    [Fact]
    public void PowersAndProducts() => Snapshot.Verify(GeneratorHarness.Run("""
        using System;
        using Leibniz;

        public static partial class Poly
        {
            [Differentiable]
            public static double Rosenbrock(double x, double y) => Math.Pow(1 - x, 2) + 100 * Math.Pow(y - x * x, 2);

            [Differentiable]
            public static double Cubic(double x) => Math.Pow(x, 3) - 2 * Math.Pow(x, -2) + Math.Pow(x, 0.5);

            [Differentiable]
            public static double Quotient(double a, double b) => a / b + 1 / (a * b);
        }
        """));

    [Fact]
    public void EveryTableFunction() => Snapshot.Verify(GeneratorHarness.Run("""
        using System;
        using Leibniz;

        public static partial class Table
        {
            [Differentiable]
            public static double Trigonometric(double x, double y) =>
                Math.Sin(x) + Math.Cos(x) + Math.Tan(x) + Math.Asin(x) + Math.Acos(x) + Math.Atan(x) + Math.Atan2(y, x);

            [Differentiable]
            public static double Hyperbolic(double x) =>
                Math.Sinh(x) + Math.Cosh(x) + Math.Tanh(x) + Math.Asinh(x) + Math.Acosh(x) + Math.Atanh(x);

            [Differentiable]
            public static double ExponentialsAndRoots(double x, double y) =>
                Math.Exp(x) + Math.Log(x) + Math.Log(x, y) + Math.Log2(x) + Math.Log10(x) + Math.Sqrt(x) + Math.Cbrt(x) + Math.Pow(x, y);

            [Differentiable]
            public static double Kinks(double x, double y) =>
                Math.Abs(x) + Math.Min(x, y) + Math.Max(x, y) + Math.Clamp(x, -1, y) + double.Hypot(x, y) + Math.FusedMultiplyAdd(x, y, x)
                + Math.ScaleB(x, 3) + Math.Round(x) + Math.Floor(x) + Math.Ceiling(x) + Math.Truncate(x) + Math.Sign(x);

            [Differentiable]
            public static double Reciprocal(double x) =>
                Elementary.Cot(x) + Elementary.Sec(x) + Elementary.Csc(x) + Elementary.Acot(x) + Elementary.Coth(x) + Elementary.Sech(x)
                + Elementary.Csch(x) + Elementary.Acoth(x) + Elementary.Asec(x) + Elementary.Acsc(x) + Elementary.Asech(x) + Elementary.Acsch(x);

            [Differentiable]
            public static double Activations(double x, double slope) =>
                Elementary.Sigmoid(x) + Elementary.Softplus(x) + Elementary.Relu(x) + Elementary.LeakyRelu(x) + Elementary.LeakyRelu(x, slope)
                + Elementary.Heaviside(x) + Elementary.Sign(x);
        }
        """));

    [Fact]
    public void LoopsArraysAndSpans() => Snapshot.Verify(GeneratorHarness.Run("""
        using System;
        using Leibniz;

        public static partial class Loops
        {
            [Differentiable]
            public static double Rosenbrock(ReadOnlySpan<double> x)
            {
                double sum = 0;
                for (int i = 0; i < x.Length - 1; i++)
                {
                    var a = x[i + 1] - x[i] * x[i];
                    sum += 100 * a * a + (1 - x[i]) * (1 - x[i]);
                }

                return sum;
            }

            [Differentiable]
            public static double Power(double x, double s, int n)
            {
                var p = 1.0;
                for (int k = 1; k <= n; k++)
                {
                    p *= Math.Sin(x * k) + s;
                }

                return p;
            }

            [Differentiable]
            public static float Weighted(float[] w, [NoDerivative] float[] data, float bias)
            {
                var total = bias;
                for (int i = 0; i < data.Length; i++)
                {
                    total += w[i % w.Length] * data[i];
                }

                return total * total;
            }
        }
        """));

    [Fact]
    public void ArrayDeclaredInALoop() => Snapshot.Verify(GeneratorHarness.Run("""
        using System;
        using Leibniz;

        public static partial class Buffers
        {
            [Differentiable]
            public static double Spread(ReadOnlySpan<double> x, int k)
            {
                var total = 0.0;
                foreach (var v in x)
                {
                    var sums = new double[k];
                    for (int j = 0; j < k; j++)
                    {
                        sums[j] += Math.Sin(v * j);
                    }

                    for (int j = 0; j < k; j++)
                    {
                        total += sums[j] * sums[j];
                    }
                }

                return total;
            }
        }
        """));

    [Fact]
    public void LocalArrays() => Snapshot.Verify(GeneratorHarness.Run("""
        using System;
        using Leibniz;

        public static partial class Buffers
        {
            [Differentiable]
            public static double TriangularSolve(ReadOnlySpan<double> lower, ReadOnlySpan<double> b, int n)
            {
                Span<double> z = stackalloc double[n];
                for (int i = 0; i < n; i++)
                {
                    var s = b[i];
                    for (int j = 0; j < i; j++)
                    {
                        s -= lower[i * n + j] * z[j];
                    }

                    z[i] = s / lower[i * n + i];
                }

                var norm = 0.0;
                foreach (var v in z)
                {
                    norm += v * v;
                }

                return norm;
            }
        }
        """));

    [Fact]
    public void CallsWithArrays() => Snapshot.Verify(GeneratorHarness.Run("""
        using System;
        using Leibniz;

        public static partial class Model
        {
            [Differentiable]
            public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
            {
                var s = 0.0;
                for (int i = 0; i < a.Length; i++)
                {
                    s += a[i] * b[i];
                }

                return s;
            }

            [Differentiable]
            public static double SquaredNorm(ReadOnlySpan<double> a) => Dot(a, a);

            [Differentiable]
            public static double Predict(ReadOnlySpan<double> w, double bias, double x) => w[0] * x + w[1] * x * x + bias;

            [Differentiable]
            public static double Loss(ReadOnlySpan<double> w, double bias, [NoDerivative] double[] x, [NoDerivative] double[] y, int n)
            {
                var sum = 0.0;
                for (int i = 0; i < n; i++)
                {
                    var r = Predict(w, bias, x[i]) - y[i];
                    sum += r * r;
                }

                return sum / n + 0.01 * SquaredNorm(w);
            }
        }
        """));

    [Fact]
    public void SecondOrder() => Snapshot.Verify(GeneratorHarness.Run("""
        using System;
        using Leibniz;

        public static partial class Second
        {
            [Differentiable(Order = 2)]
            public static double Rosenbrock(double x, double y) => Math.Pow(1 - x, 2) + 100 * Math.Pow(y - x * x, 2);

            [Differentiable(Order = 2)]
            public static double Branchy(double x, double y) => x > y ? Math.Exp(x * y) : Math.Abs(x) * Math.Sin(y);
        }
        """));

    [Fact]
    public void SecondOrderSpan() => Snapshot.Verify(GeneratorHarness.Run("""
        using System;
        using Leibniz;

        public static partial class SecondSpan
        {
            [Differentiable(Order = 2)]
            public static double Energy(ReadOnlySpan<double> x, double k)
            {
                var total = 0.0;
                for (int i = 0; i < x.Length - 1; i++)
                {
                    var d = x[i + 1] - x[i];
                    total += k * d * d + Math.Cos(x[i]);
                }

                return total;
            }
        }
        """));

    [Fact]
    public void SecondOrderCustomDerivative() => Snapshot.Verify(GeneratorHarness.Run("""
        using System;
        using Leibniz;

        public static partial class Custom
        {
            public static double Opaque(double x, double y) => x * Math.Exp(y);

            [DerivativeOf(nameof(Opaque))]
            public static (double Value, double dx, double dy) OpaqueDerivative(double x, double y)
            {
                var e = Math.Exp(y);
                return (x * e, e, x * e);
            }

            [DerivativeOf(nameof(Opaque))]
            public static (double Value, double dx, double dy, double dxdx, double dxdy, double dydy) OpaqueSecond(double x, double y)
            {
                var e = Math.Exp(y);
                return (x * e, e, x * e, 0, e, x * e);
            }

            [Differentiable]
            public static double FirstOrder(double x) => Opaque(x, Math.Sin(x));

            [Differentiable(Order = 2)]
            public static double SecondOrder(double x, double y) => Opaque(x * y, y) * x;
        }
        """));

    [Fact]
    public void GenericMathCustomDerivativesAndWhileLoops() => Snapshot.Verify(GeneratorHarness.Run("""
        using System;
        using System.Numerics;
        using Leibniz;

        public static partial class More
        {
            [Differentiable]
            public static T Softplus<T>(T x) where T : IFloatingPointIeee754<T> => T.Log(T.One + T.Exp(x));

            public static double Opaque(double x, double y) => x * y;

            [DerivativeOf(nameof(Opaque))]
            public static (double Value, double dx, double dy) OpaqueDerivative(double x, double y) => (x * y, y, x);

            [Differentiable]
            public static double UsesOpaque(double x) => Opaque(x, Math.Sin(x));

            [Differentiable]
            public static double Halve(double x, double limit)
            {
                var y = x * x + 1;
                while (y > limit)
                {
                    y = 0.5 * y;
                    if (y < 0.1)
                    {
                        break;
                    }
                }

                return y;
            }
        }
        """));

    [Fact]
    public void LoopIdioms() => Snapshot.Verify(GeneratorHarness.Run("""
        using System;
        using Leibniz;

        public static partial class Idioms
        {
            [Differentiable]
            public static double MeanOfPositives(double[] x, double a)
            {
                double s = 0;
                int k = 0;
                for (int i = 0; x.Length > i; i++)
                {
                    if (x[i] > 0)
                    {
                        s += a * x[i];
                        k++;
                    }
                }

                return k > 0 ? s / k : a;
            }

            [Differentiable]
            public static double PackedQuadratic(ReadOnlySpan<double> packed, ReadOnlySpan<double> v, int n)
            {
                double s = 0;
                int idx = 0;
                for (int i = 0; i < n; i++)
                {
                    double row = 0;
                    for (int j = 0; j <= i; j++)
                    {
                        row += packed[idx] * v[j];
                        idx++;
                    }

                    s += row * row;
                }

                return s;
            }

            [Differentiable]
            public static double Softmax(double[] x, double a)
            {
                double[] p = new double[x.Length];
                double sum = 0;
                for (int i = 0; i < x.Length; i++)
                {
                    p[i] = Math.Exp(a * x[i]);
                    sum += p[i];
                }

                for (int i = 0; i < x.Length; i++)
                {
                    p[i] /= sum;
                }

                double e = 0;
                for (int i = 0; i < x.Length; i++)
                {
                    e += p[i] * x[i];
                }

                return e;
            }

            [Differentiable]
            public static double Frobenius(double[,] m, double a)
            {
                double s = 0;
                for (int i = 0; i < m.GetLength(0); i++)
                {
                    for (int j = 0; j < m.GetLength(1); j++)
                    {
                        s += Math.Sin(a * m[i, j]) * m[i, j];
                    }
                }

                return s;
            }
        }
        """));
}
