using Leibniz.Generator.Tests.Infrastructure;

namespace Leibniz.Generator.Tests.Fuzz;

public sealed class Scratch
{
    [Fact]
    public void Print()
    {
        var run = GeneratorHarness.Run("""
            using System;
            using Leibniz;
            public static partial class C
            {
                [Differentiable]
                public static double M1641(double x, double y) => Math.Log(((1.5d) + (Math.Exp(((2d) * Math.Tanh(Elementary.Coth(((1.5d) + (Elementary.LeakyRelu((Elementary.LeakyRelu(y, 0.2d) <= Math.Atan2(x, y) ? Math.Acosh(((1.5d) + (y * y))) : Math.Tanh(x)), 0.2d) * Elementary.LeakyRelu((Elementary.LeakyRelu(y, 0.2d) <= Math.Atan2(x, y) ? Math.Acosh(((1.5d) + (y * y))) : Math.Tanh(x)), 0.2d))))))) * Math.Exp(((2d) * Math.Tanh(Elementary.Coth(((1.5d) + (Elementary.LeakyRelu((Elementary.LeakyRelu(y, 0.2d) <= Math.Atan2(x, y) ? Math.Acosh(((1.5d) + (y * y))) : Math.Tanh(x)), 0.2d) * Elementary.LeakyRelu((Elementary.LeakyRelu(y, 0.2d) <= Math.Atan2(x, y) ? Math.Acosh(((1.5d) + (y * y))) : Math.Tanh(x)), 0.2d))))))))), ((1.5d) + (y * y)));
            }
            """);
        File.WriteAllText("/tmp/scratch.cs", string.Concat(run.Sources.Select(s => s.Source)));
        var model = (Leibniz.Generator.Model.MethodModel)run.Result.Results[0].TrackedSteps["Models"][0].Outputs[0].Value;
        File.WriteAllText("/tmp/ir.txt", Dump(model.Body.Body, ""));
    }

    private static string Dump(IEnumerable<Leibniz.Generator.Ir.Stmt> stmts, string indent)
    {
        var text = "";
        foreach (var s in stmts)
        {
            if (s is Leibniz.Generator.Ir.Let let) text += indent + let.Id + " = " + let.Node.Op + " " + let.Node.Name + " [" + string.Join(",", let.Node.Args) + "] " + let.Node.Value + "\n";
            if (s is Leibniz.Generator.Ir.If f) text += indent + "if " + f.Cond + "\n" + Dump(f.Then, indent + "  ") + indent + "else\n" + Dump(f.Else, indent + "  ") + indent + "phis " + string.Join(";", f.Phis) + "\n";
        }
        return text;
    }
}
