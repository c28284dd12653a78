package com.krleads.scraper.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SourceRequestTest {
    private static final Validator VALIDATOR = Validators.newValidator();

    private static SourceRequest read(String json) throws Exception {
        return Jackson.newObjectMapper().readValue(json, SourceRequest.class);
    }

    private static SourceRequest request(String name, String startUrl, String item) {
        return new SourceRequest(name, startUrl, new SelectorsRequest(item, null, null, null, null, null, null, null),
                null, null, null);
    }

    /** Field path to message. */
    private static Map<String, String> faults(SourceRequest request) {
        Set<ConstraintViolation<SourceRequest>> violations = VALIDATOR.validate(request);
        return violations.stream().collect(Collectors.toMap(v -> v.getPropertyPath().toString(),
                ConstraintViolation::getMessage));
    }

    @Test
    void aValidRequestHasNoFault() {
        assertThat(faults(request("seoul-food", "https://203.0.113.10/list", ".listing"))).isEmpty();
    }

    @Test
    void textIsTrimmedAndBlankTextIsAbsent() throws Exception {
        SourceRequest request = read("""
                {"name": "  seoul  ", "startUrl": " http://203.0.113.10/ ",
                 "selectors": {"item": " .listing ", "name": "\\u3000", "phone": ""}}""");
        assertThat(request.name()).isEqualTo("seoul");
        assertThat(request.startUrl()).isEqualTo("http://203.0.113.10/");
        assertThat(request.selectors().item()).isEqualTo(".listing");
        assertThat(request.selectors().name()).isNull();
        assertThat(request.selectors().phone()).isNull();
    }

    @Test
    void absentSelectorsNameTheItemSelector() throws Exception {
        SourceRequest request = read("{\"name\": \"a\", \"startUrl\": \"http://203.0.113.10/\"}");
        assertThat(faults(request)).containsOnlyKeys("selectors.item");
    }

    @Test
    void aNameOfOnlyIdeographicSpacesIsAbsent() {
        assertThat(faults(request("\u3000\u3000", "http://203.0.113.10/", ".x")))
                .containsExactly(Map.entry("name", "name is required"));
    }

    @Test
    void lengthsAreCountedAfterTrimming() {
        assertThat(faults(request(" " + "n".repeat(200) + " ", "http://203.0.113.10/", ".x"))).isEmpty();
        assertThat(faults(request("n".repeat(201), "http://203.0.113.10/", ".x")))
                .containsExactly(Map.entry("name", "name is longer than 200 characters"));
        assertThat(faults(request("a", "http://203.0.113.10/", "p".repeat(501))))
                .containsExactly(Map.entry("selectors.item", "selector longer than 500 characters"));
    }

    @Test
    void aUrlThatDoesNotParseIsNamedWithTheReason() {
        assertThat(faults(request("a", "http://bad host/", ".x")).get("startUrl"))
                .startsWith("startUrl is not a valid URL: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://203.0.113.10/", "http:///nohost", "http://user:pw@203.0.113.10/"})
    void aUrlTheFetcherWouldRefuseForItsSyntaxIsAFault(String url) {
        assertThat(faults(request("a", url, ".x"))).containsOnlyKeys("startUrl");
    }

    /** The user's text is data, never a message template: no parameter or expression in it is expanded. */
    @ParameterizedTest
    @CsvSource(delimiterString = "=>", textBlock = """
            div:matches(\\$\\{1+1\\}) => div:matches(\\$\\{1+1\\})
            div:matches(\\{max\\})    => div:matches(\\{max\\})
            div[ {max} ${'x'}         => {max} ${'x'}
            """)
    void theUsersTextIsQuotedLiterally(String selector, String quoted) {
        String message = faults(request("a", "http://203.0.113.10/", selector)).get("selectors.item");
        assertThat(message).contains(quoted);
    }
}
