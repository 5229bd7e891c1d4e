"""Label settings: which labels a submission prints, and the printer they go to."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True, str_max_length=2000)


class PrinterSettings(_Section):
    #: "none": no printer; "zpl_tcp": a Zebra-compatible printer's raw port; "cups": a raw
    #: CUPS queue (Linux); "windows": a Windows printer in RAW mode; "pdf": a PDF file per
    #: label into ``folder``, for stations without a label printer
    kind: Literal["none", "zpl_tcp", "cups", "windows", "pdf"] = "none"
    host: str = Field(default="", max_length=255)
    port: int = Field(default=9100, ge=1, le=65535)
    #: the CUPS queue or the Windows printer's name
    queue: str = Field(default="", max_length=200)
    #: where PDF labels are written; empty: the data folder's ``labels``
    folder: str = Field(default="", max_length=1000)
    #: the printer's resolution in dots per inch (203 and 300 are the usual heads)
    dpi: int = 203
    #: the label stock, in millimetres (default 4 x 2 inches)
    width_mm: int = Field(default=102, ge=25, le=220)
    height_mm: int = Field(default=51, ge=20, le=300)
    #: ask a raw-port printer for its status (~HS) before each label: out of labels, paused
    #: or head open, the label waits instead of vanishing into a printer that cannot print
    check_status: bool = True
    timeout_seconds: float = Field(default=5.0, gt=0, le=60)

    @field_validator("dpi")
    @classmethod
    def _a_print_head(cls, value: int) -> int:
        if value not in (203, 300, 600):
            raise ValueError("a label printer prints at 203, 300 or 600 dpi")
        return value

    @model_validator(mode="after")
    def _printer_complete(self) -> PrinterSettings:
        needs = {"zpl_tcp": ("host", self.host), "cups": ("queue", self.queue)}
        needs["windows"] = ("queue", self.queue)
        if self.kind in needs:
            key, value = needs[self.kind]
            if not value.strip():
                raise ValueError(f'printer.{key} is needed for kind = "{self.kind}"')
        return self

    @property
    def configured(self) -> bool:
        return self.kind != "none"


class LabelSettings(_Section):
    #: "off": no labels; "item": a licence plate per accepted unit and the RMA plate for the
    #: parcel; "return": the RMA plate only. Off until someone turns it on: labels printed
    #: at a bench with no printer would only wait
    print: Literal["off", "item", "return"] = "off"
