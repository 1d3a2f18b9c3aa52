namespace Leibniz;

/// <summary>The element type of a <see cref="Tensor"/>.</summary>
public enum DType
{
    /// <summary>32-bit IEEE 754 floating point (<see cref="float"/>), the default, as in PyTorch.</summary>
    Float32,

    /// <summary>64-bit IEEE 754 floating point (<see cref="double"/>), for gradient checks and precise work.</summary>
    Float64,
}
