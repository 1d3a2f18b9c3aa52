namespace Leibniz.Symbolic;

/// <summary>
/// The residuals a·f(x; θ) + b − y of an expression f with coefficients θ and an outer scale a and offset b; the
/// parameter vector is [θ…, a, b]. The Jacobian's θ columns come from the interpreter's reverse sweep.
/// </summary>
internal sealed class ScaledExpressionProblem(Interpreter interpreter) : ILeastSquaresProblem
{
    private Node[] _nodes = [];
    private RegressionData? _data;
    private double[] _values = [];

    public int ResidualCount => _data?.Rows ?? 0;

    public void Reset(Node[] nodes, RegressionData data)
    {
        _nodes = nodes;
        _data = data;
        if (_values.Length < data.Rows)
        {
            _values = new double[data.Rows];
        }
    }

    public void Residuals(ReadOnlySpan<double> parameters, Span<double> residuals)
    {
        var p = parameters.Length - 2;
        interpreter.Evaluate(_nodes, _data!, 0, residuals, parameters[..p]);
        Scale(parameters[p], parameters[p + 1], residuals, residuals);
    }

    public void Jacobian(ReadOnlySpan<double> parameters, Span<double> residuals, Span<double> jacobian)
    {
        var p = parameters.Length - 2;
        var n = residuals.Length;
        var values = _values.AsSpan(0, n);
        var a = parameters[p];
        interpreter.Jacobian(_nodes, _data!, 0, values, jacobian[..(p * n)], parameters[..p], a);
        values.CopyTo(jacobian.Slice(p * n, n));
        jacobian.Slice((p + 1) * n, n).Fill(1);
        Scale(a, parameters[p + 1], values, residuals);
    }

    private void Scale(double a, double b, ReadOnlySpan<double> f, Span<double> residuals)
    {
        var y = _data!.Target;
        for (var i = 0; i < residuals.Length; i++)
        {
            residuals[i] = a * f[i] + b - y[i];
        }
    }
}
