package com.krleads.scraper.core.lead;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.net.IDN;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Puts extracted values into the stored form: phone in E.164 (default region KR), e-mail lower
 * case, website as a bare host (lower case, no {@code www.}, IDN in ASCII), text trimmed with
 * runs of whitespace collapsed. A value that cannot be normalized becomes null (missing).
 */
public final class ContactNormalizer {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern EMAIL = Pattern.compile(
            "[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    private static final Pattern HOST = Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9-]{2,63}");
    private static final int MAX_HOST_LENGTH = 253;
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00a0\\u3000]+");

    private ContactNormalizer() {
    }

    /** E.164, or null when the text is not a valid number for its region (KR by default). */
    public static String phone(String raw) {
        String text = text(raw);
        if (text == null) {
            return null;
        }
        try {
            PhoneNumber number = PHONES.parse(text, "KR");
            return PHONES.isValidNumber(number)
                    ? PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164)
                    : null;
        } catch (NumberParseException e) {
            return null;
        }
    }

    /** Lower case, without a {@code mailto:} prefix or query; null when not an address. */
    public static String email(String raw) {
        String text = text(raw);
        if (text == null) {
            return null;
        }
        String value = text.toLowerCase(Locale.ROOT);
        if (value.startsWith("mailto:")) {
            value = value.substring("mailto:".length());
        }
        int query = value.indexOf('?');
        if (query >= 0) {
            value = value.substring(0, query);
        }
        value = value.trim();
        return value.length() <= 254 && EMAIL.matcher(value).matches() ? value : null;
    }

    /** The host of a URL or bare domain ({@code https://www.Example.co.kr/x} gives {@code example.co.kr}). */
    public static String websiteHost(String raw) {
        String text = text(raw);
        if (text == null) {
            return null;
        }
        String candidate = text.contains("://") ? text : "http://" + text;
        String host;
        try {
            host = URI.create(candidate.replace(" ", "")).getHost();
            if (host == null) {
                host = hostByHand(candidate);
            }
            host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            try {
                host = IDN.toASCII(hostByHand(candidate), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException notAHost) {
                return null;
            }
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        // A DNS name has at most 253 characters (RFC 1035); anything longer is no website.
        return host.length() <= MAX_HOST_LENGTH && HOST.matcher(host).matches() ? host : null;
    }

    /** Trimmed, whitespace runs collapsed to one space; null when nothing is left. */
    public static String text(String raw) {
        if (raw == null) {
            return null;
        }
        String collapsed = WHITESPACE.matcher(raw).replaceAll(" ").trim();
        return collapsed.isEmpty() ? null : collapsed;
    }

    /** java.net.URI gives no host for non-ASCII (IDN) names; cut it out of the text instead. */
    private static String hostByHand(String url) {
        String rest = url.substring(url.indexOf("://") + 3);
        int end = rest.length();
        for (char stop : new char[] {'/', '?', '#', ':'}) {
            int i = rest.indexOf(stop);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return rest.substring(0, end);
    }
}
