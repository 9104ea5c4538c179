"""How easy parent-facing text is to read: Flesch reading ease of its words, Markdown removed.

The score is Flesch's formula, 206.835 - 1.015 x (words per sentence) - 84.6 x (syllables per
word), computed here rather than with textstat: textstat's English syllable counter downloads the
NLTK cmudict at run time, which a server without internet access (and CI) cannot do. Syllables are
counted with the usual vowel-group rule, which agrees with dictionaries on most everyday words.

The admin warns editors when a text scores below READING_EASE_TARGET, and the content tests hold
every fixture to it. 50 is the floor of "fairly difficult" on the Flesch scale: legal text (statute
names, "assessment", "disabilities") cannot reach GOV.UK's reading age of 9 everywhere, but plain,
short sentences keep it at or above 50.
"""

import re

READING_EASE_TARGET = 50.0

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_URL = re.compile(r"(https?://|mailto:|tel:)\S+|\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b|/[\w/-]+/")
_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)]|#{1,6}|>)\s+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}.*$")
_EMPHASIS = re.compile(r"[*_`]+")
_SENTENCE_END = (".", "!", "?")


def _blocks(text):
    """The text's paragraphs, list items, headings and table cells, each as one line of words.

    A paragraph wrapped over several lines (as YAML block text is) is joined back into one, so a
    long sentence counts as one long sentence, not as one short sentence per line.
    """
    blocks, current = [], []

    def close():
        if current:
            blocks.append(" ".join(current))
            current.clear()

    for line in (text or "").splitlines():
        if not line.strip() or _TABLE_RULE.match(line):
            close()
            continue
        line = _LINK.sub(r"\1", line)
        line = _URL.sub(" ", line)
        heading = line.lstrip().startswith("#")
        starts_block = bool(_LIST_MARKER.match(line)) or "|" in line
        line = _EMPHASIS.sub("", _LIST_MARKER.sub("", line))
        if "|" in line:  # a table row: each cell stands alone
            close()
            blocks.extend(cell.strip() for cell in line.split("|") if cell.strip())
            continue
        if starts_block:
            close()
        current.append(line.strip())
        if heading:
            close()
    close()
    return blocks


def strip_markdown(text):
    """Plain words: links become their text, addresses and markup go, and each paragraph, list
    item, heading or table cell ends a sentence (wrapped lines are joined first)."""
    sentences = []
    for block in _blocks(text):
        block = " ".join(block.split())
        if not block:
            continue
        if block.endswith((":", ";")):  # a block that leads into a list ends its sentence
            block = block[:-1] + "."
        elif not block.endswith(_SENTENCE_END):
            block += "."
        sentences.append(block)
    return " ".join(sentences)


_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|\d+(?:[.,:]\d+)*")
_SENTENCE = re.compile(r"[.!?]+(?=\s|$)")  # colons and semicolons do not end a sentence
_VOWEL_GROUP = re.compile(r"[aeiouy]+")


def syllables(word):
    """Syllables in one English word, by vowel groups (numbers count as one)."""
    word = word.lower().replace("’", "'").split("'")[0]
    if not word.isalpha():
        return 1
    count = len(_VOWEL_GROUP.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1  # silent e: "care", "make"
    elif (
        word.endswith(("es", "ed"))
        and not word.endswith(("ted", "ded", "ses", "ces", "zes", "ges", "xes", "shes", "ches"))
        and count > 1
    ):
        count -= 1  # "cared", "makes"
    return max(count, 1)


def reading_ease(text):
    """Flesch reading ease (higher is easier; 60 to 70 is plain English) of Markdown `text`."""
    plain = strip_markdown(text)
    words = _WORD.findall(plain)
    if not words:
        return 100.0
    sentences = max(len(_SENTENCE.findall(plain)), 1)
    syllable_count = sum(syllables(word) for word in words)
    return 206.835 - 1.015 * (len(words) / sentences) - 84.6 * (syllable_count / len(words))
