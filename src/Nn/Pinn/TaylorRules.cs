namespace Leibniz.Nn.Pinn;

/// <summary>
/// The activation modules a <see cref="TaylorForward"/> can push a jet through, each mapped to its
/// <see cref="TaylorRule"/>. Built in: <see cref="Tanh"/>, <see cref="Sigmoid"/>, <see cref="SiLU"/>,
/// <see cref="Softplus"/> and <see cref="Sin"/>; register more with <see cref="Register{TModule}"/> (one line per activation).
/// </summary>
public static class TaylorRules
{
    private static readonly Dictionary<Type, Func<Module, TaylorRule>> s_rules = new()
    {
        [typeof(Tanh)] = _ => TaylorRule.Tanh,
        [typeof(Sigmoid)] = _ => TaylorRule.Sigmoid,
        [typeof(SiLU)] = _ => TaylorRule.Silu,
        [typeof(Softplus)] = module => TaylorRule.Softplus(((Softplus)module).Beta, ((Softplus)module).Threshold),
        [typeof(Sin)] = module => TaylorRule.Sin(((Sin)module).Frequency),
    };

    private static readonly object s_lock = new();

    /// <summary>Makes modules of type <typeparamref name="TModule"/> usable in a <see cref="TaylorForward"/>.</summary>
    /// <typeparam name="TModule">The activation module's type.</typeparam>
    /// <param name="rule">The rule for one module (it may read the module's settings, as Softplus's β).</param>
    public static void Register<TModule>(Func<TModule, TaylorRule> rule)
        where TModule : Module
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (s_lock)
        {
            s_rules[typeof(TModule)] = module => rule((TModule)module);
        }
    }

    /// <summary>The rule for <paramref name="module"/>, or <see langword="null"/> when none is registered.</summary>
    /// <param name="module">An activation module.</param>
    public static TaylorRule? Find(Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        lock (s_lock)
        {
            return s_rules.TryGetValue(module.GetType(), out var rule) ? rule(module) : null;
        }
    }
}
