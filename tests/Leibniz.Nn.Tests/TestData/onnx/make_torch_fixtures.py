"""Writes torch_mlp.onnx and torch_mlp.expected.csv, the fixtures of Leibniz.Nn's ONNX import tests.

Run from this folder with Debian's PyTorch: apt-get install -y python3-torch python3-onnx; /usr/bin/python3 make_torch_fixtures.py
"""
import csv

import onnx
import torch

torch.manual_seed(14)
model = torch.nn.Sequential(
    torch.nn.Linear(3, 8), torch.nn.ReLU(),
    torch.nn.Linear(8, 8, bias=False), torch.nn.Tanh(),
    torch.nn.Linear(8, 6), torch.nn.SiLU(),
    torch.nn.Linear(6, 5), torch.nn.Softplus(beta=2.0),
    torch.nn.Linear(5, 4), torch.nn.ELU(alpha=0.5),
    torch.nn.Linear(4, 4), torch.nn.LeakyReLU(0.2),
    torch.nn.Linear(4, 4), torch.nn.Sigmoid(),
    torch.nn.Linear(4, 2),
).eval()

torch.onnx.export(
    model, torch.randn(1, 3), "torch_mlp.onnx",
    input_names=["input"], output_names=["output"],
    dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}},
    opset_version=17)
onnx.checker.check_model(onnx.load("torch_mlp.onnx"))

inputs = torch.linspace(-3.0, 3.0, 16 * 3).reshape(16, 3)
with torch.no_grad():
    outputs = model(inputs)
with open("torch_mlp.expected.csv", "w", newline="") as f:
    writer = csv.writer(f, lineterminator="\n")
    writer.writerow(["x0", "x1", "x2", "y0", "y1"])
    for x, y in zip(inputs.tolist(), outputs.tolist()):
        writer.writerow([repr(v) for v in x + y])
print(torch.__version__, [n.op_type for n in onnx.load("torch_mlp.onnx").graph.node])
