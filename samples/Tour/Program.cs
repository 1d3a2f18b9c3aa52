using Leibniz;

Console.WriteLine("Leibniz tour");
Console.WriteLine($"[Differentiable] is {typeof(DifferentiableAttribute).FullName}");
