"""``evolve``: ``dataclasses.replace`` for the hot paths of coding, several times faster."""

from __future__ import annotations

from typing import Any, TypeVar

T = TypeVar("T")


def evolve(obj: T, **changes: Any) -> T:
    """A shallow copy of a dataclass instance with some fields changed, like ``dataclasses.replace``
    for classes with no init-only fields and no ``__post_init__`` (tokens, actors, events): the
    fields are copied as they are instead of going through ``__init__``. Frozen classes work too.
    An unknown field is a TypeError, as with ``replace``."""
    cls = type(obj)
    new = object.__new__(cls)
    state = getattr(obj, "__dict__", None)
    if state is not None:
        if not changes.keys() <= state.keys():
            raise TypeError(f"{cls.__name__} has no field {sorted(changes.keys() - state.keys())[0]!r}")
        fields = new.__dict__
        fields.update(state)
        fields.update(changes)
        return new
    slots = cls.__slots__
    for name in changes:
        if name not in slots:
            raise TypeError(f"{cls.__name__} has no field {name!r}")
    for name in slots:
        object.__setattr__(new, name, changes[name] if name in changes else getattr(obj, name))
    return new
