package com.krleads.scraper.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.krleads.metrics.LabelValues.BackgroundTask;
import com.krleads.scraper.testing.RecordingEvents;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TaskBoundaryTest {
    private final RecordingEvents events = new RecordingEvents();

    /** Unguarded, the first Error would end the timer for good (what happened to the keys-file reload). */
    @Test
    void aTimerWhoseTaskThrowsAnErrorRunsAgain() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch third = new CountDownLatch(3);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            timer.scheduleWithFixedDelay(TaskBoundary.guarded(BackgroundTask.KEYS_RELOAD, events, "Reload", () -> {
                third.countDown();
                if (runs.getAndIncrement() < 2) {
                    throw new LinkageError("injected");
                }
            }), 0, 5, TimeUnit.MILLISECONDS);
            assertThat(third.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            timer.shutdownNow();
        }
        assertThat(events.count("background-failure:keys_reload")).isEqualTo(2);
    }

    @Test
    void aVirtualMachineErrorIsCountedAndGoesOnUp() {
        Runnable guarded = TaskBoundary.guarded(BackgroundTask.WORKER, events, "Worker", () -> {
            throw new StackOverflowError("injected");
        });
        assertThatThrownBy(guarded::run).isInstanceOf(StackOverflowError.class);
        assertThat(events.count("background-failure:worker")).isEqualTo(1);
    }
}
