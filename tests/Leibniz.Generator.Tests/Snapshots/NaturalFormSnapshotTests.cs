using Leibniz.Generator.Tests.Infrastructure;

namespace Leibniz.Generator.Tests.Snapshots;

/// <summary>Generated code for switch, local functions, constant tables, float casts and instance methods.</summary>
public sealed class NaturalFormSnapshotTests
{
    [Fact]
    public void SwitchAndLocalFunctions() => Snapshot.Verify(GeneratorHarness.Run("""
        using System;
        using Leibniz;

        public static partial class Shapes
        {
            [Differentiable]
            public static double Piecewise(double x) => x switch
            {
                < -1 => -Math.Log(-x) - 1,
                >= -1 and < 1 => x * x * x / 3,
                _ => Math.Sqrt(x),
            };

            [Differentiable]
            public static double Activation(double x, int kind)
            {
                switch (kind)
                {
                    case 0:
                        return Math.Tanh(x);
                    case 1 or 2:
                        return Elementary.Sigmoid(x);
                    default:
                        return x;
                }
            }

            [Differentiable]
            public static double Pendulum(double theta, double omega, double g)
            {
                return Kinetic(omega) + Potential(theta);

                static double Kinetic(double w) => 0.5 * w * w;

                double Potential(double t) => g * (1 - Math.Cos(t));
            }
        }
        """));

    [Fact]
    public void TablesCastsAndInstanceMethods() => Snapshot.Verify(GeneratorHarness.Run("""
        using System;
        using Leibniz;

        public static partial class Quadrature
        {
            private static readonly double[] Nodes = [-0.5773502691896258, 0.5773502691896258];

            private static ReadOnlySpan<double> Weights => [1.0, 1.0];

            [Differentiable]
            public static double Integral(double a, double b)
            {
                var sum = 0.0;
                for (int i = 0; i < Nodes.Length; i++)
                {
                    var t = 0.5 * (a + b) + 0.5 * (b - a) * Nodes[i];
                    sum += Weights[i] * Math.Exp(-t * t);
                }

                return 0.5 * (b - a) * sum;
            }

            [Differentiable]
            public static float Distance(float x, float y) => (float)Math.Sqrt(x * x + y * y);
        }

        public sealed partial class Spring(double stiffness)
        {
            private readonly double _stiffness = stiffness;

            [Differentiable]
            public double Energy(double x) => 0.5 * _stiffness * x * x;
        }
        """));
}
