package com.krleads.scraper.core.lead;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The lookup keys derived from a lead's fields: the name block for near-duplicate search,
 * the region (city and district) of a Korean address, the area code of a Korean phone, and
 * the fallback identity of a lead without any contact. Each key fits its column
 * ({@link LeadColumns}): Unicode normalization can lengthen a name, and a long first word of
 * an address is no region.
 */
public record LeadKeys(String nameKey, String blockKey, String regionKey, String areaCode,
                       String fallbackKey) {
    private static final int BLOCK_LENGTH = 2;
    private static final String[] PROVINCE_SUFFIXES = {"특별자치시", "특별자치도", "특별시", "광역시", "도", "시"};

    public static LeadKeys of(String companyName, String phone, String email, String website,
                              String address) {
        String nameKey = StorableText.truncate(NameSimilarity.normalize(companyName), LeadColumns.NAME_KEY);
        String fallback = null;
        if (phone == null && email == null && website == null && nameKey != null) {
            fallback = StorableText.truncate(nameKey + "|" + normalizeAddress(address), LeadColumns.FALLBACK_KEY);
        }
        String region = regionKey(address);
        return new LeadKeys(nameKey, blockKey(nameKey), region != null && region.length() <= LeadColumns.REGION_KEY
                ? region : null, areaCode(phone), fallback);
    }

    public static LeadKeys of(LeadDraft draft) {
        return of(draft.companyName(), draft.phone(), draft.email(), draft.website(), draft.address());
    }

    /** The first code points of the normalized name: near duplicates are searched within it. */
    static String blockKey(String nameKey) {
        if (nameKey == null) {
            return null;
        }
        int end = nameKey.offsetByCodePoints(0, Math.min(BLOCK_LENGTH, nameKey.codePointCount(0, nameKey.length())));
        return nameKey.substring(0, end);
    }

    /** "서울특별시 강남구 테헤란로 1" and "서울 강남구 ..." both give "서울 강남구". */
    static String regionKey(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        String[] tokens = Normalizer.normalize(address, Normalizer.Form.NFKC).trim().split("\\s+");
        String city = stripProvinceSuffix(tokens[0]);
        if (city.isEmpty()) {
            return null;
        }
        if (tokens.length > 1 && tokens[1].matches(".+[구군시]")) {
            return city + " " + tokens[1];
        }
        return city;
    }

    /** "+8221234567" gives "02", "+82311234567" gives "031"; mobile numbers have no area. */
    static String areaCode(String e164) {
        if (e164 == null || !e164.startsWith("+82") || e164.length() < 6) {
            return null;
        }
        String national = e164.substring(3);
        if (national.startsWith("2")) {
            return "02";
        }
        if (national.startsWith("1")) {
            return null;
        }
        return "0" + national.substring(0, 2);
    }

    private static String stripProvinceSuffix(String token) {
        for (String suffix : PROVINCE_SUFFIXES) {
            if (token.length() > suffix.length() && token.endsWith(suffix)) {
                return token.substring(0, token.length() - suffix.length());
            }
        }
        return token;
    }

    private static String normalizeAddress(String address) {
        if (address == null) {
            return "";
        }
        return Normalizer.normalize(address, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ").trim();
    }
}
