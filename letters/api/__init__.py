"""Public API for letters: partners' forms and apps submit letters and read receipts."""
