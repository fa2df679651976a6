package dev.shopfront.testsupport;

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
}
