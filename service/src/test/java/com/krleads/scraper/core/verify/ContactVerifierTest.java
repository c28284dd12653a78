package com.krleads.scraper.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.metrics.LabelValues.VerificationStatus;
import com.krleads.scraper.core.job.PipelineEvents;
import com.krleads.scraper.core.job.RunLimit;
import com.krleads.scraper.core.lead.ItemFields;
import com.krleads.scraper.testing.LoopbackDns;
import com.krleads.scraper.testing.RecordingEvents;
import java.net.DatagramSocket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DNS answers come from a loopback server; nothing here reaches the internet. */
class ContactVerifierTest {
    private static final Duration TIMEOUT = Duration.ofMillis(300);
    private static LoopbackDns dns;

    @BeforeAll
    static void startDns() throws Exception {
        dns = LoopbackDns.start()
                .with("seoulmatjip.co.kr", LoopbackDns.TYPE_MX, LoopbackDns.TYPE_A)
                .with("bare-host.kr", LoopbackDns.TYPE_A)
                .with("parked.kr");
    }

    @AfterAll
    static void stopDns() {
        dns.close();
    }

    private static ContactVerifier verifier(String serverUrl, PipelineEvents events) {
        return new ContactVerifier(new JndiMxLookup(serverUrl), TIMEOUT, Duration.ofSeconds(5), events);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "info@seoulmatjip.co.kr, VALID",
            "owner@bare-host.kr, VALID",
            "nobody@parked.kr, INVALID",
            "ghost@no-such-domain.kr, INVALID",
            "not-an-address, INVALID",
            "a@b, INVALID"})
    void emailStatusFromSyntaxAndMx(String email, VerificationStatus expected) {
        ContactVerifier verifier = verifier(dns.url(), PipelineEvents.NONE);
        assertThat(verifier.emailStatus(email)).isEqualTo(expected);
    }

    @Test
    void unknownWhenNoDnsServerListens() throws Exception {
        int closedPort;
        try (DatagramSocket socket = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ContactVerifier verifier = verifier("dns://127.0.0.1:" + closedPort, PipelineEvents.NONE);
        assertThat(verifier.emailStatus("info@seoulmatjip.co.kr")).isEqualTo(VerificationStatus.UNKNOWN);
    }

    @Test
    void unknownWhenTheDnsServerDoesNotAnswerInTime() throws Exception {
        try (LoopbackDns silent = LoopbackDns.silent()) {
            ContactVerifier verifier = verifier(silent.url(), PipelineEvents.NONE);
            assertThat(verifier.emailStatus("info@seoulmatjip.co.kr")).isEqualTo(VerificationStatus.UNKNOWN);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"+8223456789, VALID", "+821012345678, VALID", "+82212, INVALID", "+8201234, INVALID", "전화, INVALID"})
    void phoneStatusByLibphonenumber(String phone, VerificationStatus expected) {
        assertThat(ContactVerifier.phoneStatus(phone)).isEqualTo(expected);
    }

    @Test
    void verifiesAnItemsContactsAndReportsEachCheck() {
        RecordingEvents events = new RecordingEvents();
        ContactVerifier verifier = verifier(dns.url(), events);
        ItemFields fields = new ItemFields("");
        fields.email = "info@seoulmatjip.co.kr";
        fields.phone = "+8223456789";
        ContactVerifier.Run run = verifier.startRun(RunLimit.none());
        run.verify(fields);
        ItemFields nothing = new ItemFields("");
        run.verify(nothing);

        assertThat(fields.toDraft().emailStatus()).isEqualTo("valid");
        assertThat(fields.toDraft().phoneStatus()).isEqualTo("valid");
        assertThat(nothing.toDraft().emailStatus()).isNull();
        assertThat(events.all()).containsExactly("verified:email:valid", "verified:phone:valid");
    }

    @Test
    void remembersDefiniteAnswersButAsksAgainAfterUnknown() {
        AtomicInteger calls = new AtomicInteger();
        MxLookup.Answer[] next = {MxLookup.Answer.UNKNOWN};
        ContactVerifier verifier = new ContactVerifier((domain, timeout) -> {
            calls.incrementAndGet();
            return next[0];
        }, TIMEOUT, Duration.ofSeconds(5), PipelineEvents.NONE);
        assertThat(verifier.emailStatus("a@naver.com")).isEqualTo(VerificationStatus.UNKNOWN);
        next[0] = MxLookup.Answer.MAIL_HOST;
        assertThat(verifier.emailStatus("b@naver.com")).isEqualTo(VerificationStatus.VALID);
        assertThat(verifier.emailStatus("c@naver.com")).isEqualTo(VerificationStatus.VALID);
        assertThat(calls).hasValue(2);
    }

    @Test
    void aSilentResolverCostsOneJobItsBudgetNotOneTimeoutPerDomain() throws Exception {
        try (LoopbackDns silent = LoopbackDns.silent()) {
            JndiMxLookup real = new JndiMxLookup(silent.url());
            java.util.List<Duration> given = new java.util.concurrent.CopyOnWriteArrayList<>();
            Duration budget = Duration.ofMillis(700);
            ContactVerifier verifier = new ContactVerifier((domain, timeout) -> {
                given.add(timeout);
                return real.lookup(domain, timeout);
            }, TIMEOUT, budget, PipelineEvents.NONE);
            ContactVerifier.Run run = verifier.startRun(RunLimit.none());
            for (int i = 0; i < 20; i++) {
                assertThat(run.emailStatus("info@shop" + i + ".kr")).isEqualTo(VerificationStatus.UNKNOWN);
            }
            // The waits given out never add up to more than the budget: the rest is unknown unasked.
            assertThat(given).isNotEmpty().hasSizeLessThan(20);
            assertThat(given.stream().mapToLong(Duration::toMillis).sum()).isLessThanOrEqualTo(budget.toMillis());
        }
    }

    /**
     * A resolver that gives up a little before its timeout leaves slivers of the budget; a sliver
     * shorter than any DNS answer buys no lookup. An upper bound on the lookups: a slow machine
     * sleeps longer, which only spends the budget sooner.
     */
    @Test
    void slimLeftoversOfTheBudgetAreNotSpentOnLookups() {
        java.util.List<Duration> given = new java.util.concurrent.CopyOnWriteArrayList<>();
        ContactVerifier verifier = new ContactVerifier((domain, timeout) -> {
            given.add(timeout);
            try {
                Thread.sleep(Math.max(0, timeout.toMillis() - 3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return MxLookup.Answer.UNKNOWN;
        }, Duration.ofMillis(50), Duration.ofMillis(100), PipelineEvents.NONE);
        ContactVerifier.Run run = verifier.startRun(RunLimit.none());
        for (int i = 0; i < 20; i++) {
            assertThat(run.emailStatus("info@shop" + i + ".kr")).isEqualTo(VerificationStatus.UNKNOWN);
        }
        assertThat(given).hasSizeBetween(1, 2).allSatisfy(wait -> assertThat(wait).isGreaterThanOrEqualTo(ContactVerifier.SHORTEST_WAIT));
    }

    @Test
    void aJobAsksAboutADomainOnceEvenWhenTheAnswerIsUnknown() {
        AtomicInteger calls = new AtomicInteger();
        ContactVerifier verifier = new ContactVerifier((domain, timeout) -> {
            calls.incrementAndGet();
            return MxLookup.Answer.UNKNOWN;
        }, TIMEOUT, Duration.ofSeconds(5), PipelineEvents.NONE);
        ContactVerifier.Run run = verifier.startRun(RunLimit.none());
        assertThat(run.emailStatus("a@slow.kr")).isEqualTo(VerificationStatus.UNKNOWN);
        assertThat(run.emailStatus("b@slow.kr")).isEqualTo(VerificationStatus.UNKNOWN);
        assertThat(calls).hasValue(1);
    }

    @Test
    void aCancelledJobAsksDnsNothingMore() {
        AtomicInteger calls = new AtomicInteger();
        ContactVerifier verifier = new ContactVerifier((domain, timeout) -> {
            calls.incrementAndGet();
            return MxLookup.Answer.MAIL_HOST;
        }, TIMEOUT, Duration.ofSeconds(5), PipelineEvents.NONE);
        RunLimit cancelled = new RunLimit(new com.krleads.scraper.core.job.JobControl() {
            @Override
            public boolean isCancelled() {
                return true;
            }

            @Override
            public void pageDone(com.krleads.scraper.core.job.JobCounts soFar) {
            }
        }, Duration.ofMinutes(1));
        assertThat(verifier.startRun(cancelled).emailStatus("a@naver.com")).isEqualTo(VerificationStatus.UNKNOWN);
        assertThat(calls).hasValue(0);
    }
}
