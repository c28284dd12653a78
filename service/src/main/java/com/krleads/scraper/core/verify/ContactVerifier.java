package com.krleads.scraper.core.verify;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.krleads.metrics.LabelValues.ContactType;
import com.krleads.metrics.LabelValues.VerificationStatus;
import com.krleads.scraper.config.VerificationConfig;
import com.krleads.scraper.core.PipelineEvents;
import com.krleads.scraper.core.scrape.ContactNormalizer;
import com.krleads.scraper.core.scrape.ItemFields;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Verifies an item's contacts: the e-mail by syntax and then an MX lookup of its domain
 * ({@code unknown} when DNS cannot answer), the phone by libphonenumber. Statuses are
 * {@code valid|invalid|unknown}; a missing contact gets no status.
 */
public final class ContactVerifier {
    private static final int CACHE_SIZE = 1024;

    private final MxLookup mxLookup;
    private final PipelineEvents events;
    private final Map<String, MxLookup.Answer> answers = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, MxLookup.Answer> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    public ContactVerifier(MxLookup mxLookup, PipelineEvents events) {
        this.mxLookup = mxLookup;
        this.events = events;
    }

    /** Null when verification is switched off. */
    public static ContactVerifier create(VerificationConfig config, PipelineEvents events) {
        return config.enabled
                ? new ContactVerifier(new JndiMxLookup(config.dnsTimeout.toJavaDuration(), config.dnsServerUrl), events)
                : null;
    }

    public void verify(ItemFields fields) {
        if (fields.email != null) {
            VerificationStatus status = emailStatus(fields.email);
            fields.emailStatus = status.label();
            events.contactVerified(ContactType.EMAIL, status);
        }
        if (fields.phone != null) {
            VerificationStatus status = phoneStatus(fields.phone);
            fields.phoneStatus = status.label();
            events.contactVerified(ContactType.PHONE, status);
        }
    }

    public VerificationStatus emailStatus(String email) {
        String normalized = ContactNormalizer.email(email);
        if (normalized == null) {
            return VerificationStatus.INVALID;
        }
        String domain = normalized.substring(normalized.lastIndexOf('@') + 1);
        return switch (mxAnswer(domain)) {
            case MAIL_HOST -> VerificationStatus.VALID;
            case NO_MAIL_HOST -> VerificationStatus.INVALID;
            case UNKNOWN -> VerificationStatus.UNKNOWN;
        };
    }

    public static VerificationStatus phoneStatus(String phone) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            return util.isValidNumber(util.parse(phone, "KR")) ? VerificationStatus.VALID : VerificationStatus.INVALID;
        } catch (NumberParseException e) {
            return VerificationStatus.INVALID;
        }
    }

    private MxLookup.Answer mxAnswer(String domain) {
        synchronized (answers) {
            MxLookup.Answer cached = answers.get(domain);
            if (cached != null) {
                return cached;
            }
        }
        MxLookup.Answer answer = mxLookup.lookup(domain);
        if (answer != MxLookup.Answer.UNKNOWN) {
            synchronized (answers) {
                answers.put(domain, answer);
            }
        }
        return answer;
    }
}
