"""Scalar value types of the diagram format: rates, amounts, measures and KPIs.

A rate is written `0.032` or `"3.2%"`; a measure has a target and/or an actual, and a bare
value means both. Pure pydantic: no Qt, no yaml, no networkx.
"""

from __future__ import annotations

import math
import re
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    model_validator,
)

from app.model.reading import (
    KPI_PERCENT,
    MAX_AMOUNT,
    RATE_PERCENT,
    amount_value,
    kpi_value,
    number_from,
    rate_value,
)


class Frozen(BaseModel):
    """Base of every document model: immutable, unknown keys refused, aliases accepted."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


def parse_number(value: Any, *, allow_percent: bool) -> float:
    """A finite number from an int, a float or (when allowed) a `"3.2%"` string, as typed.

    Forgiving, for what a person types in the designer (`20,000`); the file's number fields
    are stricter (app/model/reading.py).
    """
    if not isinstance(value, str):
        return number_from(value)
    text = value.strip().replace(",", "")
    percent = text.endswith("%")
    if percent:
        if not allow_percent:
            raise ValueError(f"expected a number, not a percentage ({value!r})")
        text = text[:-1].strip()
    try:
        float(text)  # plain decimal syntax only; "1.4e-2" below divides exactly
        number = float(text + "e-2") if percent else float(text)
    except ValueError:
        hint = ' like 0.032 or "3.2%"' if allow_percent else " like 800"
        raise ValueError(f"expected a number{hint}, got {value!r}") from None
    if not math.isfinite(number):
        raise ValueError("expected a finite number")
    return number


_NUMBER_OR_PERCENT = {
    "anyOf": [
        {"type": "number", "minimum": -MAX_AMOUNT, "maximum": MAX_AMOUNT},
        {"type": "string", "pattern": KPI_PERCENT},
    ]
}
_RATE_SCHEMA = {
    "anyOf": [
        {"type": "number", "minimum": 0, "maximum": 1},
        {"type": "string", "pattern": RATE_PERCENT},
    ],
    "description": 'a share between 0 and 1, written 0.032 or "3.2%"',
}
_AMOUNT_SCHEMA = {"type": "number", "minimum": 0, "maximum": MAX_AMOUNT}

#: A share between 0 and 1; `"3.2%"` and `0.032` are the same rate.
Rate = Annotated[float, BeforeValidator(rate_value), WithJsonSchema(_RATE_SCHEMA)]
#: A non-negative amount: people, days, money.
Amount = Annotated[float, BeforeValidator(amount_value), WithJsonSchema(_AMOUNT_SCHEMA)]
#: A KPI value: any finite number, or a percentage string.
KpiValue = Annotated[float, BeforeValidator(kpi_value), WithJsonSchema(_NUMBER_OR_PERCENT)]


#: Characters no text of a diagram holds: C0 but tab and newline, DEL, C1, the bidi overrides.
#: The loader refuses them with their line; text from elsewhere (typed, pasted) loses them here,
#: so that every snapshot can be saved and opened again.
CONTROL_CLASS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[{CONTROL_CLASS}]")


def _without_controls(value: Any) -> Any:
    if isinstance(value, str) and _CONTROL.search(value):
        return _CONTROL.sub("", value.replace("\r\n", "\n"))
    return value


def _blank_to_none(value: Any) -> Any:
    value = _without_controls(value)
    return None if isinstance(value, str) and not value.strip() else value


#: Free text: any characters but the controls above (tab and newline are kept).
Text = Annotated[str, BeforeValidator(_without_controls)]
#: Optional free text: blank text means "not given", so it is stored (and saved) as absent.
OptionalText = Annotated[str | None, BeforeValidator(_blank_to_none)]


def _bare_to_pair(data: Any) -> Any:
    """`volume: 800` means target = actual = 800."""
    if isinstance(data, dict | BaseModel):
        return data
    return {"target": data, "actual": data}


class _MeasureBase(Frozen):
    @model_validator(mode="before")
    @classmethod
    def _bare(cls, data: Any) -> Any:
        return _bare_to_pair(data)

    @model_validator(mode="after")
    def _not_empty(self) -> _MeasureBase:
        if self.target is None and self.actual is None:  # type: ignore[attr-defined]
            raise ValueError("needs a target, an actual, or a bare value")
        return self

    def value(self, scenario: str) -> float | None:
        """The value for `"target"` or `"actual"`, falling back to the other one."""
        mine: float | None = getattr(self, scenario)
        other = self.actual if scenario == "target" else self.target  # type: ignore[attr-defined]
        return mine if mine is not None else other

    @property
    def is_bare(self) -> bool:
        """Target and actual are the same number: written back as a bare value."""
        return self.target is not None and self.target == self.actual  # type: ignore[attr-defined]


class Measure(_MeasureBase):
    """A non-negative quantity with a target and/or an actual (volume, duration in days)."""

    target: Amount | None = None
    actual: Amount | None = None


class RateMeasure(_MeasureBase):
    """A conversion rate with a target and/or an actual."""

    target: Rate | None = None
    actual: Rate | None = None


def _measure_schema(value: dict[str, Any]) -> dict[str, Any]:
    """A bare value, or {target, actual} where an empty part is unmeasured but one is given."""
    part = {"anyOf": [value, {"type": "null"}]}
    given = [{"required": [key], "properties": {key: value}} for key in ("target", "actual")]
    return {
        "anyOf": [
            value,
            {
                "type": "object",
                "properties": {"target": part, "actual": part},
                "additionalProperties": False,
                "anyOf": given,
            },
        ]
    }


_MEASURE_SCHEMA = _measure_schema(_AMOUNT_SCHEMA)
_RATE_MEASURE_SCHEMA = _measure_schema(_RATE_SCHEMA)
MeasureField = Annotated[Measure, WithJsonSchema(_MEASURE_SCHEMA)]
RateMeasureField = Annotated[RateMeasure, WithJsonSchema(_RATE_MEASURE_SCHEMA)]


class Better(StrEnum):
    """Which direction of a KPI is good."""

    higher = "higher"
    lower = "lower"  # type: ignore[assignment]  # the member shadows str.lower on purpose


PERCENT_UNIT = "%"


class KPI(Frozen):
    """A free-form key performance indicator on a node.

    Values written as percentages (`"2%"`) are kept as fractions with unit `%`, and written
    back as percentages.
    """

    name: Text = Field(min_length=1)
    target: KpiValue | None = None
    actual: KpiValue | None = None
    unit: Text | None = None
    better: Better = Better.higher

    @model_validator(mode="before")
    @classmethod
    def _percent_unit(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("unit") in (None, PERCENT_UNIT):
            written = [data.get(k) for k in ("target", "actual")]
            if any(isinstance(v, str) and v.strip().endswith("%") for v in written):
                data = {**data, "unit": PERCENT_UNIT}
        return data

    @property
    def is_percent(self) -> bool:
        return self.unit == PERCENT_UNIT

    def is_worse(self) -> bool | None:
        """Whether the actual misses the target in the `better` direction; None if unmeasured."""
        if self.target is None or self.actual is None:
            return None
        if self.better is Better.higher:
            return self.actual < self.target
        return self.actual > self.target
