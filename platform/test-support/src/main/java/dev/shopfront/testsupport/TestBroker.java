package dev.shopfront.testsupport;

import com.rabbitmq.client.ConnectionFactory;

/**
 * A RabbitMQ virtual host made for one test context.
 *
 * @param host broker host
 * @param port AMQP port
 * @param username user with full rights on the virtual host
 * @param password that user's password
 * @param virtualHost the virtual host
 */
public record TestBroker(String host, int port, String username, String password, String virtualHost) {

	/**
	 * A plain RabbitMQ client's connections to this virtual host, for a test that works
	 * below Spring AMQP.
	 * @return the factory
	 */
	public ConnectionFactory connectionFactory() {
		ConnectionFactory factory = new ConnectionFactory();
		factory.setHost(this.host);
		factory.setPort(this.port);
		factory.setUsername(this.username);
		factory.setPassword(this.password);
		factory.setVirtualHost(this.virtualHost);
		return factory;
	}

}
