package com.krleads.dashboards.ruletests;

import java.util.ArrayList;
import java.util.List;

/**
 * A counter's samples, one a minute from 0, built by segments, written in promtool's expanding
 * notation ({@code a+bxn}: n+1 samples from a, adding b each time) with runs of equal steps joined.
 */
final class Counter {
    private final List<Long> steps = new ArrayList<>();

    static Counter counter() {
        return new Counter();
    }

    /** {@code perMinute} more at each of the next {@code minutes} samples. */
    Counter rise(long perMinute, int minutes) {
        for (int i = 0; i < minutes; i++) {
            steps.add(perMinute);
        }
        return this;
    }

    Counter flat(int minutes) {
        return rise(0, minutes);
    }

    /** One more event at each of the given minutes (1-based, ascending), flat elsewhere, up to {@code minutes}. */
    Counter eventsAt(int minutes, int... at) {
        int next = 0;
        for (int minute = 1; minute <= minutes; minute++) {
            boolean event = next < at.length && at[next] == minute;
            steps.add(event ? 1L : 0L);
            if (event) {
                next++;
            }
        }
        return this;
    }

    /** Sample by sample sum of two counters of the same length. */
    Counter plus(Counter other) {
        if (other.steps.size() != steps.size()) {
            throw new IllegalArgumentException("counters of different lengths");
        }
        Counter sum = new Counter();
        for (int i = 0; i < steps.size(); i++) {
            sum.steps.add(steps.get(i) + other.steps.get(i));
        }
        return sum;
    }

    /** The same steps with the opposite sign (to subtract with {@link #plus}). */
    Counter negated() {
        Counter negated = new Counter();
        steps.forEach(step -> negated.steps.add(-step));
        return negated;
    }

    String values() {
        List<String> tokens = new ArrayList<>();
        long value = 0;
        tokens.add("0");
        int i = 0;
        while (i < steps.size()) {
            long step = steps.get(i);
            int run = 1;
            while (i + run < steps.size() && steps.get(i + run) == step) {
                run++;
            }
            long first = value + step;
            tokens.add(run == 1 ? String.valueOf(first) : first + "+" + step + "x" + (run - 1));
            value += step * run;
            i += run;
        }
        return String.join(" ", tokens);
    }
}
