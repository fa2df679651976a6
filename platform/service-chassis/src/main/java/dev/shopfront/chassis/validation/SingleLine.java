package dev.shopfront.chassis.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * One line of plain text, as names and address lines are everywhere: no line or paragraph
 * breaks, no control characters, no bidirectional overrides (which turn text around).
 * Text that passes is safe to put into an e-mail's subject or a header. Blank text and
 * null pass (combine with {@code @NotBlank} where a value is required).
 */
@Documented
@Constraint(validatedBy = SingleLineValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
		ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface SingleLine {

	String message() default "must be one line of text without control characters";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
