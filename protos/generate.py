"""Generate the Python code for the .proto files into common/proto.

Usage: python protos/generate.py [OUTPUT_DIR]

The type stubs (.pyi) come from mypy-protobuf rather than protoc's own --pyi_out: those
pass mypy --strict, cover the gRPC module too, and qualify the message named Warning,
which mypy would otherwise take for the builtin.

protoc writes absolute imports (`from resume.v1 import resume_pb2`) that only
work when `resume` is a top-level package; they are rewritten as relative
imports so the generated code lives inside `common.proto`.
"""

import re
import sys
import sysconfig
from importlib import resources
from pathlib import Path

from grpc_tools import protoc

PROTO_ROOT = Path(__file__).resolve().parent
DEFAULT_OUTPUT = PROTO_ROOT.parent / "common" / "proto"
_ABSOLUTE_IMPORT = re.compile(r"^from resume\.v1 import (\w+)", re.MULTILINE)
# mypy-protobuf's protoc plugins, installed as scripts beside this interpreter.
_PLUGINS = Path(sysconfig.get_path("scripts"))


def generate(output: Path) -> None:
    protos = sorted(str(p.relative_to(PROTO_ROOT)) for p in PROTO_ROOT.rglob("*.proto"))
    well_known = resources.files("grpc_tools") / "_proto"
    output.mkdir(parents=True, exist_ok=True)
    status = protoc.main(
        [
            "protoc",
            f"-I{PROTO_ROOT}",
            f"-I{well_known}",
            f"--plugin=protoc-gen-mypy={_PLUGINS / 'protoc-gen-mypy'}",
            f"--plugin=protoc-gen-mypy_grpc={_PLUGINS / 'protoc-gen-mypy_grpc'}",
            f"--python_out={output}",
            f"--mypy_out={output}",
            f"--grpc_python_out={output}",
            f"--mypy_grpc_out={output}",
            *protos,
        ]
    )
    if status != 0:
        raise SystemExit(f"protoc failed with status {status}")
    for package in {output / Path(p).parent for p in protos}:
        for directory in [package, *package.parents]:
            if directory == output.parent:
                break
            (directory / "__init__.py").touch()
        for module in package.glob("*.py*"):
            text = module.read_text()
            module.write_text(_ABSOLUTE_IMPORT.sub(r"from . import \1", text))


if __name__ == "__main__":
    generate(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUTPUT)
