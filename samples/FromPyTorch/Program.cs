using Leibniz.Samples;
using Leibniz.Samples.FromPyTorch;

return SampleHost.Run(args, "FromPyTorch", SampleDirectory.Of(typeof(FromPyTorchSample).Assembly),
    context => FromPyTorchSample.Run(context));
