"""The SHA-256 of the shipped stance model's manifest; rewritten by scripts/train_stance.py."""

MANIFEST_SHA256 = "f992ef0ba3b2a58e0c5092bab2c9b368cdfa95396f3dcafefe1b63b3434077e9"
