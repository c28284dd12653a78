package com.krleads.scraper.api;

import static com.krleads.scraper.api.SourceRequest.trimmed;

import com.krleads.scraper.api.validation.CssSelector;
import com.krleads.scraper.core.source.Selectors;
import jakarta.validation.constraints.NotNull;

/** The selectors of a {@link SourceRequest}; blank ones read as absent, the rest trimmed. */
public record SelectorsRequest(
        @NotNull(message = "selectors.item is required: it finds the listing's items") @CssSelector String item,
        @CssSelector String name,
        @CssSelector String phone,
        @CssSelector String email,
        @CssSelector String website,
        @CssSelector String address,
        @CssSelector String category,
        @CssSelector String nextPage) {
    static final SelectorsRequest NONE = new SelectorsRequest(null, null, null, null, null, null, null, null);

    public SelectorsRequest {
        item = trimmed(item);
        name = trimmed(name);
        phone = trimmed(phone);
        email = trimmed(email);
        website = trimmed(website);
        address = trimmed(address);
        category = trimmed(category);
        nextPage = trimmed(nextPage);
    }

    public Selectors toSelectors() {
        return new Selectors(item, name, phone, email, website, address, category, nextPage);
    }
}
