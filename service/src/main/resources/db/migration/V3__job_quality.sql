-- Each finished job's yield and field coverage, and what its comparison with the source's
-- history found. compared: the job completed, so it counts in later baselines and raises findings.
CREATE TABLE job_quality (
    job_id              BIGINT  NOT NULL PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
    source_id           BIGINT  NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    compared            BOOLEAN NOT NULL,
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    pages               INTEGER NOT NULL,
    pages_without_items INTEGER NOT NULL,
    first_page_without_items INTEGER NOT NULL,
    items               INTEGER NOT NULL,
    name_items          INTEGER NOT NULL,
    phone_items         INTEGER NOT NULL,
    phone_valid_items   INTEGER NOT NULL,
    email_items         INTEGER NOT NULL,
    website_items       INTEGER NOT NULL,
    address_items       INTEGER NOT NULL,
    category_items      INTEGER NOT NULL,
    baseline_jobs       INTEGER NOT NULL,
    baseline_items      DOUBLE PRECISION,
    warnings            VARCHAR(4000)
);
CREATE INDEX idx_job_quality_source ON job_quality (source_id, compared, recorded_at);

-- field is '' for the yield findings (a key column cannot be NULL).
CREATE TABLE job_findings (
    job_id   BIGINT      NOT NULL REFERENCES job_quality (job_id) ON DELETE CASCADE,
    kind     VARCHAR(20) NOT NULL,
    field    VARCHAR(20) NOT NULL,
    observed DOUBLE PRECISION NOT NULL,
    baseline DOUBLE PRECISION,
    CONSTRAINT pk_job_findings PRIMARY KEY (job_id, kind, field)
);
