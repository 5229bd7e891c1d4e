-- The fleet database, version 1: what the stations of one warehouse share.
-- Applied by `returndesk fleet migrate` as the schema's owner; the stations' role
-- (packaging/fleet/roles.sql) only reads and writes rows.

-- who does the fleet's jobs: one row a job, held until expires_at by one station
CREATE TABLE fleet_jobs (
    job         text PRIMARY KEY,
    holder      text,
    token       bigint NOT NULL DEFAULT 0,
    since       timestamptz,
    expires_at  timestamptz NOT NULL DEFAULT '-infinity'
);
INSERT INTO fleet_jobs (job) VALUES ('returnmate-sync');

-- the receivable RMAs as the syncer last read them from ReturnMate; each change takes the
-- next number, so a station reads only what changed since it last looked
CREATE SEQUENCE expected_change;
CREATE TABLE expected_returns (
    rma_id      text PRIMARY KEY,
    rma_number  text NOT NULL,
    status      text NOT NULL,
    record      jsonb NOT NULL,
    fetched_at  timestamptz NOT NULL,
    created_at  timestamptz,
    seen_by     text,
    gone        boolean NOT NULL DEFAULT false,
    change      bigint NOT NULL DEFAULT nextval('expected_change')
);
CREATE INDEX expected_returns_change ON expected_returns (change);

-- the syncer's watermark and its last full reconcile
CREATE TABLE sync_state (
    key    text PRIMARY KEY,
    value  timestamptz NOT NULL
);

-- the account's requests, counted by every station: a UTC day ("2026-12-02") or minute
CREATE TABLE request_budget (
    vendor  text NOT NULL,
    period  text NOT NULL,
    used    integer NOT NULL,
    PRIMARY KEY (vendor, period)
);

-- a return being received: one station holds it until expires_at; token grows with every
-- new holder, so a holder whose lease was taken over knows it
CREATE SEQUENCE lease_token;
CREATE TABLE return_leases (
    return_id   text PRIMARY KEY,
    station     text NOT NULL,
    operator    text,
    opened_at   timestamptz NOT NULL,
    renewed_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    token       bigint NOT NULL
);

-- every return received at any station (from each station's own history)
CREATE TABLE receipts (
    history_id   text PRIMARY KEY,
    return_id    text NOT NULL,
    rma_id       text,
    rma_number   text,
    station      text NOT NULL,
    operator     text,
    received_at  timestamptz NOT NULL,
    units        integer NOT NULL DEFAULT 0,
    recorded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX receipts_return ON receipts (return_id);
CREATE INDEX receipts_rma ON receipts (rma_id);
CREATE INDEX receipts_received ON receipts (received_at);

-- each station's last word on its health
CREATE TABLE heartbeats (
    station  text PRIMARY KEY,
    at       timestamptz NOT NULL,
    version  text NOT NULL,
    health   jsonb NOT NULL
);
