package com.krleads.scraper.api.validation;

import jakarta.validation.ConstraintValidatorContext;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * Messages that quote the user's text. The text is passed as a message parameter, never as a
 * template, so nothing in it is expanded; it is escaped because the interpolator strips one
 * level of backslashes from parameters too, and the message must quote the text as sent.
 */
final class Violations {
    private Violations() {
    }

    /** Adds {@code text} as the message parameter {@code name} of the violation(s) this validator reports. */
    static HibernateConstraintValidatorContext withParameter(ConstraintValidatorContext context, String name,
                                                             String text) {
        return context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter(name, literal(text));
    }

    /** Replaces the constraint's message by {@code text}, quoted as it is. */
    static void report(ConstraintValidatorContext context, String text) {
        context.disableDefaultConstraintViolation();
        withParameter(context, "text", text).buildConstraintViolationWithTemplate("{text}").addConstraintViolation();
    }

    private static String literal(String text) {
        return text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}
