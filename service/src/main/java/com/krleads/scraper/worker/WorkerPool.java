package com.krleads.scraper.worker;

import com.krleads.metrics.LabelValues.BackgroundTask;
import com.krleads.metrics.LabelValues.JobOutcome;
import com.krleads.metrics.LabelValues.QueueJobStatus;
import com.krleads.scraper.core.job.Job;
import com.krleads.scraper.core.job.JobCounts;
import com.krleads.scraper.core.job.JobDeadlineException;
import com.krleads.scraper.core.job.JobRunner;
import com.krleads.scraper.core.job.JobStatus;
import com.krleads.scraper.core.job.PipelineEvents;
import com.krleads.scraper.core.job.TaskBoundary;
import com.krleads.scraper.core.quality.JobQualityService;
import com.krleads.scraper.core.source.Source;
import com.krleads.scraper.db.SourceDao;
import com.krleads.scraper.logging.LogFields;
import com.krleads.scraper.queue.JobQueue;
import io.dropwizard.lifecycle.Managed;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Worker threads that take jobs from one named queue and run them. A timer ({@link LeaseHeartbeat})
 * renews the lease of every running job, ends runs past their hard deadline and re-queues jobs
 * whose worker (in any process) died. Nothing ends a worker or the timer: what escapes a run or a
 * tick is caught at its boundary ({@link TaskBoundary}), and a worker whose loop ends anyway is
 * replaced. On stop the pool claims nothing more, waits for running jobs up to the grace period,
 * then gives the unfinished ones back to the queue.
 */
