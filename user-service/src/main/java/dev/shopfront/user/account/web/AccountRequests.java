package dev.shopfront.user.account.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Optional;

import dev.shopfront.user.account.Address;
import dev.shopfront.chassis.validation.SingleLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Request bodies of the account API.
 */
final class AccountRequests {

	private AccountRequests() {
	}

	/**
	 * {@code POST /api/users}.
	 *
	 * @param email e-mail address
	 * @param password password
	 * @param fullName name
	 * @param shippingAddress default shipping address
	 */
	record Register(@NotBlank @Email @Size(max = 254) @Schema(example = "ada@example.com") String email,
			@NotNull @Size(min = 12, max = 128, message = "must be 12 to 128 characters long") @Schema(
					example = "correct-horse-battery") String password,
			@NotBlank @SingleLine @Size(max = 200) @Schema(example = "Ada Lovelace") String fullName,
			@Valid @Nullable AddressBody shippingAddress) {

		Register {
			email = (email != null) ? email.strip() : null;
		}

	}

	/**
	 * {@code POST /api/users/verify-email}.
	 *
	 * @param token the code from the verification e-mail
	 */
	record VerifyEmail(@NotBlank @Size(max = 100) String token) {

		@Override
		public String toString() {
			return "VerifyEmail[token=***]";
		}

	}

	/**
	 * {@code PATCH /api/users/me} (JSON merge patch semantics): members left out stay as
	 * they are; {@code "shippingAddress": null} removes the address. A class with
	 * setters, not a record, because only setters tell a member left out from one set to
	 * null.
	 */
	static final class ChangeProfile {

		@Size(max = 200)
		@SingleLine
		@Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
		private @Nullable String fullName;

		@Valid
		private @Nullable AddressBody shippingAddress;

		private boolean shippingAddressGiven;

		@Valid
		private @Nullable PreferencesBody preferences;

		@Nullable String getFullName() {
			return this.fullName;
		}

		public void setFullName(@Nullable String fullName) {
			this.fullName = fullName;
		}

		/**
		 * The new address: null when left out, empty when removed.
		 * @return the change of address
		 */
		@Nullable Optional<AddressBody> shippingAddress() {
			return this.shippingAddressGiven ? Optional.ofNullable(this.shippingAddress) : null;
		}

		public void setShippingAddress(@Nullable AddressBody shippingAddress) {
			this.shippingAddress = shippingAddress;
			this.shippingAddressGiven = true;
		}

		@Nullable PreferencesBody getPreferences() {
			return this.preferences;
		}

		public void setPreferences(@Nullable PreferencesBody preferences) {
			this.preferences = preferences;
		}

	}

	/**
	 * A postal address.
	 *
	 * @param line1 street and number
	 * @param line2 anything else
	 * @param city city
	 * @param postalCode postal code
	 * @param country ISO 3166-1 alpha-2 country code
	 */
	record AddressBody(@NotBlank @SingleLine @Size(max = 200) @Schema(example = "Hauptstrasse 1") String line1,
			@Nullable @SingleLine @Size(max = 200) String line2,
			@NotBlank @SingleLine @Size(max = 100) @Schema(example = "Berlin") String city,
			@NotBlank @SingleLine @Size(max = 20) @Schema(example = "10115") String postalCode,
			@NotBlank @Pattern(regexp = "[A-Z]{2}",
					message = "must be an ISO 3166-1 alpha-2 code such as DE") @Schema(example = "DE") String country) {

		Address toAddress() {
			return new Address(this.line1.strip(), (this.line2 != null) ? this.line2.strip() : null, this.city.strip(),
					this.postalCode.strip(), this.country);
		}

		static @Nullable AddressBody of(@Nullable Address address) {
			return (address != null) ? new AddressBody(address.line1(), address.line2(), address.city(),
					address.postalCode(), address.country()) : null;
		}

	}

	/**
	 * Preferences; members left out stay as they are.
	 *
	 * @param marketingEmails whether to get offers by e-mail
	 * @param language preferred language (BCP 47)
	 */
	record PreferencesBody(@Nullable Boolean marketingEmails,
			@Nullable @Size(max = 35) @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{1,8})*",
					message = "must be a language tag such as en or de-CH") String language) {
	}

}
