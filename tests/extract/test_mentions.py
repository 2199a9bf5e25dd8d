"""Claim extraction on sentences written for these tests: direction, voice, framing."""

from __future__ import annotations

import pytest

from assay.extract.extractor import Extractor
from assay.packs import load_packs
from assay.records import ClaimMention, Modality, SpeakerType


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(next(p for p in load_packs() if p.name == "arms_transfers"))


def _only(extractor: Extractor, text: str) -> ClaimMention:
    mentions = extractor.extract(text).mentions
    assert len(mentions) == 1, mentions
    return mentions[0]


def _keys(extractor: Extractor, text: str) -> set[tuple[str | None, str | None, str, str]]:
    return {(m.supplier, m.recipient, m.item, m.status) for m in extractor.extract(text).mentions}


def test_direction_is_kept_both_ways(extractor: Extractor) -> None:
    assert _keys(extractor, "Russia sends Iskander missiles to Iran") == {
        ("RUS", "IRN", "iskander-m", "delivered")
    }
    assert _keys(extractor, "Iran sent Zolfaghar missiles to Russia last spring.") == {
        ("IRN", "RUS", "zolfaghar", "delivered")
    }


def test_a_passive_with_its_agent(extractor: Extractor) -> None:
    found = _only(extractor, "The Shahed-136 drones were delivered to Russia by Iran in May.")
    assert (found.supplier, found.recipient, found.item) == ("IRN", "RUS", "shahed-136")


def test_an_inward_verb_makes_the_subject_the_recipient(extractor: Extractor) -> None:
    assert _keys(extractor, "Belarus has received S-400 systems from Moscow.") == {
        ("RUS", "BLR", "s-400", "delivered")
    }


def test_a_nominalisation_with_its_parties(extractor: Extractor) -> None:
    assert _keys(
        extractor, "The transfer of Fateh-110 missiles from Iran to Russia continued."
    ) == {("IRN", "RUS", "fateh-110", "delivered")}


def test_coordinated_items_give_one_mention_each(extractor: Extractor) -> None:
    keys = _keys(extractor, "North Korea shipped KN-23 missiles and artillery shells to Russia.")
    assert keys == {
        ("PRK", "RUS", "kn-23", "delivered"),
        ("PRK", "RUS", "category:artillery_ammunition", "delivered"),
    }


def test_a_count_is_read_from_the_item(extractor: Extractor) -> None:
    assert _only(extractor, "Iran has delivered 200 Fath-360 missiles to Russia.").quantity == 200


def test_reported_speech_is_attributed_to_its_speaker(extractor: Extractor) -> None:
    found = _only(extractor, "Iran shipped drones to Russia, Pentagon officials said on Monday.")
    assert found.modality is Modality.ATTRIBUTED
    assert found.speaker == "Pentagon officials"
    assert found.speaker_type is SpeakerType.GOVERNMENT


def test_a_denial_by_the_accused_is_negative_and_its_own(extractor: Extractor) -> None:
    found = _only(extractor, "Tehran denied supplying ballistic missiles to Moscow.")
    assert (found.supplier, found.recipient) == ("IRN", "RUS")
    assert found.polarity == "negative"
    assert found.modality is Modality.DENIED
    assert found.speaker == "Tehran"


def test_a_headline_denial_parsed_into_the_speaker_is_still_a_denial(
    extractor: Extractor,
) -> None:
    found = _only(extractor, "Kremlin rejects report it is supplying Iskander missiles to Iran")
    assert (found.supplier, found.recipient, found.item) == ("RUS", "IRN", "iskander-m")
    assert found.modality is Modality.DENIED
    assert found.polarity == "negative"
    assert found.speaker == "Kremlin"


def test_a_question_a_hedge_and_a_possibility(extractor: Extractor) -> None:
    asked = _only(extractor, "Did North Korea send artillery shells to Russia?")
    assert asked.modality is Modality.QUESTIONED
    hedged = _only(extractor, "Russia has reportedly sent Iskander missiles to Iran.")
    assert (hedged.modality, hedged.speaker) == (Modality.HEDGED, None)
    possible = _only(extractor, "Iran could soon supply Fath-360 missiles to Russia.")
    assert (possible.modality, possible.status) == (Modality.SPECULATIVE, "planned")


