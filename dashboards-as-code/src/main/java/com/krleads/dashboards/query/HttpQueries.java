package com.krleads.dashboards.query;

import static com.krleads.dashboards.query.Promql.matchNotRegex;
import static com.krleads.dashboards.query.Promql.matchRegex;
import static com.krleads.dashboards.query.Promql.orZeroWhere;
import static com.krleads.dashboards.query.Promql.ratio;
import static com.krleads.dashboards.query.Promql.sum;
import static com.krleads.metrics.Labels.STATUS;
import static com.krleads.metrics.MetricCatalog.HTTP_REQUESTS;
import static com.krleads.metrics.ServiceLevelObjectives.SERVER_ERROR_STATUS;

/**
 * Request and 5xx rates of the API, built once for the dashboards and the recording rules alike:
 * the given {@link Promql} decides the selectors and the rate window.
 */
public final class HttpQueries {
    private final Promql q;

    public HttpQueries(Promql q) {
        this.q = q;
    }

    /** Requests per second, summed by the given labels. */
    public String requests(String... by) {
        return sum(q.rate(HTTP_REQUESTS.name()), by);
    }

    /** Requests answered with a 5xx status per second, summed by the given labels. */
    public String serverErrors(String... by) {
        return sum(q.rate(HTTP_REQUESTS.name(), matchRegex(STATUS, SERVER_ERROR_STATUS)), by);
    }

    /** 5xx per second, or 0 while requests are served without one. */
    public String serverErrorsOrZero() {
        return orZeroWhere(serverErrors(), requests());
    }

    /** The share of requests answered with a 5xx: 0 while requests are served without one, no data while idle. */
    public String serverErrorRatio() {
        return ratio(serverErrorsOrZero(), requests());
    }

    /** The share of requests answered without a 5xx; no data while idle. */
    public String successRatio() {
        String ok = sum(q.rate(HTTP_REQUESTS.name(), matchNotRegex(STATUS, SERVER_ERROR_STATUS)));
        return ratio(orZeroWhere(ok, requests()), requests());
    }
}
