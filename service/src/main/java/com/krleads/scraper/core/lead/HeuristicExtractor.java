package com.krleads.scraper.core.lead;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds contacts in free text the way Korean listings write them: {@code ☎ 02-345-6789},
 * {@code Tel. 02)345-6789}, {@code (031) 777-8888}, {@code 010-1234-5678},
 * {@code +82 2 123 4567}, {@code 02.345.6789}, {@code 1588-1234}. Candidates are checked by
 * libphonenumber, so a postal code or a registration number does not pass as a phone.
 */
public final class HeuristicExtractor {
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\d+])(?:"
                    + "(?:\\+82[\\s.\\-]*(?:\\(0\\))?[\\s.\\-]*\\(?0?|\\(?0)\\d{1,2}\\)?[\\s.\\-)]*\\d{3,4}[\\s.\\-]*\\d{4}"
                    + "|1[5-9]\\d{2}[\\s.\\-]\\d{4}"
                    + ")(?!\\d)");
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9._%+\\-]+@[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?)+");
    private static final Pattern WEBSITE = Pattern.compile(
            "(?i)(?<![@\\w.\\-])(?:https?://[^\\s<>\"'()]+|www\\.[^\\s<>\"'()@]+)");

    private HeuristicExtractor() {
    }

    /** Fills missing phone, e-mail and website from the text; marks the item {@code heuristic} if any was found. */
    public static void fillMissing(ItemFields fields) {
        if (fields.phone == null) {
            fields.phone = phone(fields.text);
            markIfFound(fields, fields.phone);
        }
        if (fields.email == null) {
            fields.email = email(fields.text);
            markIfFound(fields, fields.email);
        }
        if (fields.website == null) {
            fields.website = websiteHost(fields.text);
            markIfFound(fields, fields.website);
        }
    }

    private static void markIfFound(ItemFields fields, String value) {
        if (value != null) {
            fields.producedBy(ItemFields.HEURISTIC);
        }
    }

    /** The first valid Korean phone number in the text, in E.164; null when there is none. */
    public static String phone(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = PHONE.matcher(text);
        while (m.find()) {
            String normalized = ContactNormalizer.phone(m.group());
            if (normalized != null) {
                return normalized;
            }
        }
        return null;
    }

    /** The first e-mail address in the text, lower case; null when there is none. */
    public static String email(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            String normalized = ContactNormalizer.email(m.group());
            if (normalized != null) {
                return normalized;
            }
        }
        return null;
    }

    /** The host of the first web address written in the text; null when there is none. */
    public static String websiteHost(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = WEBSITE.matcher(text);
        while (m.find()) {
            String normalized = ContactNormalizer.websiteHost(m.group());
            if (normalized != null) {
                return normalized;
            }
        }
        return null;
    }
}
