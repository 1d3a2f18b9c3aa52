using Leibniz.Nn;
using Leibniz.Nn.Pinn;

namespace Leibniz.Benchmarks.Pinn;

/// <summary>
/// The same problems written as PyTorch PINN code is (bench/pytorch/pinn_steps.py line by line): input derivatives by
/// nested <see cref="Autograd.Grad(Tensor, Tensor, Tensor?, bool, bool?, bool)"/> instead of <see cref="TaylorForward"/>.
/// </summary>
public sealed partial class PinnProblem
{
    private static Tensor Derivative(Tensor y, Tensor x) => Autograd.Grad(y, x, Tensor.OnesLike(y), createGraph: true);

    private static Tensor RequiringGrad(Tensor points)
    {
        points.RequiresGrad = true;
        return points;
    }

    private static PinnProblem Poisson1DByGrad()
    {
        var model = Mlp(new Random(0), 1, 32, 32, 32, 1);
        var x = RequiringGrad(Collocation.Uniform(128, [-1], [1], new Random(1)));
        var boundary = Tensor.FromArray(new[] { -1.0, 1.0 }, 2, 1);
        Tensor forcing;
        using (Tensor.NoGrad())
        {
            forcing = Math.PI * Math.PI * (x * Math.PI).Sin();
        }

        return new PinnProblem(model, () =>
        {
            var uxx = Derivative(Derivative(model.Forward(x), x), x);
            return (uxx + forcing).Square().Mean() + model.Forward(boundary).Square().Mean();
        });
    }

    private static PinnProblem BurgersByGrad()
    {
        var random = new Random(1);
        var model = Mlp(new Random(0), 2, 20, 20, 20, 20, 1);
        var points = Collocation.Uniform(2540, [-1, 0], [1, 1], random);
        var x = RequiringGrad(points.SliceColumns(0, 1));
        var t = RequiringGrad(points.SliceColumns(1, 1));
        var initial = new double[160];
        var initialValues = new double[80];
        var boundary = new double[160];
        for (var i = 0; i < 80; i++)
        {
            initial[2 * i] = -1 + (2 * random.NextDouble());
            initialValues[i] = -Math.Sin(Math.PI * initial[2 * i]);
            boundary[2 * i] = i % 2 == 0 ? -1 : 1;
            boundary[(2 * i) + 1] = random.NextDouble();
        }

        var x0 = Tensor.FromArray(initial, 80, 2);
        var u0 = Tensor.FromArray(initialValues, 80, 1);
        var xb = Tensor.FromArray(boundary, 80, 2);
        return new PinnProblem(model, () =>
        {
            var u = model.Forward(Tensor.ConcatColumns(x, t));
            var ones = Tensor.OnesLike(u);
            var first = Autograd.Grad([u], [x, t], [ones], createGraph: true);
            var uxx = Derivative(first[0], x);
            var residual = first[1] + (u * first[0]) - (0.01 / Math.PI * uxx);
            return residual.Square().Mean() + (model.Forward(x0) - u0).Square().Mean() + model.Forward(xb).Square().Mean();
        });
    }
}
