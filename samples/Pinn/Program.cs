using Leibniz.Samples;
using Leibniz.Samples.Pinn;

return SampleHost.Run(args, "Pinn", SampleDirectory.Of(typeof(PinnSample).Assembly),
    context => PinnSample.Run(context), "[--problem poisson1d|burgers|poisson2d|all] [--adam <steps>] [--lbfgs <iterations>]",
    "problem", "adam", "lbfgs");
