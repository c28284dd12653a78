package com.krleads.scraper.api.validation;

import com.krleads.scraper.core.net.RefusedUrlException;
import com.krleads.scraper.core.net.UrlGuard;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.net.URI;
import java.net.URISyntaxException;

/** Absent text is left to {@code @NotNull}. */
public class WebUrlValidator implements ConstraintValidator<WebUrl, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            Violations.withParameter(context, "reason", e.getReason());
            return false;
        }
        try {
            UrlGuard.checkSyntax(uri);
            return true;
        } catch (RefusedUrlException e) {
            Violations.report(context, e.getMessage());
            return false;
        }
    }
}
