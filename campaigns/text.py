"""What a supporter types, kept to what can be shown, exported and sent as XML."""

import re

# Control characters (except tab and newline) have no business in names or comments, and
# neither have the code points XML cannot carry (U+FFFE, U+FFFF, lone surrogates from a
# broken paste): letters travel to Congress as XML.
CONTROL_CHARACTERS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff\ufffe\uffff\ud800-\udfff]"
)


def clean_text(value: str) -> str:
    return CONTROL_CHARACTERS.sub("", value or "").strip()
