"""Scalar value types of the diagram format: rates, amounts, measures and KPIs.

A rate is written `0.032` or `"3.2%"`; a measure has a target and/or an actual, and a bare
value means both. Pure pydantic: no Qt, no yaml, no networkx.
"""

from __future__ import annotations

import math
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


class Frozen(BaseModel):
    """Base of every document model: immutable, unknown keys refused, aliases accepted."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


def parse_number(value: Any, *, allow_percent: bool) -> float:
    """A finite number from an int, a float or (when allowed) a `"3.2%"` string."""
    if isinstance(value, bool):
        raise ValueError("expected a number, not true/false")
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
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
    else:
        raise ValueError(f"expected a number, got {type(value).__name__}")
    if not math.isfinite(number):
        raise ValueError("expected a finite number")
    return number


def _rate(value: Any) -> float:
    number = parse_number(value, allow_percent=True)
    if not 0.0 <= number <= 1.0:
        raise ValueError(
            f"a rate must be between 0 and 1 (0% to 100%), got {value!r}; "
            'write it as 0.032 or "3.2%"'
        )
    return number


#: the largest amount a diagram may hold (people, days, money per period): bigger is a typo,
#: and keeps every volume, revenue and sum of the arithmetic finite
MAX_AMOUNT = 1e15


def _amount(value: Any) -> float:
    number = parse_number(value, allow_percent=False)
    if number < 0:
        raise ValueError(f"must not be negative, got {value!r}")
    if number > MAX_AMOUNT:
        raise ValueError(f"is too large, got {value}; at most {MAX_AMOUNT:,.0f}: "
                         "check for a typo")
    return number


def _kpi_value(value: Any) -> float:
    return parse_number(value, allow_percent=True)


_NUMBER_OR_PERCENT = {
    "anyOf": [
        {"type": "number"},
        {"type": "string", "pattern": r"^\s*-?[0-9][0-9,]*(\.[0-9]+)?\s*%\s*$"},
    ]
}
_RATE_SCHEMA = {
    "anyOf": [
        {"type": "number", "minimum": 0, "maximum": 1},
        {"type": "string", "pattern": r"^\s*[0-9]+(\.[0-9]+)?\s*%\s*$"},
    ],
    "description": 'a share between 0 and 1, written 0.032 or "3.2%"',
}
_AMOUNT_SCHEMA = {"type": "number", "minimum": 0, "maximum": MAX_AMOUNT}

#: A share between 0 and 1; `"3.2%"` and `0.032` are the same rate.
Rate = Annotated[float, BeforeValidator(_rate), WithJsonSchema(_RATE_SCHEMA)]
#: A non-negative amount: people, days, money.
Amount = Annotated[float, BeforeValidator(_amount), WithJsonSchema(_AMOUNT_SCHEMA)]
#: A KPI value: any finite number, or a percentage string.
KpiValue = Annotated[float, BeforeValidator(_kpi_value), WithJsonSchema(_NUMBER_OR_PERCENT)]


def _blank_to_none(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


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


_MEASURE_SCHEMA = {
    "anyOf": [
        _AMOUNT_SCHEMA,
        {
            "type": "object",
            "properties": {"target": _AMOUNT_SCHEMA, "actual": _AMOUNT_SCHEMA},
            "additionalProperties": False,
            "minProperties": 1,
        },
    ]
}
_RATE_MEASURE_SCHEMA = {
    "anyOf": [
        _RATE_SCHEMA,
        {
            "type": "object",
            "properties": {"target": _RATE_SCHEMA, "actual": _RATE_SCHEMA},
            "additionalProperties": False,
            "minProperties": 1,
        },
    ]
}
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

    name: str = Field(min_length=1)
    target: KpiValue | None = None
    actual: KpiValue | None = None
    unit: str | None = None
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
