package com.krleads.scraper.db;

import com.krleads.metrics.LabelValues.ItemField;
import com.krleads.scraper.core.quality.Baseline;
import com.krleads.scraper.core.quality.FieldCounts;
import com.krleads.scraper.core.quality.Finding;
import com.krleads.scraper.core.quality.JobQuality;
import com.krleads.scraper.core.quality.QualityRecord;
import com.krleads.scraper.core.quality.QualityStore;
import com.krleads.scraper.core.quality.SourceHealth;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code job_quality} and {@code job_findings} tables. The baseline's medians are computed
 * by the database ({@code PERCENTILE_CONT}, which both H2 and PostgreSQL have), over the
 * source's last completed jobs.
 */
public final class JdbiQualityStore implements QualityStore {
    private static final ItemField[] FIELDS = ItemField.values();
    private static final String FIELD_COLUMNS = Arrays.stream(FIELDS).map(JdbiQualityStore::column)
            .collect(Collectors.joining(", "));
    private static final String BASELINE = "SELECT COUNT(*) AS jobs, "
            + "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY items) AS items"
            + Arrays.stream(FIELDS).map(f -> ", PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY CASE WHEN items > 0 THEN "
                    + "CAST(" + column(f) + " AS DOUBLE PRECISION) / items END) AS " + f.label())
                    .collect(Collectors.joining())
            + " FROM (SELECT items, " + FIELD_COLUMNS + " FROM job_quality"
            + " WHERE source_id = :sourceId AND compared AND job_id <> :jobId"
            + " ORDER BY recorded_at DESC, job_id DESC LIMIT :jobs) recent";
    private static final String INSERT = "INSERT INTO job_quality (job_id, source_id, compared, recorded_at, pages, "
            + "pages_without_items, first_page_without_items, items, " + FIELD_COLUMNS
            + ", baseline_jobs, baseline_items, warnings) VALUES (:jobId, :sourceId, :compared, :recordedAt, :pages, "
            + ":pagesWithoutItems, :firstPageWithoutItems, :items, "
            + Arrays.stream(FIELDS).map(f -> ":" + column(f)).collect(Collectors.joining(", "))
            + ", :baselineJobs, :baselineItems, :warnings)";
    /** Read at every scrape: one index lookup per source, however long the history. */
    private static final String LAST_COMPARED = "SELECT s.name AS source_name, q.* FROM sources s JOIN job_quality q"
            + " ON q.job_id = (SELECT last.job_id FROM job_quality last WHERE last.source_id = s.id AND last.compared"
            + " ORDER BY last.recorded_at DESC, last.job_id DESC LIMIT 1)";
    private static final int MAX_WARNINGS_CHARS = 4000;

    private final Jdbi jdbi;

    public JdbiQualityStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private static String column(ItemField field) {
        return field.label() + "_items";
    }

    @Override
    public Baseline baseline(long sourceId, long jobId, int jobs) {
        return jdbi.withHandle(h -> h.createQuery(BASELINE).bind("sourceId", sourceId).bind("jobId", jobId)
                .bind("jobs", jobs).map((rs, ctx) -> {
                    int count = rs.getInt("jobs");
                    if (count == 0) {
                        return Baseline.NONE;
                    }
                    Map<ItemField, Double> coverage = new EnumMap<>(ItemField.class);
                    for (ItemField field : FIELDS) {
                        double share = rs.getDouble(field.label());
                        if (!rs.wasNull()) {
                            coverage.put(field, share);
                        }
                    }
                    return new Baseline(count, rs.getDouble("items"), coverage);
                }).one());
    }

    @Override
    public void save(QualityRecord record) {
        JobQuality quality = record.quality();
        String warnings = String.join("\n", record.warnings());
        jdbi.useTransaction(h -> {
            var insert = h.createUpdate(INSERT).bind("jobId", record.jobId()).bind("sourceId", record.sourceId())
                    .bind("compared", record.compared()).bind("recordedAt", record.recordedAt())
                    .bind("pages", quality.pages()).bind("pagesWithoutItems", quality.pagesWithoutItems())
                    .bind("firstPageWithoutItems", quality.firstPageWithoutItems())
                    .bind("items", quality.counts().items())
                    .bind("baselineJobs", record.baselineJobs())
                    .bind("baselineItems", Double.isNaN(record.baselineItems()) ? null : record.baselineItems())
                    .bind("warnings", warnings.length() > MAX_WARNINGS_CHARS ? warnings.substring(0, MAX_WARNINGS_CHARS) : warnings);
            for (ItemField field : FIELDS) {
                insert.bind(column(field), quality.counts().count(field));
            }
            insert.execute();
            for (Finding finding : record.findings()) {
                h.createUpdate("INSERT INTO job_findings (job_id, kind, field, observed, baseline) "
                                + "VALUES (:jobId, :kind, :field, :observed, :baseline)")
                        .bind("jobId", record.jobId()).bind("kind", finding.kind().value())
                        .bind("field", finding.field() == null ? "" : finding.field().label())
                        .bind("observed", finding.observed())
                        .bind("baseline", Double.isNaN(finding.baseline()) ? null : finding.baseline())
                        .execute();
            }
        });
    }

