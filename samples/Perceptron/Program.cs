using Leibniz.Samples;
using Leibniz.Samples.Perceptron;

return SampleHost.Run(args, "Perceptron", SampleDirectory.Of(typeof(PerceptronSample).Assembly),
    context => PerceptronSample.Run(context));
