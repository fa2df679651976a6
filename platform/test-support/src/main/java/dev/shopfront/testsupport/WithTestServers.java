package dev.shopfront.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives the annotated test's Spring context its own fresh PostgreSQL database and
 * RabbitMQ virtual host ({@code spring.datasource.*}, {@code spring.rabbitmq.*}), dropped
 * when the context closes, and points token validation at {@link TestJwks} so
 * {@link JwtMinter} tokens are trusted.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface WithTestServers {

	/**
	 * Whether the context needs a database.
	 * @return true for a database
	 */
	boolean database() default true;

	/**
	 * Whether the context needs a virtual host.
	 * @return true for a virtual host
	 */
	boolean broker() default true;

}