    @Override
    public Optional<QualityRecord> find(long jobId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM job_quality WHERE job_id = :jobId").bind("jobId", jobId)
                .map((rs, ctx) -> record(rs)).findOne().map(r -> withFindings(h, r)));
    }

    @Override
    public Optional<QualityRecord> lastCompared(long sourceId) {
        return jdbi.withHandle(h -> h.createQuery(LAST_COMPARED + " WHERE s.id = :sourceId").bind("sourceId", sourceId)
                .map((rs, ctx) -> record(rs)).findOne().map(r -> withFindings(h, r)));
    }

    @Override
    public List<SourceHealth> enabledSources() {
        return jdbi.withHandle(h -> {
            List<SourceHealth> rows = h.createQuery(LAST_COMPARED + " WHERE s.enabled ORDER BY s.id")
                    .map((rs, ctx) -> new SourceHealth(rs.getLong("source_id"), rs.getString("source_name"), record(rs)))
                    .list();
            Map<Long, List<Finding>> findings = new java.util.HashMap<>();
            if (!rows.isEmpty()) {
                h.createQuery("SELECT f.* FROM job_findings f WHERE f.job_id IN (<jobIds>)")
                        .bindList("jobIds", rows.stream().map(r -> r.last().jobId()).toList())
                        .map((rs, ctx) -> Map.entry(rs.getLong("job_id"), finding(rs)))
                        .forEach(e -> findings.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            }
            return rows.stream().map(r -> new SourceHealth(r.sourceId(), r.source(),
                    withFindings(r.last(), findings.getOrDefault(r.last().jobId(), List.of())))).toList();
        });
    }

    private static QualityRecord withFindings(Handle h, QualityRecord record) {
        return withFindings(record, h.createQuery("SELECT * FROM job_findings WHERE job_id = :jobId ORDER BY kind, field")
                .bind("jobId", record.jobId()).map((rs, ctx) -> finding(rs)).list());
    }

    private static QualityRecord withFindings(QualityRecord r, List<Finding> findings) {
        List<Finding> ordered = new ArrayList<>(findings);
        ordered.sort(java.util.Comparator.comparing(Finding::kind)
                .thenComparing(f -> f.field() == null ? -1 : f.field().ordinal()));
        return new QualityRecord(r.jobId(), r.sourceId(), r.compared(), r.recordedAt(), r.quality(), r.baselineJobs(),
                r.baselineItems(), ordered, r.warnings());
    }

    private static QualityRecord record(ResultSet rs) throws SQLException {
        int[] counts = new int[FIELDS.length];
        for (ItemField field : FIELDS) {
            counts[field.ordinal()] = rs.getInt(column(field));
        }
        JobQuality quality = new JobQuality(rs.getInt("pages"), new FieldCounts(rs.getInt("items"), counts),
                rs.getInt("pages_without_items"), rs.getInt("first_page_without_items"));
        double baselineItems = rs.getDouble("baseline_items");
        if (rs.wasNull()) {
            baselineItems = Double.NaN;
        }
        String warnings = rs.getString("warnings");
        return new QualityRecord(rs.getLong("job_id"), rs.getLong("source_id"), rs.getBoolean("compared"),
                Rows.instant(rs, "recorded_at"), quality, rs.getInt("baseline_jobs"), baselineItems, List.of(),
                warnings == null || warnings.isEmpty() ? List.of() : List.of(warnings.split("\n")));
    }

    private static Finding finding(ResultSet rs) throws SQLException {
        String field = rs.getString("field");
        double baseline = rs.getDouble("baseline");
        if (rs.wasNull()) {
            baseline = Double.NaN;
        }
        return new Finding(Finding.Kind.parse(rs.getString("kind")),
                field.isEmpty() ? null : ItemField.valueOf(field.toUpperCase(java.util.Locale.ROOT)),
                rs.getDouble("observed"), baseline);
    }
}
