"""The stance model's folder: plain files, each hashed, listed in a pinned manifest.

The shipped model is data, not code: JSON (manifest, lexicon), one ``.npz`` of arrays
(loaded with pickles refused) and LightGBM's own text format for the classifiers. No
third-party object is pickled, so loading runs no code from the folder and survives
library upgrades that keep those formats.

``manifest.json`` lists every other file with its SHA-256, and the manifest's own
SHA-256 is pinned in :mod:`assay.match.stance.pinned`, which the training script
rewrites. Loading hashes the very bytes it then parses, so an altered or damaged file
is refused with :class:`StanceModelError` instead of giving other stances.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from assay.errors import AssayError

MODEL_DIR = Path(__file__).resolve().parent / "model"
MANIFEST = "manifest.json"


class StanceModelError(AssayError):
    """The stance model's files are missing, altered, or made for other features.

    Reinstall assay, or retrain with ``scripts/train_stance.py`` (which also re-pins
    the manifest digest).
    """


@dataclass(frozen=True)
class ModelFiles:
    """A verified model folder: its manifest, its files' bytes and the manifest's digest."""

    manifest: dict[str, Any]
    files: dict[str, bytes]
    sha256: str

    def text(self, name: str) -> str:
        """A listed file as UTF-8 text."""
        return self.files[name].decode("utf-8")

    def json(self, name: str) -> Any:  # noqa: ANN401 - JSON is whatever the file holds
        """A listed file parsed as JSON."""
        return json.loads(self.files[name])

    def arrays(self, name: str) -> dict[str, npt.NDArray[Any]]:
        """A listed ``.npz`` file's arrays; pickled objects are refused."""
        with np.load(io.BytesIO(self.files[name]), allow_pickle=False) as archive:
            return {key: archive[key] for key in archive.files}


def sha256(data: bytes) -> str:
    """Hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise StanceModelError(
            f"{path}: cannot read the stance model file ({error.strerror})",
            hint="reinstall assay or retrain with scripts/train_stance.py",
        ) from error


def read_model_files(folder: Path, expected_sha256: str) -> ModelFiles:
    """Read and verify a model folder against the manifest digest ``expected_sha256``."""
    manifest_bytes = _read(folder / MANIFEST)
    found = sha256(manifest_bytes)
    if found != expected_sha256:
        raise StanceModelError(
            f"{folder / MANIFEST}: digest {found[:12]}… is not the pinned {expected_sha256[:12]}…",
            hint="the stance model was altered; reinstall assay or retrain it",
        )
    manifest = json.loads(manifest_bytes)
    files = {}
    for name, digest in manifest["files"].items():
        data = _read(folder / name)
        if sha256(data) != digest:
            raise StanceModelError(
                f"{folder / name}: contents do not match the digest in {MANIFEST}",
                hint="the stance model was altered; reinstall assay or retrain it",
            )
        files[name] = data
    return ModelFiles(manifest, files, found)


def npz_bytes(arrays: dict[str, npt.NDArray[Any]]) -> bytes:
    """Arrays as compressed ``.npz`` bytes."""
    buffer = io.BytesIO()
    np.savez_compressed(buffer, allow_pickle=False, **arrays)
    return buffer.getvalue()


def write_model_files(folder: Path, manifest: dict[str, Any], files: dict[str, bytes]) -> str:
    """Write ``files`` and a manifest listing their digests; return the manifest's digest."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    listed = {**manifest, "files": {name: sha256(data) for name, data in sorted(files.items())}}
    manifest_bytes = (json.dumps(listed, indent=1, sort_keys=True) + "\n").encode("utf-8")
    (folder / MANIFEST).write_bytes(manifest_bytes)
    return sha256(manifest_bytes)
