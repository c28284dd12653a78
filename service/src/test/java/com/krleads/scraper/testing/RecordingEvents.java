package com.krleads.scraper.testing;

import com.krleads.metrics.LabelValues.BackgroundTask;
import com.krleads.metrics.LabelValues.ContactType;
import com.krleads.metrics.LabelValues.DuplicateAction;
import com.krleads.metrics.LabelValues.EnrichmentMethod;
import com.krleads.metrics.LabelValues.EnrichmentMode;
import com.krleads.metrics.LabelValues.JobOutcome;
import com.krleads.metrics.LabelValues.QueueJobStatus;
import com.krleads.metrics.LabelValues.ResultType;
import com.krleads.metrics.LabelValues.VerificationStatus;
import com.krleads.scraper.core.job.PipelineEvents;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records pipeline events as short strings such as {@code stored:seoul:new}, {@code queue:scraping:started} or {@code finished:seoul:completed}. */
public final class RecordingEvents implements PipelineEvents {
    private final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void jobStarted(String source) {
        events.add("started:" + source);
    }

    @Override
    public void jobFinished(String source, JobOutcome outcome, Duration duration) {
        events.add("finished:" + source + ":" + outcome.label());
    }

    @Override
    public void queueJob(String queueName, QueueJobStatus status) {
        events.add("queue:" + queueName + ":" + status.label());
    }

    @Override
    public void itemStored(String source, ResultType result) {
        events.add("stored:" + source + ":" + result.label());
    }

    @Override
    public void pageDecoded(String source, int replacements) {
        events.add("decoded:" + source + ":" + replacements);
    }

    @Override
    public void duplicateDetected(DuplicateAction action) {
        events.add("duplicate:" + action.label());
    }

    @Override
    public void enriched(EnrichmentMode mode, EnrichmentMethod method, Duration duration) {
        events.add("enriched:" + mode.label() + ":" + method.label());
    }

    @Override
    public void contactVerified(ContactType type, VerificationStatus status) {
        events.add("verified:" + type.label() + ":" + status.label());
    }

    @Override
    public void backgroundTaskFailed(BackgroundTask task) {
        events.add("background-failure:" + task.label());
    }

    public List<String> all() {
        return List.copyOf(events);
    }

    public long count(String event) {
        return events.stream().filter(event::equals).count();
    }
}
