package com.krleads.scraper.db;

import com.krleads.scraper.core.lead.BatchPlan.Place;
import com.krleads.scraper.core.lead.Lead;
import com.krleads.scraper.core.lead.NearDuplicates;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The set-based reads of a batch: the stored leads that own any of a batch's keys, their rows
 * locked in id order, and the newest leads of each block and region (or area) the batch's drafts
 * fall in. Each near-duplicate read is an index range of {@link NearDuplicates#LIMIT} rows, whatever
 * the size of the block (index {@code (block_key, region_key, id DESC)}; V4).
 */
final class LeadBatchReads {
    /** Values per IN list and pairs per UNION: a few statements per page, none too long to plan. */
    private static final int PER_STATEMENT = 500;
    private static final int PAIRS_PER_STATEMENT = 100;

    /** A key column a batch looks leads up by. */
    enum KeyColumn { PHONE("phone"), EMAIL("email"), WEBSITE("website"), FALLBACK("fallback_key");
        final String column;

        KeyColumn(String column) {
            this.column = column;
        }
    }

    /** A stored row with the keys the batch files it under. */
    record Row(Lead lead, String fallbackKey, String blockKey, String regionKey, String areaCode) {
    }

    private final Handle handle;

    LeadBatchReads(Handle handle) {
        this.handle = handle;
    }

    List<Row> ownersOf(KeyColumn key, Collection<String> values) {
        List<Row> rows = new ArrayList<>();
        List<String> all = new ArrayList<>(values);
        for (int from = 0; from < all.size(); from += PER_STATEMENT) {
            List<String> part = all.subList(from, Math.min(all.size(), from + PER_STATEMENT));
            rows.addAll(handle.createQuery("SELECT * FROM leads WHERE " + key.column + " IN (<values>)")
                    .bindList("values", part).map(LeadBatchReads::row).list());
        }
        return rows;
    }

    /** The leads as last committed, locked until the transaction ends, in id order so that batches never deadlock. */
    List<Lead> lock(Collection<Long> ids) {
        List<Lead> rows = new ArrayList<>();
        List<Long> sorted = ids.stream().sorted().toList();
        for (int from = 0; from < sorted.size(); from += PER_STATEMENT) {
            List<Long> part = sorted.subList(from, Math.min(sorted.size(), from + PER_STATEMENT));
            rows.addAll(handle.createQuery("SELECT * FROM leads WHERE id IN (<ids>) ORDER BY id FOR UPDATE")
                    .bindList("ids", part).map(new LeadDao.LeadMapper()).list());
        }
        return rows;
    }

    /** The newest leads of each pair, newest first, per region ({@code byRegion}) or per phone area. */
    List<Row> newestOf(Collection<Place> pairs, boolean byRegion) {
        List<Row> rows = new ArrayList<>();
        List<Place> all = new ArrayList<>(pairs);
        for (int from = 0; from < all.size(); from += PAIRS_PER_STATEMENT) {
            List<Place> part = all.subList(from, Math.min(all.size(), from + PAIRS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder();
            String one = byRegion ? LeadDao.NEAR_BY_REGION : LeadDao.NEAR_BY_AREA;
            for (int i = 0; i < part.size(); i++) {
                sql.append(i == 0 ? "(" : " UNION ALL (")
                        .append(one.replace(":block", ":b" + i).replace(":signal", ":s" + i))
                        .append(')');
            }
            Query query = handle.createQuery(sql.toString());
            for (int i = 0; i < part.size(); i++) {
                query.bind("b" + i, part.get(i).block()).bind("s" + i, part.get(i).signal());
            }
            rows.addAll(query.map(LeadBatchReads::row).list());
        }
        return rows;
    }

    static Map<KeyColumn, String> keysOf(Row row) {
        Lead lead = row.lead();
        java.util.EnumMap<KeyColumn, String> keys = new java.util.EnumMap<>(KeyColumn.class);
        putIfPresent(keys, KeyColumn.PHONE, lead.phone());
        putIfPresent(keys, KeyColumn.EMAIL, lead.email());
        putIfPresent(keys, KeyColumn.WEBSITE, lead.website());
        putIfPresent(keys, KeyColumn.FALLBACK, row.fallbackKey());
        return keys;
    }

    private static void putIfPresent(Map<KeyColumn, String> keys, KeyColumn key, String value) {
        if (value != null) {
            keys.put(key, value);
        }
    }

    private static Row row(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        return new Row(new LeadDao.LeadMapper().map(rs, ctx), rs.getString("fallback_key"), rs.getString("block_key"),
                rs.getString("region_key"), rs.getString("area_code"));
    }
}
