namespace Leibniz.Nn;

public sealed partial class Dataset
{
    /// <summary>
    /// The whole data set as two tensors, for evaluation or prediction in one call: features
    /// <c>[Count, FeatureCount]</c> and targets <c>[Count, TargetCount]</c>, copies of the data.
    /// </summary>
    /// <param name="dtype">The element type of the tensors.</param>
    public (Tensor Features, Tensor Targets) ToTensors(DType dtype = DType.Float32) => (
        Tensor.FromArray(_features, Count, FeatureCount, dtype),
        Tensor.FromArray(_targets, Count, TargetCount, dtype));
}
