package dev.shopfront.order.saga.participants;

import java.net.http.HttpClient;
import java.util.List;

import dev.shopfront.order.config.OrderProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientCredentialsOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * The saga's REST participant: inventory-service, called with timeouts, a bounded retry
 * and a circuit breaker (Resilience4j, with Micrometer metrics), authenticated with
 * order-service's own SERVICE token (Spring Security's OAuth 2 client, client credentials
 * at user-service).
 */
@Configuration(proxyBeanMethods = false)
class ParticipantsConfiguration {

	/** The client registration of order-service's service account. */
	static final String REGISTRATION = "user-service";

	/**
	 * Whom the SERVICE token is cached for: order-service itself, whoever's request needs
	 * it (by default the interceptor would take the customer of the request, and cache
	 * one token per customer).
	 */
	static final String TOKEN_PRINCIPAL = "order-service";

	@Bean
	AuthorizedClientServiceOAuth2AuthorizedClientManager serviceTokens(ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientService clients, OrderProperties properties) {
		RestClient tokenEndpoint = RestClient.builder()
			.requestFactory(requestFactory(properties.inventory()))
			.configureMessageConverters((converters) -> converters.addCustomConverter(new FormHttpMessageConverter())
				.addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
			.defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
			.build();
		RestClientClientCredentialsTokenResponseClient tokenClient = new RestClientClientCredentialsTokenResponseClient();
		tokenClient.setRestClient(tokenEndpoint);
		ClientCredentialsOAuth2AuthorizedClientProvider provider = new ClientCredentialsOAuth2AuthorizedClientProvider();
		provider.setAccessTokenResponseClient(tokenClient);
		AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
				registrations, clients);
		manager.setAuthorizedClientProvider(provider);
		return manager;
	}

	@Bean
	CircuitBreaker inventoryCircuitBreaker(OrderProperties properties, MeterRegistry meters) {
		OrderProperties.Inventory inventory = properties.inventory();
		CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.failureRateThreshold(inventory.failureRateThreshold())
			.slidingWindowSize(inventory.slidingWindowSize())
			.minimumNumberOfCalls(Math.min(5, inventory.slidingWindowSize()))
			.waitDurationInOpenState(inventory.openFor())
			.permittedNumberOfCallsInHalfOpenState(2)
			.build());
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
		return breakers.circuitBreaker("inventory");
	}

	@Bean
	InventoryParticipant inventoryClient(AuthorizedClientServiceOAuth2AuthorizedClientManager serviceTokens,
			CircuitBreaker inventoryCircuitBreaker, OrderProperties properties, MeterRegistry meters) {
		OrderProperties.Inventory inventory = properties.inventory();
		OAuth2ClientHttpRequestInterceptor tokens = new OAuth2ClientHttpRequestInterceptor(serviceTokens);
		tokens.setClientRegistrationIdResolver((request) -> REGISTRATION);
		Authentication self = UsernamePasswordAuthenticationToken.authenticated(TOKEN_PRINCIPAL, null, List.of());
		tokens.setPrincipalResolver((request) -> self);
		RestClient rest = RestClient.builder()
			.baseUrl(inventory.url().toString())
			.requestFactory(requestFactory(inventory))
			.requestInterceptor(tokens)
			.build();

		RetryRegistry retries = RetryRegistry.of(RetryConfig.custom()
			.maxAttempts(inventory.maxAttempts())
			.intervalFunction(IntervalFunction.ofExponentialBackoff(inventory.retryBackoff(), 2.0))
			.retryOnException(InventoryParticipant::isTransient)
			.build());
		TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
		Retry retry = retries.retry("inventory");
		JsonMapper tolerant = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		return new InventoryParticipant(rest, inventoryCircuitBreaker, retry, tolerant, inventory);
	}

	private static JdkClientHttpRequestFactory requestFactory(OrderProperties.Inventory inventory) {
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(inventory.connectTimeout())
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
		factory.setReadTimeout(inventory.readTimeout());
		return factory;
	}

}
