-- PostgreSQL only (H2 has no trigram index; there q= scans, bounded by the query timeout).
-- A repeatable migration: it carries no version, so it never competes with the shared V files,
-- and it runs again only when this text changes. The indexed expression is LeadDao.SEARCH_TEXT,
-- character for character: the planner uses the index only for that exact expression.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX IF NOT EXISTS idx_leads_search_trgm ON leads USING GIN (
    (LOWER(COALESCE(company_name, '') || CHR(10) || COALESCE(phone, '') || CHR(10)
          || COALESCE(email, '') || CHR(10) || COALESCE(website, '') || CHR(10) || COALESCE(address, '')))
    gin_trgm_ops);
