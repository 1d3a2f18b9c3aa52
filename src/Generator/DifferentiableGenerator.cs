using System;
using Leibniz.Generator.Differentiate;
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
        public const string Derivatives = "Derivatives";
        public const string Diagnostics = "Diagnostics";
        public const string Sources = "Sources";
        public const string HintNames = "HintNames";
        public const string CallGraph = "CallGraph";
        public const string CustomDerivatives = "CustomDerivatives";
    }

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Not ForAttributeWithMetadataName: it binds every attributed method's symbol again on each keystroke before
        // calling the transform; this transform answers from a cache without binding while the method and the
        // declarations it binds against are unchanged, and checks the attribute itself otherwise.
        var parsed = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => MethodParser.MayBeDifferentiable(node),
                static (context, cancellationToken) => MethodParser.Parse(context, cancellationToken))
            .WithTrackingName(Steps.Parse);

        var customDerivatives = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                CustomDerivatives.AttributeName,
                static (node, _) => node is MethodDeclarationSyntax,
                static (context, cancellationToken) => CustomDerivatives.Validate(context, cancellationToken))
            .SelectMany(static (diagnostics, _) => diagnostics)
            .WithTrackingName(Steps.CustomDerivatives);
        context.RegisterSourceOutput(customDerivatives, static (spc, info) => spc.ReportDiagnostic(info.ToDiagnostic()));

        var diagnostics = parsed.SelectMany(static (result, _) => result.Diagnostics).WithTrackingName(Steps.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, info) => spc.ReportDiagnostic(info.ToDiagnostic()));

        var models = parsed
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => result.Model!)
            .WithTrackingName(Steps.Models);
        var hintClashes = models
            .Select(static (model, _) => new HintNamePair(model.HintName, model.UniqueHintName))
            .Collect()
            .Select(static (pairs, _) => HintNameClashes.Find(pairs))
            .WithTrackingName(Steps.HintNames);
        var callGraph = parsed
            .Where(static result => result.Calls is not null)
            .Select(static (result, _) => result.Calls!)
            .Collect()
            .Select(static (methods, _) => CallGraph.Judge(methods))
            .WithTrackingName(Steps.CallGraph);
        context.RegisterSourceOutput(callGraph.SelectMany(static (graph, _) => graph.Diagnostics), static (spc, info) => spc.ReportDiagnostic(info.ToDiagnostic()));

        var derivatives = models
            .Select(static (model, _) => Differentiate(model))
            .WithTrackingName(Steps.Derivatives);
        var sources = derivatives
            .Select(static (derivatives, _) => Generate(derivatives))
            .WithTrackingName(Steps.Sources)
            .Combine(hintClashes)
            .Combine(callGraph);
        context.RegisterSourceOutput(sources, static (spc, item) =>
        {
            var ((output, clashes), graph) = item;
            if (graph.IsBlocked(output.Key))
            {
                return;
            }

            if ((output.Source is { } source ? AddSource(spc, output, source, clashes) : output.Failure) is { } failure)
            {
                spc.ReportDiagnostic(failure.ToDiagnostic());
            }
        });
    }

    /// <summary>The Differentiate stage; a failure (a bug) becomes LZ0009 in <see cref="Generate"/>, never an exception.</summary>
    private static Differentiated Differentiate(MethodModel model)
    {
        try
        {
            return new Differentiated(model, Differentiation.Run(model), null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new Differentiated(model, null, Failure(model, exception));
        }
    }

    /// <summary>The Emit stage.</summary>
    private static GeneratedSource Generate(Differentiated differentiated)
    {
        var model = differentiated.Model;
        var failure = differentiated.Failure;
        if (differentiated.Derivatives is { } derivatives)
        {
            try
            {
                return new GeneratedSource(model.Key, model.HintName, model.UniqueHintName, model.Name, SourceEmitter.Emit(derivatives), null);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                failure = Failure(model, exception);
            }
        }

        return new GeneratedSource(model.Key, model.HintName, model.UniqueHintName, model.Name, null, failure);
    }

    private static DiagnosticInfo Failure(MethodModel model, Exception exception) =>
        DiagnosticInfo.Create(Diagnostics.InternalError, null, model.Name, exception.GetType().Name + ": " + exception.Message);

    /// <summary>
    /// Adds the source under its readable hint name, or under the unique one when another method shares the readable
    /// name (hint names ignore case: <c>F</c> and <c>f</c>); a method whose unique name is shared too is a duplicate
    /// definition, which the compiler reports. AddSource throws on a name it refuses, and an exception escaping the
    /// generator is CS8785, which removes every generated file, so a refusal becomes LZ0009 instead.
    /// </summary>
    private static DiagnosticInfo? AddSource(SourceProductionContext context, GeneratedSource output, string source, HintNameClashes clashes)
    {
        if (clashes.IsDuplicate(output.UniqueHintName))
        {
            return null;
        }

        try
        {
            context.AddSource(clashes.IsShared(output.HintName) ? output.UniqueHintName : output.HintName, source);
            return null;
        }
        catch (ArgumentException exception)
        {
            return DiagnosticInfo.Create(Diagnostics.InternalError, null, output.MethodName, "no usable file name for the generated source: " + exception.Message);
        }
    }

    /// <summary>A method and its derivative programs, or why they could not be built.</summary>
    private sealed record Differentiated(MethodModel Model, DerivativeModel? Derivatives, DiagnosticInfo? Failure);

    private sealed record GeneratedSource(string Key, string HintName, string UniqueHintName, string MethodName, string? Source, DiagnosticInfo? Failure);
}
