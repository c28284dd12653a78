package com.krleads.dashboards;

import static com.krleads.dashboards.DashboardDefaults.Q;
import static com.krleads.dashboards.query.Promql.matchEqual;
import static com.krleads.dashboards.query.Promql.matchRegex;
import static com.krleads.dashboards.query.Promql.max;
import static com.krleads.dashboards.query.Promql.ratio;
import static com.krleads.dashboards.query.Promql.sum;
import static com.krleads.dashboards.query.Promql.variable;
import static com.krleads.metrics.Labels.FIELD;
import static com.krleads.metrics.Labels.FINDING;
import static com.krleads.metrics.Labels.SOURCE;
import static com.krleads.metrics.MetricCatalog.SCRAPING_ITEMS_FOUND;
import static com.krleads.metrics.MetricCatalog.SCRAPING_ITEM_FIELDS;
import static com.krleads.metrics.MetricCatalog.SOURCE_BASELINE_ITEMS;
import static com.krleads.metrics.MetricCatalog.SOURCE_COVERAGE_FINDING;
import static com.krleads.metrics.MetricCatalog.SOURCE_LAST_JOB_ITEMS;
import static com.krleads.metrics.MetricCatalog.SOURCE_LAST_JOB_TIMESTAMP;
import static com.krleads.metrics.MetricCatalog.SOURCE_YIELD_FINDING;

import com.krleads.dashboards.model.FieldConfig;
import com.krleads.dashboards.model.PanelBuilder;
import com.krleads.dashboards.model.TablePanel;
import com.krleads.dashboards.model.Variable;
import com.krleads.metrics.LabelValues.ItemField;
import java.util.ArrayList;
import java.util.List;

/**
 * The source-health view on the Scraping Statistics dashboard: one row per source with its last
 * completed job's time and items against its baseline, each field's coverage over the selected
 * range and its open findings. The source alerts open it filtered by the {@code source} variable.
 * The last-job and finding series come from one replica (max over replicas); the counters are
 * summed.
 */
final class SourceHealthTable {
    static final String LAST_JOB = "Last job";
    static final String ITEMS = "Items";
    static final String BASELINE = "Baseline items";
    static final String FINDINGS = "Open findings";
    /** A field on fewer than this share of the items, in percent, shows orange; below the lower one red. */
    static final double COVERAGE_FAIR = 50;
    static final double COVERAGE_GOOD = 80;

    private SourceHealthTable() {
    }

    /** The drop-down of sources, starting on All; the alerts' links select one. */
    static Variable sourceVariable() {
        return Variable.multiQuery(SOURCE, "Source", "Directory sources of the selected job", DashboardDefaults.DATASOURCE,
                "label_values(" + Q.select(SCRAPING_ITEMS_FOUND.name()) + ", " + SOURCE + ")");
    }

    private static String ofSource(String series, String... matchers) {
        List<String> all = new ArrayList<>(List.of(matchers));
        all.add(matchRegex(SOURCE, variable(SOURCE)));
        return Q.select(series, all.toArray(String[]::new));
    }

    private static String coverage(ItemField field) {
        return ratio(sum("increase(" + ofSource(SCRAPING_ITEM_FIELDS.name(), matchEqual(FIELD, field.label())) + "["
                        + com.krleads.dashboards.query.Promql.RANGE + "])", SOURCE),
                sum("increase(" + ofSource(SCRAPING_ITEMS_FOUND.name()) + "[" + com.krleads.dashboards.query.Promql.RANGE
                        + "])", SOURCE)) + " * 100";
    }

    static String openFindings() {
        return sum(max(ofSource(SOURCE_YIELD_FINDING.name()), SOURCE, FINDING), SOURCE) + " + "
                + sum(max(ofSource(SOURCE_COVERAGE_FINDING.name()), SOURCE, FIELD), SOURCE);
    }

    /** The gauge where it holds a number: a source with no completed job (or no baseline yet) reads NaN and is dropped. */
    private static String known(String gauge) {
        return ofSource(gauge) + " >= 0";
    }

    static PanelBuilder<?> table() {
        List<String> columns = new ArrayList<>(List.of(LAST_JOB, ITEMS, BASELINE, FINDINGS));
        TablePanel table = TablePanel.builder()
                .title("Source health")
                .description("Per source: when its last completed job finished, the items it found against the median "
                        + "of the jobs before it (baseline), its open findings (zero yield, yield drop, coverage drops; "
                        + "the source alerts fire on them) and the share of the items found in the selected range "
                        + "that had each field.")
                .datasource(DashboardDefaults.DATASOURCE)
                .target(DashboardDefaults.instant(max(known(SOURCE_LAST_JOB_TIMESTAMP.name()), SOURCE) + " * 1000", "").tableFormat())
                .target(DashboardDefaults.instant(max(known(SOURCE_LAST_JOB_ITEMS.name()), SOURCE), "").tableFormat())
                .target(DashboardDefaults.instant(max(known(SOURCE_BASELINE_ITEMS.name()), SOURCE), "").tableFormat())
                .target(DashboardDefaults.instant(openFindings(), "").tableFormat());
        List<String> coverageColumns = new ArrayList<>();
        for (ItemField field : ItemField.values()) {
            String column = field.label() + " %";
            coverageColumns.add(column);
            table.target(DashboardDefaults.instant(coverage(field), "").tableFormat());
        }
        columns.addAll(coverageColumns);
        return table.mergeColumns(columns.toArray(String[]::new))
                .override(FieldConfig.Override.unit("dateTimeFromNow", LAST_JOB))
                .override(FieldConfig.Override.unit(DashboardDefaults.UNIT_PERCENT, coverageColumns.toArray(String[]::new)))
                .override(FieldConfig.Override.coloredByThresholds(DashboardDefaults.lowerIsBetter(1, 1.5), FINDINGS))
                .override(FieldConfig.Override.coloredByThresholds(DashboardDefaults.higherIsBetter(COVERAGE_FAIR, COVERAGE_GOOD),
                        coverageColumns.toArray(String[]::new)))
                .sortDescendingBy(FINDINGS)
                .noValue("no completed job")
                .decimals(0);
    }
}
