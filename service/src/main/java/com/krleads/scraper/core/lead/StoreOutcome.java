package com.krleads.scraper.core.lead;

/** What storing one draft of a batch came to: its {@link StoreResult}, or the reason the item was refused. */
public record StoreOutcome(StoreResult result, ItemRejectedException rejection) {
    public static StoreOutcome stored(StoreResult result) {
        return new StoreOutcome(result, null);
    }

    public static StoreOutcome rejected(ItemRejectedException rejection) {
        return new StoreOutcome(null, rejection);
    }

    public boolean isRejected() {
        return rejection != null;
    }
}
