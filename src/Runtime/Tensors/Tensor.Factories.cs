namespace Leibniz;

public readonly partial struct Tensor
{
    /// <summary>A scalar (rank-0) tensor.</summary>
    /// <param name="value">The value.</param>
    /// <param name="dtype">The element type.</param>
    public static Tensor Scalar(double value, DType dtype = DType.Float32)
    {
        var node = TensorNode.NewLeaf(dtype, 0, 1, 1);
        Write(node, 0, value);
        return new Tensor(node);
    }

    /// <summary>A vector holding a copy of <paramref name="data"/>.</summary>
    /// <param name="data">The elements.</param>
    /// <param name="dtype">The element type (values are converted).</param>
    public static Tensor FromArray(double[] data, DType dtype = DType.Float32)
    {
        ArgumentNullException.ThrowIfNull(data);
        return FromValues(data, 1, data.Length, 1, dtype);
    }

    /// <summary>A vector holding a copy of <paramref name="data"/>.</summary>
    /// <param name="data">The elements.</param>
    /// <param name="dtype">The element type (values are converted).</param>
    public static Tensor FromArray(float[] data, DType dtype = DType.Float32)
    {
        ArgumentNullException.ThrowIfNull(data);
        return FromValues(data, 1, data.Length, 1, dtype);
    }

    /// <summary>A <paramref name="rows"/> × <paramref name="columns"/> matrix holding a copy of row-major <paramref name="data"/>.</summary>
    /// <param name="data">The elements, row by row.</param>
    /// <param name="rows">The number of rows.</param>
    /// <param name="columns">The number of columns.</param>
    /// <param name="dtype">The element type (values are converted).</param>
    public static Tensor FromArray(double[] data, int rows, int columns, DType dtype = DType.Float32)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckMatrixData(data.Length, rows, columns);
        return FromValues(data, rows, columns, 2, dtype);
    }

    /// <summary>A <paramref name="rows"/> × <paramref name="columns"/> matrix holding a copy of row-major <paramref name="data"/>.</summary>
    /// <param name="data">The elements, row by row.</param>
    /// <param name="rows">The number of rows.</param>
    /// <param name="columns">The number of columns.</param>
    /// <param name="dtype">The element type (values are converted).</param>
    public static Tensor FromArray(float[] data, int rows, int columns, DType dtype = DType.Float32)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckMatrixData(data.Length, rows, columns);
        return FromValues(data, rows, columns, 2, dtype);
    }

    /// <summary>A matrix holding a copy of <paramref name="data"/>.</summary>
    /// <param name="data">The elements.</param>
    /// <param name="dtype">The element type (values are converted).</param>
    public static Tensor FromArray(double[,] data, DType dtype = DType.Float32)
    {
        ArgumentNullException.ThrowIfNull(data);
        var flat = new double[data.Length];
        var i = 0;
        foreach (var value in data)
        {
            flat[i++] = value;
        }

        return FromValues(flat, data.GetLength(0), data.GetLength(1), 2, dtype);
    }

    /// <summary>A matrix holding a copy of <paramref name="data"/>.</summary>
    /// <param name="data">The elements.</param>
    /// <param name="dtype">The element type (values are converted).</param>
    public static Tensor FromArray(float[,] data, DType dtype = DType.Float32)
    {
        ArgumentNullException.ThrowIfNull(data);
        var flat = new float[data.Length];
        var i = 0;
        foreach (var value in data)
        {
            flat[i++] = value;
        }

        return FromValues(flat, data.GetLength(0), data.GetLength(1), 2, dtype);
    }

    private static void CheckMatrixData(int length, int rows, int columns)
    {
        CheckSize(rows, nameof(rows));
        CheckSize(columns, nameof(columns));
        if ((long)rows * columns != length)
        {
            throw new ArgumentException($"{length} elements cannot fill a {rows} × {columns} matrix.", "data");
        }
    }

    private static void CheckSize(int size, string paramName)
    {
        if (size < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, size, "A dimension cannot be negative.");
        }
    }

    private static Tensor FromValues(ReadOnlySpan<double> data, int rows, int cols, int rank, DType dtype)
    {
        var node = TensorNode.NewLeaf(dtype, rank, rows, cols);
        if (dtype == DType.Float64)
        {
            data.CopyTo(node.Span<double>());
        }
        else
        {
            var target = node.Span<float>();
            for (var i = 0; i < target.Length; i++)
            {
                target[i] = (float)data[i];
            }
        }

        return new Tensor(node);
    }

    private static Tensor FromValues(ReadOnlySpan<float> data, int rows, int cols, int rank, DType dtype)
    {
        var node = TensorNode.NewLeaf(dtype, rank, rows, cols);
        if (dtype == DType.Float32)
        {
            data.CopyTo(node.Span<float>());
        }
        else
        {
            var target = node.Span<double>();
            for (var i = 0; i < target.Length; i++)
            {
                target[i] = data[i];
            }
        }

        return new Tensor(node);
    }

    private static TensorNode NewVector(int length, DType dtype)
    {
        CheckSize(length, nameof(length));
        return TensorNode.NewLeaf(dtype, 1, 1, length);
    }

    private static TensorNode NewMatrix(int rows, int columns, DType dtype)
    {
        CheckSize(rows, nameof(rows));
        CheckSize(columns, nameof(columns));
        return TensorNode.NewLeaf(dtype, 2, rows, columns);
    }

    /// <summary>A vector of zeros.</summary>
    /// <param name="length">The number of elements.</param>
    /// <param name="dtype">The element type.</param>
    public static Tensor Zeros(int length, DType dtype = DType.Float32) => new(NewVector(length, dtype));

    /// <summary>A matrix of zeros.</summary>
    /// <param name="rows">The number of rows.</param>
    /// <param name="columns">The number of columns.</param>
    /// <param name="dtype">The element type.</param>
    public static Tensor Zeros(int rows, int columns, DType dtype = DType.Float32) => new(NewMatrix(rows, columns, dtype));

    /// <summary>A vector of ones.</summary>
    /// <param name="length">The number of elements.</param>
    /// <param name="dtype">The element type.</param>
    public static Tensor Ones(int length, DType dtype = DType.Float32) => Full(length, 1.0, dtype);

    /// <summary>A matrix of ones.</summary>
    /// <param name="rows">The number of rows.</param>
    /// <param name="columns">The number of columns.</param>
    /// <param name="dtype">The element type.</param>
    public static Tensor Ones(int rows, int columns, DType dtype = DType.Float32) => Full(rows, columns, 1.0, dtype);

    /// <summary>A vector filled with <paramref name="value"/>.</summary>
    /// <param name="length">The number of elements.</param>
    /// <param name="value">The fill value.</param>
    /// <param name="dtype">The element type.</param>
    public static Tensor Full(int length, double value, DType dtype = DType.Float32)
    {
        var node = NewVector(length, dtype);
        Kernels.Fill(node, value);
        return new Tensor(node);
    }

    /// <summary>A matrix filled with <paramref name="value"/>.</summary>
    /// <param name="rows">The number of rows.</param>
    /// <param name="columns">The number of columns.</param>
    /// <param name="value">The fill value.</param>
    /// <param name="dtype">The element type.</param>
    public static Tensor Full(int rows, int columns, double value, DType dtype = DType.Float32)
    {
        var node = NewMatrix(rows, columns, dtype);
        Kernels.Fill(node, value);
        return new Tensor(node);
    }

    /// <summary>Zeros with the shape and element type of <paramref name="like"/>.</summary>
    /// <param name="like">The tensor whose shape and element type to copy.</param>
    public static Tensor ZerosLike(Tensor like)
    {
        var source = like.Node;
        return new Tensor(TensorNode.NewLeaf(source.DType, source.Rank, source.Rows, source.Cols));
    }

    /// <summary>Ones with the shape and element type of <paramref name="like"/>.</summary>
    /// <param name="like">The tensor whose shape and element type to copy.</param>
    public static Tensor OnesLike(Tensor like)
    {
        var result = ZerosLike(like);
        Kernels.Fill(result.Node, 1.0);
        return result;
    }

    /// <summary><paramref name="count"/> evenly spaced values from <paramref name="start"/> to <paramref name="end"/> inclusive.</summary>
    /// <param name="start">The first value.</param>
    /// <param name="end">The last value.</param>
    /// <param name="count">The number of values (at least 1; with 1 the only value is <paramref name="start"/>).</param>
    /// <param name="dtype">The element type.</param>
    public static Tensor Linspace(double start, double end, int count, DType dtype = DType.Float32)
    {
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "Linspace needs at least one point.");
        }

        var node = NewVector(count, dtype);
        var step = count == 1 ? 0 : (end - start) / (count - 1);
        for (var i = 0; i < count; i++)
        {
            Write(node, i, i == count - 1 && count > 1 ? end : start + (i * step));
        }

        return new Tensor(node);
    }

    /// <summary>A vector of standard normal samples N(0, 1) drawn from <paramref name="random"/>.</summary>
    /// <param name="length">The number of elements.</param>
    /// <param name="random">The source of randomness; <c>new Random(seed)</c> makes the result reproducible.</param>
    /// <param name="dtype">The element type.</param>
    public static Tensor Randn(int length, Random random, DType dtype = DType.Float32)
    {
        ArgumentNullException.ThrowIfNull(random);
        var node = NewVector(length, dtype);
        FillNormal(node, random);
        return new Tensor(node);
    }

    /// <summary>A matrix of standard normal samples N(0, 1) drawn from <paramref name="random"/>.</summary>
    /// <param name="rows">The number of rows.</param>
    /// <param name="columns">The number of columns.</param>
    /// <param name="random">The source of randomness; <c>new Random(seed)</c> makes the result reproducible.</param>
    /// <param name="dtype">The element type.</param>
    public static Tensor Randn(int rows, int columns, Random random, DType dtype = DType.Float32)
    {
        ArgumentNullException.ThrowIfNull(random);
        var node = NewMatrix(rows, columns, dtype);
        FillNormal(node, random);
        return new Tensor(node);
    }

    /// <summary>A vector of samples from the uniform distribution U(<paramref name="low"/>, <paramref name="high"/>).</summary>
    /// <param name="length">The number of elements.</param>
    /// <param name="low">The lower bound.</param>
    /// <param name="high">The upper bound.</param>
    /// <param name="random">The source of randomness; <c>new Random(seed)</c> makes the result reproducible.</param>
    /// <param name="dtype">The element type.</param>
    public static Tensor Uniform(int length, double low, double high, Random random, DType dtype = DType.Float32)
    {
        ArgumentNullException.ThrowIfNull(random);
        var node = NewVector(length, dtype);
        FillUniform(node, low, high, random);
        return new Tensor(node);
    }

    /// <summary>A matrix of samples from the uniform distribution U(<paramref name="low"/>, <paramref name="high"/>).</summary>
    /// <param name="rows">The number of rows.</param>
    /// <param name="columns">The number of columns.</param>
    /// <param name="low">The lower bound.</param>
    /// <param name="high">The upper bound.</param>
    /// <param name="random">The source of randomness; <c>new Random(seed)</c> makes the result reproducible.</param>
    /// <param name="dtype">The element type.</param>
    public static Tensor Uniform(int rows, int columns, double low, double high, Random random, DType dtype = DType.Float32)
    {
        ArgumentNullException.ThrowIfNull(random);
        var node = NewMatrix(rows, columns, dtype);
        FillUniform(node, low, high, random);
        return new Tensor(node);
    }

    private static void FillUniform(TensorNode node, double low, double high, Random random)
    {
        if (!(low <= high))
        {
            throw new ArgumentException($"The lower bound {low} exceeds the upper bound {high}.", nameof(low));
        }

        for (var i = 0; i < node.Length; i++)
        {
            Write(node, i, low + ((high - low) * random.NextDouble()));
        }
    }

    private static void FillNormal(TensorNode node, Random random)
    {
        // Box–Muller, two samples per pair of uniforms; 1 − U keeps the logarithm's argument in (0, 1].
        for (var i = 0; i < node.Length; i += 2)
        {
            var radius = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble()));
            var angle = 2.0 * Math.PI * random.NextDouble();
            Write(node, i, radius * Math.Cos(angle));
            if (i + 1 < node.Length)
            {
                Write(node, i + 1, radius * Math.Sin(angle));
            }
        }
    }
}
