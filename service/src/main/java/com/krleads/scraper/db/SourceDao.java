package com.krleads.scraper.db;

import com.krleads.scraper.core.source.Selectors;
import com.krleads.scraper.core.source.Source;
import java.sql.ResultSet;
import java.sql.SQLException;
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

@RegisterRowMapper(SourceDao.SourceMapper.class)
public interface SourceDao {

    @SqlUpdate("""
            INSERT INTO sources (name, start_url, sel_item, sel_name, sel_phone, sel_email, sel_website,
                                 sel_address, sel_category, sel_next_page, max_pages, delay_millis, enabled,
                                 created_at, updated_at)
            VALUES (:name, :startUrl, :sel.item, :sel.name, :sel.phone, :sel.email, :sel.website,
                    :sel.address, :sel.category, :sel.nextPage, :maxPages, :delayMillis, :enabled,
                    :createdAt, :updatedAt)
            """)
    @GetGeneratedKeys("id")
    long insert(@BindMethods Source source, @BindMethods("sel") Selectors selectors);

    /** Locks the source's row until the transaction ends (serialises job creation per source). */
    @SqlQuery("SELECT id FROM sources WHERE id = :id FOR UPDATE")
    Optional<Long> lockById(@Bind("id") long id);

    @SqlUpdate("""
            UPDATE sources SET name = :name, start_url = :startUrl, sel_item = :sel.item, sel_name = :sel.name,
                   sel_phone = :sel.phone, sel_email = :sel.email, sel_website = :sel.website,
                   sel_address = :sel.address, sel_category = :sel.category, sel_next_page = :sel.nextPage,
                   max_pages = :maxPages, delay_millis = :delayMillis, enabled = :enabled, updated_at = :updatedAt
            WHERE id = :id
            """)
    int update(@BindMethods Source source, @BindMethods("sel") Selectors selectors);

    @SqlQuery("SELECT * FROM sources WHERE id = :id")
    Optional<Source> findById(@Bind("id") long id);

    @SqlQuery("SELECT * FROM sources WHERE name = :name")
    Optional<Source> findByName(@Bind("name") String name);

    @SqlQuery("SELECT * FROM sources ORDER BY id")
    List<Source> list();

    /** Every source's name, oldest first (the order in which the metrics' source limit admits them). */
    @SqlQuery("SELECT name FROM sources ORDER BY id")
    List<String> names();

    @SqlUpdate("DELETE FROM sources WHERE id = :id")
    int delete(@Bind("id") long id);

    default Source insert(Source source) {
        long id = insert(source, source.selectors());
        return findById(id).orElseThrow();
    }

    class SourceMapper implements RowMapper<Source> {
        @Override
        public Source map(ResultSet rs, StatementContext ctx) throws SQLException {
            Selectors selectors = new Selectors(rs.getString("sel_item"), rs.getString("sel_name"),
                    rs.getString("sel_phone"), rs.getString("sel_email"), rs.getString("sel_website"),
                    rs.getString("sel_address"), rs.getString("sel_category"), rs.getString("sel_next_page"));
            return new Source(rs.getLong("id"), rs.getString("name"), rs.getString("start_url"), selectors,
                    rs.getInt("max_pages"), rs.getLong("delay_millis"), rs.getBoolean("enabled"),
                    Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));
        }
    }
}
