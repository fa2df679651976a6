package dev.shopfront.chassis.config;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the service chassis, all under {@code shopfront.chassis}; every default is
 * here so a service can see them in one place.
 *
 * @param web HTTP settings
 * @param security token validation settings
 * @param logging log output settings
 */
@ConfigurationProperties("shopfront.chassis")
public record ChassisProperties(@DefaultValue Web web, @DefaultValue Security security, @DefaultValue Logging logging) {

	/**
	 * HTTP settings.
	 *
	 * @param maxBodySize largest request body accepted; larger ones get a 413 problem
	 * @param problemTypeBase base URI of the {@code type} of every problem; the error
	 * kind is appended
	 */
	public record Web(@DefaultValue("1MB") DataSize maxBodySize,
			@DefaultValue("https://shopfront.dev/problems/") URI problemTypeBase) {
	}

	/**
	 * Token validation settings.
	 *
	 * @param jwkSetUri where the token issuer publishes its public keys
	 * @param issuer the {@code iss} every accepted token must carry
	 */
	public record Security(@DefaultValue("http://localhost:8081/.well-known/jwks.json") URI jwkSetUri,
			@DefaultValue("shopfront") String issuer) {
	}

	/**
	 * Log output settings.
	 *
	 * @param json whether console logs are structured JSON (ECS) rather than plain text
	 */
	public record Logging(@DefaultValue("true") boolean json) {
	}

}
