"""Import first: pins every thread pool torch may use to one thread. torch.set_num_threads only governs torch's own
OpenMP pool; Debian's torch calls OpenBLAS (pthread flavour), which starts its own threads unless told otherwise
before it is loaded."""
import os

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"

import torch  # noqa: E402  (must come after the environment is set)

torch.set_num_threads(1)
torch.set_num_interop_threads(1)
