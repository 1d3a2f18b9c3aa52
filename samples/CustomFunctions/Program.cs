using Leibniz.Samples;
using Leibniz.Samples.CustomFunctions;

return SampleHost.Run(args, "CustomFunctions", SampleDirectory.Of(typeof(CustomFunctionsSample).Assembly),
    context => CustomFunctionsSample.Run(context));
