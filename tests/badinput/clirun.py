"""What the CLI-level bad-input tests share: the real CLI in a subprocess (a hang fails the test
instead of blocking the run) and a snapshot of a folder tree, to show a failure touched nothing."""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest


def run_cli(cwd: Path, *args, timeout: float = 120) -> tuple[int, str, str]:
    try:
        proc = subprocess.run([sys.executable, "-m", "lawreport.cli", *map(str, args)], cwd=cwd,
                              capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"lawreport {' '.join(map(str, args))} hung (no end after {timeout} s)")
    return proc.returncode, proc.stdout, proc.stderr


def snapshot(root: Path) -> dict[str, tuple]:
    """Every entry under root: its kind and, for a regular file, a hash of its bytes."""
    found = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            st = os.lstat(path)
            digest = hashlib.sha256(path.read_bytes()).hexdigest() if stat.S_ISREG(st.st_mode) else None
            found[str(path.relative_to(root))] = (stat.S_IFMT(st.st_mode), digest)
    return found
