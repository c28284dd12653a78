package com.krleads.scraper.db;

import com.krleads.scraper.core.lead.Lead;
import com.krleads.scraper.core.lead.LeadDraft;
import com.krleads.scraper.core.lead.LeadKeys;
import com.krleads.scraper.core.lead.NearDuplicates;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The leads table. The lookups used while storing are public constants so that a test can
 * EXPLAIN exactly these statements and assert that each one reads an index.
 */
@RegisterRowMapper(LeadDao.LeadMapper.class)
public interface LeadDao {
    /** How many of the newest leads in a block a near-duplicate check compares a new lead with. */
    int NEAR_MATCH_LIMIT = NearDuplicates.LIMIT;

    String FIND_BY_PHONE = "SELECT * FROM leads WHERE phone = :key";
    String FIND_BY_EMAIL = "SELECT * FROM leads WHERE email = :key";
    String FIND_BY_WEBSITE = "SELECT * FROM leads WHERE website = :key";
    String FIND_BY_FALLBACK = "SELECT * FROM leads WHERE fallback_key = :key";
    /*
     * The newest leads of a block and region (or area), read from index (block_key, region_key, id DESC)
     * as one range of at most the limit. The block is bounded on both sides rather than compared with =
     * so that PostgreSQL cannot drop it from the ORDER BY and serve "id DESC" from the primary key with
     * a filter instead, a plan it likes when one block holds much of the table and that reads every
     * newer lead of other blocks. The ORDER BY names the index's columns in order, which H2 needs to
     * read the index in order and stop at the limit.
     */
    String NEAR_BY_REGION = """
            SELECT * FROM leads WHERE block_key >= :block AND block_key <= :block AND region_key = :signal
            ORDER BY block_key, region_key, id DESC""" + " LIMIT " + NEAR_MATCH_LIMIT;
    String NEAR_BY_AREA = """
            SELECT * FROM leads WHERE block_key >= :block AND block_key <= :block AND area_code = :signal
            ORDER BY block_key, area_code, id DESC""" + " LIMIT " + NEAR_MATCH_LIMIT;

    /**
     * Writes a lead's fields back after a merge, with keys derived from the merged fields.
     * The fallback key stays as inserted: it is the identity a retried job looks the lead up by.
     */
    String UPDATE = """
            UPDATE leads SET company_name = :l.companyName, phone = :l.phone, email = :l.email,
                   website = :l.website, address = :l.address, category = :l.category,
                   extraction_method = :l.extractionMethod, phone_status = :l.phoneStatus,
                   email_status = :l.emailStatus, name_key = :k.nameKey, block_key = :k.blockKey,
                   region_key = :k.regionKey, area_code = :k.areaCode, last_seen = :l.lastSeen
            WHERE id = :l.id
            """;

    /** A lead a batch planned (a sighting, with the page's other sightings of it folded in). */
    String INSERT_LEAD = """
            INSERT INTO leads (company_name, phone, email, website, address, category, source_id,
                               extraction_method, phone_status, email_status, name_key, block_key,
                               region_key, area_code, fallback_key, first_seen, last_seen)
            VALUES (:l.companyName, :l.phone, :l.email, :l.website, :l.address, :l.category, :l.sourceId,
                    :l.extractionMethod, :l.phoneStatus, :l.emailStatus, :k.nameKey, :k.blockKey,
                    :k.regionKey, :k.areaCode, :fallbackKey, :l.firstSeen, :l.lastSeen)
            """;

    /**
     * The text {@code q=} searches: the visible fields, lower case, one per line (a pattern holds
     * no line break, so no match spans two fields). On PostgreSQL a trigram GIN index is built on
     * exactly this expression ({@code db/postgresql/R__search_index.sql}).
     */
    String SEARCH_TEXT = "LOWER(COALESCE(company_name, '') || CHR(10) || COALESCE(phone, '') || CHR(10)"
            + " || COALESCE(email, '') || CHR(10) || COALESCE(website, '') || CHR(10) || COALESCE(address, ''))";
    String SEARCH_FILTER = " WHERE (:sourceId < 0 OR source_id = :sourceId)"
            + " AND (:pattern = '' OR " + SEARCH_TEXT + " LIKE :pattern)";
    String SEARCH = "SELECT * FROM leads" + SEARCH_FILTER + " ORDER BY id LIMIT :limit OFFSET :offset";
    String COUNT = "SELECT COUNT(*) FROM leads" + SEARCH_FILTER;

    @SqlQuery(FIND_BY_PHONE)
    Optional<Lead> findByPhone(@Bind("key") String phone);

    @SqlQuery(FIND_BY_EMAIL)
    Optional<Lead> findByEmail(@Bind("key") String email);

    @SqlQuery(FIND_BY_WEBSITE)
    Optional<Lead> findByWebsite(@Bind("key") String website);

    @SqlQuery(FIND_BY_FALLBACK)
    Optional<Lead> findByFallbackKey(@Bind("key") String fallbackKey);

    @SqlQuery(NEAR_BY_REGION)
    List<Lead> nearByRegion(@Bind("block") String blockKey, @Bind("signal") String regionKey);

    @SqlQuery(NEAR_BY_AREA)
    List<Lead> nearByArea(@Bind("block") String blockKey, @Bind("signal") String areaCode);

    @SqlUpdate("""
            INSERT INTO leads (company_name, phone, email, website, address, category, source_id,
                               extraction_method, phone_status, email_status, name_key, block_key,
                               region_key, area_code, fallback_key, first_seen, last_seen)
            VALUES (:d.companyName, :d.phone, :d.email, :d.website, :d.address, :d.category, :sourceId,
                    :d.extractionMethod, :d.phoneStatus, :d.emailStatus, :k.nameKey, :k.blockKey,
                    :k.regionKey, :k.areaCode, :k.fallbackKey, :now, :now)
            """)
    @GetGeneratedKeys("id")
    long insert(@Bind("sourceId") long sourceId, @BindMethods("d") LeadDraft draft,
                @BindMethods("k") LeadKeys keys, @Bind("now") Instant now);

    @SqlUpdate(UPDATE)
    int update(@BindMethods("l") Lead lead, @BindMethods("k") LeadKeys keys);

    @SqlQuery("SELECT * FROM leads WHERE id = :id")
    Optional<Lead> findById(@Bind("id") long id);

    /** The lead as last committed, locked until the transaction ends: a merge reads and writes it as one step. */
    @SqlQuery("SELECT * FROM leads WHERE id = :id FOR UPDATE")
    Optional<Lead> lockById(@Bind("id") long id);

    @SqlUpdate("DELETE FROM leads WHERE id = :id")
    int delete(@Bind("id") long id);

    @SqlQuery(SEARCH)
    List<Lead> search(@Bind("pattern") String pattern, @Bind("sourceId") long sourceId,
                      @Bind("limit") int limit, @Bind("offset") long offset);

    @SqlQuery(COUNT)
    long count(@Bind("pattern") String pattern, @Bind("sourceId") long sourceId);

    @SqlQuery("SELECT COUNT(*) FROM leads")
    long countAll();

    class LeadMapper implements RowMapper<Lead> {
        @Override
        public Lead map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Lead(rs.getLong("id"), rs.getString("company_name"), rs.getString("phone"),
                    rs.getString("email"), rs.getString("website"), rs.getString("address"),
                    rs.getString("category"), rs.getLong("source_id"), rs.getString("extraction_method"),
                    rs.getString("phone_status"), rs.getString("email_status"),
                    Rows.instant(rs, "first_seen"), Rows.instant(rs, "last_seen"));
        }
    }
}
