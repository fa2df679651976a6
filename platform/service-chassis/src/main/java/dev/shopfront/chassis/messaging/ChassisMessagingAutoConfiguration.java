package dev.shopfront.chassis.messaging;

import java.time.Clock;

import javax.sql.DataSource;

import dev.shopfront.chassis.config.ChassisProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reliable messaging for every service that has a database and a broker: the outbox and
 * its relay, the inbox, the consumers declared as {@link MessageConsumer} beans with
 * their retry and parking queues, and the dead-letter endpoint.
 */
@AutoConfiguration(after = { RabbitAutoConfiguration.class, DataSourceAutoConfiguration.class },
		afterName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
				"org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration" })
@ConditionalOnClass({ RabbitTemplate.class, JdbcClient.class })
@ConditionalOnBean({ DataSource.class, ConnectionFactory.class, RabbitTemplate.class,
		PlatformTransactionManager.class })
@EnableConfigurationProperties(ChassisProperties.class)
public class ChassisMessagingAutoConfiguration {

	private final ChassisProperties.Messaging settings;

	private final Clock clock;

	ChassisMessagingAutoConfiguration(ChassisProperties properties, ObjectProvider<Clock> clock) {
		this.settings = properties.messaging();
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Bean
	OutboxRelay outboxRelay(DataSource dataSource, PlatformTransactionManager transactionManager, RabbitTemplate rabbit,
			MeterRegistry meters, Inbox inbox) {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		OutboxMetrics.register(jdbc, meters);
		OutboxRelay relay = new OutboxRelay(jdbc, new TransactionTemplate(transactionManager), rabbit,
				this.settings.relay(), this.clock, meters);
		relay.housekeeping(
				() -> inbox.forgetBefore(this.clock.instant().minus(this.settings.consumer().inboxRetention())));
		return relay;
	}

	@Bean
	Outbox outbox(DataSource dataSource, OutboxRelay relay, Environment environment) {
		String source = this.settings.source().isBlank()
				? "/shopfront/" + environment.getProperty("spring.application.name", "unknown")
				: this.settings.source();
		return new Outbox(JdbcClient.create(dataSource), messageJson(), source, this.clock, relay::wake);
	}

	@Bean
	Inbox inbox(DataSource dataSource) {
		return new Inbox(JdbcClient.create(dataSource));
	}

	@Bean
	Declarables consumerTopology(ObjectProvider<MessageConsumer> consumers) {
		return new Declarables(consumers.orderedStream()
			.flatMap((consumer) -> ConsumerTopology.of(consumer, this.settings.consumer().retryDelays())
				.getDeclarables()
				.stream())
			.toList());
	}

	@Bean
	ConsumerContainers consumerContainers(ConnectionFactory connectionFactory,
			ObjectProvider<MessageConsumer> consumers, Inbox inbox, PlatformTransactionManager transactionManager,
			RabbitTemplate rabbit, ObjectProvider<MeterRegistry> meters) {
		TransactionTemplate transactions = new TransactionTemplate(transactionManager);
		JsonMapper json = messageJson();
		return new ConsumerContainers(connectionFactory, consumers.orderedStream().toList(),
				this.settings.consumer().prefetch(), this.settings.consumer().concurrency(),
				(consumer) -> new ReliableListener(consumer, this.settings.consumer().retryDelays(), inbox,
						transactions, rabbit, json, this.settings.relay().confirmTimeout(),
						meters.getIfAvailable(SimpleMeterRegistry::new)));
	}

	@Bean
	@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
	DeadLetters deadLetters(ObjectProvider<MessageConsumer> consumers, RabbitTemplate rabbit,
			ConnectionFactory connectionFactory, ObjectProvider<RabbitAdmin> admin) {
		return new DeadLetters(consumers.orderedStream().toList(), rabbit,
				admin.getIfAvailable(() -> new RabbitAdmin(connectionFactory)),
				this.settings.relay().confirmTimeout().toMillis());
	}

	/**
	 * The JSON mapper of messages: a tolerant reader (unknown fields ignored), whatever
	 * the service's web API does.
	 * @return the mapper
	 */
	static JsonMapper messageJson() {
		return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
	}

}
