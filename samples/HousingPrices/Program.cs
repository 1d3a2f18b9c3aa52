using Leibniz.Samples;
using Leibniz.Samples.HousingPrices;

return SampleHost.Run(args, "HousingPrices", SampleDirectory.Of(typeof(HousingPricesSample).Assembly),
    context => HousingPricesSample.Run(context), HousingPricesSample.Usage, "data", "target", "categorical", "export");
