using Leibniz.Samples;
using Leibniz.Samples.Tour;

return SampleHost.Run(args, "Tour", SampleDirectory.Of(typeof(TourSample).Assembly), context => TourSample.Run(context));