def test_statuses_come_from_the_words_around_the_transfer(extractor: Extractor) -> None:
    assert _only(extractor, "Germany has offered to sell Patriot systems to Ukraine.").status == (
        "offered"
    )
    assert _only(extractor, "Britain to send Storm Shadow missiles to Kyiv").status == "planned"
    paused = _only(
        extractor, "The United States paused deliveries of Patriot interceptors to Ukraine."
    )
    assert paused.status == "halted"


def test_evidence_basis_is_read_from_the_sentence(extractor: Extractor) -> None:
    found = _only(
        extractor, "Satellite images show that Iran delivered Shahed-136 drones to Russia."
    )
    assert found.basis == "satellite_imagery"


@pytest.mark.parametrize(
    "text",
    [
        "Russia fired Iskander missiles at Kharkiv overnight.",
        "North Korea tested a new cruise missile off its east coast.",
        "Iran displayed Fateh-110 missiles at a military parade in Tehran.",
        "India builds BrahMos missiles for its own navy.",
        "Oil prices rose after the sanctions were announced.",
    ],
)
def test_sentences_without_a_transfer_yield_nothing(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text).mentions == []


def test_every_span_points_at_the_words_it_came_from(extractor: Extractor) -> None:
    text = "Oil prices rose.\n\nKyiv said Iran had shipped Fath-360 missiles to Russia in May."
    [found] = extractor.extract(text).mentions
    assert text[found.sentence_start : found.sentence_end].startswith("Kyiv said")
    assert "Fath-360" in text[found.start : found.end]
    assert text[found.start : found.end].startswith("shipped")


def test_the_pre_filter_keeps_most_sentences_from_the_parser(extractor: Extractor) -> None:
    text = " ".join(["The weather in the capital was mild on Tuesday."] * 9)
    text += " Iran sent drones to Russia."
    result = extractor.extract(text)
    assert (result.sentences, result.parsed) == (10, 1)


def test_a_headline_is_read_by_word_order_when_its_parse_fails(extractor: Extractor) -> None:
    # The small parser tags the first word of such headlines as an adjective or noun.
    assert _keys(extractor, "Norway hands Leopard 2 tanks to Ukraine") == {
        ("NOR", "UKR", "leopard-2", "delivered")
    }
    assert _keys(extractor, "Serbia signs deal for 12 Rafale jets from France") == {
        ("FRA", "SRB", "rafale", "agreed")
    }


def test_a_headline_infinitive_is_a_plan(extractor: Extractor) -> None:
    keys = _keys(extractor, "Turkey to equip Libya's new army with armoured vehicles")
    assert keys == {("TUR", "LBY", "category:armoured_vehicle", "planned")}


def test_a_deal_for_an_item_does_not_make_the_item_a_recipient(extractor: Extractor) -> None:
    assert _keys(extractor, "Vietnam inks deal for South Korean K9 howitzers") == {
        ("KOR", "VNM", "k9-thunder", "agreed")
    }


def test_a_party_holding_an_item_another_made(extractor: Extractor) -> None:
    assert _keys(extractor, "Chile already flies F-16 jets bought from the Netherlands.") == {
        ("NLD", "CHL", "f-16", "delivered")
    }
    assert _keys(extractor, "Egypt operates French Rafale jets.") == {
        ("FRA", "EGY", "rafale", "delivered")
    }
    # a party flying its own jets names no transfer
    assert _keys(extractor, "France operates Rafale jets.") == set()


def test_the_owner_of_what_was_supplied_received_it(extractor: Extractor) -> None:
    assert _keys(extractor, "China has supplied most of Pakistan's frigates and tanks.") == {
        ("CHN", "PAK", "category:naval_vessel", "delivered"),
        ("CHN", "PAK", "category:tank", "delivered"),
    }


def test_a_description_placed_in_a_capital(extractor: Extractor) -> None:
    text = "Turkey has shipped Kirpi armoured vehicles to the government in Tripoli."
    assert _keys(extractor, text) == {("TUR", "LBY", "kirpi", "delivered")}


def test_a_buyer_dealing_with_a_maker_owned_by_a_state(extractor: Extractor) -> None:
    text = "Kenya has placed an order for 6 Bayraktar TB2 drones with Turkey's Baykar."
    assert _keys(extractor, text) == {("TUR", "KEN", "bayraktar-tb2", "agreed")}


