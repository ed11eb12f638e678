"""Dutch full-text search on both databases, for any table with a `search_text` column.

- PostgreSQL: a stored generated column `search_vector` = to_tsvector('dutch', search_text), GIN-indexed
  (each table's migration creates both), matched with a prefix `to_tsquery('dutch', 'pest:*')`.
- SQLite: an FTS5 table `<table>_fts` (rowid = the row's id) holding the text stemmed with the Snowball
  Dutch stemmer (`snowballstemmer`: FTS5 has no Dutch stemmer, and Python's sqlite3 cannot register
  one), written by `index()`, matched with the typed words' stems as prefixes.

`matching(qs, words, table)` adds the match and a `rank` (higher is better) to a queryset.
"""

import bisect
import functools
import re

import snowballstemmer
from django.db import connection

_stemmer = snowballstemmer.stemmer("dutch")

# Snowball's Dutch stop words (and a few English ones): never required in a search.
STOP_WORDS = set(
    """de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem dan
    zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb hoe heeft
    hebben deze u want nog zal me zij nu ge geen omdat iets worden toch al waren veel meer doen toen moet
    ben zonder kan hun dus alles onder ja eens hier wie werd altijd doch wordt wezen kunnen ons zelf tegen
    na reeds wil kon niets uw iemand geweest andere the and of for to with""".split()
)
WORD = re.compile(r"\w+", re.UNICODE)


@functools.lru_cache(maxsize=100_000)
def stem(word):
    return _stemmer.stemWord(word)


def words_of(text):
    """The words of a search, lower case, without stop words."""
    return [w for w in WORD.findall((text or "").lower()) if w not in STOP_WORDS]


def stem_words(text):
    """The stems of the words of `text`, without stop words (stems cached: words repeat a lot)."""
    return [stem(w) for w in words_of(text)]


def fts_table(table):
    return f"{table}_fts"


def create_index_sql(vendor, table):
    """The statements a migration runs to create the full-text index of `table`."""
    if vendor == "sqlite":
        tokenizer = "tokenize = 'unicode61 remove_diacritics 2'"
        return [f"CREATE VIRTUAL TABLE {fts_table(table)} USING fts5(body, {tokenizer})"]
    if vendor == "postgresql":
        return [
            f"ALTER TABLE {table} ADD COLUMN search_vector tsvector "
            "GENERATED ALWAYS AS (to_tsvector('dutch'::regconfig, search_text)) STORED",
            f"CREATE INDEX {table}_search ON {table} USING gin (search_vector)",
        ]
    return []


def matching(qs, words, table, index_table=None):
    """Rows of `qs` whose text holds every word (as a prefix of a stem), with their `rank`."""
    found = _match(qs, words, table, index_table, every=True)
    return qs if found is None else found


def matching_any(qs, words, table, index_table=None):
    """Rows of `qs` whose text holds at least one of the words (as a prefix of a stem), with their
    `rank` (higher is better: more of the words, and rarer ones). For texts longer than a search,
    such as a parent's question, where every word is seldom found in one row."""
    found = _match(qs, list(dict.fromkeys(words)), table, index_table, every=False)
    return qs.none() if found is None else found


def _match(qs, words, table, index_table, *, every):
    """The full-text match of `words` (all of them, or any) with its `rank`; None when no word can be
    searched for."""
    if connection.vendor == "postgresql":
        terms = (" & " if every else " | ").join(f"{w}:*" for w in words if w.isalnum())
        if not terms:
            return None
        query = "to_tsquery('dutch'::regconfig, %s)"
        return qs.extra(
            where=[f"{table}.search_vector @@ {query}"],
            params=[terms],
            select={"rank": f"ts_rank({table}.search_vector, {query})"},
            select_params=[terms],
        )
    stems = [s for s in dict.fromkeys(stem_words(" ".join(words))) if s.isalnum()]
    if not stems:
        return None
    fts = index_table or fts_table(table)
    match = (" AND " if every else " OR ").join(f'"{s}"*' for s in stems)
    # A join with the FTS5 table, its bm25 `rank` as ours (smaller is better there). "+ 0" keeps SQLite
    # from probing the FTS table once per row (a full-text query each time): the match runs once, and
    # each hit finds its row by primary key.
    return qs.extra(
        tables=[fts],
        where=[f"{table}.id = {fts}.rowid + 0", f"{fts} MATCH %s"],
        params=[match],
        select={"rank": f"-{fts}.rank"},
    )


def words_in(words, text):
    """Which of `words` `text` holds as the full-text search finds them: the word's stem begins one of
    the text's stems. To say why a row was found."""
    stems = sorted(set(stem_words(text)))

    def begins_a_stem(prefix):
        i = bisect.bisect_left(stems, prefix)
        return i < len(stems) and stems[i].startswith(prefix)

    return [w for w in words if begins_a_stem(stem(w))]


def index(table, texts, index_table=None):
    """SQLite: (re)write the FTS5 rows of [(id, text)]. PostgreSQL keeps its column itself."""
    if connection.vendor != "sqlite":
        return
    fts = index_table or fts_table(table)
    rows = [(pk, " ".join(stem_words(text))) for pk, text in texts]
    with connection.cursor() as cursor:
        cursor.executemany(f"DELETE FROM {fts} WHERE rowid = %s", [(pk,) for pk, _ in rows])
        cursor.executemany(f"INSERT INTO {fts} (rowid, body) VALUES (%s, %s)", rows)
