-- Limits that hold across replicas: their state lives here, not in each process's memory.

-- The job allowance of each API key: a token bucket, refilled evenly (KeyAllowance).
CREATE TABLE key_allowances (
    client      VARCHAR(200)     PRIMARY KEY,
    tokens      DOUBLE PRECISION NOT NULL,
    refilled_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The politeness delay per host, whichever source and replica fetches: the earliest moment the
-- next request to the host may start.
CREATE TABLE host_pacing (
    host    VARCHAR(300) PRIMARY KEY,
    next_at TIMESTAMP WITH TIME ZONE NOT NULL
);
