package dev.shopfront.e2e;

import java.net.URI;
import java.util.Optional;

import com.nimbusds.jose.jwk.RSAKey;

/**
 * The system under test: the base URL of its gateway and, when known, the key its token
 * issuer signs with (needed only to mint an expired but otherwise valid token).
 *
 * @param baseUrl the gateway, e.g. {@code http://localhost:8080}
 * @param signingKey the issuer's private key with its key id, when known
 * @param description what this deployment is, for reports
 */
record Deployment(URI baseUrl, Optional<RSAKey> signingKey, String description) {

}
