package com.krleads.scraper.core.scrape;

import com.krleads.scraper.core.LeadDraft;
import com.krleads.scraper.core.Selectors;
import com.krleads.scraper.core.enrich.Enricher;
import com.krleads.scraper.core.verify.ContactVerifier;
import org.jsoup.nodes.Element;

/** Turns one listing item into a draft: extract and normalize, enrich, verify. */
public final class LeadAssembler {
    private final Enricher enricher;
    private final ContactVerifier verifier;

    /** {@code verifier} null when verification is off. */
    public LeadAssembler(Enricher enricher, ContactVerifier verifier) {
        this.enricher = enricher;
        this.verifier = verifier;
    }

    public LeadDraft assemble(Element item, Selectors selectors) throws InterruptedException {
        ItemFields fields = ItemExtractor.extract(item, selectors);
        enricher.enrich(fields);
        if (verifier != null) {
            verifier.verify(fields);
        }
        return fields.toDraft();
    }
}
