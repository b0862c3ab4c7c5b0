"""Part-of-speech tags of jieba's dictionary words, looked up only for the words a text has.

``jieba.posseg`` reads the whole dictionary into a tag table when imported (about 0.35 s, more
than the rest of a one-report build) and then cuts with a second, slower HMM.  The analyses need
the tags of a few thousand words per report, so the table is kept as a small SQLite file built
once from jieba's own dictionary (the same words and tags as posseg's table) and asked only for
the words at hand; words already asked are remembered for the process.

The file sits where jieba keeps its own dictionary cache (``jieba.dt.tmp_dir`` or the system's
temporary folder), named after the dictionary's size and modification time, and is written to a
temporary name and renamed, so two workers building it at once cannot leave a torn file.  When
that folder cannot be written, the table is read into memory instead (slower, same tags).
"""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
from functools import lru_cache
from pathlib import Path

_CHUNK = 500  # words per query (SQLite allows 999 parameters by default on older builds)
_HAN = re.compile(r"[\u4e00-\u9fd5]")
_NUMBER = re.compile(r"^[.\d]+%?$")
_LATIN = re.compile(r"^[A-Za-z0-9]+$")


def fallback_tag(word: str) -> str:
    """The tag of a word jieba's dictionary does not have (found by its HMM, or not Chinese), as
    posseg would give it: numbers m, Latin words eng, new Chinese words n, the rest x."""
    if _NUMBER.match(word):
        return "m"
    if _LATIN.match(word):
        return "eng"
    if len(word) > 1 and _HAN.search(word):
        return "n"
    return "x"


class TagTable:
    """word -> tag for jieba's dictionary (``dict_file``), asked in batches."""

    def __init__(self, dict_file: Path, cache_dir: Path):
        self.dict_file = dict_file
        self.cache_dir = cache_dir
        self.known: dict[str, str] = {}
        self._db: sqlite3.Connection | None = None
        self._memory: dict[str, str] | None = None

    def tags(self, words) -> dict[str, str]:
        """Tags of ``words`` (dictionary words only; others are absent from the answer)."""
        missing = sorted({w for w in words if w not in self.known})
        if missing:
            self._ask(missing)
        return self.known

    def _ask(self, missing: list[str]) -> None:
        source = self._source()
        if isinstance(source, dict):
            found = {w: source[w] for w in missing if w in source}
        else:
            found = {}
            for i in range(0, len(missing), _CHUNK):
                chunk = missing[i:i + _CHUNK]
                marks = ",".join("?" * len(chunk))
                found.update(source.execute(f"SELECT word, tag FROM tags WHERE word IN ({marks})", chunk))
        for word in missing:
            self.known[word] = found.get(word, "")  # "" = not in the dictionary

    def _source(self) -> sqlite3.Connection | dict[str, str]:
        if self._db is not None:
            return self._db
        if self._memory is not None:
            return self._memory
        stat = self.dict_file.stat()
        path = self.cache_dir / f"lawreport-postags.{stat.st_size}.{int(stat.st_mtime)}.sqlite"
        try:
            if not path.exists():
                _write_table(self.dict_file, path)
            self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            return self._db
        except (OSError, sqlite3.Error):
            self._memory = dict(_read_dictionary(self.dict_file))
            return self._memory


def _read_dictionary(dict_file: Path):
    with open(dict_file, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 3:
                yield parts[0], parts[2]


def _write_table(dict_file: Path, path: Path) -> None:
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        try:
            db.execute("CREATE TABLE tags (word TEXT PRIMARY KEY, tag TEXT NOT NULL) WITHOUT ROWID")
            db.executemany("INSERT OR REPLACE INTO tags VALUES (?, ?)", _read_dictionary(dict_file))
            db.commit()
        finally:
            db.close()
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


@lru_cache(maxsize=None)
def table_for(dict_file: str, cache_dir: str) -> TagTable:
    return TagTable(Path(dict_file), Path(cache_dir))
