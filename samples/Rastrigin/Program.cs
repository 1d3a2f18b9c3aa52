using Leibniz.Samples;
using Leibniz.Samples.Rastrigin;

return SampleHost.Run(args, "Rastrigin", SampleDirectory.Of(typeof(RastriginSample).Assembly),
    context => RastriginSample.Run(context), "[--epochs <n>] [--width <n>] [--activation tanh|relu|sine]", "epochs", "width", "activation");
