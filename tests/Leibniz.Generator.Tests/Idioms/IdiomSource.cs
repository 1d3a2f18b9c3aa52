namespace Leibniz.Generator.Tests.Idioms;

/// <summary>
/// Loops and integer state written the way people write them (not adapted to the generator): every method is
/// compiled with the generator in one compilation, next to a copy of itself on <see cref="Dual"/> numbers.
/// </summary>
internal static class IdiomSource
{
    /// <summary>The [Differentiable] methods: namespace Idioms, every floating type spelled double.</summary>
    public const string Text = """
        using System;
        using Leibniz;

        namespace Idioms;

        public static partial class Headers
        {
            [Differentiable]
            public static double PlusOneBelow(double[] x, double a)
            {
                double s = 0;
                for (int i = 0; i + 1 < x.Length; i++)
                {
                    s += a * x[i] * x[i + 1];
                }

                return s;
            }

            [Differentiable]
            public static double BoundOnTheLeft(double[] x, double a)
            {
                double s = a;
                for (int i = 0; x.Length > i; i++)
                {
                    s = s * 0.5 + Math.Sin(x[i] * s);
                }

                return s;
            }

            [Differentiable]
            public static double NotEqualUp(double[] x, double a)
            {
                double s = 0;
                for (int i = 0; i != x.Length; i++)
                {
                    s += Math.Exp(a * x[i]);
                }

                return s;
            }

            [Differentiable]
            public static double NotEqualDown(double[] x, double a)
            {
                double p = 1;
                for (int i = x.Length - 1; i != -1; i--)
                {
                    p = p * a + x[i];
                }

                return p;
            }

            [Differentiable]
            public static double LessOrEqualMinusOne(double[] x, double a)
            {
                double s = 0;
                for (int i = 1; i <= x.Length - 1; i++)
                {
                    s += (x[i] - x[i - 1]) * (x[i] - x[i - 1]) * a;
                }

                return s;
            }

            [Differentiable]
            public static double MinusOneOnTheLeft(double[] x, double a)
            {
                double s = a;
                for (int i = x.Length; i - 1 >= 0; i--)
                {
                    s = Math.Tanh(s + x[i - 1]);
                }

                return s;
            }

            [Differentiable]
            public static double StepTwoFromTheRight(double[] x, double a)
            {
                double s = 0;
                for (int i = 0; x.Length - 1 > i; i += 2)
                {
                    s += x[i] * x[i + 1] + a;
                }

                return s;
            }

            [Differentiable]
            public static double NewtonWithCap(double[] x, double a)
            {
                double y = 1 + a * a;
                double target = 2 + x[0] * x[0];
                double err = 1;
                for (int iter = 0; iter < 100 && err > 1e-12; iter++)
                {
                    y = 0.5 * (y + target / y);
                    err = Math.Abs(y * y - target);
                }

                return y;
            }

            [Differentiable]
            public static double DataFirstCondition(double[] x, double a)
            {
                double s = 0;
                for (int i = 0; s < 3 && i < x.Length; i++)
                {
                    s += x[i] * x[i] + a * a;
                }

                return s;
            }
        }

        public static partial class Integers
        {
            [Differentiable]
            public static double MeanOfPositives(double[] x, double a)
            {
                double s = 0;
                int k = 0;
                for (int i = 0; i < x.Length; i++)
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
            public static double PackedTriangle(double[] x, double a, int n)
            {
                double s = 0;
                int idx = 0;
                for (int i = 0; i < n; i++)
                {
                    double row = 0;
                    for (int j = 0; j <= i; j++)
                    {
                        row += x[idx] * Math.Cos(a * j);
                        idx++;
                    }

                    s += row * row;
                }

                return s;
            }

            [Differentiable]
            public static double Strided(double[] x, double a, int n)
            {
                double s = 0;
                int at = n - 1;
                for (int i = 0; i < n; i++)
                {
                    s = s * a + x[at];
                    at -= 1;
                }

                return s;
            }

            [Differentiable]
            public static double HeronWithCap(double[] x, double a)
            {
                double target = 1 + x[0] * x[0] + a * a;
                double y = target;
                int iter = 0;
                while (iter < 50 && Math.Abs(y * y - target) > 1e-12 * target)
                {
                    y = 0.5 * (y + target / y);
                    iter++;
                }

                return y + 0 * iter;
            }

            [Differentiable]
            public static double CountedRecurrence(double[] x, double a)
            {
                double s = a;
                int steps = 0;
                for (int i = 0; i < x.Length; i++)
                {
                    if (x[i] * s > 0.1)
                    {
                        steps += 2;
                    }

                    s = Math.Sin(s) + x[i] / (1 + steps);
                }

                return s;
            }
        }

        public static partial class Grids
        {
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

            [Differentiable]
            public static double Quadratic(double[] x, [NoDerivative] double[,] q)
            {
                double s = 0;
                for (int i = 0; i < x.Length; i++)
                {
                    for (int j = 0; j < x.Length; j++)
                    {
                        s += x[i] * q[i, j] * x[j];
                    }
                }

                return s;
            }

            [Differentiable]
            public static double Logistic(double[] w, [NoDerivative] double[][] rows)
            {
                double s = 0;
                foreach (var row in rows)
                {
                    double z = 0;
                    for (int j = 0; j < row.Length; j++)
                    {
                        z += w[j] * row[j];
                    }

                    s += Math.Log(1 + Math.Exp(z));
                }

                return s;
            }
        }

        public static partial class InPlace
        {
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
            public static double Scaled(double[] x, double a)
            {
                Span<double> v = stackalloc double[x.Length];
                double norm = 0;
                for (int i = 0; i < x.Length; i++)
                {
                    v[i] = x[i] + a;
                    norm += v[i] * v[i];
                }

                for (int i = 0; i < x.Length; i++)
                {
                    v[i] *= a / (1 + norm);
                }

                double s = 0;
                for (int i = 0; i < x.Length; i++)
                {
                    s += Math.Sin(v[i]);
                }

                return s;
            }
        }

        public static partial class MoreIntegers
        {
            [Differentiable]
            public static double Compact(double[] x, double a)
            {
                double[] kept = new double[x.Length];
                int count = 0;
                for (int i = 0; i < x.Length; i++)
                {
                    if (x[i] > a)
                    {
                        kept[count] = x[i] * x[i];
                        count++;
                    }
                }

                double s = a;
                for (int i = 1; i < count; i++)
                {
                    s += kept[i] * kept[i - 1];
                }

                return s;
            }

            [Differentiable]
            public static double AdvancedInBothBranches(double[] x, double a, int n)
            {
                double s = 0;
                int idx = 0;
                for (int i = 0; i < n; i++)
                {
                    double row = 0;
                    for (int j = 0; j <= i; j++)
                    {
                        if (x[idx] > 0)
                        {
                            row += x[idx] * Math.Cos(a * j);
                            idx++;
                        }
                        else
                        {
                            row -= a * x[idx];
                            idx += 1;
                        }
                    }

                    s += row * row;
                }

                return s;
            }
        }

        public static partial class MoreInPlace
        {
            [Differentiable]
            public static double NormalisedPerRow(double[] x, double a, int n)
            {
                double total = 0;
                for (int r = 0; r < n; r++)
                {
                    double[] w = new double[n];
                    double sum = 0;
                    for (int c = 0; c < n; c++)
                    {
                        w[c] = Math.Exp(a * x[r * n + c]);
                        sum += w[c];
                    }

                    for (int c = 0; c < n; c++)
                    {
                        w[c] /= sum;
                    }

                    for (int c = 0; c < n; c++)
                    {
                        total += w[c] * x[r * n + c];
                    }
                }

                return total;
            }

            [Differentiable]
            public static double ScaledTwice(double[] x, double a)
            {
                Span<double> v = stackalloc double[x.Length];
                for (int i = 0; i < x.Length; i++)
                {
                    v[i] = x[i];
                }

                double s = 0;
                for (int i = 0; i < x.Length; i++)
                {
                    s += v[i] * v[i];
                }

                for (int i = 0; i < x.Length; i++)
                {
                    v[i] *= a;
                }

                for (int i = 0; i < x.Length; i++)
                {
                    v[i] /= 1 + s;
                }

                double e = 0;
                for (int i = 0; i < x.Length; i++)
                {
                    e += Math.Sin(v[i]) + s * v[i];
                }

                return e;
            }
        }
        """;
}
