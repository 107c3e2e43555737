class ApplicationError(Exception):
    """A domain rule was broken; the message is safe to show to the person acting.

    `code` is a stable machine-readable identifier for API clients; `status`
    is the HTTP status the API answers with.
    """

    def __init__(self, message: str, *, code: str = "invalid", status: int = 400, extra=None):
        super().__init__(message)
        self.message = message
        self.code = code
        self.status = status
        self.extra = extra or {}
