"""Rule data of ``newstag_entities``: pydantic models for the shipped JSON files and cached loaders.

Every file lives in ``newstag/entities/data`` and is read with :mod:`importlib.resources`; a user
can pass their own files of the same shape to the component.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..data_files import package_json

NewsType = Literal["PERSON", "ORG", "PLACE"]
#: a word list the rules test membership in (validated from a JSON list into a frozenset)
Words = frozenset[str]
#: a word list the rules match as endings or prefixes (``str.endswith``) or read in order (a tuple)
Ends = tuple[str, ...]


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class EneMap(_Data):
    """GiNZA ENE label → newstag type (``ene_map.json``)."""

    description: str = ""
    types: dict[str, NewsType] = Field(description="ENE label → PERSON / ORG / PLACE; unlisted labels are ignored.")
    title_labels: Words = Field(default_factory=frozenset, description="ENE labels of job titles (Position_Vocation).")
    event_labels: Words = Field(default_factory=frozenset, description="ENE labels of events, laws and awards: with a name ending in an event head (context.json event_heads) the places inside are not mentions (日露戦争, 東京モーターショー).")
    facility_labels: Words = Field(default_factory=frozenset, description="ENE labels of facilities (Station, Airport …): a place or person inside such a name is not a mention.")
    unsure_place_labels: Words = Field(default_factory=frozenset, description="Place labels GiNZA gives to people, companies and common words often (City, Country): alone, with no Sudachi 地名 token, gazetteer name or place suffix, they are no mention.")
    name_labels: Words = Field(default_factory=frozenset, description="ENE labels of names (Person, Company): a word GiNZA labels so before a class word makes the compound a name (〇〇 + バンド), not a class noun.")


class Titles(_Data):
    """Titles and honorifics (``titles.json``).

    A title is a run of nouns ending in one of ``heads`` (財務 + 長官); ``modifiers`` may precede a
    head inside the title (前, 元, 副, 国務). ``honorifics`` follow a name directly (氏, さん).
    ``not_after`` lists words that, right after a head, show it is part of an organisation name
    (大統領 + 府).
    """

    description: str = ""
    heads: Words
    modifiers: Words = Field(default_factory=frozenset)
    honorifics: Words = Field(default_factory=frozenset)
    not_after: Words = Field(default_factory=frozenset)
    corporate: Words = Field(default_factory=frozenset, description="Heads that tie a person to a company (社長, CEO).")
    not_names: Words = Field(default_factory=frozenset, description="Words before a title that are not names (同, 両, 各).")
    occupations: Words = Field(default_factory=frozenset, description="Heads that also follow a field (バドミントン選手): a katakana dictionary word before them is not a name.")
    person_trailers: Words = Field(default_factory=frozenset, description="Words after a name that are not part of it (等, 夫妻, 原作).")
    occupation_honorifics: Words = Field(default_factory=frozenset, description="Honorifics that also end occupations (測量師): a kanji common word before them is not a name.")
    noble: Words = Field(default_factory=frozenset, description="Noble titles: a place name before one is the person's name (ハリファックス伯爵).")
    familiar_honorifics: Words = Field(default_factory=frozenset, description="Honorifics that everyday and web text also puts after roles, shops and animals (花屋さん, 神様, ネコちゃん): a common noun or a noun suffix before one is no name.")


class OrgSuffixes(_Data):
    """Words that end organisation names (``org_suffixes.json``).

    ``heads``: a compound noun ending in one of these, led by a proper noun, is an ORG
    (パキスタン人民党, 中国野生動物保護協会). ``state_bodies``: country + one of these is an optional
    ORG in the annotation guide (ロシア軍, カナダ政府); the country inside stays a PLACE.
    """

    description: str = ""
    heads: Words
    state_bodies: Words = Field(default_factory=frozenset)
    strong_heads: Words = Field(default_factory=frozenset, description="Heads that make an ORG of a compound of common words (国防 + 省).")
    weak_heads: Words = Field(default_factory=frozenset, description="Heads that also end common descriptions (タクシー会社): a katakana dictionary word before them makes no name.")
    department_heads: Ends = Field(default=(), description="Ends of a department's name (学部, 政治部, 課): an organisation + its department are two mentions (〇〇大学 + 〇〇学部).")
    not_departments: Ends = Field(default=(), description="Words ending like a department that are not one (本部, 支部).")
    branch_heads: Ends = Field(default=(), description="Ends of a branch's name (放送局, 支社): before one, only the organisation is a mention (〇〇 + 仙台放送局).")
    part_words: Words = Field(default_factory=frozenset, description="Words ending like a head that name a part of a place or thing, not an organisation (中心部, 北部, 内部).")
    unit_heads: Ends = Field(default=(), description="Words that end a numbered unit's name (第3師団, 歩兵第12連隊, 第2次〇〇内閣): 第 + number + … + one of these is an ORG.")
    media_prefixes: Words = Field(default_factory=frozenset, description="英紙, 米紙 …: a bracketed name after them is a news organisation.")
    katakana_heads: Words = Field(default_factory=frozenset, description="Last parts of katakana names of companies and groups (・コーポレーション, ・キャピタル).")
    unsure_ginza_orgs: dict[str, Words] = Field(default_factory=dict, description="GiNZA organisation labels and the written shapes (latin-upper: NASA, latin-words: two or more Latin words, latin-mixed: other Latin, katakana, other) in which their entities name a product, a work, an event or a facility more often than an organisation: such an entity alone makes no ORG (org:context may still take it).")
    org_facility_heads: Ends = Field(default=(), description="Heads of names that Stockmark annotates as facilities more often than as organisations (〇〇研究所, 〇〇造船所, 〇〇百貨店, 〇〇シアター): a compound ending in one, built by the suffix rules or GiNZA, holds no mention.")
    kind_heads: Ends = Field(default=(), description="Heads (as words of their own) that, after one common word and nothing else, make a kind of group rather than a name (諮問 + 委員会, 吹奏楽 + クラブ, デモ + 隊, リベラル + 派): such a compound is no ORG.")
    person_thing_ends: Ends = Field(default=(), description="Last words of names of facilities and vehicles that may end an organisation's name but never a person's (〇〇センター, 〇〇線, 〇〇号): a PERSON found by any rule but the gazetteer whose name ends in one names that thing.")
    polity_ends: Ends = Field(default=(), description="Ends of the names of domains and kingdoms, which are the land (GPE), not an organisation (赤穂藩, プロイセン王国): GiNZA's organisation ending in one is a PLACE.")
    government_ends: Words = Field(default_factory=frozenset, description="Last characters of the names of public bodies (〇〇省, 〇〇庁, 〇〇局, 〇〇院, 〇〇府): such a body and the offices after it are one name.")
    generic_heads: Ends = Field(default=(), description="Heads too generic to make a name of the common words before them, even before an organisation context (子会社, 武装集団, 〇〇鉄道).")
    media_ends: Words = Field(default_factory=frozenset, description="Last characters of words for a paper or a magazine: a one-letter country form + one of them (英紙, 米誌) is a media word.")
    thing_ends: Ends = Field(default=(), description="Last words of names of events and facilities that read like organisations (〇〇チャンピオンズリーグ is a competition, 全〇オープン a tournament, 〇〇競馬場 a racecourse, 〇〇撮影所 a studio): a name ending in one is no ORG, whichever rule found it, and holds no mention.")
    short_forms: dict[str, list[str]] = Field(default_factory=dict, description="Heads of organisation names and the short forms news writes for them (警察 → 警, 地方検察庁 → 地検, 大学 → 大): 〇〇県警 is a later mention of 〇〇県警察 in the same article.")


class Context(_Data):
    """Context words for the rules (``context.json``)."""

    description: str = ""
    short_form_followers: Words = Field(description="Words after a one-letter country form that show it is the country (米紙, 米財務長官).")
    standalone_short_forms: Words = Field(default_factory=frozenset, description="One-letter forms that stand alone before 、 (米、…).")
    short_form_verbs: Words = Field(default_factory=frozenset, description="Verbal or relational characters that make one word with a one-letter country form after them (訪 + 日, 渡 + 米, 駐 + 日, 反 + 米): the country is a mention.")
    not_short_form_words: Words = Field(default_factory=frozenset, description="Words of a short_form_verbs character + a country form that are common words (対比: contrast, not the Philippines).")
    org_prefixes: Words = Field(default_factory=frozenset, description="Legal-form prefixes of company names (株式会社 …).")
    org_prefixes_outside: Words = Field(default_factory=frozenset, description="Those of org_prefixes written before the name but not part of it (財団法人 + 〇〇協会); 株式会社 is part of it.")
    org_descriptors: Words = Field(default_factory=frozenset, description="Words leading a compound that are not part of the organisation's name (野党, 大手).")
    name_trailers: Words = Field(default_factory=frozenset, description="Suffixes and verbal nouns that follow an organisation's name without being part of it (株式会社 + 化, 合同会社 + 形式, 〇〇 + 設立).")
    team_context_words: Ends = Field(default=(), description="Words of an organisation context that speak of a sports club (に移籍, を退団, 戦で): the home town written before the club's name is part of it.")
    military_services: Words = Field(default_factory=frozenset, description="The armed services (陸軍, 海軍, 空軍): standing alone they are organisations; after a name and before a rank (〇〇海軍中佐) they are part of the person's rank.")
    time_after_event: Words = Field(default_factory=frozenset, description="Words of time after 〇〇の乱 / 〇〇の戦い (後, 以降): the event's name still ends before them.")
    person_keepers: Words = Field(default_factory=frozenset, description="Words after a name Sudachi or GiNZA reads as a person that keep it a person although they could open a longer name (〇〇人: a people, 〇〇代表: a title, 〇〇時代: the person's time).")
    person_keeper_ends: Ends = Field(default=(), description="Endings of such words (〇〇・〇〇会談: its participants).")
    direction_prefixes: Words = Field(default_factory=frozenset, description="Compass words that open a state's name (東 + ローマ + 帝国).")
    faction_heads: Words = Field(default_factory=frozenset, description="Heads naming a person's following (〇〇大統領派, 〇〇首相陣営, 〇〇政権): a title before them stays a title, not part of an organisation's name.")
    leader_heads: Ends = Field(default=(), description="Heads after which the name before is the person who leads the group (〇〇政権, 〇〇陣営, 〇〇内閣).")
    listing_contexts: Words = Field(default_factory=frozenset, description="Those of org_contexts a place stands before as itself (上海に上場: listed at the exchange of that city): they do not retype a place.")
    league_words: Ends = Field(default=(), description="Ends of a league's name: written with ・ before a club's name (〇〇リーグ・〇〇), the league is no part of the club's.")
    short_form_title_starts: Ends = Field(default=(), description="Starts of words written in one token after a one-letter country form that make it the country (米 + 国務長官, 露 + 大統領府), besides short_form_followers and the title heads.")
    office_time_prefixes: Words = Field(default_factory=frozenset, description="Prefixes of a head's title that date it (元, 前, 現 + 〇〇部長): no part of the office's name.")
    not_office_starts: Ends = Field(default=(), description="Starts of words before 長 that name no particular office (第一部長, 副部長, 各部長).")
    kind_determiners: Words = Field(default_factory=frozenset, description="Words before a body that say it is one of a kind, not one named body (各, その, 同, それぞれ + の): an organisation of common words after one is no mention (各 + 大陸連盟, その + 救出部隊).")
    member_words: Words = Field(default_factory=frozenset, description="Words after a body that make a member of it (〇〇 + 員): an organisation of common words before one is no mention (停戦監視部隊 + 員).")
    group_ends: Words = Field(default_factory=frozenset, description="Last characters of a group's name (〇〇組, 〇〇団, 〇〇会, 〇〇党): an office head right after one (〇〇組 + 局長) is the group's own title, no separate office.")
    generation_ends: Ends = Field(default=(), description="Ends of words numbering a holder of a name or a post (初代, 二代目, 三世): before a defined person's name they are no part of it.")
    assembly_ends: Ends = Field(default=(), description="Ends of a local assembly's short name in a member's title (県議会 + 議員, 市会議 + 員): with a place before it, the assembly is an organisation.")
    org_breakers: Words = Field(default_factory=frozenset, description="Words that no organisation's name goes through: in a compound, the organisation starts after the last of them (王者 + 〇〇, 初代 + 〇〇部長, 〇〇メーカー + 〇〇社).")
    facility_suffixes: Words = Field(default_factory=frozenset, description="A name + one of these names a facility or thing, not the person or place (〇〇廟, 〇〇通り).")
    name_heads: Words = Field(default_factory=frozenset, description="Nouns after a place name that make it part of a longer name (カタール国際…, 太平洋戦争, 上本町駅); other common nouns leave it a place (パキスタン南部, アフガン情勢).")
    org_name_prefixes: Words = Field(default_factory=frozenset, description="Common words that may open an organisation's name before the name proper (国際 + サッカー連盟).")
    not_org_words: Words = Field(default_factory=frozenset, description="Acronyms GiNZA may take for organisations that are not (UTC, GDP, SNS).")
    acronym_org_particles: Words = Field(default_factory=frozenset, description="Particles after which a bare Latin acronym standing alone (NCAA は, WWE が, CDU の) names an organisation, unless it is one of not_org_words.")
    event_after_no: Words = Field(default_factory=frozenset, description="Place + の + one of these names an event (関ヶ原の戦い), not the place.")
    place_suffixes: Words = Field(default_factory=frozenset, description="A name + one of these is a place (〇〇州, 四川省, 〇〇島).")
    org_contexts: Words = Field(default_factory=frozenset, description="Words right after a name that show it names an organisation (に所属, を買収, の子会社, 戦で); matched over whole tokens.")
    event_heads: Ends = Field(default=(), description="Words that end the name of an event, a treaty or an award (戦争, 大会, 条約, 賞).")
    event_name_ends: Ends = Field(default=(), description="More words that end the name of an event (選挙, 事故, 会議): an organisation whose name opens such a compound (〇〇議会 + 選挙) is part of the event's name.")
    facility_heads: Ends = Field(default=(), description="Words that end the name of a facility, not an organisation (〇〇高校, 〇〇駅, 〇〇病院): GiNZA's organisation entities ending so are dropped.")
    org_trailers: Words = Field(default_factory=frozenset, description="Words GiNZA may keep at the end of an organisation that are not part of its name (BMW車, 東映配給).")
    team_labels: Words = Field(default_factory=frozenset, description="GiNZA labels of sports clubs, whose spans often leave out the home town (〇〇 + ファイブアローズ).")
    club_forms: Words = Field(default_factory=frozenset, description="Club forms written before or after a club's name (FC, AC, SC, CF).")
    name_followers: Words = Field(default_factory=frozenset, description="Nouns written right after a club's name that leave the name whole (〇〇戦, 〇〇時代, 〇〇所属).")
    kind_words_before_names: Words = Field(default_factory=frozenset, description="Words for what an organisation is, written right before its name and no part of it (新会社〇〇, 王者〇〇).")
    bracket_org_contexts: Ends = Field(default=(), description="Verbs after a bracketed name (「〇〇」を設立) that make it an organisation's name.")
    no_name_heads: Words = Field(default_factory=frozenset, description="Heads written after の that end an organisation's name (〇〇野鳥の会, 〇〇未来の党).")
    list_enders: Words = Field(default_factory=frozenset, description="Words closing a list of names inside a noun compound (〇〇ら, 〇〇等): an organisation's name starts after them.")
    office_verbs: Ends = Field(default=(), description="Verbs that take a post as their object or goal (〇〇社長を務めた, 〇〇代表取締役に就任): a name written before the post's title there is the body the post belongs to, not the holder.")
    member_titles: Ends = Field(default=(), description="Member titles written as one word with their body (衆議院 + 議員, 県議会 + 議員): the body is an organisation.")
    generic_member_bodies: Words = Field(default_factory=frozenset, description="Bodies whose member's title says what the person is, not which body (国会議員 sits in a parliament, any country's): no mention inside the title.")
    duty_words: Ends = Field(default=(), description="Words opening a department's head that say what it is in charge of (担当 + 課): 〇〇担当課 is a kind of office, no name.")
    source_frames: Ends = Field(default=(), description="Words after a cited source (〇〇によると, 〇〇が報じた): the outlet before them is an organisation when its name ends in a media word.")
    source_media_heads: Words = Field(default_factory=frozenset, description="Last words of news outlets' names (〇〇新聞, 〇〇スポーツ, 〇〇・ポスト, 〇〇NEWS): after a word that is no kind of outlet, one of them cited as a source is an outlet.")
    source_kinds: Words = Field(default_factory=frozenset, description="Words before a media word that say what kind of outlet it is (地元 + テレビ, 一部 + 新聞, 英字 + 新聞): no name.")
    parent_orgs: Words = Field(default_factory=frozenset, description="Organisations written right before the name of one of their bodies as part of it (国連 + 世界食糧計画 = 国連世界食糧計画).")
    named_org_heads: Ends = Field(default=(), description="Words for a kind of organisation after which a name in brackets is that organisation's name (バンド「〇〇」, 新会社「〇〇」, チーム名「〇〇」).")
    office_heads: Words = Field(default_factory=frozenset, description="Last characters of an office whose head's title is 〇〇長 (部, 局, 課, 科): the office is an organisation (総務部長 → 総務部).")
    not_offices: Ends = Field(default=(), description="Offices before 長 that name no particular organisation (事務局, 支部, 本部).")
    latin_named_org_heads: Ends = Field(default=(), description="Words for a group right before a Latin name that is the group's name (バンドX JAPAN, ユニットencounter+).")
    standalone_orgs: Words = Field(default_factory=frozenset, description="Common words that name an organisation even standing alone (連合軍, 幕府).")
    latin_forms: Words = Field(default_factory=frozenset, description="Latin legal forms after a company's name (〇〇, Inc.), part of it.")
    team_heads: Words = Field(default_factory=frozenset, description="A place + one of these is a team or delegation, an ORG (日本代表, スイス選手団).")
    team_kinds: Words = Field(default_factory=frozenset, description="Sports and kinds of team written before a place + team head, part of the team's name (サッカー日本代表, 高校日本代表, 日本女子代表).")
    suffix_word_heads: Words = Field(default_factory=frozenset, description="Place suffixes that may open the next word (県 + 知事, 市 + 内).")
    suffix_word_tails: Words = Field(default_factory=frozenset, description="Rests of such words that give their suffix to the place before them (知事, 内, 議会); other words (市民, 市場, 都心, 市長) are words of their own.")
    river_side_words: Words = Field(default_factory=frozenset, description="Words Sudachi writes as one that open with a river's head and go on with a side (川沿い, 川岸): a name right before one is a river (〇〇 + 川沿い → 〇〇川), a PLACE.")
    river_heads: Words = Field(default_factory=frozenset, description="Last characters of a river's or a fall's name (〇〇川, 〇〇滝) that Sudachi may file as a surname.")
    river_parts: Words = Field(default_factory=frozenset, description="Parts and sides of a river written after 〇〇川 + の (ほとり, 河口, 上流, 橋): the name before them is the river, not a person.")
    place_trailers: Words = Field(default_factory=frozenset, description="Words GiNZA may keep at the end of a place that are not part of its name (〇〇 + 期, 〇〇市 + 内), besides country_affixes.")
    place_head_tails: Words = Field(default_factory=frozenset, description="Characters after a place head, in one word or the next, that leave the place whole (〇〇 + 藩主, 〇〇藩 + 士, 〇〇 + 藩領): its lord, its retainer, its land.")
    place_heads: Words = Field(default_factory=frozenset, description="Words that make one place of the name before them: a state (ドイツ + 帝国, プロイセン + 王国, イスラム + 共和国, 〇〇 + 藩) or a spa town (〇〇 + 温泉).")
    address_sublevels: Ends = Field(default=(), description="Levels of the last parts of an address (区, 町, 村): a place of such a level right after any place (札幌 + 中央区) goes on its address.")
    address_levels: Ends = Field(default=(), description="Administrative levels of an address (県, 郡, 村): places written one after the other (〇〇郡〇〇村) are one place, and an unrecognised level between two places (〇〇県 + 〇〇郡 + 〇〇村) belongs to the chain.")
    koku_word_tails: Words = Field(default_factory=frozenset, description="Characters after 国 that make a word of it (国内, 国民, 国際): that 国 is no province suffix.")
    dateline_agencies: Words = Field(default_factory=frozenset, description="Short agency names in a dateline (【ワシントン共同】, 【北京＝新華社】): only there are they the agency; a name + 時事 is two agencies (AFP時事).")
    country_affixes: Ends = Field(default=(), description="Endings Sudachi keeps in one word with a country or region name (日本人, アメリカ製, 日本国内, 中国側): the name part is a PLACE mention.")
    compound_name_ends: Ends = Field(default=(), description="Besides facility_heads and event_heads, words that end a compound naming a thing (〇〇上陸作戦, 〇〇秋祭り, 〇〇新幹線): a place at the start of such a compound is part of that name.")
    org_contexts_not_after_person: Words = Field(default_factory=frozenset, description="Those of org_contexts a person may also stand before (と契約, が運営): they do not retype a name already typed PERSON.")
    place_contexts: Words = Field(default_factory=frozenset, description="Words right after a name that only a place stands before (近郊, に到着, に上陸, を包囲); matched over whole tokens: an unknown katakana name before them is a PLACE.")
    person_contexts: Words = Field(default_factory=frozenset, description="Words right after a name that only a person stands before (と結婚, に師事, の妻, を演じ); matched over whole tokens: a bare surname or an unknown name GiNZA reads as a person is a PERSON before them.")
    kin_words: Words = Field(default_factory=frozenset, description="Kin words written before a name with ・ or の (父・〇〇, 妻の〇〇, 長男〇〇): the name after them is a PERSON.")
    name_callers: Ends = Field(default=(), description="Words after a bracketed name that call it a person's name (「〇〇」という筆名, 「〇〇」と呼ばれる): without one, a bare name alone in brackets is taken for a work or a thing.")
    org_era_prefixes: Words = Field(default_factory=frozenset, description="Prefixes written right before an organisation that belong to its mention (旧 + 〇〇銀行, 新 + 〇〇党): the organisation as it was, or the new one of that name.")
    given_name_ends: Words = Field(default_factory=frozenset, description="Endings of Japanese given names that Sudachi may split off a rare given name (芳 + 五郎, 甚 + 七, 岩 + 之 + 丞, 太郎 + 右衛門): after a surname and a given name, they belong to the name when the phrase ends right after them.")
    lone_surname_particles: Words = Field(default_factory=frozenset, description="Particles after which a kanji surname Sudachi knows, standing alone as its own phrase (〇〇は, 〇〇の), is a PERSON even when GiNZA does not read a person.")
    not_surname_ends: Ends = Field(default=(), description="Last characters of a word Sudachi files as a surname that name a temple, a shop or a building when it stands alone (〇〇寺, 〇〇屋, 〇〇院).")
    name_particles: Words = Field(default_factory=frozenset, description="Particles written inside a foreign surname between dots (〇〇・デ・〇〇, 〇〇・フォン・〇〇).")
    latin_org_words: Words = Field(default_factory=frozenset, description="English words that end the Latin name of a society, a school, a company or a work (〇〇 Society, 〇〇 School): such a name is no person.")
    family_words: Words = Field(default_factory=frozenset, description="Words for a family or a pair of kin written right after a surname (〇〇家, 〇〇一族, 〇〇兄弟, 〇〇夫妻): the surname before them is a PERSON mention (Stockmark annotates 〇〇 in 〇〇家 as a person).")


class ClassNouns(_Data):
    """Class nouns (``class_nouns.json``): what kind of thing the text says a name names.

    A compound matches the longest word of the three lists that it ends with (ロック + バンド →
    バンド → ORG). ``links`` join a class noun to the name after it (ロックバンドの○○); ``copulas``
    end a defining sentence (○○は、日本の証券会社である); ``one_of`` follow の after the class
    (○○は、…の航空隊の一つ). A list of names ending in ``list_ends`` + an organisation class
    (AやBなどの企業) or in の + a number + one of ``list_counters`` (A、B、Cの3社) is a list of ORGs.
    """

    description: str = ""
    org: list[str] = Field(description="Classes of organisations (企業, バンド, 政党, 球団): the name is an ORG.")
    person: list[str] = Field(description="Occupations and kinds of people (政治家, 俳優, 選手): the name is a PERSON.")
    not_entity: list[str] = Field(description="Facilities, works, events, vehicles (駅, 小説, 大会, 戦闘機): the name, and any place or person inside it, is not a mention.")
    links: list[str] = Field(default_factory=list, description="Words between a class noun and the name after it (の, である, 、); the name may also follow directly (航空会社○○).")
    copulas: list[str] = Field(default_factory=list, description="Words that may end a defining sentence after the class noun (である, だ).")
    one_of: list[str] = Field(default_factory=list, description="Words after the class noun + の that still define the subject (一つ, 一人).")
    quotatives: list[str] = Field(default_factory=list, description="Words between a name and the class noun after it (○○というバンド, 「○○」という小説).")
    name_ends: list[str] = Field(default_factory=list, description="Words of not_entity that also end names of people or companies (タムロン・ホール, アーチー・コミック): a name ending in one is not dropped for it.")
    list_separators: list[str] = Field(default_factory=list, description="Words between the items of a list of names (、, や, および).")
    list_ends: list[str] = Field(default_factory=list, description="Words closing a list before its class noun (A、BなどのX企業).")
    list_counters: list[str] = Field(default_factory=list, description="Counters of organisations after の + a number (A、B、Cの3社, AとBの両社): each listed name is an ORG.")


class GazetteerEntry(_Data):
    """One referent: its canonical key, type and the names it goes by."""

    key: str = Field(description="Canonical key; entries with the same key are one referent (米 = 米国 = アメリカ).")
    type: NewsType
    names: list[str]
    short: list[str] = Field(default_factory=list, description="One-letter forms used only in compounds or before a title (米, 露).")


class Gazetteer(_Data):
    """A hand-kept supplement to the package gazetteers (``places.json``, ``orgs.json``)."""

    description: str = ""
    source: str = Field(default="", description="Provenance label recorded in Mention.rule.")
    entries: list[GazetteerEntry]


def _read(package_file: str) -> dict:
    return package_json("newstag.entities", package_file)


def _read_path(path: str | Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


@cache
def ene_map() -> EneMap:
    return EneMap.model_validate(_read("ene_map.json"))


@cache
def titles() -> Titles:
    return Titles.model_validate(_read("titles.json"))


@cache
def org_suffixes() -> OrgSuffixes:
    return OrgSuffixes.model_validate(_read("org_suffixes.json"))


@cache
def context() -> Context:
    return Context.model_validate(_read("context.json"))


@cache
def class_nouns() -> ClassNouns:
    return ClassNouns.model_validate(_read("class_nouns.json"))


#: the shipped gazetteer supplements, in the order they are read
GAZETTEER_FILES = ("places.json", "orgs.json")


@cache
def shipped_gazetteers() -> tuple[Gazetteer, ...]:
    return tuple(Gazetteer.model_validate(_read(f)) for f in GAZETTEER_FILES)


def load_gazetteer(path: str | Path) -> Gazetteer:
    """Read and validate a user gazetteer file (same shape as ``orgs.json``)."""
    return Gazetteer.model_validate(_read_path(path))
