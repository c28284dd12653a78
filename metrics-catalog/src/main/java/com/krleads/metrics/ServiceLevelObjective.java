package com.krleads.metrics;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * A service level objective: over {@link #period()}, at least {@link #objective()} of the
 * {@link #total()} events are {@link #good()} ones. The error budget is {@code 1 - objective}.
 * Declared in {@link ServiceLevelObjectives}, beside the families it is computed from.
 */
public record ServiceLevelObjective(String name, String description, BigDecimal objective, Duration period,
                                    EventSelector good, EventSelector total) {
    public ServiceLevelObjective {
        Objects.requireNonNull(name);
        Objects.requireNonNull(description);
        Objects.requireNonNull(period);
        Objects.requireNonNull(good);
        Objects.requireNonNull(total);
        if (objective.signum() <= 0 || objective.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException(name + ": the objective is a ratio between 0 and 1, exclusive");
        }
        if (good.family() != total.family()) {
            throw new IllegalArgumentException(name + ": good and total events come from one family");
        }
    }

    /** The share of events allowed to be bad: {@code 1 - objective}, exact. */
    public BigDecimal errorBudget() {
        return BigDecimal.ONE.subtract(objective);
    }

    /** The objective as a percentage for texts: {@code 99.5%}. */
    public String objectivePercent() {
        return objective.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
