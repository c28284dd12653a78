/**
 * The scraping pipeline of one job: {@link com.krleads.scraper.core.scrape.FetchSession} (robots.txt,
 * politeness) over {@link com.krleads.scraper.core.scrape.PageFetcher} (guarded requests, redirects,
 * retries, size limit), {@link com.krleads.scraper.core.scrape.ListingParser} and
 * {@link com.krleads.scraper.core.scrape.ItemExtractor} (selectors, then text heuristics, all values
 * normalized by {@link com.krleads.scraper.core.lead.ContactNormalizer}), then enrichment
 * ({@code core.enrich}) and verification ({@code core.verify}), driven page by page by
 * {@link com.krleads.scraper.core.scrape.ScrapeJobRunner}, which hands each lead to the
 * {@link com.krleads.scraper.core.lead.LeadStore}.
 */
package com.krleads.scraper.core.scrape;
