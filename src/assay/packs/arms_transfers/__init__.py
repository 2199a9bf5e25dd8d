"""The arms-transfer domain pack: actors, weapon systems and the cues of transfer reporting.

Registered under the ``assay.packs`` entry point like any third-party pack; the entry
point names :data:`PACK_DIR`, the folder holding the data files.
"""

from pathlib import Path

PACK_DIR = Path(__file__).resolve().parent