public class WorkerPool implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);

    private final JobQueue queue;
    private final SourceDao sources;
    private final JobRunner runner;
    private final PipelineEvents events;
    private final Settings settings;
    private volatile JobQualityService quality;
    private final String processId = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    /** The job of each busy worker, by worker (owner): each busy worker counts once, even two on one recovered job. */
    private final Map<String, RunningJob> running = new ConcurrentHashMap<>();
    private final AtomicInteger alive = new AtomicInteger();
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final LeaseHeartbeat leaseHeartbeat;
    private ExecutorService workers;
    private ScheduledExecutorService heartbeat;

    public WorkerPool(JobQueue queue, SourceDao sources, JobRunner runner, PipelineEvents events, Settings settings) {
        this.queue = queue;
        this.sources = sources;
        this.runner = runner;
        this.events = events;
        this.settings = settings;
        this.leaseHeartbeat = new LeaseHeartbeat(queue, events, settings.queueName(), settings.hardDeadline());
    }

    /** From now on each finished job's measured quality is kept (and a completed one compared) through {@code service}. */
    public WorkerPool recordQualityWith(JobQualityService service) {
        this.quality = service;
        return this;
    }

    @Override
    public void start() {
        workers = Executors.newFixedThreadPool(settings.threads(), named(settings.queueName() + "-worker"));
        for (int i = 0; i < settings.threads(); i++) {
            String owner = processId + "/" + settings.queueName() + "-" + i;
            workers.execute(() -> loop(owner));
        }
        heartbeat = Executors.newSingleThreadScheduledExecutor(named(settings.queueName() + "-heartbeat"));
        long period = Math.max(10, Math.min(settings.lease().toMillis() / 3, settings.pollInterval().toMillis()));
        heartbeat.scheduleWithFixedDelay(TaskBoundary.guarded(BackgroundTask.LEASE_HEARTBEAT, events,
                "Heartbeat tick of queue " + settings.queueName(), this::heartbeatTick), period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() throws InterruptedException {
        stopSignal.countDown();
        workers.shutdown();
        if (!workers.awaitTermination(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
            running.forEach(this::giveBack);
            workers.shutdownNow();
            workers.awaitTermination(5, TimeUnit.SECONDS);
        }
        heartbeat.shutdownNow();
    }

    /** Shutdown: the job goes back to the queue for another process; its log line carries its ids like the others. */
    private void giveBack(String owner, RunningJob run) {
        long jobId = run.job.id();
        MDC.put(LogFields.JOB_ID, String.valueOf(jobId));
        if (run.sourceName != null) {
            MDC.put(LogFields.SOURCE, run.sourceName);
        }
        try {
            boolean released = queue.release(jobId, owner);
            LOG.info("Shutdown: job {} {} to the queue", jobId, released ? "given back" : "already gone");
        } finally {
            MDC.remove(LogFields.JOB_ID);
            MDC.remove(LogFields.SOURCE);
        }
    }

    /** Threads currently running a job. */
    public int busyCount() {
        return running.size();
    }

    /** Threads whose loop is running (idle or busy), less those stuck in a run past its hard deadline. */
    public int aliveCount() {
        long stuck = running.values().stream().filter(run -> run.control.abandoned()).count();
        return (int) Math.max(0, alive.get() - stuck);
    }

    /** Worker threads the pool keeps running. */
    public int configuredCount() {
        return settings.threads();
    }

    private void loop(String owner) {
        alive.incrementAndGet();
        try {
            while (stopSignal.getCount() > 0) {
                boolean worked = false;
                try {
                    Optional<Job> job = queue.claim(settings.queueName(), owner, settings.lease());
                    if (job.isPresent()) {
                        worked = true;
                        runJob(job.get(), owner);
                    }
                } catch (Throwable failure) {
                    TaskBoundary.caught(BackgroundTask.WORKER, events, "Worker " + owner + " tick", failure);
                }
                if (!worked && stopSignal.await(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            alive.decrementAndGet();
            replaceUnlessStopping(owner);
        }
    }

    /** A loop only ends by itself on stop; one that ended otherwise (a VirtualMachineError) gets a successor. */
    private void replaceUnlessStopping(String owner) {
        if (stopSignal.getCount() > 0 && !workers.isShutdown()) {
            LOG.error("Worker {} ended unexpectedly; a new worker takes its place", owner);
            workers.execute(() -> loop(owner));
        }
    }

    /** Every log line written while the job runs on this thread carries its id and its source's name. */
    private void runJob(Job job, String owner) {
        MDC.put(LogFields.JOB_ID, String.valueOf(job.id()));
        try {
            runJobWithContext(job, owner);
        } finally {
            MDC.remove(LogFields.JOB_ID);
            MDC.remove(LogFields.SOURCE);
        }
    }

    private void runJobWithContext(Job job, String owner) {
        long started = System.nanoTime();
        WorkerJobControl control = new WorkerJobControl(queue, job.id(), owner, settings.lease());
        RunningJob run = new RunningJob(job, owner, control, Thread.currentThread(), started);
        running.put(owner, run);
        events.queueJob(settings.queueName(), QueueJobStatus.STARTED);
        String sourceName = null;
        try {
            Source source = sources.findById(job.sourceId())
                    .orElseThrow(() -> new IllegalStateException("source " + job.sourceId() + " no longer exists"));
            sourceName = source.name();
            MDC.put(LogFields.SOURCE, sourceName);
            run.sourceName = sourceName;
            LOG.info("Job {} attempt {} started on {}", job.id(), job.attempts(), owner);
            events.jobStarted(sourceName);
            JobCounts counts = runner.run(job, source, control);
            finishRun(job, owner, control, counts, sourceName, started);
        } catch (Exception e) {
            failRun(job, owner, control, e, sourceName == null ? "unknown" : sourceName, started);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Error e) {
            // Caught here, with the job at hand: the job fails with the error and the worker goes on.
            TaskBoundary.caught(BackgroundTask.WORKER, events, "Job " + job.id() + " run by worker " + owner, e);
            failRun(job, owner, control, e, sourceName == null ? "unknown" : sourceName, started);
        } finally {
            // The one place an attempt stops being active, whatever ended it.
            if (sourceName != null) {
                events.jobStopped(sourceName);
            }
            running.remove(owner);
            Thread.interrupted(); // an interrupt meant for this run must not reach the next claim
        }
    }

    private void finishRun(Job job, String owner, WorkerJobControl control, JobCounts counts, String sourceName,
                           long started) {
        if (control.leaseLost()) {
            LOG.warn("Job {} finished after its lease was lost; its result is left to the new owner", job.id());
            return;
        }
        boolean cancelled = queue.isCancelRequested(job.id());
        boolean saved = cancelled
                ? queue.markCancelled(job.id(), owner, counts)
                : queue.complete(job.id(), owner, counts, control.endedEarlyReason());
        if (saved) {
            LOG.info("Job {} {}: {} page(s), {} new lead(s)", job.id(), cancelled ? "cancelled" : "completed",
                    counts.pagesFetched(), counts.newLeads());
            recordQuality(job, cancelled ? JobStatus.CANCELLED : JobStatus.COMPLETED, control);
            events.queueJob(settings.queueName(), QueueJobStatus.FINISHED);
            events.jobFinished(sourceName, cancelled ? JobOutcome.CANCELLED : JobOutcome.COMPLETED, since(started));
        }
    }

    /** A job's result stands without its quality: a failure to keep it is logged and the worker goes on. */
    private void recordQuality(Job job, JobStatus status, WorkerJobControl control) {
        JobQualityService service = quality;
        if (service == null) {
            return;
        }
        try {
            service.jobEnded(job.id(), job.sourceId(), status == JobStatus.COMPLETED, control.quality());
        } catch (RuntimeException e) {
            LOG.error("Job {} (source {}): its yield and field coverage could not be stored", job.id(), job.sourceId(), e);
        }
    }

    private void failRun(Job job, String owner, WorkerJobControl control, Throwable e, String sourceName,
                         long started) {
        boolean interrupted = e instanceof InterruptedException || Thread.currentThread().isInterrupted();
        if (stopSignal.getCount() == 0 && interrupted) {
            LOG.info("Job {} interrupted by shutdown", job.id());
            return;
        }
        if (control.abandoned()) {
            LOG.warn("Job {} unwound after it was ended at its hard deadline", job.id(), e);
            return;
        }
        LOG.warn("Job {} attempt {} failed", job.id(), job.attempts(), e);
        Optional<JobStatus> after = recordFailure(job, owner, JobFailureMessage.of(e),
                !(e instanceof JobDeadlineException));
        if (after.isPresent()) {
            events.queueJob(settings.queueName(), QueueJobStatus.FAILED);
            if (after.get() == JobStatus.FAILED) {
                recordQuality(job, JobStatus.FAILED, control);
                events.jobFinished(sourceName, JobOutcome.FAILED, since(started));
            }
        }
    }

    /**
     * Never throws: when the cause cannot be saved, a plain message is tried; when nothing can be
     * written (database down), the job is left to lease expiry, which re-queues or fails it.
     */
    private Optional<JobStatus> recordFailure(Job job, String owner, String message, boolean retry) {
        try {
            return queue.fail(job, owner, message, retry);
        } catch (RuntimeException first) {
            LOG.error("Job {}: cannot save its failure; trying a plain message", job.id(), first);
        }
        try {
            return queue.fail(job, owner, JobFailureMessage.UNSAVED, retry);
        } catch (RuntimeException second) {
            LOG.error("Job {}: cannot save its failure; it ends when its lease expires", job.id(), second);
            return Optional.empty();
        }
    }

    private void heartbeatTick() {
        leaseHeartbeat.tick(running.values());
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /**
     * The pool makes its own threads rather than taking Dropwizard's lifecycle executors because
     * its stop has an order those do not give (they only shut down and wait): stop claiming, wait
     * the grace period, give unfinished jobs back to the queue, and only then interrupt. Daemon
     * threads, so a job stuck in a read can never keep the JVM alive after that.
     */
    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.getAndIncrement());
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((thread, e) -> LOG.error("Thread {} ended by", thread.getName(), e));
            return t;
        };
    }

    /**
     * What a pool needs from the worker configuration, for one queue. {@code hardDeadline}, the
     * job timeout plus its grace period, ends a run stuck inside a step; null for none.
     */
    public record Settings(String queueName, int threads, Duration pollInterval, Duration lease,
                           Duration shutdownGrace, Duration hardDeadline) {
        public Settings(String queueName, int threads, Duration pollInterval, Duration lease, Duration shutdownGrace) {
            this(queueName, threads, pollInterval, lease, shutdownGrace, null);
        }
    }
}
