"""Serializer building blocks shared by the API apps."""

import threading

from rest_framework import serializers
from rest_framework.utils.serializer_helpers import BindingDict


class FieldsBuiltOncePerThread:
    """An input serializer whose fields are built and bound once per thread, not per instance.

    DRF deep-copies every declared field for each serializer instance, which re-runs each
    field's __init__ and rebuilds its validators, then binds the copies to the instance; on
    the public signature endpoint that was about a third of validating a request. Here
    each thread keeps one set of fields, bound to a blank instance of the serializer (no
    data, no context, not partial), and every instance of that class in the thread
    validates with it.

    For input serializers (validation only) whose validation reads nothing from the
    serializer instance but what the blank one has, and whose fields keep nothing between
    calls, which is true of DRF's own field classes. Data and errors stay on each instance.
    """

    _bound = threading.local()

    @property
    def fields(self):
        by_class = self._bound.__dict__.setdefault("by_class", {})
        fields = by_class.get(type(self))
        if fields is None:
            blank = type(self)()
            fields = BindingDict(blank)
            for name, field in serializers.Serializer.get_fields(blank).items():
                fields[name] = field  # binds the field to the blank instance
            by_class[type(self)] = fields
        return fields
