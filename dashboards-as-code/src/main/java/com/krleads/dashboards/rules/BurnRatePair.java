package com.krleads.dashboards.rules;

import com.krleads.dashboards.rules.AlertRule.Severity;
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
}
