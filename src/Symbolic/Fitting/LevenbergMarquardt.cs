using System.Numerics.Tensors;

namespace Leibniz.Symbolic;

/// <summary>The outcome of <see cref="LevenbergMarquardt.Minimize{TProblem}"/>.</summary>
/// <param name="Cost">Σ r² at the returned parameters.</param>
/// <param name="Iterations">Steps tried.</param>
/// <param name="Evaluations">Residual and Jacobian evaluations, together.</param>
public readonly record struct LeastSquaresResult(double Cost, int Iterations, int Evaluations);

/// <summary>
/// Levenberg–Marquardt with Marquardt's diagonal scaling: each step solves (JᵀJ + λ·diag JᵀJ) δ = −Jᵀr by Cholesky,
/// keeps the step if it lowers the cost (then λ shrinks) and otherwise grows λ. Its buffers grow to the largest
/// problem seen and are reused: after warm-up a call allocates nothing. Not thread-safe (use one per thread).
/// </summary>
public sealed class LevenbergMarquardt
{
    private double[] _residuals = [];
    private double[] _trialResiduals = [];
    private double[] _jacobian = [];
    private double[] _normal = [];
    private double[] _gradient = [];
    private double[] _step = [];
    private double[] _trial = [];

    /// <summary>Minimizes the problem's cost, starting from and writing back into <paramref name="parameters"/>.</summary>
    /// <typeparam name="TProblem">The problem type (a struct or sealed class avoids interface dispatch).</typeparam>
    /// <param name="problem">The residuals and their Jacobian.</param>
    /// <param name="parameters">The start; receives the best parameters found.</param>
    /// <param name="maxIterations">The number of steps to try (0 only evaluates the cost).</param>
    public LeastSquaresResult Minimize<TProblem>(TProblem problem, Span<double> parameters, int maxIterations)
        where TProblem : ILeastSquaresProblem
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentOutOfRangeException.ThrowIfNegative(maxIterations);
        var n = problem.ResidualCount;
        var p = parameters.Length;
        Reserve(n, p);
        var r = _residuals.AsSpan(0, n);
        var trialR = _trialResiduals.AsSpan(0, n);
        var jacobian = _jacobian.AsSpan(0, n * p);
        if (maxIterations == 0 || p == 0)
        {
            problem.Residuals(parameters, r);
            return new LeastSquaresResult(Cost(r), 0, 1);
        }

        problem.Jacobian(parameters, r, jacobian);
        var evaluations = 1;
        var cost = Cost(r);
        if (!double.IsFinite(cost))
        {
            return new LeastSquaresResult(cost, 0, evaluations);
        }

        var lambda = 1e-3;
        var iterations = 0;
        var trial = _trial.AsSpan(0, p);
        var stale = true;
        while (iterations < maxIterations && cost > 0)
        {
            iterations++;
            if (stale)
            {
                // A rejected step changes only λ: JᵀJ and Jᵀr stay, and they cost p²/2 dot products of n rows.
                NormalEquations(jacobian, r, n, p);
                stale = false;
            }

            if (!Solve(p, lambda))
            {
                lambda *= 10;
                continue;
            }

            for (var k = 0; k < p; k++)
            {
                trial[k] = parameters[k] - _step[k];
            }

            problem.Residuals(trial, trialR);
            evaluations++;
            var trialCost = Cost(trialR);
            if (trialCost < cost)
            {
                trial.CopyTo(parameters);
                var converged = cost - trialCost <= 1e-15 * cost;
                cost = trialCost;
                lambda = Math.Max(lambda / 3, 1e-12);
                if (iterations == maxIterations || converged)
                {
                    break;
                }

                problem.Jacobian(parameters, r, jacobian);
                evaluations++;
                stale = true;
            }
            else
            {
                lambda *= 4;
                if (lambda > 1e12)
                {
                    break;
                }
            }
        }

        return new LeastSquaresResult(cost, iterations, evaluations);
    }

    private static double Cost(ReadOnlySpan<double> r)
    {
        var cost = Reductions.Dot(r, r);
        return double.IsNaN(cost) ? double.PositiveInfinity : cost;
    }

    private void Reserve(int n, int p)
    {
        if (_residuals.Length < n)
        {
            _residuals = new double[n];
            _trialResiduals = new double[n];
        }

        if (_jacobian.Length < n * p)
        {
            _jacobian = new double[n * p];
        }

        if (_gradient.Length < p)
        {
            _normal = new double[p * p];
            _gradient = new double[p];
            _step = new double[p];
            _trial = new double[p];
        }
    }

    private void NormalEquations(ReadOnlySpan<double> jacobian, ReadOnlySpan<double> r, int n, int p)
    {
        for (var a = 0; a < p; a++)
        {
            var column = jacobian.Slice(a * n, n);
            _gradient[a] = Reductions.Dot(column, r);
            for (var b = 0; b <= a; b++)
            {
                _normal[a * p + b] = Reductions.Dot(column, jacobian.Slice(b * n, n));
            }
        }
    }

    // Solves (A + λ diag A) δ = g in place by Cholesky on the lower triangle; false when not positive definite.
    private bool Solve(int p, double lambda)
    {
        Span<double> l = p <= 32 ? stackalloc double[p * p] : new double[p * p];
        for (var a = 0; a < p; a++)
        {
            for (var b = 0; b <= a; b++)
            {
                var sum = _normal[a * p + b];
                if (a == b)
                {
                    sum += lambda * sum + 1e-12;
                }

                for (var k = 0; k < b; k++)
                {
                    sum -= l[a * p + k] * l[b * p + k];
                }

                if (a == b)
                {
                    if (!(sum > 0) || !double.IsFinite(sum))
                    {
                        return false;
                    }

                    l[a * p + a] = Math.Sqrt(sum);
                }
                else
                {
                    l[a * p + b] = sum / l[b * p + b];
                }
            }
        }

        for (var a = 0; a < p; a++)
        {
            var sum = _gradient[a];
            for (var k = 0; k < a; k++)
            {
                sum -= l[a * p + k] * _step[k];
            }

            _step[a] = sum / l[a * p + a];
        }

        for (var a = p - 1; a >= 0; a--)
        {
            var sum = _step[a];
            for (var k = a + 1; k < p; k++)
            {
                sum -= l[k * p + a] * _step[k];
            }

            _step[a] = sum / l[a * p + a];
        }

        return true;
    }
}
