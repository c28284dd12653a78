package com.krleads.dashboards.ruletests;

import com.krleads.dashboards.Settings;
import com.krleads.dashboards.query.Promql;
import com.krleads.dashboards.rulefile.AlertRule;
import com.krleads.metrics.Labels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One promtool unit test: input series and, at evaluation times, for an alert name, exactly the
 * alerts expected to fire (labels and rendered annotations), or none.
 */
public final class AlertScenario {
    private final String name;
    private final List<Map<String, String>> input = new ArrayList<>();
    /** Checks by evaluation time, then alert name: the expected alerts (empty = none). */
    private final Map<String, Map<String, List<ExpectedAlert>>> checks = new LinkedHashMap<>();
    private final Set<AlertRule> fired = new LinkedHashSet<>();
    private final Set<AlertRule> quiet = new LinkedHashSet<>();
    private final List<Map<String, Object>> exprChecks = new ArrayList<>();
    private String evalTime;

    private AlertScenario(String name) {
        this.name = name;
    }

    public static AlertScenario named(String name) {
        return new AlertScenario(name);
    }

    /** A scenario in which {@code alert} must fire. */
    public static AlertScenario fires(AlertRule alert) {
        return new AlertScenario(alert.name() + " fires");
    }

    /** A scenario in which {@code alert} must stay silent. */
    public static AlertScenario quiet(AlertRule alert) {
        return new AlertScenario(alert.name() + " stays quiet");
    }

    public String name() {
        return name;
    }

    /**
     * One input series in promtool's expanding notation, such as {@code 0+10x20} (start at 0,
     * add 10 per interval, 20 times); labels as alternating names and values.
     */
    public AlertScenario series(String metric, String values, String... labelPairs) {
        Map<String, String> one = new LinkedHashMap<>();
        one.put("series", seriesText(metric, labelPairs));
        one.put("values", values);
        input.add(one);
        return this;
    }

    /** The evaluation time of the expectations that follow, such as {@code 15m}. */
    public AlertScenario at(String evalTime) {
        this.evalTime = evalTime;
        return this;
    }

    /** Kept for the single-check scenarios: same as {@link #at}. */
    public AlertScenario evalAt(String evalTime) {
        return at(evalTime);
    }

    /**
     * An expected firing alert: its labels (besides the rule's own, which are added) and the
     * summary and description as Prometheus renders them.
     */
    public AlertScenario expect(AlertRule alert, String summary, String description, String... labelPairs) {
        Map<String, String> labels = new LinkedHashMap<>(pairs(labelPairs));
        labels.putAll(alert.labels());
        check(alert.name()).add(new ExpectedAlert(alert, labels, summary, description));
        fired.add(alert);
        return this;
    }

    /** An expected firing alert whose summary and description hold no template. */
    public AlertScenario expectAsWritten(AlertRule alert, String... labelPairs) {
        return expect(alert, alert.summary(), alert.description(), labelPairs);
    }

    /** At this time none of these alerts fires (nor any other rule of the same name). */
    public AlertScenario expectNone(AlertRule... alerts) {
        for (AlertRule alert : alerts) {
            if (!check(alert.name()).isEmpty()) {
                throw new IllegalStateException(name + ": " + alert.name() + " expected both firing and quiet at " + evalTime);
            }
            quiet.add(alert);
        }
        return this;
    }

    /** At this time the expression returns exactly these samples: labels as written, then the value. */
    public AlertScenario expectSamples(String expr, Map<String, ? extends Number> samples) {
        if (evalTime == null) {
            throw new IllegalStateException(name + ": call at(time) before expectations");
        }
        List<Map<String, Object>> expected = new ArrayList<>();
        samples.forEach((labels, value) -> {
            Map<String, Object> sample = new LinkedHashMap<>();
            sample.put("labels", labels);
            sample.put("value", value);
            expected.add(sample);
        });
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("expr", expr);
        check.put("eval_time", evalTime);
        check.put("exp_samples", expected);
        exprChecks.add(check);
        return this;
    }

    /** The rules this scenario expects to fire at some time. */
    public Set<AlertRule> fired() {
        return fired;
    }

    /** The rules this scenario checks are silent at some time. */
    public Set<AlertRule> quietFor() {
        return quiet;
    }

    public boolean expectsFiring() {
        return !fired.isEmpty();
    }

    /** The test as written in the file: the expected annotations hold the links of these settings. */
    Map<String, Object> toYaml(Settings settings) {
        List<Map<String, Object>> tests = new ArrayList<>();
        checks.forEach((time, byName) -> byName.forEach((alertname, expected) -> {
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("eval_time", time);
            check.put("alertname", alertname);
            check.put("exp_alerts", expected.stream().map(alert -> alert.toYaml(settings)).toList());
            tests.add(check);
        }));
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("name", name);
        test.put("interval", "1m");
        test.put("input_series", input);
        test.put("alert_rule_test", tests);
        if (!exprChecks.isEmpty()) {
            test.put("promql_expr_test", exprChecks);
        }
        return test;
    }

    /** An alert expected to fire: its labels, and its summary and description as Prometheus renders them. */
    private record ExpectedAlert(AlertRule alert, Map<String, String> labels, String summary, String description) {
        Map<String, Object> toYaml(Settings settings) {
            Map<String, String> annotations = new LinkedHashMap<>(alert.annotations(settings));
            annotations.put(AlertRule.SUMMARY, summary);
            annotations.put(AlertRule.DESCRIPTION, description);
            annotations.put(AlertRule.DASHBOARD_URL, alert.renderedDashboardUrl(settings, labels));
            Map<String, Object> exp = new LinkedHashMap<>();
            exp.put("exp_labels", labels);
            exp.put("exp_annotations", annotations);
            return exp;
        }
    }

    private List<ExpectedAlert> check(String alertname) {
        if (evalTime == null) {
            throw new IllegalStateException(name + ": call at(time) before expectations");
        }
        return checks.computeIfAbsent(evalTime, t -> new LinkedHashMap<>()).computeIfAbsent(alertname, n -> new ArrayList<>());
    }

    /** The series as written, with exactly the labels given (no selector defaults added). */
    private static String seriesText(String metric, String... labelPairs) {
        List<String> matchers = new ArrayList<>();
        pairs(labelPairs).forEach((label, value) -> matchers.add(Promql.matchEqual(label, value)));
        return matchers.isEmpty() ? metric : metric + "{" + String.join(",", matchers) + "}";
    }

    private static Map<String, String> pairs(String... labelPairs) {
        if (labelPairs.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in name/value pairs");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < labelPairs.length; i += 2) {
            map.put(labelPairs[i], labelPairs[i + 1]);
        }
        return map;
    }
}
