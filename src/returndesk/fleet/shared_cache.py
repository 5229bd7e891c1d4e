"""The fleet's one copy of ReturnMate's receivable RMAs, and the job of keeping it.

One station at a time — the holder of the ``returnmate-sync`` job — asks ReturnMate, within
the account's budget: the new RMAs every few minutes, every page once a night. Every station
reads only what changed since it last looked into its own SQLite cache, which stays its
offline copy. The job is a lease row: a syncer that is killed stops renewing it, and the next
station to look after it ran out takes it (and a larger token: the old holder's writes are
refused from then on).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial

import psycopg
from psycopg.types.json import Jsonb

from returndesk.cache.expected_returns import OVERLAP, ExpectedReturnsCache, SyncResult
from returndesk.core import json_codec
from returndesk.fleet.database import FleetDatabase
from returndesk.vendors.returnmate import ReturnMateClient, Rma, RmaFilter

SYNC_JOB = "returnmate-sync"
#: RMAs written to the fleet's copy in one transaction, and read from it in one query
BATCH = 500


class JobLost(RuntimeError):
    """This station no longer holds the job it was doing (another took it over)."""


@dataclass(frozen=True, slots=True)
class JobHolder:
    station: str | None
    since: datetime | None
    #: None: never held
    expires_at: datetime | None
    token: int


class SyncJob:
    def __init__(self, db: FleetDatabase, seconds: int, job: str = SYNC_JOB) -> None:
        self._db = db
        self._seconds = seconds
        self.job = job
        #: our token while we hold the job
        self.token: int | None = None

    def hold(self) -> bool:
        """Take the job if it is free or ran out, or renew it if ours; True when ours."""

        def work(conn: psycopg.Connection) -> int | None:
            row = conn.execute(
                "UPDATE fleet_jobs SET "
                "token = CASE WHEN holder = %(me)s AND expires_at >= now() THEN token "
                "ELSE token + 1 END, "
                "since = CASE WHEN holder = %(me)s AND expires_at >= now() THEN since "
                "ELSE now() END, "
                "holder = %(me)s, expires_at = now() + make_interval(secs => %(secs)s) "
                "WHERE job = %(job)s AND (holder = %(me)s OR expires_at < now()) "
                "RETURNING token",
                {"me": self._db.station, "secs": self._seconds, "job": self.job},
            ).fetchone()
            return int(row[0]) if row else None

        self.token = self._db.run(work)
        return self.token is not None

    def give_up(self) -> None:
        """At a clean stop: the next station may take the job at once."""
        if self.token is None:
            return
        token, self.token = self.token, None
        self._db.run(
            lambda conn: conn.execute(
                "UPDATE fleet_jobs SET expires_at = now() - interval '1 second' "
                "WHERE job = %s AND holder = %s AND token = %s",
                (self.job, self._db.station, token),
            )
        )

    def holder(self) -> JobHolder:
        row = self._db.run(
            lambda conn: conn.execute(
                # a job never held runs out at -infinity, which Python's datetime cannot hold
                "SELECT holder, since, nullif(expires_at, '-infinity'), token FROM fleet_jobs "
                "WHERE job = %s",
                (self.job,),
            ).fetchone()
        )
        assert row is not None, "the fleet database's job rows are made by its migration"
        return JobHolder(*row)

    def fence(self, conn: psycopg.Connection) -> None:
        """Inside a write: raise :class:`JobLost` unless we still hold the job, and hold it
        longer (a night's full sync outlasts the lease between two rounds)."""
        row = conn.execute(
            "UPDATE fleet_jobs SET expires_at = now() + make_interval(secs => %s) "
            "WHERE job = %s AND holder = %s AND token = %s AND expires_at >= now() "
            "RETURNING 1",
            (self._seconds, self.job, self._db.station, self.token),
        ).fetchone()
        if row is None:
            self.token = None
            raise JobLost(f"{self._db.station} no longer holds the job {self.job}")


class SharedExpectedReturns:
    def __init__(self, db: FleetDatabase) -> None:
        self._db = db

    # ------------------------------------------------------------------ the syncer's side
    def sync(
        self,
        job: SyncJob,
        client: ReturnMateClient,
        statuses: Sequence[str],
        *,
        now: datetime,
        full_due: datetime,
    ) -> SyncResult:
        """As :meth:`ExpectedReturnsCache.sync`, into the fleet's copy, while ``job`` is ours."""
        full_at, watermark = self._state("full_at"), self._state("watermark")
        if full_at is None or watermark is None or full_at < full_due:
            mark = uuid.uuid4().hex
            fetched = self._store_pages(
                job, client.iter_rmas(RmaFilter(status=list(statuses))), mark
            )
            self._db.run(lambda conn: self._sweep(conn, job, mark, now))
            return SyncResult("full", fetched, self.count())
        new = client.iter_rmas(RmaFilter(status=list(statuses), created_after=watermark - OVERLAP))
        fetched = self._store_pages(job, new, None)
        self._db.run(lambda conn: self._set_state(conn, "synced_at", now))
        return SyncResult("new", fetched, self.count())

    def _store_pages(self, job: SyncJob, rmas: Iterable[Rma], mark: str | None) -> int:
        total = 0
        batch: list[Rma] = []
        for rma in rmas:
            batch.append(rma)
            if len(batch) >= BATCH:
                total += self._db.run(partial(self._upsert, job=job, rmas=batch, mark=mark))
                batch = []
        if batch:
            total += self._db.run(partial(self._upsert, job=job, rmas=batch, mark=mark))
        return total

    def _upsert(
        self, conn: psycopg.Connection, job: SyncJob, rmas: Sequence[Rma], mark: str | None
    ) -> int:
        job.fence(conn)
        fetched = datetime.now().astimezone()
        with conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO expected_returns AS e (rma_id, rma_number, status, record, "
                "fetched_at, created_at, seen_by) VALUES (%s, %s, %s, %s, %s, %s, %s) "
                "ON CONFLICT (rma_id) DO UPDATE SET rma_number = excluded.rma_number, "
                "status = excluded.status, record = excluded.record, "
                "fetched_at = excluded.fetched_at, created_at = excluded.created_at, "
                "seen_by = coalesce(excluded.seen_by, e.seen_by), gone = false, "
                # only a real change makes the stations read the RMA again
                "change = CASE WHEN e.gone OR e.record IS DISTINCT FROM excluded.record "
                "THEN nextval('expected_change') ELSE e.change END",
                [
                    (
                        rma.id,
                        rma.rma_number,
                        rma.status,
                        Jsonb(rma.record or rma.model_dump(mode="json"), dumps=json_codec.dumps),
                        fetched,
                        rma.created_at,
                        mark,
                    )
                    for rma in rmas
                ],
            )
        stamps = [r.created_at for r in rmas if r.created_at is not None]
        if stamps:
            conn.execute(
                "INSERT INTO sync_state VALUES ('watermark', %s) ON CONFLICT (key) DO UPDATE "
                "SET value = greatest(sync_state.value, excluded.value)",
                (max(stamps),),
            )
        return len(rmas)

    def _sweep(self, conn: psycopg.Connection, job: SyncJob, mark: str, now: datetime) -> None:
        """After every page arrived: what was not seen again is gone (cancelled, received)."""
        job.fence(conn)
        conn.execute(
            "UPDATE expected_returns SET gone = true, change = nextval('expected_change') "
            "WHERE NOT gone AND seen_by IS DISTINCT FROM %s",
            (mark,),
        )
        self._set_state(conn, "full_at", now)
        self._set_state(conn, "synced_at", now)

    @staticmethod
    def _set_state(conn: psycopg.Connection, key: str, value: datetime) -> None:
        conn.execute(
            "INSERT INTO sync_state VALUES (%s, %s) ON CONFLICT (key) DO UPDATE "
            "SET value = excluded.value",
            (key, value),
        )

    def _state(self, key: str) -> datetime | None:
        row = self._db.run(
            lambda conn: conn.execute(
                "SELECT value FROM sync_state WHERE key = %s", (key,)
            ).fetchone()
        )
        return row[0] if row else None

    def synced_at(self) -> datetime | None:
        return self._state("synced_at")

    def count(self) -> int:
        row = self._db.run(
            lambda conn: conn.execute(
                "SELECT count(*) FROM expected_returns WHERE NOT gone"
            ).fetchone()
        )
        return int(row[0]) if row else 0

    # ------------------------------------------------------------------ every station's side
    def pull(self, cache: ExpectedReturnsCache) -> int:
        """Read into ``cache`` what changed in the fleet's copy since it last read; the
        RMAs changed (kept or removed). The cache's age is then the fleet copy's: a syncer
        that stopped shows as a stale cache at every station."""
        changed = 0
        full_at, synced_at = self._state("full_at"), self._state("synced_at")
        while True:
            after = cache.fleet_change()
            rows = self._db.run(partial(_changes, after=after))
            if not rows:
                cache.absorb([], [], change=after, full_at=full_at, synced_at=synced_at)
                return changed
            kept = [Rma.model_validate(json_codec.loads(r[1])) for r in rows if not r[2]]
            gone = [r[0] for r in rows if r[2]]
            cache.absorb(kept, gone, change=int(rows[-1][3]), full_at=full_at, synced_at=synced_at)
            changed += len(rows)
            if len(rows) < BATCH:
                return changed


def _changes(conn: psycopg.Connection, after: int) -> list[tuple[str, str, bool, int]]:
    return conn.execute(
        "SELECT rma_id, record::text, gone, change FROM expected_returns "
        "WHERE change > %s ORDER BY change LIMIT %s",
        (after, BATCH),
    ).fetchall()
