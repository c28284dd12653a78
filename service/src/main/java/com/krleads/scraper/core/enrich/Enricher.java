package com.krleads.scraper.core.enrich;

import com.krleads.metrics.LabelValues.EnrichmentMethod;
import com.krleads.metrics.LabelValues.EnrichmentMode;
import com.krleads.scraper.config.EnrichmentConfig;
import com.krleads.scraper.core.job.PipelineEvents;
import com.krleads.scraper.core.lead.ContactNormalizer;
import com.krleads.scraper.core.lead.HeuristicExtractor;
import com.krleads.scraper.core.lead.ItemFields;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The smart scraper: fills the fields the selectors left empty. Mode {@code off} does nothing,
 * {@code auto} runs when name, phone or e-mail is still missing after the selectors and the
 * text heuristics of extraction (so the model is asked only when it can add something),
 * {@code always} runs for every item but never overwrites a field already found.
 * With Ollama enabled the model reads the item's text; when Ollama is off, down, slow or
 * answers garbage, the heuristic extractor is used instead. A value from the model is kept
 * only if it is written in the item's text, so an invented contact never becomes a lead.
 */
public final class Enricher {
    private static final Logger LOG = LoggerFactory.getLogger(Enricher.class);

    private final EnrichmentMode mode;
    private final OllamaClient ollama;
    private final PipelineEvents events;
    private volatile boolean modelFailing;

    /** {@code ollama} null means heuristics only. */
    public Enricher(EnrichmentMode mode, OllamaClient ollama, PipelineEvents events) {
        this.mode = mode;
        this.ollama = ollama;
        this.events = events;
    }

    public static Enricher create(EnrichmentConfig config, PipelineEvents events) {
        OllamaClient client = config.ollamaEnabled
                ? new OllamaClient(config.ollamaBaseUrl, config.model, config.timeout.toJavaDuration())
                : null;
        return new Enricher(config.mode, client, events);
    }

    /** Enriches {@code fields} in place when the mode asks for it. */
    public void enrich(ItemFields fields) throws InterruptedException {
        if (mode == EnrichmentMode.OFF || (mode == EnrichmentMode.AUTO && !fields.missesKeyField())) {
            return;
        }
        long start = System.nanoTime();
        EnrichmentMethod method = ollama != null && enrichWithModel(fields)
                ? EnrichmentMethod.LLM
                : EnrichmentMethod.HEURISTIC;
        if (method == EnrichmentMethod.HEURISTIC) {
            HeuristicExtractor.fillMissing(fields);
        }
        fields.producedBy(method == EnrichmentMethod.LLM ? ItemFields.LLM : ItemFields.HEURISTIC);
        events.enriched(mode, method, Duration.ofNanos(System.nanoTime() - start));
    }

    private boolean enrichWithModel(ItemFields fields) throws InterruptedException {
        OllamaClient.Extraction found;
        try {
            found = ollama.extract(fields.text);
        } catch (OllamaException e) {
            // One warning per outage, not one per item.
            if (!modelFailing) {
                LOG.warn("Smart scraper falls back to heuristics until Ollama answers again: {}", e.getMessage());
            }
            modelFailing = true;
            return false;
        }
        if (modelFailing) {
            LOG.info("Ollama answers again; the smart scraper uses the model");
            modelFailing = false;
        }
        String text = fields.text;
        if (fields.companyName == null && written(found.companyName(), text)) {
            fields.companyName = ContactNormalizer.text(found.companyName());
        }
        if (fields.phone == null && phoneWritten(found.phone(), text)) {
            fields.phone = ContactNormalizer.phone(found.phone());
        }
        if (fields.email == null && written(found.email(), text)) {
            fields.email = ContactNormalizer.email(found.email());
        }
        if (fields.website == null && written(found.website(), text)) {
            fields.website = ContactNormalizer.websiteHost(found.website());
        }
        if (fields.address == null && written(found.address(), text)) {
            fields.address = ContactNormalizer.text(found.address());
        }
        if (fields.category == null && written(found.category(), text)) {
            fields.category = ContactNormalizer.text(found.category());
        }
        return true;
    }

    /** The value occurs in the text, ignoring case and whitespace. */
    static boolean written(String value, String text) {
        if (value == null) {
            return false;
        }
        String v = squeeze(value);
        return !v.isEmpty() && squeeze(text).contains(v);
    }

    /** The number occurs in the text in its national or international digits. */
    static boolean phoneWritten(String value, String text) {
        String e164 = ContactNormalizer.phone(value);
        if (e164 == null) {
            return false;
        }
        String digits = text.replaceAll("\\D", "");
        // "+82 2 123 4567", "02-123-4567" and "1588-1234" all contain the subscriber digits.
        String subscriber = e164.startsWith("+82") ? e164.substring(3) : e164.substring(1);
        return digits.contains(subscriber);
    }

    private static String squeeze(String s) {
        return s.replaceAll("[\\s\\u00a0\\u3000]+", "").toLowerCase(Locale.ROOT);
    }
}
