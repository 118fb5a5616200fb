"""`LokModel`, the tolerant base of every Lok body, and the repair that skips unreadable records."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, ClassVar, ForwardRef, Self, get_args, get_origin

from pydantic import (
    BaseModel,
    ConfigDict,
    ValidationError,
    model_validator,
)

from .. import tolerance
from .fields import _expiry_text, _lok_date, _zip_text

#: JSON kinds a field may document: "text", "int", "number", "bool", "list", "object", "date", "any".
_Kind = str
#: How many objects of each model are checked field by field for type deviations when no
#: `OddityLog` is collecting. The coercion itself always happens (in pydantic's core); checking costs
#: a Python loop per object, so the desk samples the first objects of each kind — a server that
#: deviates usually does so in every record — while `lok-desk-check` checks every object.
TYPE_CHECK_SAMPLE = 50
_shapes: dict[type[BaseModel], dict[str, tuple[_Kind, bool]]] = {}
#: Per model: the input keys documented as lists (where `{}` is read as empty) and as objects
#: (where `[]` is).
_list_keys: dict[type[BaseModel], tuple[str, ...]] = {}
_object_keys: dict[type[BaseModel], tuple[str, ...]] = {}
_checked: dict[type[BaseModel], int] = {}


def _kind_of(annotation: Any) -> _Kind:
    origin = get_origin(annotation)
    if origin is Annotated:
        args = get_args(annotation)
        if any(getattr(meta, "func", None) in (_lok_date, _expiry_text) for meta in args[1:]):
            return "date"
        return _kind_of(args[0])
    if origin is list or origin is Sequence:
        return "list"
    if origin is dict:
        return "object"
    if origin is not None and get_args(annotation):  # a union: one kind if every member agrees
        kinds = {_kind_of(arg) for arg in get_args(annotation) if arg is not type(None)}
        return kinds.pop() if len(kinds) == 1 else "any"
    if annotation is bool:
        return "bool"
    if annotation is int:
        return "int"
    if annotation is float:
        return "number"
    if isinstance(annotation, type) and issubclass(annotation, str):
        return "text"
    if annotation is datetime:
        return "date"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "object"
    return "any"


def _shape(cls: type[BaseModel]) -> dict[str, tuple[_Kind, bool]]:
    """Input key (wire name and Python name) → (documented JSON kind, required) for a model."""
    shape = _shapes.get(cls)
    if shape is None:
        shape = {}
        for name, info in cls.model_fields.items():
            # Built models keep a field's validators in `metadata`: those that read dates or note
            # their own tolerance decide the kind, so one deviation is not noted twice.
            funcs = {getattr(meta, "func", None) for meta in info.metadata}
            if funcs & {_lok_date, _expiry_text}:
                kind = "date"
            elif _zip_text in funcs:
                kind = "any"
            else:
                kind = _kind_of(info.annotation)
            entry = (kind, info.is_required())
            shape[name] = entry
            if info.alias:
                shape[info.alias] = entry
        if any(isinstance(info.annotation, str | ForwardRef) for info in cls.model_fields.values()):
            return shape  # not built yet (defer_build): read again once the annotations are resolved
        _shapes[cls] = shape
        _list_keys[cls] = tuple(key for key, (kind, _required) in shape.items() if kind == "list")
        _object_keys[cls] = tuple(key for key, (kind, _required) in shape.items() if kind == "object")
    return shape


def _json_kind(value: Any) -> _Kind:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "object"
    return "any"


_KIND_WORDS: dict[_Kind, str] = {
    "text": "text", "int": "a whole number", "number": "a number", "bool": "true/false",
    "list": "a list", "object": "an object", "date": "a date", "any": "a value",
}


def _check_types(cls: type[BaseModel], data: dict[str, Any], shape: dict[str, tuple[_Kind, bool]]) -> None:
    name = cls.__name__
    for key, value in data.items():
        entry = shape.get(key)
        if entry is None:
            # Unknown fields are kept (`model_extra`) and harm nothing; lok-desk-check lists them.
            if tolerance.collecting_now():
                detail = "a field the contract does not name (kept)"
                tolerance.note(tolerance.FIELD_NAME, f"{name}.{key}", detail)
            continue
        expected = entry[0]
        got = _json_kind(value)
        if expected in ("any", got) or (expected == "number" and got == "int"):
            continue
        if expected == "date" and got in ("text", "int", "number"):
            continue  # the date validator notes its own format
        if expected == "int" and got == "number" and float(value).is_integer():
            continue
        detail = f"{_KIND_WORDS[got]} where {_KIND_WORDS[expected]} is documented"
        tolerance.note(tolerance.FIELD_TYPE, f"{name}.{key}", detail)


def _prepare(cls: type[BaseModel], data: dict[str, Any]) -> dict[str, Any]:
    """Nulls mean "absent"; `[]` where an object is documented (and `{}` where a list is) mean empty."""
    # Runs for every object of every reply (about ten per reservation), so it is kept lean: most
    # objects carry no null and no misplaced container, and the C-level `in values()` checks let
    # those through without building a copy.
    if None in data.values():
        data = {key: value for key, value in data.items() if value is not None}
    list_keys = _list_keys.get(cls)
    if list_keys is None:
        _shape(cls)
        list_keys = _list_keys.get(cls, ())
    values = data.values()
    swapped = [key for key in list_keys if data.get(key) == {}] if list_keys and {} in values else []
    if [] in values:
        swapped += [key for key in _object_keys.get(cls, ()) if data.get(key) == []]
    if swapped:
        for key in swapped:
            empty = "[]" if data[key] == [] else "{}"
            wanted = "an object" if empty == "[]" else "a list"
            detail = f"{empty} where {wanted} is documented"
            tolerance.note(tolerance.FIELD_TYPE, f"{cls.__name__}.{key}", detail)
        data = {key: value for key, value in data.items() if key not in swapped}
    seen = _checked.get(cls, 0)
    if seen < TYPE_CHECK_SAMPLE:
        _checked[cls] = seen + 1
        _check_types(cls, data, _shape(cls))
    elif tolerance.collecting_now():
        _check_types(cls, data, _shape(cls))
    return data


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model class a field's annotation holds (in a list, a union, `Annotated`), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


_inputs: dict[type[BaseModel], dict[str, Any]] = {}


def _field_by_input(cls: type[BaseModel], key: str) -> Any:
    """The FieldInfo a key of the input fills (by wire name or Python name), or None."""
    table = _inputs.get(cls)
    if table is None:
        table = {}
        for name, info in cls.model_fields.items():
            table[name] = info
            if info.alias:
                table[info.alias] = info
        _inputs[cls] = table
    return table.get(key)


@dataclass(frozen=True)
class _Cut:
    """One thing to remove from the input: a list record or an optional object field."""

    container: Any
    key: Any
    owner: str  # "Model.field" it is noted under
    top_level: str | None  # the top-level list field, when the cut is a record of it
    error_type: str


def _cut_for(cls: type[BaseModel], data: Any, loc: tuple[Any, ...], error_type: str) -> _Cut | None:
    """Follow an error's location through the input; the deepest record or optional field to cut."""
    node: Any = data
    model: type[BaseModel] | None = cls
    owner = cls.__name__
    last_key: str | None = None
    depth = 0
    cut: _Cut | None = None
    for part in loc:
        if isinstance(node, dict) and isinstance(part, str) and part in node:
            info = _field_by_input(model, part) if model is not None else None
            essential = model is not None and part in getattr(model, "essential_fields", ())
            if info is not None and not info.is_required() and not essential:
                cut = _Cut(node, part, f"{model.__name__ if model else owner}.{part}", None, error_type)
            owner = model.__name__ if model is not None else owner
            model = _model_in(info.annotation) if info is not None else None
            last_key = part
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            top_level = last_key if depth == 1 else None
            cut = _Cut(node, part, f"{owner}.{last_key}", top_level, error_type)
            node = node[part]
        else:
            continue  # a union member's tag or a validator's name: not a step into the input
        depth += 1
    return cut


