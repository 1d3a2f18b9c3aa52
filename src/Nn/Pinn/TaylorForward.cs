namespace Leibniz.Nn.Pinn;

/// <summary>
/// Forward Taylor propagation through a <see cref="Sequential"/> of <see cref="Linear"/> layers and smooth
/// activations (those with a <see cref="TaylorRules">rule</see>): one pass gives the output and its requested first
/// and second derivatives with respect to input columns, as fused kernels on the reverse graph (one GEMM per
/// layer for all blocks, one pointwise kernel per activation).
/// </summary>
/// <remarks>
/// The network's parameters are read at each <see cref="Forward"/>; a plan is kept per number of points, so a
/// training step with the same points allocates nothing after the first.
/// </remarks>
public sealed class TaylorForward
{
    private readonly object[] _layers;
    private readonly int _inputs;
    private readonly DType _dtype;
    private int _points = -1;
    private TensorPlan? _plan;

    /// <summary>Prepares the propagation.</summary>
    /// <param name="model">Linear layers and activations with a Taylor rule (nested <see cref="Sequential"/>s are flattened).</param>
    /// <param name="derivatives">The derivatives wanted.</param>
    /// <exception cref="ArgumentException">A module is neither <see cref="Linear"/> nor a registered activation, the model does not start with a Linear layer, or a requested column does not exist.</exception>
    public TaylorForward(Sequential model, InputDerivatives derivatives)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(derivatives);
        var layers = new List<object>();
        Flatten(model, layers);
        if (layers.Count == 0 || layers[0] is not Linear first)
        {
            throw new ArgumentException("A Taylor propagation needs a model that starts with a Linear layer.", nameof(model));
        }

        _inputs = first.InFeatures;
        _dtype = first.Weight.DType;
        foreach (var column in derivatives.First)
        {
            if (column >= _inputs)
            {
                throw new ArgumentException($"Input column {column} does not exist: the model takes {_inputs} inputs.", nameof(derivatives));
            }
        }

        _layers = [.. layers];
        Model = model;
        Derivatives = derivatives;
    }

    /// <summary>The network.</summary>
    public Sequential Model { get; }

    /// <summary>The derivatives computed.</summary>
    public InputDerivatives Derivatives { get; }

    private static void Flatten(Sequential model, List<object> layers)
    {
        foreach (var module in model)
        {
            switch (module)
            {
                case Sequential nested:
                    Flatten(nested, layers);
                    break;
                case Linear linear:
                    layers.Add(linear);
                    break;
                default:
                    layers.Add(TaylorRules.Find(module) ?? throw new ArgumentException(
                        $"Module {module.GetType().Name} has no Taylor rule; use Linear layers and smooth activations "
                        + "(Tanh, Sigmoid, SiLU, Softplus, Sin) or register one with TaylorRules.Register.", nameof(model)));
                    break;
            }
        }
    }

    /// <summary>The network's output and input derivatives at <paramref name="points"/>.</summary>
    /// <param name="points">[N, inputs], the model's element type; treated as constants (no gradient flows to them).</param>
    /// <exception cref="ArgumentException">The points have the wrong shape or element type.</exception>
    public Jet Forward(Tensor points)
    {
        if (points.Rank != 2 || points.Columns != _inputs || points.Rows == 0)
        {
            throw new ArgumentException($"The points must be a non-empty matrix [N, {_inputs}], not shape [{string.Join(", ", points.Shape)}].", nameof(points));
        }

        if (points.DType != _dtype)
        {
            throw new ArgumentException($"The points are {points.DType} but the model is {_dtype}; convert them with To(DType).", nameof(points));
        }

        var n = points.Rows;
        if (n != _points || _plan is null)
        {
            _plan = new TensorPlan(this, n);
            _points = n;
        }

        var plan = _plan;
        Ops.CopyInto(plan.InputValue.Node, points.Node);
        var x = plan.Input;
        var activation = 0;
        foreach (var layer in _layers)
        {
            if (layer is Linear linear)
            {
                x = JetLinear.Apply(plan.Linear, x.Node, linear.Weight.Node, linear.Bias?.Node);
            }
            else
            {
                x = JetActivation.Apply(plan.Activations[activation++], x.Node);
            }
        }

        return new Jet(x, points, Derivatives);
    }

    /// <summary>The stacked constant input jet and the kernel records for one number of points.</summary>
    private sealed class TensorPlan
    {
        public TensorPlan(TaylorForward owner, int points)
        {
            var derivatives = owner.Derivatives;
            var blocks = derivatives.Blocks;
            var inputs = owner._inputs;
            var seed = new double[blocks * points * inputs];
            for (var j = 0; j < derivatives.First.Count; j++)
            {
                var column = derivatives.First[j];
                for (var i = 0; i < points; i++)
                {
                    seed[((((1 + j) * points) + i) * inputs) + column] = 1;
                }
            }

            Input = Tensor.FromArray(seed, blocks * points, inputs, owner._dtype);
            InputValue = ValueView(Input, points, inputs);
            Linear = new JetLinear(points);
            var layout = new JetLayout(points, derivatives.First.Count, derivatives.SecondIndices);
            var activations = new List<JetActivation>();
            foreach (var layer in owner._layers)
            {
                if (layer is TaylorRule rule)
                {
                    activations.Add(new JetActivation(rule, layout));
                }
            }

            Activations = [.. activations];
        }

        public Tensor Input { get; }

        /// <summary>A view of the first N rows of <see cref="Input"/>, where the points are copied each step.</summary>
        public Tensor InputValue { get; }

        public JetLinear Linear { get; }

        public JetActivation[] Activations { get; }

        private static Tensor ValueView(Tensor input, int points, int inputs)
        {
            var view = new TensorNode { DType = input.DType, Data = input.Node.Data, OwnsData = false };
            view.SetShape(2, points, inputs);
            return new Tensor(view);
        }
    }
}
