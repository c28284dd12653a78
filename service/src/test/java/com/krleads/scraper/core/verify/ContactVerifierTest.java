package com.krleads.scraper.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.metrics.LabelValues.VerificationStatus;
import com.krleads.scraper.core.PipelineEvents;
import com.krleads.scraper.core.scrape.ItemFields;
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

    private static JndiMxLookup lookup(String serverUrl) {
        return new JndiMxLookup(TIMEOUT, serverUrl);
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
        ContactVerifier verifier = new ContactVerifier(lookup(dns.url()), PipelineEvents.NONE);
        assertThat(verifier.emailStatus(email)).isEqualTo(expected);
    }

    @Test
    void unknownWhenNoDnsServerListens() throws Exception {
        int closedPort;
        try (DatagramSocket socket = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ContactVerifier verifier = new ContactVerifier(lookup("dns://127.0.0.1:" + closedPort), PipelineEvents.NONE);
        assertThat(verifier.emailStatus("info@seoulmatjip.co.kr")).isEqualTo(VerificationStatus.UNKNOWN);
    }

    @Test
    void unknownWhenTheDnsServerDoesNotAnswerInTime() throws Exception {
        try (LoopbackDns silent = LoopbackDns.silent()) {
            ContactVerifier verifier = new ContactVerifier(lookup(silent.url()), PipelineEvents.NONE);
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
        ContactVerifier verifier = new ContactVerifier(lookup(dns.url()), events);
        ItemFields fields = new ItemFields("");
        fields.email = "info@seoulmatjip.co.kr";
        fields.phone = "+8223456789";
        verifier.verify(fields);
        ItemFields nothing = new ItemFields("");
        verifier.verify(nothing);

        assertThat(fields.toDraft().emailStatus()).isEqualTo("valid");
        assertThat(fields.toDraft().phoneStatus()).isEqualTo("valid");
        assertThat(nothing.toDraft().emailStatus()).isNull();
        assertThat(events.all()).containsExactly("verified:email:valid", "verified:phone:valid");
    }

    @Test
    void remembersDefiniteAnswersButAsksAgainAfterUnknown() {
        AtomicInteger calls = new AtomicInteger();
        MxLookup.Answer[] next = {MxLookup.Answer.UNKNOWN};
        ContactVerifier verifier = new ContactVerifier(domain -> {
            calls.incrementAndGet();
            return next[0];
        }, PipelineEvents.NONE);
        assertThat(verifier.emailStatus("a@naver.com")).isEqualTo(VerificationStatus.UNKNOWN);
        next[0] = MxLookup.Answer.MAIL_HOST;
        assertThat(verifier.emailStatus("b@naver.com")).isEqualTo(VerificationStatus.VALID);
        assertThat(verifier.emailStatus("c@naver.com")).isEqualTo(VerificationStatus.VALID);
        assertThat(calls).hasValue(2);
    }
}
