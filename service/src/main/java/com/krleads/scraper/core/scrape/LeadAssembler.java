package com.krleads.scraper.core.scrape;

import com.krleads.scraper.core.enrich.Enricher;
import com.krleads.scraper.core.job.RunLimit;
import com.krleads.scraper.core.lead.ItemFields;
import com.krleads.scraper.core.lead.LeadDraft;
import com.krleads.scraper.core.quality.JobQualityMeter;
import com.krleads.scraper.core.source.Selectors;
import com.krleads.scraper.core.verify.ContactVerifier;
import org.jsoup.nodes.Element;

/**
 * Turns one listing item into a draft: extract and normalize, enrich, verify. Shared by all
 * jobs; each job assembles through its own {@link Run}, which stops before enrichment or
 * verification once the job must stop.
 */
public final class LeadAssembler {
    private final Enricher enricher;
    private final ContactVerifier verifier;

    /** {@code verifier} null when verification is off. */
    public LeadAssembler(Enricher enricher, ContactVerifier verifier) {
        this.enricher = enricher;
        this.verifier = verifier;
    }

    public Run startRun(RunLimit limit) {
        return new Run(limit, verifier == null ? null : verifier.startRun(limit));
    }

    /** The assembling of one job run. */
    public final class Run {
        private final RunLimit limit;
        private final ContactVerifier.Run verification;

        private Run(RunLimit limit, ContactVerifier.Run verification) {
            this.limit = limit;
            this.verification = verification;
        }

        public LeadDraft assemble(Element item, Selectors selectors) throws RunLimit.Stopped, InterruptedException {
            return assemble(item, selectors, null);
        }

        /** Also counts the item's fields into {@code meter} (if any) once they are complete, before verification. */
        public LeadDraft assemble(Element item, Selectors selectors, JobQualityMeter meter)
                throws RunLimit.Stopped, InterruptedException {
            ItemFields fields = ItemExtractor.extract(item, selectors);
            limit.check();
            enricher.enrich(fields);
            if (meter != null) {
                meter.item(fields.presentFields());
            }
            if (verification != null) {
                limit.check();
                verification.verify(fields);
            }
            return fields.toDraft();
        }
    }
}
