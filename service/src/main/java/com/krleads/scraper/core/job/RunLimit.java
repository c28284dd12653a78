package com.krleads.scraper.core.job;

import java.time.Duration;

/**
 * When one job run must stop: cancelled through the API (or its lease lost), or past its
 * wall-clock deadline. The pipeline asks between items and around every slow step (fetch,
 * enrichment, verification); each of those steps is bounded on its own, so a run overshoots its
 * deadline by at most one of them.
 */
public final class RunLimit {
    /** Why a run stops early. */
    public enum Reason { CANCELLED, DEADLINE }

    /** Thrown by {@link #check()}; the runner ends the run cleanly on it. */
    public static final class Stopped extends Exception {
        private final Reason reason;

        public Stopped(Reason reason) {
            super(reason == Reason.CANCELLED ? "cancelled" : "past the job deadline");
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    private static final Duration FOREVER = Duration.ofDays(365);

    private final JobControl control;
    private final Duration timeout;
    private final long deadlineNanos;

    public RunLimit(JobControl control, Duration timeout) {
        this.control = control;
        this.timeout = timeout;
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
    }

    /** No cancel and no deadline: for checks run outside a job. */
    public static RunLimit none() {
        return new RunLimit(new JobControl() {
            @Override
            public boolean isCancelled() {
                return false;
            }

            @Override
            public void pageDone(JobCounts soFar) {
            }
        }, FOREVER);
    }

    public Duration timeout() {
        return timeout;
    }

    /** Why the run must stop now, or null when it may go on. */
    public Reason stopReason() {
        if (remaining().isZero()) {
            return Reason.DEADLINE;
        }
        return control.isCancelled() ? Reason.CANCELLED : null;
    }

    public void check() throws Stopped {
        Reason reason = stopReason();
        if (reason != null) {
            throw new Stopped(reason);
        }
    }

    /** Time left before the deadline; zero once it has passed. */
    public Duration remaining() {
        long left = deadlineNanos - System.nanoTime();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }
}
