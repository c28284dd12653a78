package com.krleads.scraper.resources;

import static com.krleads.scraper.resources.ApiTestSupport.api;
import static com.krleads.scraper.resources.ApiTestSupport.assertError;
import static com.krleads.scraper.resources.ApiTestSupport.count;
import static com.krleads.scraper.testing.Fixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.scraper.LeadScraperConfiguration;
import com.krleads.scraper.api.DuplicateResponse;
import com.krleads.scraper.api.LeadResponse;
import com.krleads.scraper.api.PageResponse;
import com.krleads.scraper.core.lead.StoreResult;
import com.krleads.scraper.db.JdbiLeadStore;
import com.krleads.scraper.testing.Fixtures;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class LeadAndDuplicateResourceIT {
    static final DropwizardAppExtension<LeadScraperConfiguration> APP = ApiTestSupport.apiOnlyApp("leads");
    private static final GenericType<PageResponse<LeadResponse>> PAGE = new GenericType<>() { };
    private static final GenericType<List<DuplicateResponse>> DUPLICATES = new GenericType<>() { };
    private Jdbi jdbi;
    private JdbiLeadStore store;
    private long seoul;
    private long busan;

    @BeforeEach
    void seed() {
        jdbi = ApiTestSupport.jdbi(APP);
        jdbi.useHandle(h -> {
            h.execute("DELETE FROM duplicate_candidates");
            h.execute("DELETE FROM leads");
            h.execute("DELETE FROM sources");
        });
        seoul = Fixtures.insertSource(jdbi, "seoul-restaurants");
        busan = Fixtures.insertSource(jdbi, "busan-shops");
        store = new JdbiLeadStore(jdbi, Clock.systemUTC(), 0.85);
        String[] names = {"종로 칼국수", "미래 꽃집", "청솔 약국", "바다 서점", "우리 세탁소", "가람 안경", "별빛 제과"};
        for (int i = 0; i < names.length; i++) {
            store.store(seoul, draft(names[i], "+82212345" + i, null, null, "서울 종로구 " + i));
        }
        store.store(busan, draft("해운대 횟집", "+82517000000", "sea@hoe.kr", null, "부산 해운대구 1"));
    }

    @Nested
    class Leads {
        @Test
        void pagesThroughAllLeads() {
            PageResponse<LeadResponse> first = api(APP, "/leads").queryParam("page", 1).queryParam("size", 5)
                    .request().get(PAGE);
            PageResponse<LeadResponse> second = api(APP, "/leads").queryParam("page", 2).queryParam("size", 5)
                    .request().get(PAGE);

            assertThat(first.total()).isEqualTo(8);
            assertThat(first.items()).hasSize(5);
            assertThat(second.items()).hasSize(3);
            assertThat(second.page()).isEqualTo(2);
            assertThat(second.size()).isEqualTo(5);
        }

        @Test
        void filtersBySearchTextAndSource() {
            PageResponse<LeadResponse> byText = api(APP, "/leads").queryParam("q", "횟집").request().get(PAGE);
            PageResponse<LeadResponse> byEmail = api(APP, "/leads").queryParam("q", "SEA@").request().get(PAGE);
            PageResponse<LeadResponse> byId = api(APP, "/leads").queryParam("source", seoul).request().get(PAGE);
            PageResponse<LeadResponse> byName = api(APP, "/leads").queryParam("source", "busan-shops")
                    .request().get(PAGE);

            assertThat(byText.items()).extracting(LeadResponse::companyName).containsExactly("해운대 횟집");
            assertThat(byEmail.total()).isEqualTo(1);
            assertThat(byId.total()).isEqualTo(7);
            assertThat(byName.items()).extracting(LeadResponse::sourceId).containsExactly(busan);
        }

        @Test
        void aLikeWildcardInTheQueryIsSearchedLiterally() {
            assertThat(api(APP, "/leads").queryParam("q", "%").request().get(PAGE).total()).isZero();
        }

        @Test
        void readsOneLead() {
            long id = store.store(busan, draft("해운대 횟집", "+82517000000", null, null, null)).leadId();
            LeadResponse lead = api(APP, "/leads/" + id).request().get(LeadResponse.class);
            assertThat(lead.phone()).isEqualTo("+82517000000");
            assertThat(lead.email()).isEqualTo("sea@hoe.kr");
        }

        @Test
        void badParametersAre422AndUnknownLeadsAre404() {
            assertError(api(APP, "/leads").queryParam("size", 1000).request().get(), 422, "validation_failed", "size");
            assertError(api(APP, "/leads").queryParam("page", 0).request().get(), 422, "validation_failed", "page");
            assertError(api(APP, "/leads").queryParam("source", "nowhere").request().get(), 422,
                    "validation_failed", "source");
            assertError(api(APP, "/leads/999999").request().get(), 404, "not_found", null);
        }
    }

    @Nested
    class Duplicates {
        private StoreResult original;
        private StoreResult near;

        @BeforeEach
        void nearDuplicate() {
            original = store.store(seoul, draft("(주)한빛식당", "+8223456789", null, null, "서울 강남구 테헤란로 1"));
            near = store.store(busan, draft("한빛식당", "+8229998888", "hanbit@food.kr", null, "서울특별시 강남구 2"));
            assertThat(near.candidateCreated()).isTrue();
        }

        private DuplicateResponse openCandidate() {
            return api(APP, "/duplicates").queryParam("status", "open").request().get(DUPLICATES).get(0);
        }

        @Test
        void listsOpenCandidates() {
            DuplicateResponse candidate = openCandidate();
            assertThat(candidate.leadId()).isEqualTo(original.leadId());
            assertThat(candidate.otherLeadId()).isEqualTo(near.leadId());
            assertThat(candidate.status()).isEqualTo("open");
            assertThat(candidate.reason()).contains("강남구");
        }

        @Test
        void mergeFoldsTheOtherLeadIntoTheFirst() {
            long id = openCandidate().id();
            long leadsBefore = count(jdbi, "leads");

            Response response = api(APP, "/duplicates/" + id + "/merge").request().post(Entity.json(""));

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.readEntity(DuplicateResponse.class).status()).isEqualTo("merged");
            assertThat(count(jdbi, "leads")).isEqualTo(leadsBefore - 1);
            assertError(api(APP, "/leads/" + near.leadId()).request().get(), 404, "not_found", null);
            LeadResponse kept = api(APP, "/leads/" + original.leadId()).request().get(LeadResponse.class);
            assertThat(kept.email()).isEqualTo("hanbit@food.kr");
            assertThat(kept.phone()).isEqualTo("+8223456789");
            assertError(api(APP, "/duplicates/" + id + "/merge").request().post(Entity.json("")), 409, "invalid_state", null);
        }

        @Test
        void dismissKeepsBothLeads() {
            long id = openCandidate().id();
            long leadsBefore = count(jdbi, "leads");

            Response response = api(APP, "/duplicates/" + id + "/dismiss").request().post(Entity.json(""));

            assertThat(response.readEntity(DuplicateResponse.class).status()).isEqualTo("dismissed");
            assertThat(count(jdbi, "leads")).isEqualTo(leadsBefore);
            assertThat(api(APP, "/duplicates").request().get(DUPLICATES)).isEmpty();
            assertThat(api(APP, "/duplicates").queryParam("status", "dismissed").request().get(DUPLICATES)).hasSize(1);
            assertError(api(APP, "/duplicates/" + id + "/merge").request().post(Entity.json("")), 409, "invalid_state", null);
            assertThat(count(jdbi, "leads")).isEqualTo(leadsBefore);
        }

        @Test
        void unknownCandidatesAre404AndBadStatusIs422() {
            assertError(api(APP, "/duplicates/55555/merge").request().post(Entity.json("")), 404, "not_found", null);
            assertError(api(APP, "/duplicates/55555/dismiss").request().post(Entity.json("")), 404, "not_found", null);
            assertError(api(APP, "/duplicates").queryParam("status", "maybe").request().get(), 422,
                    "validation_failed", "status");
        }
    }

    @Test
    void healthChecksAreNamedDatabaseAndQueueAndHealthy() {
        Map<String, Map<String, Object>> health = APP.client()
                .target("http://localhost:" + APP.getAdminPort() + "/healthcheck").request()
                .get(new GenericType<Map<String, Map<String, Object>>>() { });

        assertThat(health).containsKeys("database", "queue");
        assertThat(health.get("database")).containsEntry("healthy", true);
        assertThat(health.get("queue")).containsEntry("healthy", true);
    }
}
