package com.krleads.dashboards.ruletests;

import static com.krleads.dashboards.ruletests.AlertScenarios.TARGET;
import static com.krleads.dashboards.ruletests.AlertScenarios.with;
import static com.krleads.metrics.Labels.ENDPOINT;
import static com.krleads.metrics.Labels.JOB;
import static com.krleads.metrics.Labels.METHOD;
import static com.krleads.metrics.Labels.SOURCE;
import static com.krleads.metrics.Labels.STATUS;

import com.krleads.dashboards.alerts.BurnRateAlerts;
import com.krleads.dashboards.rulefile.AlertRule.Severity;
import com.krleads.dashboards.rulefile.AlertRule;
import com.krleads.metrics.EventSelector;
import com.krleads.metrics.LabelValues.JobOutcome;
import com.krleads.metrics.Labels;
import com.krleads.metrics.MetricCatalog;
import com.krleads.metrics.ServiceLevelObjective;
import com.krleads.metrics.ServiceLevelObjectives;
import java.util.ArrayList;
import java.util.List;

/**
 * The burn-rate scenarios, the same for every SLO: quiet at low traffic, a full outage, a
 * sustained burn of 2, each with recovery. Traffic is 10 events a second (600 a minute) unless
 * said otherwise. The minutes pinned here (quiet one minute, firing the next) were found by
 * evaluating at every minute and are explained in docs/ALERTING.md.
 */
final class SloScenarios {
    static final int PER_MINUTE = 600;

    private SloScenarios() {
    }

    /** When the alerts of one SLO fire and resolve in a scenario, in minutes from its start. */
    record Timeline(int criticalFires, int warningFires, int criticalResolves, int warningResolves) {
    }

    /** Rules are evaluated every 5 minutes in the days-long scenarios. */
    static final String DAYS_LONG_EVALUATION = "5m";

    /** The scenarios of hours, evaluated every minute. */
    static List<AlertScenario> all() {
        List<AlertScenario> all = new ArrayList<>();
        for (ServiceLevelObjective slo : ServiceLevelObjectives.ALL) {
            all.add(quietAtLowTraffic(slo));
            all.add(oneBadEventAllNight(slo));
            all.add(outage(slo));
            all.add(lowTrafficOutage(slo));
        }
        return all;
    }

    /** The scenarios of days, evaluated every 5 minutes. */
    static List<AlertScenario> daysLong() {
        return ServiceLevelObjectives.ALL.stream().map(SloScenarios::sustainedBurnOfTwo).toList();
    }

    /** Fifteen events in an hour, two of them bad (minutes 20 and 40): far below the guard. */
    static AlertScenario quietAtLowTraffic(ServiceLevelObjective slo) {
        int[] all = {4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44, 48, 52, 56, 60};
        int[] good = {4, 8, 12, 16, 24, 28, 32, 36, 44, 48, 52, 56, 60};
        AlertScenario scenario = events(AlertScenario.named(slo.name() + ": 2 bad events among 15 in an hour page nobody"),
                slo, Counter.counter().eventsAt(60, good), Counter.counter().eventsAt(60, all));
        java.util.SortedSet<Integer> times = new java.util.TreeSet<>(List.of(20, 21, 40, 41));
        for (int minute = 0; minute <= 60; minute += 5) {
            times.add(minute);
        }
        times.forEach(minute -> scenario.at(minutes(minute)).expectNone(rule(slo, Severity.CRITICAL), rule(slo, Severity.WARNING)));
        return scenario;
    }

    /**
     * One event a minute for ten hours, the one at minute 300 bad: a single failure is chance,
     * below the guard's bad events, and pages nobody (nor raises a ticket).
     */
    static AlertScenario oneBadEventAllNight(ServiceLevelObjective slo) {
        int night = 600;
        Counter total = Counter.counter().rise(1, night);
        Counter good = Counter.counter().rise(1, NIGHT_BAD_MINUTE - 1).flat(1).rise(1, night - NIGHT_BAD_MINUTE);
        AlertScenario scenario = events(AlertScenario.named(slo.name() + ": one bad event among one a minute all night pages nobody"),
                slo, good, total);
        java.util.SortedSet<Integer> times = new java.util.TreeSet<>(List.of(NIGHT_BAD_MINUTE + 1, NIGHT_BAD_MINUTE + 2));
        for (int minute = 0; minute <= night; minute += 10) {
            times.add(minute);
        }
        times.forEach(minute -> scenario.at(minutes(minute)).expectNone(rule(slo, Severity.CRITICAL), rule(slo, Severity.WARNING)));
        return scenario;
    }

