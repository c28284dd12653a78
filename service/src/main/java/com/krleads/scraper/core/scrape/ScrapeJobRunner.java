package com.krleads.scraper.core.scrape;

import com.krleads.metrics.LabelValues.DuplicateAction;
import com.krleads.metrics.LabelValues.ResultType;
import com.krleads.scraper.config.EnrichmentConfig;
import com.krleads.scraper.config.ScraperConfig;
import com.krleads.scraper.config.VerificationConfig;
import com.krleads.scraper.core.enrich.Enricher;
import com.krleads.scraper.core.job.Job;
import com.krleads.scraper.core.job.JobControl;
import com.krleads.scraper.core.job.JobCounts;
import com.krleads.scraper.core.job.JobDeadlineException;
import com.krleads.scraper.core.job.JobRunner;
import com.krleads.scraper.core.job.PipelineEvents;
import com.krleads.scraper.core.job.RunLimit;
import com.krleads.scraper.core.lead.LeadDraft;
import com.krleads.scraper.core.lead.LeadSanitizer;
import com.krleads.scraper.core.lead.LeadStore;
import com.krleads.scraper.core.lead.StoreOutcome;
import com.krleads.scraper.core.lead.StoreResult;
import com.krleads.scraper.core.net.HostPacer;
import com.krleads.scraper.core.net.LocalHostPacer;
import com.krleads.scraper.core.net.RefusedUrlException;
import com.krleads.scraper.core.quality.JobQualityMeter;
import com.krleads.scraper.core.source.Source;
import com.krleads.scraper.core.verify.ContactVerifier;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scraping job: from the source's start page, page after page up to {@code maxPages}:
 * fetch, parse, extract and normalize, enrich, verify, clean ({@link LeadSanitizer}), store.
 *
 * <p>One item never fails the job: an item with neither a company name nor a contact, one the
 * cleaning rejects, one the database refuses or one whose reading throws counts as an error and
 * the page goes on. A page's drafts are stored together, in batches of {@value #STORE_BATCH}, before the
 * page counts as done. A later page that robots.txt forbids or whose address is refused ends the
 * pagination with the reason recorded. Cancel and the job's deadline are checked between items
 * and around every slow step: a cancelled run returns what it did so far; one past its deadline
 * saves its progress and fails. Thread-safe: each run keeps its own state.
 */
