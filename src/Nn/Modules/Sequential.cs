using System.Collections;

namespace Leibniz.Nn;

/// <summary>Modules applied one after another (PyTorch's <c>nn.Sequential</c>); children are named 0, 1, 2, ….</summary>
public sealed partial class Sequential : Module, IEnumerable<Module>
{
    private readonly List<Module> _modules = [];

    /// <summary>Creates the chain.</summary>
    /// <param name="modules">The modules, first applied first.</param>
    public Sequential(params Module[] modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        foreach (var module in modules)
        {
            Add(module);
        }
    }

    /// <summary>The number of modules.</summary>
    public int Count => _modules.Count;

    /// <summary>The module at <paramref name="index"/>.</summary>
    /// <param name="index">Zero-based position.</param>
    public Module this[int index] => _modules[index];

    /// <summary>Appends a module.</summary>
    /// <param name="module">The module to apply after the current last one.</param>
    public void Add(Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        RegisterModule(_modules.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), module);
        _modules.Add(module);
    }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        var x = input;
        foreach (var module in _modules)
        {
            x = module.Forward(x);
        }

        return x;
    }

    /// <inheritdoc/>
    public IEnumerator<Module> GetEnumerator() => _modules.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
