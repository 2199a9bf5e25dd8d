"""A claim said in words, from the pack's names, for people and for the stance model.

The stance model was trained on headlines ("Alpha sends Kestrel-9 missiles to Beta")
read against article bodies, so a claim is put to it as such a sentence: the parties'
common names, the system's name followed by its category ("Kestrel-9 ballistic
missiles") so that a body saying only "missiles" still reads as related, and one verb
per stage.
"""

from __future__ import annotations

from assay.match.claims import ClaimKey, Stage
from assay.packs import Pack
from assay.records import CATEGORY_PREFIX

# Per stage: the sentence with both parties, with only a supplier, with only a recipient.
_TEMPLATES: dict[Stage, tuple[str, str, str]] = {
    Stage.DELIVERY: (
        "{supplier} delivered {item} to {recipient}",
        "{supplier} supplied {item}",
        "{recipient} received {item}",
    ),
    Stage.DEAL: (
        "{supplier} agreed to supply {item} to {recipient}",
        "{supplier} agreed to supply {item}",
        "{recipient} agreed to buy {item}",
    ),
    Stage.OFFER: (
        "{supplier} offered {item} to {recipient}",
        "{supplier} offered {item}",
        "{recipient} asked for {item}",
    ),
    Stage.HALT: (
        "{supplier} halted deliveries of {item} to {recipient}",
        "{supplier} halted deliveries of {item}",
        "deliveries of {item} to {recipient} were halted",
    ),
}


def actor_name(pack: Pack, actor: str | None) -> str | None:
    """The common name of a pack actor ID ("RUS" -> its name); unknown IDs as they are."""
    if actor is None:
        return None
    found = pack.gazetteer.actors.get(actor)
    return found.name if found is not None else actor


def category_phrase(pack: Pack, category: str) -> str:
    """A category's plural phrase where the pack lists one ("ballistic missiles")."""
    found = pack.catalog.categories.get(category)
    if found is None:
        return category.replace("_", " ")
    plural = [phrase for phrase in found.phrases[:2] if phrase.endswith("s")]
    return plural[0] if plural else found.phrases[0]


def category_of(pack: Pack, item: str) -> str:
    """The category item of ``item``: a system's ``category:<id>``; a category's itself."""
    if item.startswith(CATEGORY_PREFIX):
        return item
    system = pack.catalog.systems.get(item)
    return f"{CATEGORY_PREFIX}{system.category}" if system is not None else item


def item_name(pack: Pack, item: str) -> str:
    """A system's name and category ("Kestrel-9 ballistic missiles"), or a category's phrase."""
    if item.startswith(CATEGORY_PREFIX):
        return category_phrase(pack, item.removeprefix(CATEGORY_PREFIX))
    system = pack.catalog.systems.get(item)
    if system is None:
        return item
    return f"{system.name} {category_phrase(pack, system.category)}"


def claim_text(pack: Pack, key: ClaimKey) -> str:
    """The claim as one plain sentence, without a final stop."""
    supplier = actor_name(pack, key.supplier)
    recipient = actor_name(pack, key.recipient)
    both, supplier_only, recipient_only = _TEMPLATES[key.stage]
    item = item_name(pack, key.item)
    if supplier is not None and recipient is not None:
        text = both.format(supplier=supplier, recipient=recipient, item=item)
    elif supplier is not None:
        text = supplier_only.format(supplier=supplier, item=item)
    elif recipient is not None:
        text = recipient_only.format(recipient=recipient, item=item)
    else:
        text = f"{item} changed hands ({key.stage.value})"
    return text[0].upper() + text[1:]
