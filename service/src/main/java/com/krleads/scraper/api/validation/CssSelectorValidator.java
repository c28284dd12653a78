package com.krleads.scraper.api.validation;

import com.krleads.scraper.core.scrape.SelectorCheck;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/** The checks run in the order the messages were always given in; absent text is left to {@code @NotNull}. */
public class CssSelectorValidator implements ConstraintValidator<CssSelector, String> {
    private int max;

    @Override
    public void initialize(CssSelector constraint) {
        max = constraint.max();
    }

    @Override
    public boolean isValid(String selector, ConstraintValidatorContext context) {
        if (selector == null) {
            return true;
        }
        if (selector.length() > max) {
            return false;
        }
        String problem;
        try {
            QueryParser.parse(selector);
            problem = SelectorCheck.regexProblem(selector);
        } catch (Selector.SelectorParseException | IllegalArgumentException e) {
            problem = "not a valid CSS selector: " + e.getMessage();
        }
        if (problem == null) {
            return true;
        }
        Violations.report(context, problem);
        return false;
    }
}
