package com.krleads.scraper.api.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An absolute http or https URL with a host and no credentials: the syntax the fetcher's
 * guard demands. Whether its address may be fetched depends on configuration and is checked
 * in code. {@code message} is said of a URL that does not parse; {@code {reason}} says why.
 */
@Documented
@Constraint(validatedBy = WebUrlValidator.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface WebUrl {
    String message() default "is not a valid URL: {reason}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
