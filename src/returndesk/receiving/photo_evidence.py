"""Photos of a return: prepared, kept, queued for upload and, once public, for WM Tech.

Everything here is slow work for a background thread (decoding a 12-megapixel photo, disk
writes) and nothing waits on the network: the upload and the analysis go through the outbox,
so an offline station keeps its photos and gets the analyses when it is back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from returndesk.core.return_case import ReturnCase
from returndesk.outbox.evidence import PhotoRecord
from returndesk.outbox.model import Kind, NewItem
from returndesk.outbox.store import OutboxStore
from returndesk.photos.library import PhotoLibrary
from returndesk.photos.prepare import prepare
from returndesk.settings.model import Settings


@dataclass(frozen=True, slots=True)
class KeptPhoto:
    """Prepared and on disk, not yet queued: :meth:`PhotoEvidence.queue` does that."""

    record: PhotoRecord
    upload: dict[str, Any]


@dataclass(frozen=True, slots=True)
class PhotoTaken:
    record: PhotoRecord
    #: False when no WM Tech is configured: the photo is evidence only
    analysis_queued: bool


class PhotoEvidence:
    def __init__(
        self,
        settings: Settings,
        store: OutboxStore,
        library: PhotoLibrary,
        public_url: Callable[[str], str] | None,
        *,
        analyse: bool,
    ) -> None:
        self._settings = settings
        self._store = store
        self._library = library
        self._public_url = public_url
        # without a store nothing is published, so WM Tech could not fetch the photo
        self._analyse = analyse and public_url is not None

    def add(
        self, case: ReturnCase, order_item_id: str | None, original: bytes, *, suffix: str
    ) -> PhotoTaken:
        """Prepare, keep and queue one photo of ``case`` (of one of its items, or the parcel)."""
        return self.queue(self.keep(case, order_item_id, original, suffix=suffix))

    def queue(self, kept: KeptPhoto) -> PhotoTaken:
        """Record the photo and queue its upload (the outbox's thread)."""
        items = [NewItem(Kind.PHOTO_UPLOAD, kept.upload)] if kept.record.public_url else []
        self._store.add_photo(kept.record, items)
        return PhotoTaken(kept.record, "then" in kept.upload)

    def keep(
        self, case: ReturnCase, order_item_id: str | None, original: bytes, *, suffix: str
    ) -> KeptPhoto:
        """Prepare the photo and keep both files (CPU and disk: any worker thread)."""
        photos = self._settings.photos
        prepared = prepare(original, long_edge=photos.long_edge, max_bytes=photos.max_bytes)
        kept = self._library.keep(original, prepared, suffix=suffix)
        url = self._public_url(kept.name) if self._public_url is not None else ""
        record = PhotoRecord(
            name=kept.name,
            return_id=case.return_id,
            order_item_id=order_item_id,
            taken_at=kept.taken_at.isoformat(),
            sha256=kept.sha256,
            original_sha256=kept.original_sha256,
            prepared_path=str(kept.prepared),
            original_path=str(kept.original),
            public_url=url,
        )
        upload: dict[str, Any] = {
            "name": kept.name,
            "path": str(kept.prepared),
            "sha256": kept.sha256,
        }
        if self._analyse:
            upload["then"] = self._analysis_request(case, order_item_id, url, kept.name)
        return KeptPhoto(record, upload)

    def _analysis_request(
        self, case: ReturnCase, order_item_id: str | None, url: str, name: str
    ) -> dict[str, Any]:
        line = next((ln for ln in case.lines if ln.order_item_id == order_item_id), None)
        request: dict[str, Any] = {
            "order_id": case.forward_order_id,
            "store_id": self._settings.wmtech.store_id or self._settings.station.store_id,
            "photo_url": url,
            "context": {"return_id": case.return_id, "order_item_id": order_item_id, "photo": name},
        }
        if line is not None:
            request["sku"] = line.sku
            if line.reason_code:
                request["reason"] = line.reason_code
        return request
