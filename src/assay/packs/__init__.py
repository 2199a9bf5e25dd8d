"""Domain packs: gazetteers, catalogues and lexicons as validated data.

A pack is a folder (``pack.toml``, YAML data, a README naming each list's source
and licence) found through the ``assay.packs`` entry-point group or a folder the
caller names. The core owns the shapes (:class:`Gazetteer`, :class:`Catalog`,
:class:`Lexicon`); packs fill them. No domain word appears outside a pack.
"""

from assay.packs.loading import Pack, load_pack, load_packs
from assay.packs.model import Actor, Catalog, Category, Gazetteer, Lexicon, WeaponSystem

__all__ = [
    "Actor",
    "Catalog",
    "Category",
    "Gazetteer",
    "Lexicon",
    "Pack",
    "WeaponSystem",
    "load_pack",
    "load_packs",
]