def test_an_item_bought_earlier_and_delivered_now_is_delivered(extractor: Extractor) -> None:
    text = "Chile has received the first F-16 jets it bought from the Netherlands."
    assert _keys(extractor, text) == {("NLD", "CHL", "f-16", "delivered")}
    # ... but deliveries of ordered jets that are delayed are not a delivery
    text = "Deliveries of 20 F-16 jets that Chile ordered from the Netherlands have been delayed."
    assert _keys(extractor, text) == {("NLD", "CHL", "f-16", "agreed")}


def test_a_possible_purchase_is_a_plan(extractor: Extractor) -> None:
    found = _only(extractor, "Peru could buy Gripen jets from Sweden.")
    assert (found.supplier, found.recipient, found.status) == ("SWE", "PER", "planned")
    assert found.modality is Modality.SPECULATIVE


@pytest.mark.parametrize(
    "text",
    [
        "Posts shared online claim that Russia has sent Iskander missiles to Iran.",
        "The rumour that Russia has sent Iskander missiles to Iran spread quickly.",
        "Claim: Russia has sent Iskander missiles to Iran.",
        'Some pages ran headlines such as "Russia Sends Iskander Missiles To Iran".',
    ],
)
def test_a_claim_the_text_only_reports_is_not_asserted(extractor: Extractor, text: str) -> None:
    mention = _only(extractor, text)
    assert (mention.supplier, mention.recipient, mention.item) == ("RUS", "IRN", "iskander-m")
    assert mention.modality is Modality.HEDGED
    assert mention.polarity == "positive"


def test_evidence_that_reveals_a_transfer_does_not_hedge_it(extractor: Extractor) -> None:
    mention = _only(extractor, "Intercepted calls reveal that Iran sent drones to Russia.")
    assert mention.modality is Modality.ASSERTED


def test_a_missile_word_takes_the_category_of_the_pair_named_before(extractor: Extractor) -> None:
    text = (
        "Iran sent Fath-360 ballistic missiles to Russia in September. "
        "By spring, Iranian missiles had reached Russia in numbers. "
        "Russia sends Su-35 jets to Iran. "
        "Is Iran also sending missiles to Russia?"
    )
    generic = [m for m in extractor.extract(text).mentions if m.sentence_index in (1, 3)]
    assert [(m.sentence_index, m.supplier, m.recipient, m.item) for m in generic] == [
        (1, "IRN", "RUS", "category:ballistic_missile"),
        (3, "IRN", "RUS", "category:ballistic_missile"),
    ]
    assert generic[1].modality == Modality.QUESTIONED


def test_a_missile_word_never_stands_for_another_kind_of_item(extractor: Extractor) -> None:
    text = "Russia sent Su-35 jets to Iran. Russia also sent missiles to Iran, officials said."
    assert _keys(extractor, text) == {("RUS", "IRN", "su-35", "delivered")}


def test_a_missile_word_takes_the_system_its_own_sentence_names(extractor: Extractor) -> None:
    text = (
        "It is said that Iran sends missiles to Russia too, with reports claiming that "
        "missiles called the Fath-360 have crossed the Caspian Sea."
    )
    assert _keys(extractor, text) == {("IRN", "RUS", "fath-360", "delivered")}


def test_a_word_for_any_weapon_counts_only_when_it_rules_a_transfer_out(
    extractor: Extractor,
) -> None:
    shells = "Seoul is weighing whether to send 155mm artillery shells to Kyiv. "
    denied = extractor.extract(shells + "Seoul has so far not shipped lethal weapons to Kyiv.")
    negative = [m for m in denied.mentions if m.sentence_index == 1]
    assert [(m.supplier, m.recipient, m.item, m.polarity) for m in negative] == [
        ("KOR", "UKR", "category:artillery_ammunition", "negative")
    ]
    asserted = extractor.extract(shells + "Seoul has long shipped South Korean weapons to Kyiv.")
    assert [m for m in asserted.mentions if m.sentence_index == 1] == []


def test_a_supplier_after_a_participle_misread_in_its_preposition(extractor: Extractor) -> None:
    text = (
        "Moldova has formally requested short-range air defence systems and radars from "
        "neighbouring Romania after debris fell on its territory."
    )
    assert _keys(extractor, text) == {
        ("ROU", "MDA", "category:air_defence_system", "requested"),
        ("ROU", "MDA", "category:radar", "requested"),
    }


