package dev.shopfront.user.keys;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;

import dev.shopfront.testsupport.JwtMinter;
import dev.shopfront.user.UserServiceIntegrationTest;
import dev.shopfront.user.config.UserProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SigningKeysIntegrationTests extends UserServiceIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	SigningKey configured;

	@Test
	void usesTheConfiguredKeyWithItsKeyId() {
		assertThat(this.configured.keyId()).isEqualTo(JwtMinter.shared().keyId());
		assertThat(this.jdbc.sql("select count(*) from signing_keys where kid = ?")
			.param(this.configured.keyId())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void generatesOneKeyOnceAndKeepsItWhenInstancesStartTogether() {
		this.jdbc.sql("delete from signing_keys").update();
		var jwt = new UserProperties.Jwt("shopfront", null, null, null, null, null);
		var first = CompletableFuture
			.supplyAsync(() -> new SigningKeys(jwt, this.jdbc, this.transactions, Clock.systemUTC()).load());
		var second = CompletableFuture
			.supplyAsync(() -> new SigningKeys(jwt, this.jdbc, this.transactions, Clock.systemUTC()).load());
		String kid = first.join().keyId();
		assertThat(second.join().keyId()).isEqualTo(kid);
		SigningKey afterRestart = new SigningKeys(jwt, this.jdbc, this.transactions, Clock.systemUTC()).load();
		assertThat(afterRestart.keyId()).isEqualTo(kid);
		assertThat(afterRestart.key().toPublicJWK()).isEqualTo(first.join().key().toPublicJWK());
		assertThat(this.jdbc.sql("select count(*) from signing_keys").query(Long.class).single()).isOne();
	}

	@Test
	void explainsAPkcs1KeyInsteadOfFailingObscurely() {
		assertThatIllegalStateException().isThrownBy(
				() -> SigningKeys.fromPem("-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----", null))
			.withMessageContaining("PKCS#8");
	}

}
