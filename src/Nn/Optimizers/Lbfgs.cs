using System.Numerics.Tensors;

namespace Leibniz.Nn;

/// <summary>
/// L-BFGS with the semantics of PyTorch's <c>torch.optim.LBFGS</c>: each <see cref="Step"/> runs up to
/// <see cref="MaxIterations"/> quasi-Newton iterations, re-evaluating the closure (zero the gradients, forward,
/// backward, return the loss) as often as the line search needs, keeping the last <see cref="HistorySize"/>
/// curvature pairs. The arithmetic is done in float64 on a flat copy of the parameters.
/// </summary>
/// <remarks>The buffers are allocated on the first step; later steps allocate nothing.</remarks>
public sealed partial class Lbfgs
{
    private readonly Tensor[] _parameters;
    private readonly int _size;
    private readonly double[][] _oldDirections;
    private readonly double[][] _oldSteps;
    private readonly double[] _ro;
    private readonly double[] _alpha;
    private readonly double[] _flatGrad;
    private readonly double[] _prevFlatGrad;
    private readonly double[] _direction;
    private readonly double[] _scratch;
    private int _historyStart;
    private int _historyCount;
    private double _hDiag = 1;
    private double _t;
    private Func<double>? _closure;

    /// <summary>Creates the optimizer (PyTorch's defaults).</summary>
    /// <param name="parameters">The tensors to optimize (leaves).</param>
    /// <param name="learningRate">The step scale (lr).</param>
    /// <param name="maxIterations">Iterations per <see cref="Step"/> (max_iter).</param>
    /// <param name="maxEvaluations">Closure evaluations per <see cref="Step"/> (max_eval; default maxIterations·5/4).</param>
    /// <param name="toleranceGrad">Stop when the largest gradient component is at most this (tolerance_grad).</param>
    /// <param name="toleranceChange">Stop when the step or the loss change is below this (tolerance_change).</param>
    /// <param name="historySize">Curvature pairs kept (history_size).</param>
    /// <param name="lineSearch">The line search (line_search_fn).</param>
    public Lbfgs(IEnumerable<Tensor> parameters, double learningRate = 1, int maxIterations = 20, int? maxEvaluations = null,
        double toleranceGrad = 1e-7, double toleranceChange = 1e-9, int historySize = 100, LbfgsLineSearch lineSearch = LbfgsLineSearch.None)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _parameters = [.. parameters];
        if (_parameters.Length == 0)
        {
            throw new ArgumentException("L-BFGS needs at least one parameter.", nameof(parameters));
        }

        foreach (var parameter in _parameters)
        {
            if (!parameter.IsLeaf)
            {
                throw new ArgumentException("Every optimized tensor must be a leaf (a parameter), not the result of an operation.", nameof(parameters));
            }

            _size += parameter.Length;
        }

