package com.krleads.scraper.db;

import com.krleads.scraper.core.lead.CandidatePair;
import com.krleads.scraper.core.lead.Deduplication;
import com.krleads.scraper.core.lead.Lead;
import com.krleads.scraper.core.lead.LeadDraft;
import com.krleads.scraper.core.lead.LeadKeys;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** {@link Deduplication}'s reads and writes on one transaction's handle; a lead gone meanwhile is a {@link LeadMovedException}. */
final class DeduplicationRows implements Deduplication.Rows {
    private final LeadDao leads;
    private final DuplicateDao duplicates;

    DeduplicationRows(Handle handle) {
        this.leads = handle.attach(LeadDao.class);
        this.duplicates = handle.attach(DuplicateDao.class);
    }

    @Override
    public Optional<Lead> findByPhone(String phone) {
        return leads.findByPhone(phone);
    }

    @Override
    public Optional<Lead> findByEmail(String email) {
        return leads.findByEmail(email);
    }

    @Override
    public Optional<Lead> findByWebsite(String website) {
        return leads.findByWebsite(website);
    }

    @Override
    public Optional<Lead> findByFallbackKey(String fallbackKey) {
        return leads.findByFallbackKey(fallbackKey);
    }

    @Override
    public List<Lead> nearByRegion(String blockKey, String regionKey) {
        return leads.nearByRegion(blockKey, regionKey);
    }

    @Override
    public List<Lead> nearByArea(String blockKey, String areaCode) {
        return leads.nearByArea(blockKey, areaCode);
    }

    @Override
    public Lead lockMatched(long leadId) {
        return leads.lockById(leadId).orElseThrow(() -> new LeadMovedException(leadId));
    }

    @Override
    public void updateMerged(Lead merged, LeadKeys keys) {
        if (leads.update(merged, keys) != 1) {
            throw new LeadMovedException(merged.id());
        }
    }

    @Override
    public long insert(long sourceId, LeadDraft draft, LeadKeys keys, Instant now) {
        return leads.insert(sourceId, draft, keys, now);
    }

    @Override
    public boolean recordCandidate(CandidatePair pair, Instant now) {
        return duplicates.insert(pair.leadId(), pair.otherLeadId(), pair.similarity(), pair.reason(), now) == 1;
    }
}
