"""The committed generated code matches the .proto files (regenerate with `make proto`)."""

import subprocess
import sys
from pathlib import Path

from tests.helpers.support import ROOT


def test_generated_code_is_up_to_date(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(ROOT / "protos" / "generate.py"), str(tmp_path)], check=True)
    committed = ROOT / "common" / "proto"
    generated = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    assert generated, "protoc generated nothing"
    for relative in generated:
        assert (committed / relative).read_text() == (tmp_path / relative).read_text(), (
            f"common/proto/{relative} is stale: run `make proto`"
        )
