package com.krleads.scraper.worker;

import com.krleads.metrics.LabelValues.JobOutcome;
import com.krleads.metrics.LabelValues.QueueJobStatus;
import com.krleads.scraper.core.PipelineEvents;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what the workers reported, as text, for assertions. */
final class RecordingEvents implements PipelineEvents {
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void jobStarted(String source) {
        events.add("started " + source);
    }

    @Override
    public void jobFinished(String source, JobOutcome outcome, Duration duration) {
        events.add("finished " + source + " " + outcome.label());
    }

    @Override
    public void queueJob(String queueName, QueueJobStatus status) {
        events.add("queue " + queueName + " " + status.label());
    }

    long count(String event) {
        return events.stream().filter(event::equals).count();
    }
}
