using Leibniz.Samples;
using Leibniz.Samples.LinearRegression;

return SampleHost.Run(args, "LinearRegression", SampleDirectory.Of(typeof(LinearRegressionSample).Assembly),
    context => LinearRegressionSample.Run(context));
