package com.krleads.scraper.core.quality;

import java.util.Arrays;

/**
 * Counts one job's yield and field coverage as the pipeline goes, from the elements and fields
 * it reads anyway: no extra parse, no allocation per item. One per run, one thread.
 */
public final class JobQualityMeter {
    private final int[] jobCounts = new int[FieldCounts.FIELDS.length];
    private final int[] pageCounts = new int[FieldCounts.FIELDS.length];
    private int pages;
    private int items;
    private int pageItems;
    private int pagesWithoutItems;
    private int firstPageWithoutItems;

    /** A listing page was parsed and its item selector matched {@code itemsOnPage} elements. */
    public void pageParsed(int itemsOnPage) {
        pageStarted();
        pageEnded(itemsOnPage);
    }

    /** A listing page is being read, its items counted as they come: {@link #pageEnded} gives their number. */
    public void pageStarted() {
        pages++;
        pageItems = 0;
        Arrays.fill(pageCounts, 0);
    }

    /** The page begun by {@link #pageStarted} gave {@code itemsOnPage} items. */
    public void pageEnded(int itemsOnPage) {
        items += itemsOnPage;
        pageItems = itemsOnPage;
        if (itemsOnPage == 0) {
            pagesWithoutItems++;
            if (firstPageWithoutItems == 0) {
                firstPageWithoutItems = pages;
            }
        }
    }

    /** One item of the current page was read; {@code presentFields} has the {@link FieldCounts#bit} of each field it had. */
    public void item(int presentFields) {
        int mask = presentFields;
        for (int i = 0; mask != 0; i++, mask >>>= 1) {
            if ((mask & 1) != 0) {
                pageCounts[i]++;
                jobCounts[i]++;
            }
        }
    }

    /** The current page's counts. */
    public FieldCounts page() {
        return new FieldCounts(pageItems, pageCounts);
    }

    /** The job's counts so far. */
    public JobQuality job() {
        return new JobQuality(pages, new FieldCounts(items, jobCounts), pagesWithoutItems, firstPageWithoutItems);
    }
}
