namespace Leibniz;

public readonly partial struct Tensor
{
    /// <summary>Element-wise sum with row/column broadcasting.</summary>
    /// <param name="left">The first operand.</param>
    /// <param name="right">The second operand.</param>
    public static Tensor operator +(Tensor left, Tensor right) => Ops.Binary(OpCode.Add, left.Node, right.Node, "+");

    /// <summary>Element-wise difference with row/column broadcasting.</summary>
    /// <param name="left">The first operand.</param>
    /// <param name="right">The second operand.</param>
    public static Tensor operator -(Tensor left, Tensor right) => Ops.Binary(OpCode.Subtract, left.Node, right.Node, "-");

    /// <summary>Element-wise (Hadamard) product with row/column broadcasting; <see cref="MatMul(Tensor)"/> is the matrix product.</summary>
    /// <param name="left">The first operand.</param>
    /// <param name="right">The second operand.</param>
    public static Tensor operator *(Tensor left, Tensor right) => Ops.Binary(OpCode.Multiply, left.Node, right.Node, "*");

    /// <summary>Element-wise quotient with row/column broadcasting.</summary>
    /// <param name="left">The dividend.</param>
    /// <param name="right">The divisor.</param>
    public static Tensor operator /(Tensor left, Tensor right) => Ops.Binary(OpCode.Divide, left.Node, right.Node, "/");

    /// <summary>Adds a scalar to every element.</summary>
    /// <param name="left">The tensor.</param>
    /// <param name="right">The scalar.</param>
    public static Tensor operator +(Tensor left, double right) => Ops.Unary(OpCode.AddScalar, left.Node, right);

    /// <summary>Adds a scalar to every element.</summary>
    /// <param name="left">The scalar.</param>
    /// <param name="right">The tensor.</param>
    public static Tensor operator +(double left, Tensor right) => Ops.Unary(OpCode.AddScalar, right.Node, left);

    /// <summary>Subtracts a scalar from every element.</summary>
    /// <param name="left">The tensor.</param>
    /// <param name="right">The scalar.</param>
    public static Tensor operator -(Tensor left, double right) => Ops.Unary(OpCode.AddScalar, left.Node, -right);

    /// <summary>Subtracts every element from a scalar.</summary>
    /// <param name="left">The scalar.</param>
    /// <param name="right">The tensor.</param>
    public static Tensor operator -(double left, Tensor right) => Ops.Unary(OpCode.ScalarSubtract, right.Node, left);

    /// <summary>Multiplies every element by a scalar.</summary>
    /// <param name="left">The tensor.</param>
    /// <param name="right">The scalar.</param>
    public static Tensor operator *(Tensor left, double right) => Ops.Unary(OpCode.MultiplyScalar, left.Node, right);

    /// <summary>Multiplies every element by a scalar.</summary>
    /// <param name="left">The scalar.</param>
    /// <param name="right">The tensor.</param>
    public static Tensor operator *(double left, Tensor right) => Ops.Unary(OpCode.MultiplyScalar, right.Node, left);

    /// <summary>Divides every element by a scalar.</summary>
    /// <param name="left">The tensor.</param>
    /// <param name="right">The scalar.</param>
    public static Tensor operator /(Tensor left, double right) => Ops.Unary(OpCode.MultiplyScalar, left.Node, 1.0 / right);

    /// <summary>Divides a scalar by every element.</summary>
    /// <param name="left">The scalar.</param>
    /// <param name="right">The tensor.</param>
    public static Tensor operator /(double left, Tensor right) => Ops.Unary(OpCode.ScalarDivide, right.Node, left);

    /// <summary>Negates every element.</summary>
    /// <param name="operand">The tensor.</param>
    public static Tensor operator -(Tensor operand) => Ops.Unary(OpCode.Negate, operand.Node, 0);

    /// <summary>
    /// In-place update <c>this ← this − <paramref name="other"/></c> (broadcast to this shape), like PyTorch's
    /// <c>w -= lr * w.grad</c>. Allowed on a leaf that requires grad only inside <see cref="NoGrad"/>.
    /// </summary>
    /// <param name="other">The tensor to subtract.</param>
    public void operator -=(Tensor other) => Ops.InPlace(OpCode.Subtract, Node, other.Node);

    /// <summary>In-place update <c>this ← this + <paramref name="other"/></c> (broadcast to this shape).</summary>
    /// <param name="other">The tensor to add.</param>
    public void operator +=(Tensor other) => Ops.InPlace(OpCode.Add, Node, other.Node);

    /// <summary>In-place update <c>this ← this ⊙ <paramref name="other"/></c> (broadcast to this shape).</summary>
    /// <param name="other">The factor.</param>
    public void operator *=(Tensor other) => Ops.InPlace(OpCode.Multiply, Node, other.Node);

    /// <summary>In-place update <c>this ← this × <paramref name="factor"/></c>.</summary>
    /// <param name="factor">The factor.</param>
    public void operator *=(double factor) => Ops.InPlaceScale(Node, factor);

    /// <summary>
    /// In-place <c>this ← this + α·<paramref name="other"/></c> without a temporary (PyTorch's <c>add_(other, alpha=α)</c>);
    /// usable on a <c>foreach</c> variable, where <c>-=</c> is not.
    /// </summary>
    /// <param name="other">The tensor to add (broadcast to this shape).</param>
    /// <param name="alpha">α.</param>
    public void AddInPlace(Tensor other, double alpha = 1) => Ops.AddScaledInPlace(Node, other.Node, alpha);

    /// <summary>
    /// In-place <c>this ← this − α·<paramref name="other"/></c> without a temporary (PyTorch's <c>sub_(other, alpha=α)</c>),
    /// e.g. <c>param.SubtractInPlace(param.Grad, learningRate)</c> inside <see cref="NoGrad"/>.
    /// </summary>
    /// <param name="other">The tensor to subtract (broadcast to this shape).</param>
    /// <param name="alpha">α.</param>
    public void SubtractInPlace(Tensor other, double alpha = 1) => Ops.AddScaledInPlace(Node, other.Node, -alpha);

    /// <summary>In-place <c>this ← this × <paramref name="factor"/></c> (PyTorch's <c>mul_</c>).</summary>
    /// <param name="factor">The factor.</param>
    public void MultiplyInPlace(double factor) => Ops.InPlaceScale(Node, factor);

    /// <summary>Copies <paramref name="source"/>'s values into this tensor (same shape; converted between element types).</summary>
    /// <param name="source">The values to copy.</param>
    public void CopyFrom(Tensor source) => Ops.CopyInto(Node, source.Node);

    /// <summary>Sets every element to <paramref name="value"/> (in place).</summary>
    /// <param name="value">The fill value.</param>
    public void Fill(double value)
    {
        var node = Node;
        Ops.CheckInPlace(node);
        Kernels.Fill(node, value);
    }

    /// <summary>The matrix product (matrix·matrix, matrix·vector, vector·matrix or vector·vector, as <c>torch.matmul</c>).</summary>
    /// <param name="other">The right operand.</param>
    public Tensor MatMul(Tensor other) => Ops.MatMul(Node, other.Node);

    /// <summary>The matrix product of <paramref name="left"/> and <paramref name="right"/>.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    public static Tensor MatMul(Tensor left, Tensor right) => Ops.MatMul(left.Node, right.Node);

    /// <summary>
    /// The affine map <c>input · weightᵀ + bias</c> as one fused operation (PyTorch's <c>F.linear</c>):
    /// input [batch, in] or [in], weight [out, in], bias [out].
    /// </summary>
    /// <param name="input">The input rows.</param>
    /// <param name="weight">The weight matrix, one row per output.</param>
    /// <param name="bias">The bias vector, or <see langword="null"/>.</param>
    public static Tensor Linear(Tensor input, Tensor weight, Tensor? bias) =>
        Ops.Linear(input.Node, weight.Node, bias?.Node);

    /// <summary>The transpose of a matrix (a vector or scalar is returned unchanged).</summary>
    public Tensor Transpose() => Ops.Transpose(Node);

    /// <summary>The same elements as a vector of length <paramref name="length"/>.</summary>
    /// <param name="length">The new length (must equal <see cref="Length"/>; −1 means "all").</param>
    public Tensor Reshape(int length) => Ops.Reshape(Node, 1, 1, length == -1 ? Node.Length : length);

    /// <summary>The same elements, row-major, as a <paramref name="rows"/> × <paramref name="columns"/> matrix; one size may be −1.</summary>
    /// <param name="rows">The new number of rows, or −1 to infer it.</param>
    /// <param name="columns">The new number of columns, or −1 to infer it.</param>
    public Tensor Reshape(int rows, int columns)
    {
        var length = Node.Length;
        if (rows == -1 && columns > 0)
        {
            rows = length / columns;
        }
        else if (columns == -1 && rows > 0)
        {
            columns = length / rows;
        }

        return Ops.Reshape(Node, 2, rows, columns);
    }

    /// <summary>
    /// <paramref name="count"/> consecutive rows starting at <paramref name="start"/> (a copy that records a graph);
    /// of a vector, its elements: PyTorch's <c>x[start:start + count]</c> on either rank.
    /// </summary>
    /// <param name="start">The first row (element of a vector).</param>
    /// <param name="count">The number of rows (elements).</param>
    public Tensor SliceRows(int start, int count) => Ops.SliceRows(Node, start, count);

    /// <summary>
    /// The rows at <paramref name="indices"/>, in that order (a gather that records a graph) — a mini-batch; of a
    /// vector, its elements at those positions, as a vector: PyTorch's <c>x[idx]</c> on either rank.
    /// </summary>
    /// <param name="indices">Row (element) indices; repeats allowed, and their gradients add up.</param>
    public Tensor IndexRows(ReadOnlySpan<int> indices) => Ops.IndexRows(Node, indices);

    /// <summary>
    /// Copies the rows at <paramref name="indices"/> into <paramref name="destination"/> without recording a
    /// graph or allocating: the way to fill a reusable mini-batch tensor (of a vector: its elements into a vector).
    /// </summary>
    /// <param name="indices">Row indices; <paramref name="destination"/> must have this many rows.</param>
    /// <param name="destination">A tensor with the same columns (a vector for a vector) and element type.</param>
    public void CopyRowsTo(ReadOnlySpan<int> indices, Tensor destination) => Ops.CopyRowsTo(Node, indices, destination.Node);

    /// <summary>Stacks matrices (or vectors, as rows) with equal columns on top of each other.</summary>
    /// <param name="parts">The tensors, top to bottom.</param>
    public static Tensor ConcatRows(params ReadOnlySpan<Tensor> parts) => Ops.ConcatRows(parts);

    /// <summary>
    /// PyTorch's <c>torch.cat(parts)</c> (dimension 0): vectors join end to end into one longer vector; matrices
    /// stack their rows as <see cref="ConcatRows"/> does. All parts must have the first part's rank.
    /// </summary>
    /// <param name="parts">The tensors, first to last.</param>
    public static Tensor Concat(params ReadOnlySpan<Tensor> parts) => Ops.Concat(parts);

    /// <summary>The sum of all elements, as a scalar.</summary>
    public Tensor Sum() => Ops.Reduce(Node, OpCode.Sum, -1, false);

    /// <summary>The sums along <paramref name="axis"/> (0: down the rows, one per column; 1: along each row).</summary>
    /// <param name="axis">0 or 1 (only 0 for a vector).</param>
    /// <param name="keepDims">Keep the reduced dimension with size 1, so the result broadcasts against this tensor.</param>
    public Tensor Sum(int axis, bool keepDims = false) => Ops.Reduce(Node, OpCode.Sum, axis, keepDims);

    /// <summary>The mean of all elements, as a scalar.</summary>
    public Tensor Mean() => Ops.Reduce(Node, OpCode.Mean, -1, false);

    /// <summary>The means along <paramref name="axis"/> (0: one per column; 1: one per row).</summary>
    /// <param name="axis">0 or 1 (only 0 for a vector).</param>
    /// <param name="keepDims">Keep the reduced dimension with size 1, so the result broadcasts against this tensor.</param>
    public Tensor Mean(int axis, bool keepDims = false) => Ops.Reduce(Node, OpCode.Mean, axis, keepDims);

    /// <summary>Element-wise power with a constant exponent.</summary>
    /// <param name="exponent">The exponent.</param>
    public Tensor Pow(double exponent) => Ops.Unary(OpCode.PowScalar, Node, exponent);

    /// <summary>Element-wise square (<c>Pow(2)</c>).</summary>
    public Tensor Square() => Ops.Unary(OpCode.PowScalar, Node, 2.0);

    /// <summary>Element-wise square root.</summary>
    public Tensor Sqrt() => Ops.Unary(OpCode.Sqrt, Node, 0);

    /// <summary>Element-wise eˣ.</summary>
    public Tensor Exp() => Ops.Unary(OpCode.Exp, Node, 0);

    /// <summary>Element-wise natural logarithm.</summary>
    public Tensor Log() => Ops.Unary(OpCode.Log, Node, 0);

    /// <summary>Element-wise absolute value (gradient sign(x), 0 at 0).</summary>
    public Tensor Abs() => Ops.Unary(OpCode.Abs, Node, 0);

    /// <summary>Element-wise sine.</summary>
    public Tensor Sin() => Ops.Unary(OpCode.Sin, Node, 0);

    /// <summary>Element-wise cosine.</summary>
    public Tensor Cos() => Ops.Unary(OpCode.Cos, Node, 0);

    /// <summary>Element-wise hyperbolic tangent.</summary>
    public Tensor Tanh() => Ops.Unary(OpCode.Tanh, Node, 0);

    /// <summary>Element-wise logistic sigmoid 1 / (1 + e⁻ˣ).</summary>
    public Tensor Sigmoid() => Ops.Unary(OpCode.Sigmoid, Node, 0);

    /// <summary>Element-wise max(x, 0) (gradient 0 at 0, as PyTorch).</summary>
    public Tensor Relu() => Ops.Unary(OpCode.Relu, Node, 0);

    /// <summary>Element-wise x for x &gt; 0, <paramref name="negativeSlope"/>·x otherwise.</summary>
    /// <param name="negativeSlope">The slope for negative inputs (PyTorch's default 0.01).</param>
    public Tensor LeakyRelu(double negativeSlope = 0.01) => Ops.Unary(OpCode.LeakyRelu, Node, negativeSlope);

    /// <summary>Element-wise softplus log(1 + e^(βx))/β, linear above <paramref name="threshold"/> (PyTorch's definition).</summary>
    /// <param name="beta">β.</param>
    /// <param name="threshold">Above β·x &gt; threshold the result is x.</param>
    public Tensor Softplus(double beta = 1.0, double threshold = 20.0) => Ops.Unary(OpCode.Softplus, Node, beta, threshold);

    /// <summary>Element-wise ELU: x for x &gt; 0, α(eˣ − 1) otherwise.</summary>
    /// <param name="alpha">α.</param>
    public Tensor Elu(double alpha = 1.0) => Ops.Unary(OpCode.Elu, Node, alpha);

    /// <summary>Element-wise SiLU (swish) x·σ(x).</summary>
    public Tensor Silu() => Ops.Unary(OpCode.Silu, Node, 0);

    /// <summary>Element-wise Heaviside step: 1 for x ≥ 0, 0 otherwise (the lecture's definition); its gradient is zero.</summary>
    public Tensor Heaviside() => Ops.Unary(OpCode.Heaviside, Node, 0);

    /// <summary>Element-wise sign: −1, 0 or +1; its gradient is zero.</summary>
    public Tensor Sign() => Ops.Unary(OpCode.Sign, Node, 0);

    /// <summary>Applies a scalar function element-wise; <paramref name="function"/>'s derivative drives the backward pass.</summary>
    /// <param name="function">The function and its derivative.</param>
    public Tensor Apply(ElementwiseFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Ops.Custom(Node, function);
    }

    /// <summary>Log-softmax along the last axis (each row of a matrix), computed stably.</summary>
    public Tensor LogSoftmax() => Ops.Unary(OpCode.LogSoftmax, Node, 0);

    /// <summary>Softmax along the last axis (each row of a matrix), computed stably.</summary>
    public Tensor Softmax() => Ops.Unary(OpCode.Softmax, Node, 0);

    /// <summary>The column index of the largest element of each row (of a vector: one index), without a graph.</summary>
    public int[] ArgMax() => Ops.ArgMax(Node);
}
