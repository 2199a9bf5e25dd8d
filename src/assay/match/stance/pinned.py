"""The SHA-256 of the shipped stance model's manifest; rewritten by scripts/train_stance.py."""

MANIFEST_SHA256 = "702f82832bcf3d8f74b2c0a020bb965c89cbc0726365ba857d7194df5a62ae73"
