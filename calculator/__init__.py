"""Therapy time-based CPT units: Medicare total time (cms) and CPT midpoint per code (ama).

    >>> from calculator import parse, calculate
    >>> calculate(parse({"97110": 33, "97140": 7}), "cms").units
    {'97110': 2, '97140': 1}
"""

from .catalog import CATALOG, KINDS, Code, Note
from .errors import InputError, Problem
from .result import Line, NextUnit, Result, Step
from .rules import METHOD_NAMES, band, calculate, compare, midpoint_units
from .sources import SOURCES, Source
from .visit import MAX_MINUTES, METHODS, Visit, check, parse, parse_method, split_entry

__all__ = [
    "CATALOG", "KINDS", "Code", "Note", "InputError", "Problem", "Line", "NextUnit", "Result",
    "Step", "METHOD_NAMES", "band", "calculate", "compare", "midpoint_units", "SOURCES", "Source",
    "MAX_MINUTES", "METHODS", "Visit", "check", "parse", "parse_method", "split_entry",
]
__version__ = "0.1.0"
