package com.krleads.scraper.core.job;

import com.krleads.metrics.LabelValues.BackgroundTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The boundary of every background loop and timer: whatever escapes one turn of it is logged
 * with its context, counted in {@code background_task_failures_total{task}}, and the task goes
 * on. A timer whose body throws is never run again and a worker whose loop throws is gone, so
 * nothing may cross this line, except a {@link VirtualMachineError}: after one (out of memory,
 * above all) the JVM's state cannot be trusted, and it goes on up so the process can end.
 */
public final class TaskBoundary {
    private static final Logger LOG = LoggerFactory.getLogger(TaskBoundary.class);

    private TaskBoundary() {
    }

    /** {@code body} as a timer's task: each run guarded. */
    public static Runnable guarded(BackgroundTask task, PipelineEvents events, String context, Runnable body) {
        return () -> {
            try {
                body.run();
            } catch (Throwable failure) {
                caught(task, events, context, failure);
            }
        };
    }

    /** Logs and counts {@code failure}; rethrows it only when it is a {@link VirtualMachineError}. */
    public static void caught(BackgroundTask task, PipelineEvents events, String context, Throwable failure) {
        try {
            events.backgroundTaskFailed(task);
            LOG.error("{} failed; {} goes on", context, task.label(), failure);
        } catch (RuntimeException recordingFailed) {
            failure.addSuppressed(recordingFailed);
        }
        if (failure instanceof VirtualMachineError fatal) {
            throw fatal;
        }
    }
}