public final class ScrapeJobRunner implements JobRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ScrapeJobRunner.class);
    /** Drafts stored together: a store does a page's lookups and writes in a few statements. */
    private static final int STORE_BATCH = 500;

    private final PageFetcher fetcher;
    private final LeadAssembler assembler;
    private final LeadStore leadStore;
    private final PipelineEvents events;
    private final HostPacer pacer;
    private final Bounds bounds;

    /** What bounds a run: its deadline, what one page may give and how many items the whole job reads. */
    public record Bounds(Duration jobTimeout, ListingParser.Limits pageLimits, int maxItemsPerJob) {
        /** A deadline and no page or job limits. */
        public static Bounds deadline(Duration jobTimeout) {
            return new Bounds(jobTimeout, ListingParser.Limits.NONE, Integer.MAX_VALUE);
        }

        public static Bounds of(ScraperConfig scraper) {
            return new Bounds(scraper.jobTimeout.toJavaDuration(),
                    new ListingParser.Limits(scraper.maxNestingDepth, scraper.maxItemsPerPage), scraper.maxItemsPerJob);
        }
    }

    /** Paces hosts within this process only. */
    public ScrapeJobRunner(PageFetcher fetcher, LeadAssembler assembler, LeadStore leadStore, PipelineEvents events,
                           Bounds bounds) {
        this(fetcher, assembler, leadStore, events, new LocalHostPacer(Clock.systemUTC()), bounds);
    }

    public ScrapeJobRunner(PageFetcher fetcher, LeadAssembler assembler, LeadStore leadStore, PipelineEvents events,
                           HostPacer pacer, Bounds bounds) {
        this.fetcher = fetcher;
        this.assembler = assembler;
        this.leadStore = leadStore;
        this.events = events;
        this.pacer = pacer;
        this.bounds = bounds;
    }

    /** The production pipeline, wired from the configuration. */
    public static ScrapeJobRunner create(ScraperConfig scraper, EnrichmentConfig enrichment,
                                         VerificationConfig verification, LeadStore leadStore,
                                         PipelineEvents events, HostPacer pacer) {
        LeadAssembler assembler = new LeadAssembler(Enricher.create(enrichment, events),
                ContactVerifier.create(verification, events));
        return new ScrapeJobRunner(PageFetcher.create(scraper), assembler, leadStore, events, pacer, Bounds.of(scraper));
    }

    @Override
    public JobCounts run(Job job, Source source, JobControl control)
            throws ScrapeException, JobDeadlineException, InterruptedException {
        SelectorCheck.Problem badSelector = SelectorCheck.firstProblem(source.selectors());
        if (badSelector != null) {
            throw new ScrapeException(badSelector.field() + ": " + badSelector.message(), null);
        }
        RunLimit limit = new RunLimit(control, bounds.jobTimeout());
        Run run = new Run(job, source, control, limit);
        try {
            run.crawl();
        } catch (RunLimit.Stopped stopped) {
            control.qualityMeasured(run.quality.job());
            if (stopped.reason() == RunLimit.Reason.DEADLINE) {
                control.pageDone(run.tally.counts());
                throw new JobDeadlineException("stopped at the job deadline of " + readable(bounds.jobTimeout())
                        + " after " + run.tally.pages + " page(s); the leads stored so far are kept");
            }
        }
        return run.tally.counts();
    }

    private static String readable(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds >= 60 && seconds % 60 == 0 ? seconds / 60 + " min"
                : seconds >= 1 ? seconds + " s" : duration.toMillis() + " ms";
    }

    private static URI startUri(Source source) throws ScrapeException {
        try {
            return URI.create(source.startUrl().trim());
        } catch (IllegalArgumentException e) {
            throw new ScrapeException("bad start URL " + source.startUrl() + ": " + e.getMessage(), e);
        }
    }

    /** The state of one run. */
    private final class Run {
        final Job job;
        final Source source;
        final JobControl control;
        final RunLimit limit;
        final FetchSession session;
        final LeadAssembler.Run assembly;
        final Tally tally = new Tally();
        final List<String> notes = new ArrayList<>();
        final List<LeadDraft> pending = new ArrayList<>();
        int itemsRead;
        final JobQualityMeter quality = new JobQualityMeter();

        Run(Job job, Source source, JobControl control, RunLimit limit) {
            this.job = job;
            this.source = source;
            this.control = control;
            this.limit = limit;
            this.session = new FetchSession(fetcher, source.delayMillis(), pacer);
            this.assembly = assembler.startRun(limit);
        }

        void crawl() throws ScrapeException, RunLimit.Stopped, InterruptedException {
            Set<URI> visited = new HashSet<>();
            URI next = startUri(source);
            while (next != null && tally.pages < source.maxPages()) {
                limit.check();
                FetchedPage page = fetchPage(next, tally.pages == 0);
                if (page == null) {
                    return;
                }
                limit.check();
                visited.add(next);
                visited.add(page.uri());
                tally.pages++;
                ListingParser.PageSummary parsed = readItems(page);
                if (parsed == null) {
                    return;
                }
                reportDecoding(page, parsed);
                reportCuts(parsed);
                events.itemsMeasured(source.name(), quality.page());
                control.qualityMeasured(quality.job());
                control.pageDone(tally.counts());
                next = parsed.nextPage() == null || visited.contains(parsed.nextPage()) ? null : parsed.nextPage();
            }
        }

        /** Stores the page's items as they are parsed; null when the job's item limit ended the crawl on this page. */
        private ListingParser.PageSummary readItems(FetchedPage page) throws RunLimit.Stopped, InterruptedException {
            quality.pageStarted();
            int itemsOnPage = 0;
            try (ListingParser.PageItems items = ListingParser.read(page, source.selectors(), bounds.pageLimits())) {
                for (Element item = items.next(); item != null; item = items.next()) {
                    limit.check();
                    if (itemsRead >= bounds.maxItemsPerJob()) {
                        endPagination("the job read scraper.maxItemsPerJob (" + bounds.maxItemsPerJob() + ") items");
                        return null;
                    }
                    itemsRead++;
                    itemsOnPage++;
                    storeItem(item);
                }
                return items.finish();
            } finally {
                quality.pageEnded(itemsOnPage);
                storePending();
            }
        }

        /** Null when a later page may not be fetched (robots.txt, refused address): pagination ends there. */
        private FetchedPage fetchPage(URI uri, boolean first) throws ScrapeException, InterruptedException {
            try {
                return session.fetch(uri);
            } catch (RobotsDisallowedException e) {
                if (first) {
                    throw new ScrapeException("robots.txt of " + FetchSession.origin(uri)
                            + " does not allow fetching the start page " + uri, e);
                }
                return endPagination("robots.txt does not allow the next page " + uri);
            } catch (FetchException e) {
                RefusedUrlException refused = refusal(e);
                if (!first && refused != null) {
                    return endPagination("the next page " + uri + " is refused: " + refused.getMessage());
                }
                throw new ScrapeException((first ? "start page failed: " : "page failed: ") + e.getMessage(), e);
            }
        }

        /** The refusal behind a failed fetch (the page, its robots.txt or a redirect), or null. */
        private static RefusedUrlException refusal(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof RefusedUrlException refused) {
                    return refused;
                }
            }
            return null;
        }

        /** Every page's replacement count is counted; a page that lost characters is logged too. */
        private void reportDecoding(FetchedPage page, ListingParser.PageSummary parsed) {
            events.pageDecoded(source.name(), parsed.replacements());
            if (parsed.replacements() > 0) {
                LOG.warn("Job {} ({}): {} decoded as {} with {} U+FFFD replacement(s)", job.id(), source.name(),
                        page.uri(), parsed.charset(), parsed.replacements());
            } else {
                LOG.debug("Job {} ({}): {} decoded as {} with 0 U+FFFD replacements", job.id(), source.name(),
                        page.uri(), parsed.charset());
            }
        }

        /** What a page lost to the limits is said on the job, with the pages it happened on. */
        private void reportCuts(ListingParser.PageSummary parsed) {
            if (parsed.itemsFound() > parsed.itemsRead()) {
                note("page " + tally.pages + " has " + parsed.itemsFound() + " items; only the first "
                        + parsed.itemsRead() + " were read (scraper.maxItemsPerPage)");
            }
            if (parsed.depthCut() > 0) {
                note("page " + tally.pages + " nests deeper than " + bounds.pageLimits().maxDepth()
                        + " levels; what lies below was left out (scraper.maxNestingDepth)");
            }
        }

        private FetchedPage endPagination(String why) {
            note("pagination ended after page " + tally.pages + ": " + why);
            return null;
        }

        private void note(String note) {
            LOG.info("Job {} ({}): {}", job.id(), source.name(), note);
            notes.add(note);
            control.endedEarly(String.join("; ", notes));
        }

        private void storeItem(Element item) throws RunLimit.Stopped, InterruptedException {
            LeadDraft draft;
            try {
                draft = assembly.assemble(item, source.selectors(), quality);
            } catch (RuntimeException e) {
                LOG.warn("Job {} ({}): an item on page {} could not be read", job.id(), source.name(), tally.pages, e);
                countError();
                return;
            }
            if (!draft.isLead()) {
                countError();
                return;
            }
            LeadSanitizer.Result clean = LeadSanitizer.sanitize(draft);
            if (clean.rejected()) {
                reject(clean.rejection(), null);
                return;
            }
            if (!clean.notes().isEmpty()) {
                LOG.info("Job {} ({}): item on page {} stored with {}", job.id(), source.name(), tally.pages,
                        String.join(", ", clean.notes()));
            }
            pending.add(clean.draft());
            if (pending.size() >= STORE_BATCH) {
                storePending();
            }
        }

        /** Stores the drafts read so far together; a stopped run stores them too, so no item read is lost. */
        private void storePending() {
            if (pending.isEmpty()) {
                return;
            }
            List<StoreOutcome> outcomes = leadStore.storeAll(source.id(), pending);
            pending.clear();
            for (StoreOutcome outcome : outcomes) {
                if (outcome.isRejected()) {
                    reject(outcome.rejection().getMessage(), outcome.rejection());
                } else {
                    count(outcome.result());
                }
            }
        }

        private void count(StoreResult result) {
            if (result.created()) {
                tally.created++;
                events.itemStored(source.name(), ResultType.NEW);
            } else {
                tally.updated++;
                events.itemStored(source.name(), ResultType.UPDATED);
                events.duplicateDetected(DuplicateAction.AUTO_MERGE);
            }
            if (result.candidateCreated()) {
                events.duplicateDetected(DuplicateAction.CANDIDATE);
            }
        }

        private void reject(String reason, Exception cause) {
            LOG.warn("Job {} ({}): an item on page {} was not stored: {}", job.id(), source.name(), tally.pages,
                    reason, cause);
            countError();
        }

        private void countError() {
            tally.errors++;
            events.itemStored(source.name(), ResultType.ERROR);
        }
    }

    private static final class Tally {
        int pages;
        int created;
        int updated;
        int errors;

        JobCounts counts() {
            return new JobCounts(pages, created, updated, errors);
        }
    }
}
