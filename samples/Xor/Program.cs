using Leibniz.Samples;
using Leibniz.Samples.Xor;

return SampleHost.Run(args, "Xor", SampleDirectory.Of(typeof(XorSample).Assembly), context => XorSample.Run(context));
