package com.krleads.dashboards.rules;

import com.krleads.dashboards.rulefile.AlertRule.Severity;
import com.krleads.metrics.ServiceLevelObjective;
import java.math.BigDecimal;

/**
 * The multi-window, multi-burn-rate pairs of the Google SRE workbook (chapter "Alerting on
 * SLOs"): the alert holds when the burn rate is above {@code factor} over both windows. The long
 * window makes it significant, the short one makes it reset soon after recovery.
 */
public enum BurnRatePair {
    /** 2 % of a 30-day budget in one hour. */
    FAST_PAGE("1h", "5m", new BigDecimal("14.4"), Severity.CRITICAL),
    /** 5 % of the budget in six hours. */
    SLOW_PAGE("6h", "30m", new BigDecimal("6"), Severity.CRITICAL),
    /** 10 % of the budget in a day. */
    FAST_TICKET("1d", "2h", new BigDecimal("3"), Severity.WARNING),
    /** 10 % of the budget in three days. */
    SLOW_TICKET("3d", "6h", BigDecimal.ONE, Severity.WARNING);

    /** Bad events the long window must hold: fewer is chance (two failures among fifteen requests), not an outage. */
    public static final int MINIMUM_BAD_EVENTS = 3;
    /**
     * No pair asks for more than this share of bad events: with a loose objective (95 %) a factor
     * of 14.4 would need 72 % of an hour bad, so a total outage would page only after 44 minutes.
     * Half the events failing is an outage whatever the objective.
     */
    public static final BigDecimal MAX_ERROR_RATIO = new BigDecimal("0.5");

    private final String longWindow;
    private final String shortWindow;
    private final BigDecimal factor;
    private final Severity severity;

    BurnRatePair(String longWindow, String shortWindow, BigDecimal factor, Severity severity) {
        this.longWindow = longWindow;
        this.shortWindow = shortWindow;
        this.factor = factor;
        this.severity = severity;
    }

    public String longWindow() {
        return longWindow;
    }

    public String shortWindow() {
        return shortWindow;
    }

    public BigDecimal factor() {
        return factor;
    }

    public Severity severity() {
        return severity;
    }

    /** The error ratio the pair alerts above: factor times the budget, at most {@link #MAX_ERROR_RATIO}; exact. */
    public BigDecimal threshold(ServiceLevelObjective slo) {
        return factor.multiply(slo.errorBudget()).min(MAX_ERROR_RATIO).stripTrailingZeros();
    }

    /** The burn rate the pair alerts above: its factor, lowered where {@link #MAX_ERROR_RATIO} caps the ratio; exact. */
    public BigDecimal burnThreshold(ServiceLevelObjective slo) {
        return threshold(slo).divide(slo.errorBudget()).stripTrailingZeros();
    }
}
