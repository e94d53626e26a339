"""Where reference data comes from: each dataset's name and version travel with the data they made."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class ReferenceDataset:
    name: str  # e.g. the package it was read from: "vietnam-provinces"
    version: str  # e.g. "2025.10.1"
    note: str = ""  # what was taken from it

    def label(self) -> str:
        return f"{self.name} {self.version}"
