"""Structured logging that never carries personal data.

Formatting is allow-list based: only the timestamp, level, logger, message and
a few technical fields are written. Query strings are cut from anything that
looks like a URL because lookups carry addresses and ZIP codes there, the tokens of
receipt and confirmation links are cut from paths, and email addresses are masked in
case one slips into a message.
"""

import json
import logging
import re
from datetime import UTC, datetime

_QUERY_STRING = re.compile(r"\?[^\s\"']*")
# A receipt or confirmation link opens the letter or the subscription it names: the
# token in its path is a key, and never reaches a log.
_TOKEN_IN_PATH = re.compile(
    r"(/letters/receipt/|/api/v1/receipts/|/updates/(?:confirm|unsubscribe)/)[^/\s\"'?]+"
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_SAFE_EXTRA_FIELDS = ("status_code", "task_id", "task_name", "duration_ms", "count")


def scrub(text: str) -> str:
    text = _TOKEN_IN_PATH.sub(r"\1[token]", text)
    return _EMAIL.sub("[email]", _QUERY_STRING.sub("?[query]", text))


class ScrubPersonalDataFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = scrub(record.getMessage())
        record.args = None
        # Django attaches the request object; it holds bodies, cookies and headers.
        for attribute in ("request", "server_time"):
            if hasattr(record, attribute):
                delattr(record, attribute)
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for field in _SAFE_EXTRA_FIELDS:
            if hasattr(record, field):
                entry[field] = getattr(record, field)
        if record.exc_info:
            # Exception type and the code location only: exception messages can
            # quote user input.
            exc_type = record.exc_info[0]
            entry["exception"] = exc_type.__name__ if exc_type else None
            entry["stack"] = self._frames(record)
        return json.dumps(entry, default=str)

    @staticmethod
    def _frames(record: logging.LogRecord) -> list[str]:
        frames = []
        traceback = record.exc_info[2] if record.exc_info else None
        while traceback is not None:
            code = traceback.tb_frame.f_code
            frames.append(f"{code.co_filename}:{traceback.tb_lineno} in {code.co_name}")
            traceback = traceback.tb_next
        return frames[-8:]
