using System.Numerics.Tensors;

namespace Leibniz.Nn;

public sealed partial class Lbfgs
{
    private const double C1 = 1e-4;
    private const double C2 = 0.9;
    private const double LineSearchToleranceChange = 1e-9;
    private const int MaxLineSearchIterations = 25;

    private readonly double[] _x;
    private readonly double[] _gNew;
    private readonly double[] _gPrev;
    private readonly double[][] _bracketG;

    /// <summary>
    /// Minimum of the cubic interpolating (x₁, f₁, g₁) and (x₂, f₂, g₂), clamped to the bounds (PyTorch's
    /// <c>_cubic_interpolate</c>); the bounds' midpoint when the cubic has no minimum.
    /// </summary>
    internal static double CubicInterpolate(double x1, double f1, double g1, double x2, double f2, double g2, double? lower = null, double? upper = null)
    {
        var (xmin, xmax) = lower is { } l && upper is { } u ? (l, u) : x1 <= x2 ? (x1, x2) : (x2, x1);
        var d1 = g1 + g2 - (3 * (f1 - f2) / (x1 - x2));
        var d2Square = (d1 * d1) - (g1 * g2);
        if (d2Square >= 0)
        {
            var d2 = Math.Sqrt(d2Square);
            var minimum = x1 <= x2
                ? x2 - ((x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + (2 * d2))))
                : x1 - ((x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + (2 * d2))));
            return Math.Min(Math.Max(minimum, xmin), xmax);
        }

        return (xmin + xmax) / 2;
    }

    /// <summary>Loss and gradient at x + t·d (into <see cref="_gNew"/>); the parameters are restored to x afterwards.</summary>
    private double Evaluate(double t, double[] d)
    {
        AddToParameters(t, d);
        var loss = _closure!();
        GatherFlatGrad(_gNew);
        WriteParameters(_x);
        return loss;
    }

    /// <summary>PyTorch's <c>_strong_wolfe</c>: bracketing, then zoom by safeguarded cubic interpolation; the accepted gradient lands in <see cref="_flatGrad"/>.</summary>
    private (double Loss, double T, int Evaluations) StrongWolfe(double t, double[] d, double f, double[] g, double gtd)
    {
        var dNorm = MaxAbs(d);
        Array.Copy(g, _gPrev, _size);
        var fNew = Evaluate(t, d);
        var evaluations = 1;
        var gtdNew = TensorPrimitives.Dot<double>(_gNew, d);
        double tPrev = 0, fPrev = f, gtdPrev = gtd;
        var gPrevIsInitial = true;
        var done = false;
        var iteration = 0;
        Span<double> bracket = stackalloc double[2];
        Span<double> bracketF = stackalloc double[2];
        Span<double> bracketGtd = stackalloc double[2];
        var bracketG = _bracketG;
        var count = 0;
        while (iteration < MaxLineSearchIterations)
        {
            var sufficientDecreaseFails = fNew > f + (C1 * t * gtd) || (iteration > 1 && fNew >= fPrev);
            if (!sufficientDecreaseFails && Math.Abs(gtdNew) <= -C2 * gtd)
            {
                (bracket[0], bracketF[0], count, done) = (t, fNew, 1, true);
                Array.Copy(_gNew, bracketG[0], _size);
                break;
            }

            if (sufficientDecreaseFails || gtdNew >= 0)
            {
                (bracket[0], bracket[1]) = (tPrev, t);
                (bracketF[0], bracketF[1]) = (fPrev, fNew);
                (bracketGtd[0], bracketGtd[1]) = (gtdPrev, gtdNew);
                Array.Copy(gPrevIsInitial ? g : _gPrev, bracketG[0], _size);
                Array.Copy(_gNew, bracketG[1], _size);
                count = 2;
                break;
            }

            var minStep = t + (0.01 * (t - tPrev));
            var maxStep = t * 10;
            var previous = t;
            t = CubicInterpolate(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, minStep, maxStep);
            tPrev = previous;
            fPrev = fNew;
            Array.Copy(_gNew, _gPrev, _size);
            gPrevIsInitial = false;
            gtdPrev = gtdNew;
            fNew = Evaluate(t, d);
            evaluations++;
            gtdNew = TensorPrimitives.Dot<double>(_gNew, d);
            iteration++;
        }

        if (iteration == MaxLineSearchIterations)
        {
            (bracket[0], bracket[1]) = (0, t);
            (bracketF[0], bracketF[1]) = (f, fNew);
            Array.Copy(g, bracketG[0], _size);
            Array.Copy(_gNew, bracketG[1], _size);
            count = 2;
        }

        var insufficientProgress = false;
        var (low, high) = bracketF[0] <= bracketF[count - 1] ? (0, 1) : (1, 0);
        while (!done && iteration < MaxLineSearchIterations)
        {
            if (Math.Abs(bracket[1] - bracket[0]) * dNorm < LineSearchToleranceChange)
            {
                break;
            }

            t = CubicInterpolate(bracket[0], bracketF[0], bracketGtd[0], bracket[1], bracketF[1], bracketGtd[1]);
            var top = Math.Max(bracket[0], bracket[1]);
            var bottom = Math.Min(bracket[0], bracket[1]);
            var eps = 0.1 * (top - bottom);
            if (Math.Min(top - t, t - bottom) < eps)
            {
                if (insufficientProgress || t >= top || t <= bottom)
                {
                    t = Math.Abs(t - top) < Math.Abs(t - bottom) ? top - eps : bottom + eps;
                    insufficientProgress = false;
                }
                else
                {
                    insufficientProgress = true;
                }
            }
            else
            {
                insufficientProgress = false;
            }

            fNew = Evaluate(t, d);
            evaluations++;
            gtdNew = TensorPrimitives.Dot<double>(_gNew, d);
            iteration++;
            if (fNew > f + (C1 * t * gtd) || fNew >= bracketF[low])
            {
                (bracket[high], bracketF[high], bracketGtd[high]) = (t, fNew, gtdNew);
                Array.Copy(_gNew, bracketG[high], _size);
                (low, high) = bracketF[0] <= bracketF[1] ? (0, 1) : (1, 0);
            }
            else
            {
                if (Math.Abs(gtdNew) <= -C2 * gtd)
                {
                    done = true;
                }
                else if (gtdNew * (bracket[high] - bracket[low]) >= 0)
                {
                    (bracket[high], bracketF[high], bracketGtd[high]) = (bracket[low], bracketF[low], bracketGtd[low]);
                    Array.Copy(bracketG[low], bracketG[high], _size);
                }

                (bracket[low], bracketF[low], bracketGtd[low]) = (t, fNew, gtdNew);
                Array.Copy(_gNew, bracketG[low], _size);
            }
        }

        Array.Copy(bracketG[low], _flatGrad, _size);
        return (bracketF[low], bracket[low], evaluations);
    }
}