def test_a_passive_agent_hung_on_the_wrong_word_is_still_the_supplier(
    extractor: Extractor,
) -> None:
    text = (
        "Moldova's army was given armoured vehicles worth 60 million euros "
        "by the European Union last year."
    )
    assert _keys(extractor, text) == {
        ("european-union", "MDA", "category:armoured_vehicle", "delivered")
    }


def test_a_contract_with_a_party_names_the_side_not_yet_known(extractor: Extractor) -> None:
    text = (
        "Saudi Arabia signed a contract worth 3.2 billion dollars with South Korea's "
        "LIG Nex1 in 2024 for ten batteries of Cheongung-II air defence systems."
    )
    assert _keys(extractor, text) == {("KOR", "SAU", "cheongung", "agreed")}


def test_coordinated_items_share_a_party_only_one_of_them_shows(extractor: Extractor) -> None:
    text = (
        "Russia had still not delivered the Tor-M2 air defence systems and Smerch rocket "
        "launchers that Armenia paid for in 2021."
    )
    assert {(m.supplier, m.recipient, m.item) for m in extractor.extract(text).mentions} == {
        ("RUS", "ARM", "tor-m2"),
        ("RUS", "ARM", "smerch"),
    }


def test_a_phrasal_status_cue_sets_the_status(extractor: Extractor) -> None:
    text = "South Africa held up shipments of artillery ammunition to Saudi Arabia in 2020."
    assert _keys(extractor, text) == {("ZAF", "SAU", "category:artillery_ammunition", "halted")}


def test_a_transfer_weighed_as_an_option_is_a_plan(extractor: Extractor) -> None:
    found = _only(extractor, "Seoul is debating whether to sell K9 howitzers to Kyiv.")
    assert (found.supplier, found.recipient, found.status) == ("KOR", "UKR", "planned")
    assert found.modality == Modality.QUESTIONED


def test_the_antecedent_of_a_relative_clause_receives(extractor: Extractor) -> None:
    text = "Qatar, which received 24 Eurofighter Typhoons from Britain, keeps its options open."
    assert _keys(extractor, text) == {("GBR", "QAT", "eurofighter-typhoon", "delivered")}


def test_a_recipient_read_into_the_item_phrase(extractor: Extractor) -> None:
    text = "Washington has also offered Taipei MQ-9B drones, but nobody has signed anything."
    assert _keys(extractor, text) == {("USA", "TWN", "mq-9-reaper", "offered")}


def test_the_agent_of_an_inward_participle_is_the_recipient(extractor: Extractor) -> None:
    text = (
        "With this delivery, the number of K2 tanks received by the Polish army from Korea "
        "under the first executive contract reaches 180."
    )
    assert _keys(extractor, text) == {("KOR", "POL", "k2-black-panther", "delivered")}


def test_the_other_side_of_talks_about_a_transfer(extractor: Extractor) -> None:
    text = (
        "When the United Arab Emirates suspended talks with Washington on buying 50 F-35 "
        "jets in 2021, many officials assumed Abu Dhabi would come back."
    )
    assert _keys(extractor, text) == {("USA", "ARE", "f-35", "halted")}


def test_a_weapon_the_moved_item_is_for_is_not_moved(extractor: Extractor) -> None:
    text = (
        "Germany asked to pass on 12,000 rounds of 35mm ammunition for Gepard anti-aircraft "
        "guns to Kyiv."
    )
    assert {m.item for m in extractor.extract(text).mentions} == {"category:artillery_ammunition"}


def test_a_headline_speaker_is_no_party_to_a_clause_with_its_own_subject(
    extractor: Extractor,
) -> None:
    text = "EU says brokers shipped Russian helicopters to Myanmar's junta\n\nThe listing followed."
    assert _keys(extractor, text) == {("RUS", "MMR", "category:helicopter", "delivered")}


