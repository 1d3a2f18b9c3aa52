namespace Leibniz.Generator.Tests.Diagnostics;

/// <summary>Struct shapes and constructs the generator does not differentiate: one diagnostic each, at the construct.</summary>
public sealed class StructDiagnosticTests
{
    private const string Types = """
        public readonly record struct Vec3(double X, double Y, double Z);
        public readonly record struct Body(Vec3 Position, double Mass);
        public readonly record struct Named(double X, string Name);
        public struct Pair
        {
            public double A;
            public double B;
            public Pair(double a, double b) { A = a + b; B = b; }
        }
        """;

    [Theory]
    [InlineData("LZ0010", "nested structs are not supported", "[|Body body|]", "body.Mass")]
    [InlineData("LZ0010", "has type 'string'", "[|Named named|]", "named.X")]
    [InlineData("LZ0010", "'Vector3' of float fields, but the method computes in double", "[|Vector3 v|], double x", "x")]
    [InlineData("LZ0001", "constructor of 'Pair' that does more than copy", "double x", "[|new Pair(1, x)|].A")]
    [InlineData("LZ0001", "function 'Vector3.Reflect'", "float x", "[|Vector3.Reflect(new Vector3(x), Vector3.UnitX)|].X")]
    [InlineData("LZ0001", "function 'Complex.Pow' with these arguments", "Complex z", "[|Complex.Pow(z, z)|].Real")]
    public void UnsupportedStructsAreReportedAtTheConstruct(string id, string messagePart, string parameters, string body)
    {
        var type = parameters.Contains("float", StringComparison.Ordinal) && !parameters.Contains("double", StringComparison.Ordinal) ? "float" : "double";
        var source = $$"""
            using System;
            using System.Numerics;
            using Leibniz;

            {{Types}}

            public static partial class C
            {
                [Differentiable]
                public static {{type}} F({{parameters}}) => {{body}};
            }
            """;
        DiagnosticTests.AssertSingle(source, id, messagePart);
    }

    [Fact]
    public void AStructReturnedBeforeTheEndIsReportedAtTheReturn() => DiagnosticTests.AssertSingle($$"""
        using Leibniz;

        {{Types}}

        public static partial class C
        {
            [Differentiable]
            public static Vec3 F(Vec3 a)
            {
                if (a.X > 0)
                {
                    [|return a;|]
                }

                return new Vec3(0, a.Y, a.Z);
            }
        }
        """, "LZ0001", "return of a struct before the end of the method");
}
