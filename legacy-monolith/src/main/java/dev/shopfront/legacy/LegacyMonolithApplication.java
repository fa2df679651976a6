package dev.shopfront.legacy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The legacy monolith.
 */
@SpringBootApplication
public class LegacyMonolithApplication {

	public static void main(String[] args) {
		SpringApplication.run(LegacyMonolithApplication.class, args);
	}

}
