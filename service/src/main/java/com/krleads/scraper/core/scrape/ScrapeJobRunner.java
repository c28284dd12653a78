package com.krleads.scraper.core.scrape;

import com.krleads.metrics.LabelValues.DuplicateAction;
import com.krleads.metrics.LabelValues.ResultType;
import com.krleads.scraper.config.EnrichmentConfig;
import com.krleads.scraper.config.ScraperConfig;
import com.krleads.scraper.config.VerificationConfig;
import com.krleads.scraper.core.Job;
import com.krleads.scraper.core.JobControl;
import com.krleads.scraper.core.JobCounts;
import com.krleads.scraper.core.JobRunner;
import com.krleads.scraper.core.LeadDraft;
import com.krleads.scraper.core.LeadStore;
import com.krleads.scraper.core.PipelineEvents;
import com.krleads.scraper.core.Source;
import com.krleads.scraper.core.StoreResult;
import com.krleads.scraper.core.enrich.Enricher;
import com.krleads.scraper.core.verify.ContactVerifier;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * One scraping job: from the source's start page, page after page up to {@code maxPages}:
 * fetch, parse, extract and normalize, enrich, verify, store. An item with neither a company
 * name nor a contact counts as an error and the page goes on. A cancelled job stops after the
 * page in progress. Thread-safe: each run keeps its own fetch session.
 */
public final class ScrapeJobRunner implements JobRunner {
    private final PageFetcher fetcher;
    private final LeadAssembler assembler;
    private final LeadStore leadStore;
    private final PipelineEvents events;

    public ScrapeJobRunner(PageFetcher fetcher, LeadAssembler assembler, LeadStore leadStore, PipelineEvents events) {
        this.fetcher = fetcher;
        this.assembler = assembler;
        this.leadStore = leadStore;
        this.events = events;
    }

    /** The production pipeline, wired from the configuration. */
    public static ScrapeJobRunner create(ScraperConfig scraper, EnrichmentConfig enrichment,
                                         VerificationConfig verification, LeadStore leadStore,
                                         PipelineEvents events) {
        LeadAssembler assembler = new LeadAssembler(Enricher.create(enrichment, events),
                ContactVerifier.create(verification, events));
        return new ScrapeJobRunner(PageFetcher.create(scraper), assembler, leadStore, events);
    }

    @Override
    public JobCounts run(Job job, Source source, JobControl control) throws ScrapeException, InterruptedException {
        SelectorCheck.Problem badSelector = SelectorCheck.firstProblem(source.selectors());
        if (badSelector != null) {
            throw new ScrapeException(badSelector.field() + ": " + badSelector.message(), null);
        }
        FetchSession session = new FetchSession(fetcher, source.delayMillis());
        Tally tally = new Tally();
        Set<URI> visited = new HashSet<>();
        URI next = startUri(source);
        while (next != null && tally.pages < source.maxPages() && !control.isCancelled()) {
            FetchedPage page = fetchPage(session, next, tally.pages == 0);
            if (page == null) {
                break;
            }
            visited.add(next);
            visited.add(page.uri());
            tally.pages++;
            ListingParser.ParsedPage parsed = ListingParser.parse(page, source.selectors());
            for (Element item : parsed.items()) {
                storeItem(source, item, tally);
            }
            control.pageDone(tally.counts());
            next = parsed.nextPage() == null || visited.contains(parsed.nextPage()) ? null : parsed.nextPage();
        }
        return tally.counts();
    }

    /** Null when robots.txt forbids a later page: pagination ends there. */
    private FetchedPage fetchPage(FetchSession session, URI uri, boolean first)
            throws ScrapeException, InterruptedException {
        try {
            return session.fetch(uri);
        } catch (RobotsDisallowedException e) {
            if (first) {
                throw new ScrapeException("robots.txt of " + FetchSession.origin(uri)
                        + " does not allow fetching the start page " + uri, e);
            }
            return null;
        } catch (FetchException e) {
            throw new ScrapeException((first ? "start page failed: " : "page failed: ") + e.getMessage(), e);
        }
    }

    private void storeItem(Source source, Element item, Tally tally) throws InterruptedException {
        LeadDraft draft = assembler.assemble(item, source.selectors());
        if (!draft.isLead()) {
            tally.errors++;
            events.itemStored(source.name(), ResultType.ERROR);
            return;
        }
        StoreResult result = leadStore.store(source.id(), draft);
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

    private static URI startUri(Source source) throws ScrapeException {
        try {
            return URI.create(source.startUrl().trim());
        } catch (IllegalArgumentException e) {
            throw new ScrapeException("bad start URL " + source.startUrl() + ": " + e.getMessage(), e);
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
