using Leibniz.Samples;
using Leibniz.Samples.Distill;

return SampleHost.Run(args, "Distill", SampleDirectory.Of(typeof(DistillSample).Assembly),
    context => DistillSample.Run(context),
    "[--data <file.csv> --target <column>] [--seconds <s>] [--emit <F.cs>] [--class <Name>] [--method <Name>]",
    "data", "target", "seconds", "emit", "class", "method");