def _repair(cls: type[BaseModel], data: Any, error: ValidationError) -> dict[str, int] | None:
    """Cut from `data` (a private copy) what each error points at; None when something cannot be cut.

    Returns how many records were cut from each top-level list.
    """
    cuts: dict[tuple[int, Any], _Cut] = {}
    for err in error.errors():
        cut = _cut_for(cls, data, tuple(err["loc"]), err["type"])
        if cut is None:
            return None  # a required field of the reply itself: it cannot be read at all
        cuts.setdefault((id(cut.container), cut.key), cut)
    counts: dict[str, int] = {}
    # Records are removed from the end of each list first, so the other indexes stay right.
    def order(cut: _Cut) -> tuple[bool, int]:
        return isinstance(cut.key, int), cut.key if isinstance(cut.key, int) else 0

    for cut in sorted(cuts.values(), key=order, reverse=True):
        if isinstance(cut.key, int):
            del cut.container[cut.key]
            detail = "record Lok Desk cannot read; skipped and counted"
            tolerance.note(tolerance.UNREADABLE, cut.owner, detail, blocking=True)
            if cut.top_level is not None:
                counts[cut.top_level] = counts.get(cut.top_level, 0) + 1
        else:
            cut.container.pop(cut.key, None)
            detail = f"value Lok Desk cannot read ({cut.error_type}); left empty"
            tolerance.note(tolerance.UNREADABLE, cut.owner, detail)
    return counts


