namespace Leibniz.Nn.Pinn;

/// <summary>
/// A PDE residual written as plain C# — typically a <c>[Differentiable]</c> method whose generated gradient is
/// passed as a method group — evaluated at every point of a <see cref="Jet"/> as one fused pointwise node:
/// <c>Residual.Of(Equations.BurgersGradient).Evaluate(jet, JetTerm.U, JetTerm.D(1), JetTerm.D(0), JetTerm.D2(0))</c>.
/// </summary>
public sealed class Residual
{
    private readonly PointwiseFunction _function;
    private readonly List<PointwiseResidual> _operations = [];
    private (bool FromPoints, int Offset, int Stride)[] _scratch;

    private Residual(PointwiseFunction function)
    {
        _function = function;
        _scratch = new (bool, int, int)[function.Arity];
    }

    /// <summary>The number of arguments of the residual function.</summary>
    public int Arity => _function.Arity;

    /// <summary>A residual of one argument from its gradient.</summary>
    /// <param name="gradient">a ↦ (f, ∂f/∂a), e.g. a generated <c>XGradient</c> method.</param>
    public static Residual Of(Func<double, (double, double)> gradient) =>
        new(new Gradient1(gradient ?? throw new ArgumentNullException(nameof(gradient))));

    /// <summary>A residual of two arguments from its gradient.</summary>
    /// <param name="gradient">(a, b) ↦ (f, ∂f/∂a, ∂f/∂b).</param>
    public static Residual Of(Func<double, double, (double, double, double)> gradient) =>
        new(new Gradient2(gradient ?? throw new ArgumentNullException(nameof(gradient))));

    /// <summary>A residual of three arguments from its gradient.</summary>
    /// <param name="gradient">(a, b, c) ↦ (f, ∂f/∂a, ∂f/∂b, ∂f/∂c).</param>
    public static Residual Of(Func<double, double, double, (double, double, double, double)> gradient) =>
        new(new Gradient3(gradient ?? throw new ArgumentNullException(nameof(gradient))));

    /// <summary>A residual of four arguments from its gradient.</summary>
    /// <param name="gradient">Four arguments ↦ (f, four partial derivatives).</param>
    public static Residual Of(Func<double, double, double, double, (double, double, double, double, double)> gradient) =>
        new(new Gradient4(gradient ?? throw new ArgumentNullException(nameof(gradient))));

    /// <summary>A residual of five arguments from its gradient.</summary>
    /// <param name="gradient">Five arguments ↦ (f, five partial derivatives).</param>
    public static Residual Of(Func<double, double, double, double, double, (double, double, double, double, double, double)> gradient) =>
        new(new Gradient5(gradient ?? throw new ArgumentNullException(nameof(gradient))));

    /// <summary>The residual at every point of <paramref name="jet"/>, [N, 1], one node on the reverse graph.</summary>
    /// <param name="jet">A jet of a network with one output.</param>
    /// <param name="arguments">One term per argument of the residual function, in order.</param>
    /// <exception cref="ArgumentException">The number of terms differs from <see cref="Arity"/>, a term was not requested in the jet, or the network has several outputs.</exception>
    public Tensor Evaluate(Jet jet, params ReadOnlySpan<JetTerm> arguments)
    {
        if (arguments.Length != Arity)
        {
            throw new ArgumentException($"The residual takes {Arity} arguments, but {arguments.Length} terms were given.", nameof(arguments));
        }

        if (jet.Stacked.Columns != 1)
        {
            throw new ArgumentException($"A residual needs a network with one output; this one has {jet.Stacked.Columns}.", nameof(jet));
        }

        var n = jet.Count;
        var inputs = jet.Points.Columns;
        for (var k = 0; k < arguments.Length; k++)
        {
            var term = arguments[k];
            _scratch[k] = term.Kind switch
            {
                0 => (false, 0, 1),
                1 => (false, jet.Derivatives.FirstBlock(term.First) * n, 1),
                2 => (false, jet.Derivatives.SecondBlock(term.First, term.Second) * n, 1),
                _ => term.First >= 0 && term.First < inputs
                    ? (true, term.First, inputs)
                    : throw new ArgumentException($"Input column {term.First} does not exist: the points have {inputs} columns.", nameof(arguments)),
            };
        }

        var operation = Find(n);
        return PointwiseResidual.Apply(operation, jet.Stacked.Node, jet.Points.Node);
    }

    /// <summary>The recorded operation for this argument layout (reused across steps, so a step allocates nothing).</summary>
    private PointwiseResidual Find(int points)
    {
        foreach (var operation in _operations)
        {
            if (operation.Matches(_function, _scratch, points))
            {
                return operation;
            }
        }

        var created = new PointwiseResidual(_function, [.. _scratch], points);
        _operations.Add(created);
        return created;
    }

    private sealed class Gradient1(Func<double, (double, double)> gradient) : PointwiseFunction(1)
    {
        public override double Evaluate(ReadOnlySpan<double> x, Span<double> partials)
        {
            var r = gradient(x[0]);
            partials[0] = r.Item2;
            return r.Item1;
        }
    }

    private sealed class Gradient2(Func<double, double, (double, double, double)> gradient) : PointwiseFunction(2)
    {
        public override double Evaluate(ReadOnlySpan<double> x, Span<double> partials)
        {
            var r = gradient(x[0], x[1]);
            partials[0] = r.Item2;
            partials[1] = r.Item3;
            return r.Item1;
        }
    }

    private sealed class Gradient3(Func<double, double, double, (double, double, double, double)> gradient) : PointwiseFunction(3)
    {
        public override double Evaluate(ReadOnlySpan<double> x, Span<double> partials)
        {
            var r = gradient(x[0], x[1], x[2]);
            partials[0] = r.Item2;
            partials[1] = r.Item3;
            partials[2] = r.Item4;
            return r.Item1;
        }
    }

    private sealed class Gradient4(Func<double, double, double, double, (double, double, double, double, double)> gradient) : PointwiseFunction(4)
    {
        public override double Evaluate(ReadOnlySpan<double> x, Span<double> partials)
        {
            var r = gradient(x[0], x[1], x[2], x[3]);
            partials[0] = r.Item2;
            partials[1] = r.Item3;
            partials[2] = r.Item4;
            partials[3] = r.Item5;
            return r.Item1;
        }
    }

    private sealed class Gradient5(Func<double, double, double, double, double, (double, double, double, double, double, double)> gradient) : PointwiseFunction(5)
    {
        public override double Evaluate(ReadOnlySpan<double> x, Span<double> partials)
        {
            var r = gradient(x[0], x[1], x[2], x[3], x[4]);
            partials[0] = r.Item2;
            partials[1] = r.Item3;
            partials[2] = r.Item4;
            partials[3] = r.Item5;
            partials[4] = r.Item6;
            return r.Item1;
        }
    }
}
