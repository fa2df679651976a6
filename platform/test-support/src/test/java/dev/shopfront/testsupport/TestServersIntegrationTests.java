package dev.shopfront.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import com.rabbitmq.client.ConnectionFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

class TestServersIntegrationTests {

	private final TestServers servers = TestServers.get();

	@Test
	void handsOutAFreshDatabaseAndDropsIt() throws SQLException {
		TestDatabase first = this.servers.createDatabase();
		TestDatabase second = this.servers.createDatabase();
		assertThat(first.name()).isNotEqualTo(second.name()).startsWith("sft_");
		try (Connection connection = DriverManager.getConnection(first.jdbcUrl(), first.username(), first.password())) {
			connection.createStatement().execute("create table t (id int)");
			assertThat(connection.getCatalog()).isEqualTo(first.name());
		}
		this.servers.dropDatabase(first);
		this.servers.dropDatabase(second);
		assertThatException()
			.isThrownBy(() -> DriverManager.getConnection(first.jdbcUrl(), first.username(), first.password()).close());
	}

	@Test
	void handsOutAFreshVirtualHostAndDeletesIt() throws Exception {
		TestBroker broker = this.servers.createVirtualHost();
		ConnectionFactory factory = broker.connectionFactory();
		try (var connection = factory.newConnection(); var channel = connection.createChannel()) {
			channel.queueDeclare("probe", false, false, true, null);
			channel.basicPublish("", "probe", null, "hello".getBytes());
		}
		this.servers.deleteVirtualHost(broker);
		assertThatException().isThrownBy(() -> factory.newConnection().close());
	}

}