_UNREADABLE = "_lok_unreadable"
#: Rounds of cutting before a reply is given up as unreadable (each round cuts every error found).
_REPAIR_ROUNDS = 4


class LokModel(BaseModel):
    """Base of every Lok body: keeps unknown fields, accepts field names and aliases, null = absent.

    Reading is tolerant (module docstring): what cannot be read in an optional field leaves it empty,
    a list record that cannot be read is skipped and counted in `unreadable_records`. The repair runs
    only when validation fails (`model_validate`), so a reply that follows the contract costs nothing.
    """

    # defer_build: see the end of this module. coerce_numbers_to_str: `"id": 17` reads as "17".
    model_config = ConfigDict(
        extra="allow", populate_by_name=True, defer_build=True, coerce_numbers_to_str=True
    )

    #: When a reply carries a bare JSON list instead of this object, the list is read as this field.
    envelope_key: ClassVar[str | None] = None
    #: Optional fields without which, when sent but unreadable, the object is no use (e.g. an `id`
    #: that is an object): then the whole object is unreadable (and skipped, when in a list).
    essential_fields: ClassVar[frozenset[str]] = frozenset()

    @model_validator(mode="before")
    @classmethod
    def _tolerant(cls, data: Any) -> Any:
        if isinstance(data, dict):
            return _prepare(cls, data)
        if isinstance(data, list) and cls.envelope_key is not None:
            detail = f"a bare list instead of {{{cls.envelope_key}: [...]}}"
            tolerance.note(tolerance.ENVELOPE, cls.__name__, detail)
            return _prepare(cls, {cls.envelope_key: data})
        return data

    @classmethod
    def model_validate(cls, obj: Any, **options: Any) -> Self:
        """Validate; when parts cannot be read, cut them (noted, records counted) and validate again."""
        try:
            return super().model_validate(obj, **options)
        except ValidationError as error:
            failure = error
        if isinstance(obj, list) and cls.envelope_key is not None:
            data: Any = {cls.envelope_key: copy.deepcopy(obj)}
        elif isinstance(obj, dict):
            data = copy.deepcopy(obj)
        else:
            raise failure
        counts: dict[str, int] = {}
        for _round in range(_REPAIR_ROUNDS):
            cut = _repair(cls, data, failure)
            if cut is None:
                raise failure
            for key, number in cut.items():
                counts[key] = counts.get(key, 0) + number
            try:
                instance = super().model_validate(data, **options)
            except ValidationError as error:
                failure = error
                continue
            if counts:
                # Kept in pydantic's private-state slot rather than a PrivateAttr: a declared private
                # attribute costs every object of every reply an initialisation (+40 % parse time).
                object.__setattr__(instance, "__pydantic_private__", {_UNREADABLE: counts})
            return instance
        raise failure

    @property
    def unreadable_records(self) -> int:
        """Records of this object's lists that could not be read and were skipped (0 normally)."""
        private = self.__pydantic_private__
        counts = private.get(_UNREADABLE) if private else None
        return sum(counts.values()) if counts else 0

    def to_body(self) -> dict[str, Any]:
        """The JSON body to send: wire names (aliases), unset optional fields left out."""
        return self.model_dump(mode="json", by_alias=True, exclude_none=True)


class SimpleMessage(LokModel):
    status_code: int | None = None
    message: str | None = None


