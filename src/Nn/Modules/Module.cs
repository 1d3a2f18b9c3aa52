namespace Leibniz.Nn;

/// <summary>
/// The base of every layer and model, like PyTorch's <c>nn.Module</c>: it owns parameters and child modules,
/// maps an input tensor to an output in <see cref="Forward"/>, and switches between training and evaluation mode.
/// </summary>
public abstract class Module
{
    private readonly List<(string Name, Tensor Parameter)> _parameters = [];
    private readonly List<(string Name, Module Module)> _children = [];
    private Tensor[]? _allParameters;

    /// <summary>Whether the module is in training mode (the default); see <see cref="Train"/> and <see cref="Eval"/>.</summary>
    public bool Training { get; private set; } = true;

    /// <summary>Computes the module's output (PyTorch's <c>forward</c>; call it where Python calls <c>model(x)</c>).</summary>
    /// <param name="input">The input, usually [batch, features].</param>
    public abstract Tensor Forward(Tensor input);

    /// <summary>Every learnable tensor of this module and its children, depth first in registration order.</summary>
    public IReadOnlyList<Tensor> Parameters()
    {
        if (_allParameters is null)
        {
            var list = new List<Tensor>();
            foreach (var (_, parameter) in NamedParameters())
            {
                list.Add(parameter);
            }

            _allParameters = [.. list];
        }

        return _allParameters;
    }

    /// <summary>
    /// Every learnable tensor with its dotted path, PyTorch's <c>state_dict</c> names (e.g. <c>0.weight</c>,
    /// <c>2.bias</c> in a <see cref="Sequential"/>).
    /// </summary>
    public IEnumerable<(string Name, Tensor Parameter)> NamedParameters()
    {
        foreach (var entry in _parameters)
        {
            yield return entry;
        }

        foreach (var (childName, child) in _children)
        {
            foreach (var (name, parameter) in child.NamedParameters())
            {
                yield return ($"{childName}.{name}", parameter);
            }
        }
    }

    /// <summary>The direct child modules with their names.</summary>
    public IEnumerable<(string Name, Module Module)> NamedChildren() => _children;

    /// <summary>Sets training mode on this module and every child.</summary>
    /// <param name="mode"><see langword="true"/> for training, <see langword="false"/> for evaluation.</param>
    /// <returns>This module.</returns>
    public Module Train(bool mode = true)
    {
        Training = mode;
        foreach (var (_, child) in _children)
        {
            child.Train(mode);
        }

        return this;
    }

    /// <summary>Sets evaluation mode (<c>Train(false)</c>).</summary>
    /// <returns>This module.</returns>
    public Module Eval() => Train(false);

    /// <summary>Forgets the accumulated gradient of every parameter.</summary>
    public void ZeroGrad()
    {
        foreach (var parameter in Parameters())
        {
            parameter.ZeroGrad();
        }
    }

    /// <summary>The number of learnable scalars.</summary>
    public int ParameterCount()
    {
        var count = 0;
        foreach (var parameter in Parameters())
        {
            count += parameter.Length;
        }

        return count;
    }

    /// <summary>Registers a learnable tensor (it is made to require grad).</summary>
    /// <param name="name">The name within this module.</param>
    /// <param name="parameter">The tensor.</param>
    /// <returns><paramref name="parameter"/>.</returns>
    protected Tensor RegisterParameter(string name, Tensor parameter)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        parameter.RequiresGrad = true;
        _parameters.Add((name, parameter));
        _allParameters = null;
        return parameter;
    }

    /// <summary>Registers a child module whose parameters become part of this module's.</summary>
    /// <typeparam name="TModule">The child's type.</typeparam>
    /// <param name="name">The name within this module.</param>
    /// <param name="module">The child.</param>
    /// <returns><paramref name="module"/>.</returns>
    protected TModule RegisterModule<TModule>(string name, TModule module)
        where TModule : Module
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(module);
        _children.Add((name, module));
        _allParameters = null;
        return module;
    }
}
