package dev.shopfront.inventory.catalog.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An ISO 4217 currency code that the JDK knows, e.g. {@code EUR}.
 */
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Currency.Validator.class)
@interface Currency {

	String message() default "must be an ISO 4217 currency code such as EUR";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks the code against {@link java.util.Currency}. */
	class Validator implements ConstraintValidator<Currency, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null) {
				return true;
			}
			try {
				return value.matches("[A-Z]{3}") && java.util.Currency.getInstance(value) != null;
			}
			catch (IllegalArgumentException ex) {
				return false;
			}
		}

	}

}
