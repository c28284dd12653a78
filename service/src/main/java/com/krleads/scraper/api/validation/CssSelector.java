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
 * A CSS selector jsoup parses, of at most {@code max} characters, that runs no regular
 * expression (see {@code SelectorCheck}). An absent selector is valid.
 */
@Documented
@Constraint(validatedBy = CssSelectorValidator.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface CssSelector {
    String message() default "selector longer than {max} characters";

    int max() default 500;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
