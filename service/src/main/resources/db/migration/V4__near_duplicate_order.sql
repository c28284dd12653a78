-- The near-duplicate read takes the newest leads of a block and region (or phone area):
-- with id in the index, newest first, it reads as many index entries as its LIMIT, however
-- many leads the block holds, instead of all of them before a sort.
DROP INDEX idx_leads_block_region;
DROP INDEX idx_leads_block_area;
CREATE INDEX idx_leads_block_region ON leads (block_key, region_key, id DESC);
CREATE INDEX idx_leads_block_area ON leads (block_key, area_code, id DESC);