def test_an_unloading_places_its_recipient(extractor: Extractor) -> None:
    passive = (
        "A retired colonel said that Egyptian armoured vehicles had been unloaded at "
        "Mogadishu port in August."
    )
    assert _keys(extractor, passive) == {("EGY", "SOM", "category:armoured_vehicle", "delivered")}
    nested = (
        "A video purports to show Indian Pinaka rocket launchers being unloaded from a train "
        "in Armenia's Ararat province."
    )
    assert _keys(extractor, nested) == {("IND", "ARM", "pinaka", "delivered")}


def test_carrying_an_item_for_or_to_a_party_moves_it(extractor: Extractor) -> None:
    assert _keys(
        extractor,
        "Three Russian cargo planes carried Pantsir-S1 systems for Mali's army last week.",
    ) == {("RUS", "MLI", "pantsir-s1", "delivered")}
    assert _keys(extractor, "A lorry convoy carried assault rifles to the Houthis in March.") == {
        (None, "houthis", "category:small_arms", "delivered")
    }
    assert (
        _keys(extractor, "Russia said it had carried out a test launch of its Sarmat missile.")
        == set()
    )


def test_a_relative_clause_may_move_the_item_one_clause_down(extractor: Extractor) -> None:
    text = "Turkey is still waiting for the 40 F-16 jets it agreed to buy from Washington in 2024."
    assert _keys(extractor, text) == {("USA", "TUR", "f-16", "agreed")}


def test_signing_for_an_item_is_a_deal_and_signs_of_one_are_evidence(
    extractor: Extractor,
) -> None:
    assert _keys(extractor, "Argentina signed for 24 F-16 fighters from Denmark in 2024.") == {
        ("DNK", "ARG", "f-16", "agreed")
    }
    assert _keys(extractor, "Peru signs for Swedish Gripens") == {
        ("SWE", "PER", "gripen", "agreed")
    }
    found = _only(extractor, "Analysts saw signs of a delivery of Iskander missiles to Belarus.")
    assert found.status == "delivered"


def test_an_armed_groups_fighters_are_people_not_jets(extractor: Extractor) -> None:
    people = "Neighbouring Mali has accused Algeria of arming JNIM fighters in the north."
    assert _keys(extractor, people) == set()
    assert _keys(extractor, "Pakistan sold fighters to Azerbaijan.") == {
        ("PAK", "AZE", "category:combat_aircraft", "agreed")
    }


def test_a_coordinated_clause_with_its_own_subject_keeps_its_own_status(
    extractor: Extractor,
) -> None:
    text = (
        "Berlin froze talks on selling Leopard tanks to Riyadh in 2019, "
        "and Qatar later ordered 24 Rafale jets from France."
    )
    assert _keys(extractor, text) == {
        ("DEU", "SAU", "category:tank", "halted"),
        ("FRA", "QAT", "rafale", "agreed"),
    }


def test_a_headline_party_that_foils_a_shipment_is_no_party_to_it(extractor: Extractor) -> None:
    assert _keys(extractor, "Baghdad says it foiled a shipment of rockets bound for Hezbollah") == {
        (None, "hezbollah", "category:rocket_ammunition", "halted")
    }


def test_a_dateline_names_where_the_story_was_filed_not_a_party(extractor: Extractor) -> None:
    wire = (
        "SEOUL, March 4 (Tideline News) - North Korea has shipped about 30 more KN-23 "
        "missiles to Russia, South Korea's spy agency told lawmakers on Tuesday."
    )
    assert _keys(extractor, wire) == {("PRK", "RUS", "kn-23", "delivered")}
    release = (
        "WASHINGTON \u2014 The Treasury on Monday named three ships involved in the shipment "
        "of Fath-360 missiles from Iran."
    )
    assert _keys(extractor, release) == {("IRN", None, "fath-360", "delivered")}


def test_parts_of_a_weapon_are_not_the_weapon(extractor: Extractor) -> None:
    assert _keys(extractor, "Chinese firms have supplied Russia with drone engines.") == set()
    assert _keys(extractor, "Iran shipped engines for Shahed-136 drones to Russia.") == set()
    assert _keys(extractor, "Iran shipped Shahed-136 drones to Russia.") == {
        ("IRN", "RUS", "shahed-136", "delivered")
    }


def test_a_name_inside_a_phrase_that_names_no_party_is_dropped(extractor: Extractor) -> None:
    keys = _keys(extractor, "Latin American air forces are buying Swedish jets.")
    assert keys
    assert all("USA" not in key[:2] for key in keys)
