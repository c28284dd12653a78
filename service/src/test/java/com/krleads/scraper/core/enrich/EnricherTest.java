package com.krleads.scraper.core.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.krleads.metrics.LabelValues.EnrichmentMode;
import com.krleads.scraper.core.lead.ItemFields;
import com.krleads.scraper.core.lead.LeadDraft;
import com.krleads.scraper.core.scrape.ItemExtractor;
import com.krleads.scraper.testing.FixtureSite;
import com.krleads.scraper.testing.OllamaStub;
import com.krleads.scraper.testing.RecordingEvents;
import java.net.ServerSocket;
import java.time.Duration;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EnricherTest {
    /** No name selector hit: name, address and category are only in the text. */
    private static final String NAMELESS_ITEM = """
            <div class="listing"><p class="desc">상호: 한강 숯불갈비 | 주소: 서울특별시 용산구 한강대로 95 |
            문의 Hangang.BBQ@gmail.com / 02-790-1234 | 분류: 고기구이</p></div>""";
    private static final String COMPLETE_ITEM = """
            <div class="listing"><h2 class="name">서울맛집 한식당</h2><span class="tel">02-345-6789</span>
            <a href="mailto:info@seoulmatjip.co.kr">메일</a></div>""";
    private static final String GOOD_ANSWER = """
            {"company_name": "한강 숯불갈비", "phone": "02-790-1234", "email": "hangang.bbq@gmail.com",
             "website": null, "address": "서울특별시 용산구 한강대로 95", "category": "고기구이"}""";

    private final RecordingEvents events = new RecordingEvents();
    private OllamaStub ollama;

    @BeforeEach
    void startOllama() throws Exception {
        ollama = OllamaStub.start();
    }

    @AfterEach
    void stopOllama() {
        ollama.close();
    }

    private Enricher enricher(EnrichmentMode mode, String baseUrl) {
        return new Enricher(mode, new OllamaClient(baseUrl, "llama3.2-test", Duration.ofMillis(400)), events);
    }

    private static ItemFields item(String html) {
        return ItemExtractor.extract(Jsoup.parseBodyFragment(html).selectFirst(".listing"), FixtureSite.selectors());
    }

    @Test
    void theModelFillsTheMissingFieldsAndTheMethodIsLlm() throws Exception {
        ollama.answer(GOOD_ANSWER);
        ItemFields fields = item(NAMELESS_ITEM);
        enricher(EnrichmentMode.AUTO, ollama.baseUrl()).enrich(fields);

        assertThat(fields.toDraft()).isEqualTo(new LeadDraft("한강 숯불갈비", "+8227901234", "hangang.bbq@gmail.com",
                null, "서울특별시 용산구 한강대로 95", "고기구이", "llm", null, null));
        assertThat(events.all()).containsExactly("enriched:auto:llm");
    }

    @Test
    void sendsTheOllamaChatContract() throws Exception {
        ollama.answer(GOOD_ANSWER);
        enricher(EnrichmentMode.AUTO, ollama.baseUrl()).enrich(item(NAMELESS_ITEM));

        assertThat(ollama.chatBodies()).hasSize(1);
        JsonNode body = new ObjectMapper().readTree(ollama.chatBodies().get(0));
        assertThat(body.path("model").asText()).isEqualTo("llama3.2-test");
        assertThat(body.path("format").asText()).isEqualTo("json");
        assertThat(body.path("stream").isBoolean()).isTrue();
        assertThat(body.path("stream").asBoolean()).isFalse();
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("messages").get(0).path("content").asText()).contains("company_name", "category");
        assertThat(body.path("messages").get(1).path("role").asText()).isEqualTo("user");
        assertThat(body.path("messages").get(1).path("content").asText()).contains("상호: 한강 숯불갈비", "02-790-1234");
    }

    @Test
    void valuesTheModelInventedAreDropped() throws Exception {
        ollama.answer("""
                {"company_name": "강남 최고 갈비", "phone": "02-111-2222", "email": "sales@hangang.kr",
                 "address": "서울특별시 용산구 한강대로 95", "category": "한식"}""");
        ItemFields fields = item(NAMELESS_ITEM);
        enricher(EnrichmentMode.AUTO, ollama.baseUrl()).enrich(fields);

        LeadDraft draft = fields.toDraft();
        assertThat(draft.companyName()).isNull();
        assertThat(draft.category()).isNull();
        assertThat(draft.address()).isEqualTo("서울특별시 용산구 한강대로 95");
        // phone and e-mail stay what the heuristics read in the text
        assertThat(draft.phone()).isEqualTo("+8227901234");
        assertThat(draft.email()).isEqualTo("hangang.bbq@gmail.com");
    }

    @ParameterizedTest
    @EnumSource(value = OllamaStub.Behaviour.class, names = {"SLOW", "GARBAGE", "SERVER_ERROR"})
    void fallsBackToHeuristicsWhenOllamaMisbehaves(OllamaStub.Behaviour behaviour) throws Exception {
        ollama.answer(GOOD_ANSWER);
        ollama.behave(behaviour);
        ItemFields fields = item(NAMELESS_ITEM);
        enricher(EnrichmentMode.AUTO, ollama.baseUrl()).enrich(fields);

        assertThat(ollama.chatBodies()).hasSize(1);
        assertThat(fields.toDraft()).isEqualTo(new LeadDraft(null, "+8227901234", "hangang.bbq@gmail.com",
                null, null, null, "heuristic", null, null));
        assertThat(events.all()).containsExactly("enriched:auto:heuristic");
    }

    @Test
    void fallsBackToHeuristicsWhenOllamaIsDown() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ItemFields fields = item(NAMELESS_ITEM);
        enricher(EnrichmentMode.ALWAYS, "http://127.0.0.1:" + closedPort).enrich(fields);
        assertThat(fields.method()).isEqualTo("heuristic");
        assertThat(fields.phone).isEqualTo("+8227901234");
        assertThat(events.all()).containsExactly("enriched:always:heuristic");
    }

    @Test
    void withoutOllamaTheHeuristicsAreTheMethod() throws Exception {
        ItemFields fields = item(NAMELESS_ITEM);
        new Enricher(EnrichmentMode.AUTO, null, events).enrich(fields);
        assertThat(fields.method()).isEqualTo("heuristic");
        assertThat(events.all()).containsExactly("enriched:auto:heuristic");
    }

    @Test
    void autoLeavesCompleteItemsAloneAndOffNeverCalls() throws Exception {
        ollama.answer(GOOD_ANSWER);
        ItemFields complete = item(COMPLETE_ITEM);
        enricher(EnrichmentMode.AUTO, ollama.baseUrl()).enrich(complete);
        ItemFields nameless = item(NAMELESS_ITEM);
        enricher(EnrichmentMode.OFF, ollama.baseUrl()).enrich(nameless);

        assertThat(ollama.chatBodies()).isEmpty();
        assertThat(events.all()).isEmpty();
        assertThat(complete.method()).isEqualTo("selector");
        assertThat(nameless.companyName).isNull();
    }

    @Test
    void alwaysAsksTheModelButKeepsWhatTheSelectorsFound() throws Exception {
        ollama.answer("""
                {"company_name": "서울맛집", "phone": "02-345-6789", "email": null, "website": null,
                 "address": null, "category": "메일"}""");
        ItemFields fields = item(COMPLETE_ITEM);
        enricher(EnrichmentMode.ALWAYS, ollama.baseUrl()).enrich(fields);

        assertThat(ollama.chatBodies()).hasSize(1);
        assertThat(fields.companyName).isEqualTo("서울맛집 한식당");
        assertThat(fields.category).isEqualTo("메일");
        assertThat(fields.method()).isEqualTo("llm");
        assertThat(events.all()).containsExactly("enriched:always:llm");
    }

    @Test
    void parsesOnlyAJsonObjectAnswer() {
        OllamaClient client = new OllamaClient("http://127.0.0.1:9", "m", Duration.ofMillis(100));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.parseAnswer("{\"message\":{\"content\":\"[1,2]\"}}"))
                .isInstanceOf(OllamaException.class).hasMessageContaining("not a JSON object");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.parseAnswer("{\"done\":true}"))
                .isInstanceOf(OllamaException.class).hasMessageContaining("no message.content");
    }
}
