-- The least a station needs of the fleet database: a group role holding exactly these
-- rights, run once by the database's owner after `returndesk fleet migrate`. Each station
-- (or all of them) then logs in as a member of it:
--   CREATE ROLE rd_station LOGIN PASSWORD '…' IN ROLE returndesk_station;
-- The stations never create, alter or drop anything, and never change or delete a receipt.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'returndesk_station') THEN
        CREATE ROLE returndesk_station NOLOGIN;
    END IF;
END
$$;

REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO returndesk_station;

GRANT SELECT ON fleet_schema TO returndesk_station;
GRANT SELECT, UPDATE ON fleet_jobs TO returndesk_station;
GRANT SELECT, INSERT, UPDATE ON expected_returns, sync_state, heartbeats TO returndesk_station;
GRANT SELECT, INSERT, UPDATE, DELETE ON request_budget, return_leases TO returndesk_station;
-- the ledger only grows
GRANT SELECT, INSERT ON receipts TO returndesk_station;
GRANT USAGE ON SEQUENCE expected_change, lease_token TO returndesk_station;
