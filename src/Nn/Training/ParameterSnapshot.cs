namespace Leibniz.Nn;

/// <summary>A copy of a model's parameter values, taken and put back without allocating after construction.</summary>
internal sealed class ParameterSnapshot
{
    private readonly IReadOnlyList<Tensor> _parameters;
    private readonly Array[] _copies;

    public ParameterSnapshot(IReadOnlyList<Tensor> parameters)
    {
        _parameters = parameters;
        _copies = [.. parameters.Select(p => p.DType == DType.Float32 ? (Array)new float[p.Length] : new double[p.Length])];
    }

    public void Capture()
    {
        for (var i = 0; i < _parameters.Count; i++)
        {
            if (_copies[i] is float[] floats)
            {
                _parameters[i].AsSpan<float>().CopyTo(floats);
            }
            else
            {
                _parameters[i].AsSpan<double>().CopyTo((double[])_copies[i]);
            }
        }
    }

    public void Restore()
    {
        for (var i = 0; i < _parameters.Count; i++)
        {
            if (_copies[i] is float[] floats)
            {
                floats.CopyTo(_parameters[i].AsSpan<float>());
            }
            else
            {
                ((double[])_copies[i]).CopyTo(_parameters[i].AsSpan<double>());
            }
        }
    }
}
