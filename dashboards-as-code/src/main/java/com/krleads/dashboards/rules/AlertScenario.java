package com.krleads.dashboards.rules;

import com.krleads.dashboards.query.Promql;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A promtool unit test of one alert: input series, and at an evaluation time either the alerts
 * expected (labels and rendered annotations) or none.
 */
public final class AlertScenario {
    private final String name;
    private final AlertRule alert;
    private final List<Map<String, String>> input = new ArrayList<>();
    private String evalTime;
    private final List<Map<String, Object>> expected = new ArrayList<>();

    private AlertScenario(String name, AlertRule alert) {
        this.name = name;
        this.alert = alert;
    }

    /** A scenario in which {@code alert} must fire. */
    public static AlertScenario fires(AlertRule alert) {
        return new AlertScenario(alert.name() + " fires", alert);
    }

    /** A scenario in which {@code alert} must stay silent. */
    public static AlertScenario quiet(AlertRule alert) {
        return new AlertScenario(alert.name() + " stays quiet", alert);
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

    public AlertScenario evalAt(String evalTime) {
        this.evalTime = evalTime;
        return this;
    }

    /**
     * An expected firing alert: its labels (besides severity, which comes from the rule) and the
     * summary and description as Prometheus renders them.
     */
    public AlertScenario expect(String summary, String description, String... labelPairs) {
        Map<String, String> labels = new LinkedHashMap<>(pairs(labelPairs));
        labels.putAll(alert.labels());
        Map<String, String> annotations = new LinkedHashMap<>(alert.annotations());
        annotations.put(AlertRule.SUMMARY, summary);
        annotations.put(AlertRule.DESCRIPTION, description);
        Map<String, Object> exp = new LinkedHashMap<>();
        exp.put("exp_labels", labels);
        exp.put("exp_annotations", annotations);
        expected.add(exp);
        return this;
    }

    public AlertRule alert() {
        return alert;
    }

    public boolean expectsFiring() {
        return !expected.isEmpty();
    }

    Map<String, Object> toYaml() {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("eval_time", evalTime);
        check.put("alertname", alert.name());
        check.put("exp_alerts", expected);
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("name", name);
        test.put("interval", "1m");
        test.put("input_series", input);
        test.put("alert_rule_test", List.of(check));
        return test;
    }

    private static String seriesText(String metric, String... labelPairs) {
        List<String> matchers = new ArrayList<>();
        pairs(labelPairs).forEach((label, value) -> matchers.add(Promql.matchEqual(label, value)));
        return Promql.forRules().select(metric, matchers.toArray(String[]::new));
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
