"""Writes tests/Leibniz.Nn.Tests/TestData/pinn_grad_torch.json: PyTorch's nested torch.autograd.grad numbers for a
small Burgers PINN (2-8-8-1 tanh, float64), the fixture of Leibniz.Nn's NestedGradTests.

Run from the repository root with Debian's PyTorch (apt-get install -y python3-torch):
    /usr/bin/python3 bench/pytorch/pinn_grad_fixture.py
"""
import json
import math

import torch

torch.manual_seed(12)
torch.set_default_dtype(torch.float64)
model = torch.nn.Sequential(
    torch.nn.Linear(2, 8), torch.nn.Tanh(),
    torch.nn.Linear(8, 8), torch.nn.Tanh(),
    torch.nn.Linear(8, 1))
points = torch.rand(7, 2) * 2 - 1

# The standard PINN code: separate x and t columns that require grad, u from their concatenation.
x = points[:, 0:1].clone().requires_grad_(True)
t = points[:, 1:2].clone().requires_grad_(True)
u = model(torch.cat([x, t], dim=1))
ones = torch.ones_like(u)
u_x, u_t = torch.autograd.grad(u, [x, t], ones, create_graph=True)
u_xx = torch.autograd.grad(u_x, x, ones, create_graph=True)[0]
u_xt = torch.autograd.grad(u_x, t, ones, create_graph=True)[0]
residual = u_t + u * u_x - (0.01 / math.pi) * u_xx
loss = residual.pow(2).mean()
loss.backward()

column = lambda tensor: tensor.detach().reshape(-1).tolist()
fixture = {
    "points": column(points),
    "parameters": [column(p) for p in model.parameters()],
    "shapes": [list(p.shape) for p in model.parameters()],
    "u": column(u), "u_x": column(u_x), "u_t": column(u_t), "u_xx": column(u_xx), "u_xt": column(u_xt),
    "loss": loss.item(),
    "gradients": [column(p.grad) for p in model.parameters()],
}
with open("tests/Leibniz.Nn.Tests/TestData/pinn_grad_torch.json", "w") as file:
    json.dump(fixture, file, indent=1)
