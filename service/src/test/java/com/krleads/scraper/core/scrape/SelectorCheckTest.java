package com.krleads.scraper.core.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.scraper.core.source.Selectors;
import com.krleads.scraper.testing.FixtureSite;
import org.junit.jupiter.api.Test;

class SelectorCheckTest {

    @Test
    void acceptsTheFixtureSelectorsAndNullFieldSelectors() {
        assertThat(SelectorCheck.firstProblem(FixtureSite.selectors())).isNull();
        assertThat(SelectorCheck.firstProblem(new Selectors(".listing", null, null, null, null, null, null, null))).isNull();
    }

    @Test
    void namesTheFirstBadField() {
        assertThat(SelectorCheck.firstProblem(new Selectors(" ", ".name", null, null, null, null, null, null)))
                .extracting(SelectorCheck.Problem::field).isEqualTo("selectors.item");
        SelectorCheck.Problem problem = SelectorCheck.firstProblem(
                new Selectors(".listing", ".name", "span[class=", null, null, null, null, "a.next"));
        assertThat(problem.field()).isEqualTo("selectors.phone");
        assertThat(problem.message()).startsWith("not a valid CSS selector");
    }
}
