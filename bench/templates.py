"""The benchmark's own text material: actors, outlets and sentence templates.

Written for the benchmark (nothing is copied from the dev corpus). Placeholders in
``{braces}`` are filled by :mod:`bench.synth`: ``{s_*}`` is the acting state,
``{t_*}`` the state acted upon (``leader``, ``title``, ``country``, ``adj``,
``capital``, ``minister``), plus ``{day}``, ``{place}``, ``{topic}``, ``{n}``.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = [
    "ACTORS",
    "BACKGROUND",
    "CHARGES",
    "CITIES",
    "CONTEXT",
    "DISTRACTORS",
    "EXPERTS",
    "INSTITUTES",
    "KINDS",
    "NEUTRAL_PLACES",
    "OUTLETS",
    "PEOPLE",
    "REACTIONS",
    "TEAMS",
    "TOPICS",
    "WIRE_OUTLETS",
    "Actor",
    "Kind",
]


class Actor(NamedTuple):
    """A state: code (ISO alpha-3), name, adjective, capital, leader, title, foreign minister."""

    code: str
    country: str
    adj: str
    capital: str
    leader: str
    title: str
    minister: str


ACTORS: tuple[Actor, ...] = (
    Actor("RUS", "Russia", "Russian", "Moscow", "Vladimir Putin", "President", "Sergei Lavrov"),
    Actor(
        "UKR", "Ukraine", "Ukrainian", "Kyiv", "Volodymyr Zelensky", "President", "Andrii Sybiha"
    ),
    Actor(
        "USA",
        "the United States",
        "American",
        "Washington",
        "Donald Trump",
        "President",
        "Marco Rubio",
    ),
    Actor("CHN", "China", "Chinese", "Beijing", "Xi Jinping", "President", "Wang Yi"),
    Actor("FRA", "France", "French", "Paris", "Emmanuel Macron", "President", "Jean-Noel Barrot"),
    Actor("DEU", "Germany", "German", "Berlin", "Friedrich Merz", "Chancellor", "Johann Wadephul"),
    Actor("GBR", "Britain", "British", "London", "Keir Starmer", "Prime Minister", "David Lammy"),
    Actor(
        "IND",
        "India",
        "Indian",
        "New Delhi",
        "Narendra Modi",
        "Prime Minister",
        "Subrahmanyam Jaishankar",
    ),
    Actor(
        "PAK", "Pakistan", "Pakistani", "Islamabad", "Shehbaz Sharif", "Prime Minister", "Ishaq Dar"
    ),
    Actor("IRN", "Iran", "Iranian", "Tehran", "Masoud Pezeshkian", "President", "Abbas Araghchi"),
    Actor("TUR", "Turkey", "Turkish", "Ankara", "Recep Tayyip Erdogan", "President", "Hakan Fidan"),
    Actor("JPN", "Japan", "Japanese", "Tokyo", "Shigeru Ishiba", "Prime Minister", "Takeshi Iwaya"),
    Actor(
        "BRA",
        "Brazil",
        "Brazilian",
        "Brasilia",
        "Luiz Inacio Lula da Silva",
        "President",
        "Mauro Vieira",
    ),
    Actor(
        "ZAF",
        "South Africa",
        "South African",
        "Pretoria",
        "Cyril Ramaphosa",
        "President",
        "Ronald Lamola",
    ),
    Actor(
        "ISR",
        "Israel",
        "Israeli",
        "Jerusalem",
        "Benjamin Netanyahu",
        "Prime Minister",
        "Gideon Saar",
    ),
    Actor(
        "EGY", "Egypt", "Egyptian", "Cairo", "Abdel Fattah al-Sisi", "President", "Badr Abdelatty"
    ),
    Actor(
        "PRK", "North Korea", "North Korean", "Pyongyang", "Kim Jong Un", "leader", "Choe Son Hui"
    ),
    Actor("ITA", "Italy", "Italian", "Rome", "Giorgia Meloni", "Prime Minister", "Antonio Tajani"),
    Actor(
        "POL", "Poland", "Polish", "Warsaw", "Donald Tusk", "Prime Minister", "Radoslaw Sikorski"
    ),
    Actor(
        "MEX",
        "Mexico",
        "Mexican",
        "Mexico City",
        "Claudia Sheinbaum",
        "President",
        "Juan Ramon de la Fuente",
    ),
    Actor("IDN", "Indonesia", "Indonesian", "Jakarta", "Prabowo Subianto", "President", "Sugiono"),
    Actor(
        "DZA", "Algeria", "Algerian", "Algiers", "Abdelmadjid Tebboune", "President", "Ahmed Attaf"
    ),
)

NEUTRAL_PLACES: tuple[str, ...] = (
    "Geneva",
    "Istanbul",
    "Doha",
    "Riyadh",
    "Vienna",
    "Helsinki",
    "Singapore",
    "Abu Dhabi",
)

OUTLETS: tuple[str, ...] = (
    "The Harbour Chronicle",
    "Northern Standard",
    "The Evening Courier",
    "Riverside Gazette",
    "Summit Times",
    "The Daily Compass",
    "Orient Observer",
    "Southern Cross Tribune",
)
WIRE_OUTLETS: tuple[str, ...] = ("Atlas Newswire", "Continental Press Agency")

TOPICS: tuple[str, ...] = (
    "the war in Ukraine",
    "trade and tariffs",
    "energy supplies",
    "nuclear security",
    "maritime security",
    "migration",
    "grain exports",
    "regional stability",
    "critical minerals",
    "arms control",
)


class Kind(NamedTuple):
    """One kind of diplomatic event, its expected coding and its wording variants."""

    name: str
    plover: str
    mode: str | None
    cameo: str
    status: str
    location: str  # "s_capital", "t_capital", "place" or "" (none)
    headlines: tuple[str, ...]
    ledes: tuple[str, ...]
    quotes: tuple[str, ...]


KINDS: tuple[Kind, ...] = (
    Kind(
        "invite",
        "AGREE",
        None,
        "036",
        "proposed",
        "s_capital",
        (
            "{s_leader} invites {t_leader} to {s_capital}",
            "{s_adj} leader extends invitation to {t_adj} counterpart",
            "{s_country} offers to host {t_leader} for talks",
        ),
        (
            "{s_title} {s_leader} {day} invited {t_title} {t_leader} to visit {s_capital} for talks on {topic}.",
            "{s_leader} said {day} that {t_leader} was welcome to come to {s_capital}, offering to host him for talks on {topic}.",
            "In an invitation issued {day}, {s_country}'s {s_leader} asked {t_adj} {t_title} {t_leader} to travel to {s_capital}.",
        ),
        (
            '"The door is open, and we are ready to receive him in {s_capital}," {s_leader} told reporters.',
            '"If he wants to talk, let him come to {s_capital}," {s_leader} said.',
        ),
    ),
    Kind(
        "visit",
        "CONSULT",
        "visit",
        "042",
        "occurred",
        "t_capital",
        (
            "{s_leader} arrives in {t_capital} for talks with {t_leader}",
            "{s_adj} {s_title} visits {t_country}",
            "{s_leader} and {t_leader} hold talks in {t_capital}",
        ),
        (
            "{s_title} {s_leader} arrived in {t_capital} {day} for talks with {t_title} {t_leader} on {topic}.",
            "{s_leader} travelled to {t_capital} {day}, where he was received by {t_leader} for talks on {topic}.",
            "On a visit to {t_country} {day}, {s_leader} met {t_leader} in {t_capital} to discuss {topic}.",
        ),
        (
            '"We had a frank and useful conversation," {s_leader} said after the talks.',
            '"This visit shows that dialogue is possible," {t_leader} said at a joint news conference.',
        ),
    ),
    Kind(
        "call",
        "CONSULT",
        "phone",
        "041",
        "occurred",
        "",
        (
            "{s_leader} and {t_leader} speak by phone",
            "{s_adj} and {t_adj} leaders hold phone call on {topic}",
            "{s_leader} calls {t_leader} as tensions over {topic} rise",
        ),
        (
            "{s_title} {s_leader} spoke by telephone with {t_title} {t_leader} {day}, discussing {topic}, according to a readout.",
            "{s_leader} held a phone call with {t_leader} {day} in which the two discussed {topic}.",
            "In a call {day}, {s_leader} told {t_leader} that his government wanted progress on {topic}.",
        ),
        (
            '"It was a long and very good call," {s_leader} wrote afterwards.',
            'A spokesperson for {t_leader} described the call as "constructive but difficult".',
        ),
    ),
    Kind(
        "meet",
        "CONSULT",
        "third-party",
        "044",
        "occurred",
        "place",
        (
            "{s_leader} and {t_leader} meet in {place}",
            "{s_adj}, {t_adj} leaders hold talks on the sidelines in {place}",
            "Talks in {place}: {s_leader} sits down with {t_leader}",
        ),
        (
            "{s_leader} met {t_leader} in {place} {day} for talks on {topic}, their first meeting in months.",
            "{s_title} {s_leader} and {t_title} {t_leader} held talks in {place} {day}, focusing on {topic}.",
            "Meeting in {place} {day}, {s_leader} and {t_leader} discussed {topic} for nearly three hours.",
        ),
        (
            '"We agreed to keep talking," {s_leader} said after the meeting in {place}.',
            '"Nothing is settled yet," a senior {t_adj} official said of the {place} talks.',
        ),
    ),
    Kind(
        "sanction",
        "SANCTION",
        None,
        "163",
        "occurred",
        "s_capital",
        (
            "{s_country} imposes new sanctions on {t_country}",
            "{s_adj} sanctions target {t_adj} banks and exporters",
            "{s_country} tightens sanctions on {t_country} over {topic}",
        ),
        (
            "{s_country} imposed a new package of sanctions on {t_country} {day}, targeting banks, shipping firms and {n} individuals.",
            "The {s_adj} government announced sanctions against {t_country} {day}, freezing assets linked to {topic}.",
            "{s_leader}'s government {day} sanctioned {n} {t_adj} companies, citing {topic}.",
        ),
        (
            '"These measures will stay in place until {t_country} changes course," {s_minister} said.',
            '{t_country}\'s foreign ministry called the sanctions "illegal and counterproductive".',
        ),
    ),
    Kind(
        "expel",
        "SANCTION",
        "expel",
        "161",
        "occurred",
        "s_capital",
        (
            "{s_country} expels {n} {t_adj} diplomats",
            "{s_country} orders {t_adj} envoys to leave",
            "Diplomatic row deepens as {s_country} expels {t_adj} officials",
        ),
        (
            "{s_country} {day} ordered {n} {t_adj} diplomats to leave the country within 48 hours.",
            "The {s_adj} foreign ministry said {day} it was expelling {n} officials of the {t_adj} embassy in {s_capital}.",
            "{s_minister} announced {day} that {s_country} would expel {n} {t_adj} diplomats.",
        ),
        (
            '"Their activities were incompatible with their status," {s_minister} said.',
            '{t_country} said it would respond "in a proportionate way".',
        ),
    ),
    Kind(
        "accuse",
        "ACCUSE",
        None,
        "112",
        "occurred",
        "",
        (
            "{s_country} accuses {t_country} of {charge}",
            "{s_leader} blames {t_country} for {charge}",
            "{s_adj} officials accuse {t_adj} government of {charge}",
        ),
        (
            "{s_title} {s_leader} {day} accused {t_country} of {charge}, in his sharpest remarks in weeks.",
            "{s_country} {day} accused {t_country} of {charge} and summoned its ambassador.",
            "{s_minister} accused the {t_adj} government {day} of {charge}.",
        ),
        (
            '"The evidence is clear and we will present it," {s_minister} said.',
            '{t_country} rejected the accusation as "fabricated".',
        ),
    ),
    Kind(
        "threaten",
        "THREATEN",
        "violence",
        "138",
        "occurred",
        "",
        (
            "{s_leader} warns {t_country} of 'severe response'",
            "{s_country} threatens {t_country} with military action",
            "{s_adj} leader issues stark warning to {t_adj} government",
        ),
        (
            "{s_leader} {day} threatened {t_country} with military force if it continued its actions over {topic}.",
            '{s_country} warned {t_country} {day} that it would strike back "with full force" if provoked.',
            "In a speech {day}, {s_leader} threatened a military response against {t_country} over {topic}.",
        ),
        (
            '"Nobody should doubt our resolve," {s_leader} said.',
            '"We will not be intimidated," a spokesperson for {t_leader} replied.',
        ),
    ),
    Kind(
        "sign",
        "SUPPORT",
        None,
        "057",
        "occurred",
        "place",
        (
            "{s_country} and {t_country} sign agreement on {topic}",
            "{s_leader} and {t_leader} seal deal in {place}",
            "{s_adj}-{t_adj} accord signed after months of talks",
        ),
        (
            "{s_country} and {t_country} signed an agreement on {topic} in {place} {day}, after months of negotiation.",
            "{s_leader} and {t_leader} {day} signed a deal covering {topic} at a ceremony in {place}.",
            "Officials of {s_country} and {t_country} put their names to an accord on {topic} in {place} {day}.",
        ),
        (
            '"This agreement opens a new chapter," {s_leader} said at the signing.',
            '"It is a good deal for both our peoples," {t_leader} said.',
        ),
    ),
)

REACTIONS: dict[str, tuple[str, str, str, str, str]] = {
    # kind -> (plover, mode, cameo, status, sentence): the target's answer, if reported
    "invite": (
        "REJECT",
        "meet",
        "125",
        "occurred",
        "{t_leader}'s office rejected the invitation {day}, saying talks in {s_capital} were out of the question.",
    ),
    "sanction": (
        "ACCUSE",
        "",
        "112",
        "occurred",
        "{t_minister} accused {s_country} {day} of waging economic war on {t_country}.",
    ),
    "threaten": (
        "THREATEN",
        "violence",
        "138",
        "occurred",
        "{t_leader} threatened {s_country} with retaliation {day}, warning that any attack would be answered.",
    ),
    "expel": (
        "SANCTION",
        "expel",
        "161",
        "occurred",
        "{t_country} expelled {n} {s_adj} diplomats in response {day}.",
    ),
}

CHARGES: tuple[str, ...] = (
    "interfering in its elections",
    "backing armed groups",
    "violating the ceasefire",
    "spying on its officials",
    "sabotaging undersea cables",
    "stoking unrest on the border",
)

BACKGROUND: dict[str, str] = {
    "invite": "On {date}, {s_leader} had invited {t_leader} to {s_capital}.",
    "visit": "On {date}, {s_leader} visited {t_capital} for talks with {t_leader}.",
    "call": "{s_leader} and {t_leader} last spoke by phone on {date}.",
    "meet": "The two leaders met in {place} on {date}.",
    "sanction": "{s_country} imposed sanctions on {t_country} on {date}.",
    "expel": "On {date}, {s_country} expelled {n} {t_adj} diplomats.",
    "accuse": "On {date}, {s_country} accused {t_country} of {charge}.",
    "threaten": "On {date}, {s_leader} threatened {t_country} with military force.",
    "sign": "{s_country} and {t_country} signed an agreement on {topic} in {place} on {date}.",
}

# Context sentences: filler built from slots, varied enough that articles differ.
CONTEXT: tuple[str, ...] = (
    "Analysts in {s_capital} said the move reflected a broader shift in {s_adj} policy on {topic}.",
    "Officials in {t_capital} have not commented publicly, but diplomats said a response was being prepared.",
    "{expert}, a researcher at {institute}, said the timing was unlikely to be an accident.",
    '"What matters is what happens over the next {n} weeks," {expert} said in an interview.',
    "Trade between the two countries reached about ${n} billion last year, according to official figures.",
    "The relationship has swung between cooperation and confrontation for more than a decade.",
    "Opposition politicians in {s_capital} criticised the government for what they called a lack of strategy.",
    "Markets reacted calmly, with the {s_adj} currency little changed by the close of trading.",
    "Diplomats familiar with the discussions said {topic} remained the main point of disagreement.",
    "The {s_adj} foreign ministry said further details would be released in the coming days.",
    "Several European governments called for restraint and urged both sides to keep channels open.",
    "{expert} of {institute} noted that previous rounds had produced few concrete results.",
    "Public opinion in {t_country} remains sharply divided over how to deal with {s_country}.",
    "Energy prices have added pressure on both governments ahead of the winter.",
    "Officials stressed that working groups would continue to meet at a technical level.",
    "A poll published last week found that {n} percent of respondents supported closer ties.",
    "The issue of {topic} has dominated the agenda of regional summits this year.",
    "Neither side has published a full account of the positions exchanged so far.",
    "Some lawmakers warned that the approach risked isolating {s_country} further.",
    "Observers will watch closely for signals at the next ministerial meeting.",
    "The United Nations has repeatedly called for dialogue on {topic}.",
    "Business groups in both countries said they hoped for predictability above all.",
    "Military analysts said troop movements near the border had not changed in recent days.",
    "State television in {s_capital} gave the story prominent coverage in its evening bulletin.",
    "Critics said the announcement was aimed as much at a domestic audience as at {t_country}.",
    "The embassy of {t_country} in {s_capital} did not respond to a request for comment.",
)

EXPERTS: tuple[str, ...] = (
    "Maria Ostrovska",
    "Daniel Achebe",
    "Lena Fischer",
    "Omar Haddad",
    "Priya Raman",
    "Tomas Lindqvist",
    "Hannah Keller",
    "Kenji Watanabe",
    "Sofia Marquez",
    "Ibrahim Yusuf",
)
INSTITUTES: tuple[str, ...] = (
    "the Institute for Strategic Dialogue Studies",
    "the Centre for Regional Security",
    "Kingsbridge University",
    "the Atlantic Policy Forum",
    "the Asia Governance Institute",
    "the Global Affairs Council",
)

DISTRACTORS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # topic -> (headlines, sentences); {team}, {city}, {n}, {m}, {name} are filled in.
    "sport": (
        (
            "{team} beat rivals {n}-{m} to reach the final",
            "Late goal sends {team} top of the table",
            "{name} breaks course record in {city} marathon",
        ),
        (
            "{team} attacked from the first whistle and scored twice before half-time.",
            "The visitors defended deep and relied on counter-attacks through the wings.",
            "Coach {name} said the squad had shown character after a difficult month.",
            "A crowd of {n},000 watched the match at the stadium in {city}.",
            "The defence held firm despite heavy pressure in the closing minutes.",
            "{name} scored the winner with a header from a corner in the {n}th minute.",
            "The team will travel to {city} next week for the second leg.",
            "Injuries to two midfielders forced a late change of formation.",
            "Supporters celebrated long into the night in the centre of {city}.",
        ),
    ),
    "markets": (
        (
            "Stocks close higher as investors weigh rate outlook",
            "Central bank holds rates at {n}.{m} percent",
            "Oil slips as inventories rise",
        ),
        (
            "The main index rose {n}.{m} percent, led by technology and bank shares.",
            "Bond yields edged lower after weaker than expected retail sales data.",
            "The central bank left its benchmark rate unchanged, citing sticky services inflation.",
            "Analyst {name} said investors were waiting for clearer signals on growth.",
            "Brent crude fell to ${n} a barrel as inventories climbed for a third week.",
            "Shares in the largest retailer fell after it cut its profit forecast.",
            "Trading volumes were thin ahead of a public holiday in {city}.",
            "The currency strengthened slightly against the dollar in late trading.",
            "Economists expect growth of about {m} percent this year.",
        ),
    ),
    "weather": (
        (
            "Heatwave grips {city} as temperatures top {n} degrees",
            "Storm brings flooding to {city}",
            "Forecasters warn of heavy snow in the north",
        ),
        (
            "Temperatures in {city} reached {n} degrees Celsius on the hottest day of the year.",
            "Emergency services rescued dozens of residents from flooded homes.",
            "Meteorologist {name} said the system would move east by the weekend.",
            "Schools in several districts closed as a precaution.",
            "Rail services were suspended on {m} lines after trees fell on the tracks.",
            "Officials urged older people to stay indoors during the afternoon.",
            "Farmers warned that the dry spell could damage this year's harvest.",
            "Power cuts affected about {n},000 households overnight.",
            "Forecasters expect cooler air to arrive early next week.",
        ),
    ),
    "crime": (
        (
            "Police arrest suspect after robbery in {city}",
            "Trial opens in {city} fraud case",
            "Man charged over attack outside nightclub",
        ),
        (
            "Police in {city} said a {n}-year-old man had been arrested on suspicion of robbery.",
            "Prosecutors allege the scheme defrauded investors of more than ${n} million.",
            "Detective {name} appealed for witnesses to come forward.",
            "The suspect is due to appear in court on Monday.",
            "A spokesperson for the police said the investigation was at an early stage.",
            "Neighbours described hearing shouting shortly before midnight.",
            "The defence lawyer said his client would plead not guilty.",
            "Officers recovered a vehicle abandoned {m} kilometres away.",
            "The judge adjourned the hearing until next month.",
        ),
    ),
}

TEAMS: tuple[str, ...] = (
    "Riverside United",
    "Northport City",
    "Eastfield Rovers",
    "Harbour Athletic",
)
CITIES: tuple[str, ...] = ("Lisbon", "Manchester", "Osaka", "Lyon", "Melbourne", "Toronto", "Porto")
PEOPLE: tuple[str, ...] = ("Alex Moreno", "Chris Hale", "Jana Novak", "Sam Okafor", "Ruth Bergman")
