using Microsoft.CodeAnalysis;

namespace Leibniz.Generator;

/// <summary>Emits analytic derivative code for every method marked <c>[Leibniz.Differentiable]</c>.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class DifferentiableGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
    }
}