    static final int NIGHT_BAD_MINUTE = 300;

    /**
     * A quiet service: one event every {@link #lowTrafficEvery} minutes (30 requests an hour, 4
     * jobs an hour), all good for six hours, then every event bad from minute 360 on. It pages
     * within 15 minutes (requests) or 30 minutes of the first failure (jobs), although most
     * 5-minute windows hold no job at all.
     */
    static AlertScenario lowTrafficOutage(ServiceLevelObjective slo) {
        int every = lowTrafficEvery(slo);
        int end = OUTAGE_START + OUTAGE_MINUTES;
        Counter total = Counter.counter().eventsAt(end, every(every, end));
        Counter good = Counter.counter().eventsAt(end, every(every, OUTAGE_START));
        AlertScenario scenario = events(AlertScenario.named(slo.name() + ": " + (60 / every) + " events an hour, all bad from minute "
                + OUTAGE_START + ": pages"), slo, good, total);
        return timeline(scenario, slo, lowTrafficTimeline(slo));
    }

    /** Minutes between two events of the low-traffic outage: 30 requests or 4 jobs an hour. */
    static int lowTrafficEvery(ServiceLevelObjective slo) {
        return slo == ServiceLevelObjectives.SCRAPING_SUCCESS ? 15 : 2;
    }

    /** Where the low-traffic outage's alerts fire (it does not recover within the scenario). */
    static Timeline lowTrafficTimeline(ServiceLevelObjective slo) {
        return switch (slo.name()) {
            case "api-availability" -> new Timeline(366, 366, NEVER, NEVER);
            case "api-latency" -> new Timeline(370, 366, NEVER, NEVER);
            default -> new Timeline(405, 405, NEVER, NEVER);
        };
    }

    /** A resolve time past the end of a scenario: the alert is still firing when it ends. */
    static final int NEVER = Integer.MAX_VALUE;

    private static int[] every(int every, int until) {
        return java.util.stream.IntStream.rangeClosed(1, until / every).map(i -> i * every).toArray();
    }

    /** Clean traffic before the outage: the longest short window, so every page window is full. */
    static final int OUTAGE_START = 360;
    static final int OUTAGE_MINUTES = 60;

    /**
     * Six hours at 10 events a second, all good; then an hour in which every event is bad; then
     * good again. Critical and warning both fire during the outage; critical resolves soon after
     * recovery, warning once the outage leaves its 6-hour short window.
     */
    static AlertScenario outage(ServiceLevelObjective slo) {
        Timeline t = outageTimeline(slo);
        int after = t.warningResolves() - OUTAGE_START - OUTAGE_MINUTES + 10;
        Counter total = Counter.counter().rise(PER_MINUTE, OUTAGE_START + OUTAGE_MINUTES + after);
        Counter good = Counter.counter().rise(PER_MINUTE, OUTAGE_START).flat(OUTAGE_MINUTES).rise(PER_MINUTE, after);
        AlertScenario scenario = events(AlertScenario.named(slo.name() + ": full outage from minute " + OUTAGE_START
                + " to " + (OUTAGE_START + OUTAGE_MINUTES) + ", then recovery"), slo, good, total);
        return timeline(scenario, slo, t);
    }

    /**
     * Six clean hours, then two days in which the bad share is twice the budget (1 % of requests
     * 5xx against 0.5 %): burn rate 2. Warning, never critical; then six clean hours.
     */
    static AlertScenario sustainedBurnOfTwo(ServiceLevelObjective slo) {
        long bad = slo.errorBudget().multiply(java.math.BigDecimal.valueOf(2 * PER_MINUTE)).longValueExact();
        int clean = 360;
        int burning = 2 * 24 * 60;
        Counter total = Counter.counter().rise(PER_MINUTE, clean + burning + clean);
        Counter good = Counter.counter().rise(PER_MINUTE, clean).rise(PER_MINUTE - bad, burning).rise(PER_MINUTE, clean);
        AlertScenario scenario = events(AlertScenario.named(slo.name() + ": burn rate 2 for two days: warning, never critical"),
                slo, good, total);
        Timeline t = burnTimeline(slo);
        int step = 5;
        for (int minute = t.warningFires() - step; minute <= t.warningResolves(); minute += 120) {
            expectAt(scenario, slo, t, minute);
        }
        expectAt(scenario, slo, t, t.warningFires());
        expectAt(scenario, slo, t, t.warningResolves() - step);
        expectAt(scenario, slo, t, t.warningResolves());
        return scenario;
    }

