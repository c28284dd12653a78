package com.krleads.dashboards.rules;

import static com.krleads.dashboards.query.Promql.sum;
import static com.krleads.metrics.Labels.JOB;
import static com.krleads.metrics.Labels.LE;
import static com.krleads.metrics.MetricCatalog.HTTP_REQUESTS;
import static com.krleads.metrics.MetricCatalog.HTTP_REQUEST_DURATION;

import com.krleads.dashboards.query.HttpQueries;
import com.krleads.dashboards.query.Promql;
import com.krleads.dashboards.rulefile.RecordingRule;
import com.krleads.dashboards.rulefile.RuleGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * Recording rules: request rates and latency buckets pre-aggregated per job (for ad-hoc queries),
 * then the SLO groups of {@link SloRecordingRules}; named level:metric:operation as Prometheus
 * recommends.
 */
public final class RecordingRules {
    private static final Promql Q = Promql.forRules();
    private static final HttpQueries HTTP = new HttpQueries(Q);
    private static final String RATE = ":rate" + Promql.WINDOW;

    /** Requests per second, per job. */
    public static final RecordingRule REQUESTS_RATE = new RecordingRule(
            JOB + ":" + HTTP_REQUESTS.baseName() + RATE, HTTP.requests(JOB));
    /** 5xx responses per second, per job. */
    public static final RecordingRule SERVER_ERRORS_RATE = new RecordingRule(
            JOB + ":" + HTTP_REQUESTS.baseName() + "_5xx" + RATE, HTTP.serverErrors(JOB));
    /** Latency bucket rates per job, ready for histogram_quantile. */
    public static final RecordingRule LATENCY_BUCKETS_RATE = new RecordingRule(
            JOB + ":" + HTTP_REQUEST_DURATION.bucket() + RATE,
            sum(Q.rate(HTTP_REQUEST_DURATION.bucket()), JOB, LE));

    public static final String GROUP = "kr-lead-scraper.recording";

    private RecordingRules() {
    }

    public static List<RuleGroup> groups() {
        List<RuleGroup> groups = new ArrayList<>();
        groups.add(RuleGroup.recording(GROUP, REQUESTS_RATE, SERVER_ERRORS_RATE, LATENCY_BUCKETS_RATE));
        groups.addAll(SloRecordingRules.groups());
        return groups;
    }
}
