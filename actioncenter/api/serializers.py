"""Serializer building blocks shared by the API apps."""

import threading


class FieldsBuiltOncePerThread:
    """A serializer whose declared fields are built once per thread instead of per instance.

    DRF deep-copies every declared field for each serializer instance, which re-runs each
    field's __init__ and rebuilds its validators; on the public signature endpoint that
    was about a fifth of a request's CPU time. Here each thread keeps one copy, rebinds it
    to the instance at hand and unbinds it after validating, so no request's data stays
    reachable from the fields. For input serializers (validation only) whose fields keep
    nothing between requests, which is true of DRF's own field classes.
    """

    _built = threading.local()

    def get_fields(self):
        by_class = self._built.__dict__.setdefault("by_class", {})
        fields = by_class.get(type(self))
        if fields is None:
            fields = by_class[type(self)] = super().get_fields()
        for field in fields.values():
            # Binding sets `source` to the field name and refuses a field bound before;
            # give it back the source it was declared with (DRF keeps the arguments).
            field.source = field._kwargs.get("source")
        return fields

    def is_valid(self, *, raise_exception=False):
        try:
            return super().is_valid(raise_exception=raise_exception)
        finally:
            for field in self.fields.values():
                field.parent = None