    /** Around each change of the timeline, one minute before and at it, exactly the alerts active then. */
    private static AlertScenario timeline(AlertScenario scenario, ServiceLevelObjective slo, Timeline t) {
        java.util.SortedSet<Integer> times = new java.util.TreeSet<>(List.of(OUTAGE_START));
        for (int change : List.of(t.criticalFires(), t.warningFires(), t.criticalResolves(), t.warningResolves())) {
            if (change != NEVER) {
                times.add(change - 1);
                times.add(change);
            }
        }
        times.forEach(minute -> expectAt(scenario, slo, t, minute));
        return scenario;
    }

    /** The alerts of the SLO that the timeline says are firing at the minute (none: both quiet). */
    static void expectAt(AlertScenario scenario, ServiceLevelObjective slo, Timeline t, int minute) {
        AlertRule critical = rule(slo, Severity.CRITICAL);
        AlertRule warning = rule(slo, Severity.WARNING);
        boolean criticalOn = t.criticalFires() >= 0 && minute >= t.criticalFires() && minute < t.criticalResolves();
        boolean warningOn = minute >= t.warningFires() && minute < t.warningResolves();
        scenario.at(minutes(minute));
        if (criticalOn) {
            scenario.expectAsWritten(critical, JOB, AlertScenarios.SERVICE);
        }
        if (warningOn) {
            scenario.expectAsWritten(warning, JOB, AlertScenarios.SERVICE);
        }
        if (!criticalOn && !warningOn) {
            scenario.expectNone(critical, warning);
        }
    }

    /** Where the outage scenario's alerts change, per SLO (derived in docs/ALERTING.md, checked here). */
    static Timeline outageTimeline(ServiceLevelObjective slo) {
        return switch (slo.name()) {
            case "api-availability" -> new Timeline(365, 362, 450, 779);
            case "api-latency" -> new Timeline(369, 364, 449, 777);
            default -> new Timeline(391, 379, 423, 762);
        };
    }

    /** Warning only (no critical time): minutes on the 5-minute evaluation grid. */
    static Timeline burnTimeline(ServiceLevelObjective slo) {
        return slo == ServiceLevelObjectives.API_AVAILABILITY ? new Timeline(-1, 725, -1, 3425)
                : new Timeline(-1, 725, -1, 3420);
    }

    static AlertRule rule(ServiceLevelObjective slo, Severity severity) {
        return BurnRateAlerts.of(slo, severity);
    }

    private static String minutes(int minute) {
        return minute + "m";
    }

    /** The input series of an SLO's good and total events, as the service exposes them. */
    static AlertScenario events(AlertScenario scenario, ServiceLevelObjective slo, Counter good, Counter total) {
        EventSelector total0 = slo.total();
        if (total0.family() == MetricCatalog.HTTP_REQUESTS) {
            String[] request = with(TARGET, METHOD, "GET", ENDPOINT, "/api/leads");
            Counter bad = difference(total, good);
            return scenario.series(total0.series(), good.values(), with(request, STATUS, "200"))
                    .series(total0.series(), bad.values(), with(request, STATUS, "500"));
        }
        if (total0.family() == MetricCatalog.HTTP_REQUEST_DURATION) {
            String[] request = with(TARGET, METHOD, "GET", ENDPOINT, "/api/leads");
            return scenario.series(slo.good().series(), good.values(),
                            with(request, Labels.LE, slo.good().matchers().get(0).value()))
                    .series(total0.series(), total.values(), request);
        }
        String[] source = with(TARGET, SOURCE, "demo");
        return scenario.series(total0.series(), good.values(), with(source, STATUS, JobOutcome.COMPLETED.label()))
                .series(total0.series(), difference(total, good).values(), with(source, STATUS, JobOutcome.FAILED.label()));
    }

    private static Counter difference(Counter total, Counter good) {
        return total.plus(good.negated());
    }
}
