using System;
using Leibniz.Generator.Emit;
using Leibniz.Generator.Model;
using Leibniz.Generator.Parse;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Leibniz.Generator;

/// <summary>Emits analytic derivative code for every method marked <c>[Leibniz.Differentiable]</c>.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class DifferentiableGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps (tests check that they stay cached).</summary>
    internal static class Steps
    {
        public const string Parse = "Parse";
        public const string Models = "Models";
        public const string Diagnostics = "Diagnostics";
        public const string Sources = "Sources";
    }

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                MethodParser.AttributeName,
                static (node, _) => node is MethodDeclarationSyntax,
                static (context, cancellationToken) => MethodParser.Parse(context, cancellationToken))
            .WithTrackingName(Steps.Parse);

        var diagnostics = parsed.SelectMany(static (result, _) => result.Diagnostics).WithTrackingName(Steps.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, info) => spc.ReportDiagnostic(info.ToDiagnostic()));

        var sources = parsed
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => result.Model!)
            .WithTrackingName(Steps.Models)
            .Select(static (model, cancellationToken) => Generate(model))
            .WithTrackingName(Steps.Sources);
        context.RegisterSourceOutput(sources, static (spc, output) =>
        {
            if (output.Source is { } source)
            {
                spc.AddSource(output.HintName, source);
            }

            if (output.Failure is { } failure)
            {
                spc.ReportDiagnostic(failure.ToDiagnostic());
            }
        });
    }

    private static GeneratedSource Generate(MethodModel model)
    {
        try
        {
            return new GeneratedSource(model.HintName, SourceEmitter.Emit(model), null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var failure = DiagnosticInfo.Create(Diagnostics.InternalError, null, model.Name, exception.GetType().Name + ": " + exception.Message);
            return new GeneratedSource(model.HintName, null, failure);
        }
    }

    private sealed record GeneratedSource(string HintName, string? Source, DiagnosticInfo? Failure);
}
