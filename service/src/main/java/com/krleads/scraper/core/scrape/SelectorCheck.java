package com.krleads.scraper.core.scrape;

import com.krleads.scraper.core.source.Selectors;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/**
 * Checks a source's CSS selectors before a job needs them, so bad input is refused when the source
 * is saved. jsoup's regular-expression selectors ({@code :matches(...)}, {@code :matchesOwn},
 * {@code :matchesWholeText}, {@code :matchesWholeOwnText}, {@code [attr~=regex]}) run a
 * backtracking regex over every element's text, which a pattern like {@code (a|a)+$} turns into
 * hours of one worker; they are refused.
 */
public final class SelectorCheck {
    private static final Pattern REGEX_SELECTOR = Pattern.compile(":matches|~=", Pattern.CASE_INSENSITIVE);

    private SelectorCheck() {
    }

    /** Why {@code selector} is refused for running a regular expression, or null. */
    public static String regexProblem(String selector) {
        if (selector != null && REGEX_SELECTOR.matcher(selector).find()) {
            return "the selector '" + selector + "' uses a regular expression (:matches..., [attr~=...]), whose "
                    + "run time on a hostile page has no bound; use :contains(...) or classes and attributes";
        }
        return null;
    }

    /**
     * @return null when all selectors parse and {@code item} is set; else the offending field,
     *     e.g. {@code selectors.item}, and why
     */
    public static Problem firstProblem(Selectors selectors) {
        if (selectors == null || selectors.item() == null || selectors.item().isBlank()) {
            return new Problem("selectors.item", "the item selector is required");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("item", selectors.item());
        fields.put("name", selectors.name());
        fields.put("phone", selectors.phone());
        fields.put("email", selectors.email());
        fields.put("website", selectors.website());
        fields.put("address", selectors.address());
        fields.put("category", selectors.category());
        fields.put("nextPage", selectors.nextPage());
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (field.getValue() == null || field.getValue().isBlank()) {
                continue;
            }
            try {
                QueryParser.parse(field.getValue());
            } catch (Selector.SelectorParseException | IllegalArgumentException e) {
                return new Problem("selectors." + field.getKey(), "not a valid CSS selector: " + e.getMessage());
            }
            String regex = regexProblem(field.getValue());
            if (regex != null) {
                return new Problem("selectors." + field.getKey(), regex);
            }
        }
        return null;
    }

    public record Problem(String field, String message) {
    }
}
