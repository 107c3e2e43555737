"""Letters and calls to Congress: configuration, submissions, the delivery outbox."""
