package com.krleads.metrics;

import static com.krleads.metrics.MetricCatalog.HTTP_REQUESTS;
import static com.krleads.metrics.MetricCatalog.HTTP_REQUEST_DURATION;
import static com.krleads.metrics.MetricCatalog.SCRAPING_JOBS;

import com.krleads.metrics.EventSelector.Matcher.Op;
import com.krleads.metrics.LabelValues.JobOutcome;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * The service level objectives, each declared once, next to the families they are computed
 * from. Recording rules, burn-rate alerts and the SLO dashboard are generated from these.
 */
public final class ServiceLevelObjectives {
    /** Every objective is judged over 30 days. */
    public static final Duration PERIOD = Duration.ofDays(30);
    /** Statuses that count against availability: every 5xx. */
    public static final String SERVER_ERROR_STATUS = "5..";
    /** A request slower than this misses the latency objective; a bucket bound of the histogram. */
    public static final double LATENCY_THRESHOLD_SECONDS = 0.5;

    public static final ServiceLevelObjective API_AVAILABILITY = new ServiceLevelObjective("api-availability",
            "application-port requests are not answered 5xx", new BigDecimal("0.995"), PERIOD,
            EventSelector.all(HTTP_REQUESTS).where(Labels.STATUS, Op.NOT_REGEX, SERVER_ERROR_STATUS),
            EventSelector.all(HTTP_REQUESTS));

    public static final ServiceLevelObjective API_LATENCY = new ServiceLevelObjective("api-latency",
            "application-port requests finish within " + MetricFamily.bucketLabel(LATENCY_THRESHOLD_SECONDS) + " s",
            new BigDecimal("0.99"), PERIOD,
            EventSelector.observationsWithin(HTTP_REQUEST_DURATION, LATENCY_THRESHOLD_SECONDS),
            EventSelector.observations(HTTP_REQUEST_DURATION));

    /**
     * Jobs that end, end completed. A cancelled job is someone's decision, not a failure of the
     * service, so it counts neither way.
     */
    public static final ServiceLevelObjective SCRAPING_SUCCESS = new ServiceLevelObjective("scraping-success",
            "scraping jobs that end (completed or failed) end completed", new BigDecimal("0.95"), PERIOD,
            EventSelector.all(SCRAPING_JOBS).where(Labels.STATUS, Op.EQUAL, JobOutcome.COMPLETED.label()),
            EventSelector.all(SCRAPING_JOBS).where(Labels.STATUS, Op.REGEX,
                    JobOutcome.COMPLETED.label() + "|" + JobOutcome.FAILED.label()));

    public static final List<ServiceLevelObjective> ALL = List.of(API_AVAILABILITY, API_LATENCY, SCRAPING_SUCCESS);

    private ServiceLevelObjectives() {
    }
}