        if (!(learningRate > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The learning rate must be positive.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxIterations);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(historySize);
        ArgumentOutOfRangeException.ThrowIfNegative(toleranceGrad);
        ArgumentOutOfRangeException.ThrowIfNegative(toleranceChange);
        LearningRate = learningRate;
        MaxIterations = maxIterations;
        MaxEvaluations = maxEvaluations ?? (maxIterations * 5 / 4);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxEvaluations, nameof(maxEvaluations));
        ToleranceGrad = toleranceGrad;
        ToleranceChange = toleranceChange;
        HistorySize = historySize;
        LineSearch = lineSearch;
        _oldDirections = new double[historySize][];
        _oldSteps = new double[historySize][];
        _ro = new double[historySize];
        _alpha = new double[historySize];
        _flatGrad = new double[_size];
        _prevFlatGrad = new double[_size];
        _direction = new double[_size];
        _scratch = new double[_size];
        _x = new double[_size];
        _gNew = new double[_size];
        _gPrev = new double[_size];
        _bracketG = [new double[_size], new double[_size]];
    }

    /// <summary>lr.</summary>
    public double LearningRate { get; }

    /// <summary>max_iter.</summary>
    public int MaxIterations { get; }

    /// <summary>max_eval.</summary>
    public int MaxEvaluations { get; }

    /// <summary>tolerance_grad.</summary>
    public double ToleranceGrad { get; }

    /// <summary>tolerance_change.</summary>
    public double ToleranceChange { get; }

    /// <summary>history_size.</summary>
    public int HistorySize { get; }

    /// <summary>line_search_fn.</summary>
    public LbfgsLineSearch LineSearch { get; }

    /// <summary>Closure evaluations over all steps (PyTorch's <c>state["func_evals"]</c>).</summary>
    public int FunctionEvaluations { get; private set; }

    /// <summary>Iterations over all steps (PyTorch's <c>state["n_iter"]</c>).</summary>
    public int Iterations { get; private set; }

    /// <summary>Runs one L-BFGS step (up to <see cref="MaxIterations"/> iterations).</summary>
    /// <param name="closure">Zeroes the gradients, computes the loss, back-propagates it and returns its value.</param>
    /// <returns>The loss of the first evaluation (before this step moved the parameters), as PyTorch returns.</returns>
    public double Step(Func<double> closure)
    {
        ArgumentNullException.ThrowIfNull(closure);
        _closure = closure;
        var originalLoss = closure();
        var loss = originalLoss;
        var currentEvaluations = 1;
        FunctionEvaluations++;
        GatherFlatGrad(_flatGrad);
        if (MaxAbs(_flatGrad) <= ToleranceGrad)
        {
            return originalLoss;
        }

        var d = _direction;
        var iteration = 0;
        while (iteration < MaxIterations)
        {
            iteration++;
            Iterations++;
            if (Iterations == 1)
            {
                TensorPrimitives.Negate<double>(_flatGrad, d);
                _historyCount = 0;
                _historyStart = 0;
                _hDiag = 1;
            }
            else
            {
                UpdateDirection(d);
            }

            Array.Copy(_flatGrad, _prevFlatGrad, _size);
            var previousLoss = loss;
            _t = Iterations == 1 ? Math.Min(1, 1 / TensorPrimitives.SumOfMagnitudes<double>(_flatGrad)) * LearningRate : LearningRate;
            var gtd = TensorPrimitives.Dot<double>(_flatGrad, d);
            if (gtd > -ToleranceChange)
            {
                break;
            }

            int lineSearchEvaluations;
            bool optimal;
            if (LineSearch == LbfgsLineSearch.StrongWolfe)
            {
                ReadParameters(_x);
                (loss, _t, lineSearchEvaluations) = StrongWolfe(_t, d, loss, _flatGrad, gtd);
                AddToParameters(_t, d);
                optimal = MaxAbs(_flatGrad) <= ToleranceGrad;
            }
            else
            {
                AddToParameters(_t, d);
                lineSearchEvaluations = 0;
                optimal = false;
                if (iteration != MaxIterations)
                {
                    loss = closure();
                    GatherFlatGrad(_flatGrad);
                    optimal = MaxAbs(_flatGrad) <= ToleranceGrad;
                    lineSearchEvaluations = 1;
                }
            }

            currentEvaluations += lineSearchEvaluations;
            FunctionEvaluations += lineSearchEvaluations;
            if (iteration == MaxIterations || currentEvaluations >= MaxEvaluations || optimal)
            {
                break;
            }

            if (MaxAbs(d) * Math.Abs(_t) <= ToleranceChange || Math.Abs(loss - previousLoss) < ToleranceChange)
            {
                break;
            }
        }

        _closure = null;
        return originalLoss;
    }

    /// <summary>The two-loop recursion after storing the newest curvature pair (y, s) when yᵀs &gt; 1e-10.</summary>
    private void UpdateDirection(double[] d)
    {
        var y = _scratch;
        TensorPrimitives.Subtract<double>(_flatGrad, _prevFlatGrad, y);
        var ys = 0.0;
        for (var i = 0; i < _size; i++)
        {
            ys += y[i] * d[i] * _t;
        }

        if (ys > 1e-10)
        {
            if (_historyCount == HistorySize)
            {
                _historyStart = (_historyStart + 1) % HistorySize;
                _historyCount--;
            }

            var slot = (_historyStart + _historyCount) % HistorySize;
            var newDirection = _oldDirections[slot] ??= new double[_size];
            var newStep = _oldSteps[slot] ??= new double[_size];
            Array.Copy(y, newDirection, _size);
            TensorPrimitives.Multiply<double>(d, _t, newStep);
            _ro[slot] = 1 / ys;
            _historyCount++;
            _hDiag = ys / TensorPrimitives.Dot<double>(y, y);
        }

        var q = d;
        TensorPrimitives.Negate<double>(_flatGrad, q);
        for (var k = _historyCount - 1; k >= 0; k--)
        {
            var slot = (_historyStart + k) % HistorySize;
            _alpha[k] = TensorPrimitives.Dot<double>(_oldSteps[slot], q) * _ro[slot];
            TensorPrimitives.MultiplyAdd<double>(_oldDirections[slot], -_alpha[k], q, q);
        }

        TensorPrimitives.Multiply<double>(q, _hDiag, q);
        for (var k = 0; k < _historyCount; k++)
        {
            var slot = (_historyStart + k) % HistorySize;
            var beta = TensorPrimitives.Dot<double>(_oldDirections[slot], q) * _ro[slot];
            TensorPrimitives.MultiplyAdd<double>(_oldSteps[slot], _alpha[k] - beta, q, q);
        }
    }

    /// <summary>The largest |component| (TensorPrimitives.MaxMagnitude keeps the sign).</summary>
    private static double MaxAbs(ReadOnlySpan<double> values) => Math.Abs(TensorPrimitives.MaxMagnitude(values));

    private void GatherFlatGrad(double[] target)
    {
        var offset = 0;
        foreach (var parameter in _parameters)
        {
            var length = parameter.Length;
            var span = target.AsSpan(offset, length);
            if (!parameter.RequiresGrad || !parameter.HasGrad)
            {
                span.Clear();
            }
            else if (parameter.DType == DType.Float32)
            {
                var grad = parameter.Grad.AsSpan<float>();
                for (var i = 0; i < length; i++)
                {
                    span[i] = grad[i];
                }
            }
            else
            {
                parameter.Grad.AsSpan<double>().CopyTo(span);
            }

            offset += length;
        }
    }

    private void ReadParameters(double[] target)
    {
        var offset = 0;
        foreach (var parameter in _parameters)
        {
            var span = target.AsSpan(offset, parameter.Length);
            if (parameter.DType == DType.Float32)
            {
                var values = parameter.AsSpan<float>();
                for (var i = 0; i < values.Length; i++)
                {
                    span[i] = values[i];
                }
            }
            else
            {
                parameter.AsSpan<double>().CopyTo(span);
            }

            offset += parameter.Length;
        }
    }

    /// <summary>p ← p + t·d (PyTorch's <c>_add_grad</c>), in each parameter's own precision.</summary>
    private void AddToParameters(double t, double[] d)
    {
        var offset = 0;
        foreach (var parameter in _parameters)
        {
            var step = d.AsSpan(offset, parameter.Length);
            if (parameter.DType == DType.Float32)
            {
                var values = parameter.AsSpan<float>();
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] += (float)(t * step[i]);
                }
            }
            else
            {
                TensorPrimitives.MultiplyAdd<double>(step, t, parameter.AsSpan<double>(), parameter.AsSpan<double>());
            }

            offset += parameter.Length;
        }
    }

    private void WriteParameters(double[] source)
    {
        var offset = 0;
        foreach (var parameter in _parameters)
        {
            var span = source.AsSpan(offset, parameter.Length);
            if (parameter.DType == DType.Float32)
            {
                var values = parameter.AsSpan<float>();
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = (float)span[i];
                }
            }
            else
            {
                span.CopyTo(parameter.AsSpan<double>());
            }

            offset += parameter.Length;
        }
    }
}
