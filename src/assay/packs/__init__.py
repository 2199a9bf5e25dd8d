"""Domain packs: gazetteers, catalogues and lexicons as validated data.

The arms-transfer pack and the loader that finds packs through the ``assay.packs``
entry-point group arrive with claim extraction; the core never names a domain word.
"""
