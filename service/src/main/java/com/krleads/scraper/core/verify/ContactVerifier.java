package com.krleads.scraper.core.verify;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.krleads.metrics.LabelValues.ContactType;
import com.krleads.metrics.LabelValues.VerificationStatus;
import com.krleads.scraper.config.VerificationConfig;
import com.krleads.scraper.core.job.PipelineEvents;
import com.krleads.scraper.core.job.RunLimit;
import com.krleads.scraper.core.lead.ContactNormalizer;
import com.krleads.scraper.core.lead.ItemFields;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Verifies an item's contacts: the e-mail by syntax and then an MX lookup of its domain, the
 * phone by libphonenumber. Statuses are {@code valid|invalid|unknown}; a missing contact gets
 * no status.
 *
 * <p>DNS never holds a job: each job verifies through its own {@link Run}, which asks about a
 * domain at most once, spends at most {@code jobBudget} waiting for DNS in total (time spent
 * on anything else does not count), and gives each
 * lookup no more than what is left of that budget and of the job's deadline. What it could not
 * check in that time is {@code unknown}. Definite answers are shared by all jobs (LRU).
 */
public final class ContactVerifier {
    private static final int CACHE_SIZE = 1024;

    private final MxLookup mxLookup;
    private final Duration lookupTimeout;
    /** Less than this is no wait worth a lookup: no DNS answer comes back sooner over a network. */
    static final Duration SHORTEST_WAIT = Duration.ofMillis(10);
    private final Duration jobBudget;
    private final PipelineEvents events;
    private final Map<String, MxLookup.Answer> answers = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, MxLookup.Answer> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    public ContactVerifier(MxLookup mxLookup, Duration lookupTimeout, Duration jobBudget, PipelineEvents events) {
        this.mxLookup = mxLookup;
        this.lookupTimeout = lookupTimeout;
        this.jobBudget = jobBudget;
        this.events = events;
    }

    /** Null when verification is switched off. */
    public static ContactVerifier create(VerificationConfig config, PipelineEvents events) {
        return config.enabled
                ? new ContactVerifier(new JndiMxLookup(config.dnsServerUrl), config.dnsTimeout.toJavaDuration(),
                        config.jobBudget.toJavaDuration(), events)
                : null;
    }

    /** The verification of one job run, bounded by the budget and by {@code limit}. */
    public Run startRun(RunLimit limit) {
        return new Run(limit);
    }

    /** One e-mail outside any job, within one job budget. */
    public VerificationStatus emailStatus(String email) {
        return startRun(RunLimit.none()).emailStatus(email);
    }

    public static VerificationStatus phoneStatus(String phone) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            return util.isValidNumber(util.parse(phone, "KR")) ? VerificationStatus.VALID : VerificationStatus.INVALID;
        } catch (NumberParseException e) {
            return VerificationStatus.INVALID;
        }
    }

    private MxLookup.Answer shared(String domain) {
        synchronized (answers) {
            return answers.get(domain);
        }
    }

    private void share(String domain, MxLookup.Answer answer) {
        if (answer != MxLookup.Answer.UNKNOWN) {
            synchronized (answers) {
                answers.put(domain, answer);
            }
        }
    }

    /** Per job; used by the job's one thread. */
    public final class Run {
        private final RunLimit limit;
        private final Map<String, MxLookup.Answer> asked = new HashMap<>();
        private long spentNanos;

        private Run(RunLimit limit) {
            this.limit = limit;
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

        private MxLookup.Answer mxAnswer(String domain) {
            MxLookup.Answer answer = asked.get(domain);
            if (answer == null) {
                answer = shared(domain);
            }
            if (answer == null) {
                Duration wait = waitAllowed();
                long start = System.nanoTime();
                answer = wait.isZero() ? MxLookup.Answer.UNKNOWN : mxLookup.lookup(domain, wait);
                spentNanos += System.nanoTime() - start;
                share(domain, answer);
            }
            asked.put(domain, answer);
            return answer;
        }

        /**
         * The lookup timeout, cut to what is left of the budget and of the job; zero when stopped or
         * when less than {@link #SHORTEST_WAIT} is left (a resolver that returns a little before its
         * timeout would otherwise leave slivers, each spent on one more lookup that cannot succeed).
         */
        private Duration waitAllowed() {
            long budgetLeft = jobBudget.toNanos() - spentNanos;
            if (budgetLeft < SHORTEST_WAIT.toNanos() || limit.stopReason() != null) {
                return Duration.ZERO;
            }
            Duration wait = lookupTimeout;
            if (Duration.ofNanos(budgetLeft).compareTo(wait) < 0) {
                wait = Duration.ofNanos(budgetLeft);
            }
            if (limit.remaining().compareTo(wait) < 0) {
                wait = limit.remaining();
            }
            return wait;
        }
    }
}
